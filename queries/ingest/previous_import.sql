-- previous_import: the last import of the same file (same SHA-256) into the same
-- template, if any. params: $sha256, $template. grain: at most one row.
select import_id, finished_at, user_name, file_name, status
from import_log
where file_sha256 = $sha256 and template = $template
order by import_id desc
limit 1
