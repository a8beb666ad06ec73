-- import_log: the latest imports for the Kelola Data page.
-- params: $limit. grain: one row per imported file, newest first.
select
    import_id,
    finished_at,
    user_name,
    template,
    data_as_of,
    file_name,
    left(file_sha256, 12) as file_sha256_short,
    row_count,
    inserted_count,
    replaced_count,
    ignored_count,
    rejected_count,
    warning_count,
    status,
from import_log
order by import_id desc
limit $limit
