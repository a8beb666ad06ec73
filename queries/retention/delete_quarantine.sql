-- delete_quarantine: remove the rejected rows kept from imports that finished before
-- $cutoff (the import log itself stays: it holds no participant data).
-- params: $cutoff (date). grain: one row per deleted row.
delete from import_quarantine
where import_id in (select import_id from import_log where finished_at < $cutoff)
