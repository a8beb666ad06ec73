-- delete_children_pendaftaran: remove the pendaftaran rows set aside by children_pendaftaran, those
-- pointing at the keys in the registered frame `replaced_keys` (kind, key); they
-- are written back right after the parents are replaced. params: none.
-- grain: one row per deleted row.
delete from pendaftaran
where peserta_id in (select key from replaced_keys where kind = 'peserta')
    or kode_program in (select key from replaced_keys where kind = 'program')
