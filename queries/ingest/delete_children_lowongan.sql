-- delete_children_lowongan: remove the lowongan rows set aside by children_lowongan, those
-- pointing at the keys in the registered frame `replaced_keys` (kind, key); they
-- are written back right after the parents are replaced. params: none.
-- grain: one row per deleted row.
delete from lowongan
where kode_perusahaan in (select key from replaced_keys where kind = 'perusahaan')
