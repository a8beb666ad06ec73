-- insert_quarantine: keep an import's rejected rows (the registered frame
-- `quarantine`, NIK already masked) with their reasons. params: none.
-- grain: one row per rejected spreadsheet row.
insert into import_quarantine (
    import_id,
    template,
    file_name,
    row_number,
    row_json,
    reason_codes,
    reason_id,
    reason_en
)
select
    import_id,
    template,
    file_name,
    row_number,
    row_json,
    reason_codes,
    reason_id,
    reason_en
from quarantine
