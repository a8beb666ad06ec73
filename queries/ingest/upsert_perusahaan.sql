-- upsert_perusahaan: write the staged rows (the registered frame `staging`), replacing a
-- stored row with the same key (kode_perusahaan). params: none.
-- grain: one row per staged row (written in key order: the index builds faster).
insert or replace into perusahaan (
    kode_perusahaan,
    nama_perusahaan,
    sektor_kbli,
    kecamatan_kode,
    is_anggota_apindo
)
select
    kode_perusahaan::text,
    nama_perusahaan::text,
    sektor_kbli::text,
    kecamatan_kode::text,
    is_anggota_apindo::boolean
from staging
order by kode_perusahaan
