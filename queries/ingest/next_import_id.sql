-- next_import_id: the id the next import gets (imports run one at a time).
-- params: none. grain: one row.
select coalesce(max(import_id), 0) + 1 as import_id from import_log
