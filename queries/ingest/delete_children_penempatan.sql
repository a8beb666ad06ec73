-- delete_children_penempatan: remove the penempatan rows set aside by children_penempatan, those
-- pointing at the keys in the registered frame `replaced_keys` (kind, key); they
-- are written back right after the parents are replaced. params: none.
-- grain: one row per deleted row.
delete from penempatan
where peserta_id in (select key from replaced_keys where kind = 'peserta')
    or kode_program in (select key from replaced_keys where kind = 'program')
    or kode_perusahaan in (select key from replaced_keys where kind = 'perusahaan')
