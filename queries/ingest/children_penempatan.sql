-- children_penempatan: the penempatan rows that point at parent rows an import is about to
-- replace (the registered frame `replaced_keys`: kind, key). DuckDB rewrites a
-- replaced row as delete + insert, which a referencing row blocks; these rows are
-- set aside, deleted, and written back after the parents (all in the import's copy).
-- params: none. grain: one row per referencing penempatan row.
select *
from penempatan
where peserta_id in (select key from replaced_keys where kind = 'peserta')
    or kode_program in (select key from replaced_keys where kind = 'program')
    or kode_perusahaan in (select key from replaced_keys where kind = 'perusahaan')
