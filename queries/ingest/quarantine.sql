-- quarantine: rejected rows kept to be fixed and re-imported (NIK already masked).
-- params: $limit. grain: one row per rejected spreadsheet row, newest import first.
select
    q.import_id,
    q.template,
    q.file_name,
    q.row_number,
    q.reason_id,
    q.reason_en,
    q.row_json,
from import_quarantine as q
order by q.import_id desc, q.row_number
limit $limit
