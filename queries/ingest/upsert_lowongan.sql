-- upsert_lowongan: write the staged rows (the registered frame `staging`), replacing a
-- stored row with the same key (kode_perusahaan + kejuruan_id + tahun). params: none.
-- grain: one row per staged row (written in key order: the index builds faster).
insert or replace into lowongan (
    kode_perusahaan,
    kejuruan_id,
    tahun,
    jumlah
)
select
    kode_perusahaan::text,
    kejuruan_id::integer,
    tahun::integer,
    jumlah::integer
from staging
order by kode_perusahaan, kejuruan_id, tahun
