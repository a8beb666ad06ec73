-- upsert_realisasi_bulanan: write the staged rows (the registered frame `staging`), replacing a
-- stored row with the same key (tahun + bulan + kode_program + sumber_dana). params: none.
-- grain: one row per staged row (written in key order: the index builds faster).
insert or replace into realisasi_bulanan (
    tahun,
    bulan,
    kode_program,
    sumber_dana,
    realisasi_rupiah
)
select
    tahun::integer,
    bulan::integer,
    kode_program::text,
    sumber_dana::text,
    realisasi_rupiah::decimal(18, 2)
from staging
order by tahun, bulan, kode_program, sumber_dana
