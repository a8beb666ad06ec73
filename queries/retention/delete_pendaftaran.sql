-- delete_pendaftaran: remove the pendaftaran rows of the persons in the registered frame
-- `retention_stale` (from stale_persons);
-- children first (pelacakan, penempatan, pendaftaran), then peserta. params: none.
-- grain: one row per deleted row.
delete from pendaftaran
where peserta_id in (select peserta_id from retention_stale)
