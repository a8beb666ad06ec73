-- upsert_anggaran: write the staged rows (the registered frame `staging`), replacing a
-- stored row with the same key (tahun + kode_program + sumber_dana). params: none.
-- grain: one row per staged row (written in key order: the index builds faster).
insert or replace into anggaran (
    tahun,
    kode_program,
    sumber_dana,
    pagu_rupiah,
    realisasi_rupiah
)
select
    tahun::integer,
    kode_program::text,
    sumber_dana::text,
    pagu_rupiah::decimal(18, 2),
    realisasi_rupiah::decimal(18, 2)
from staging
order by tahun, kode_program, sumber_dana
