-- upsert_peserta: write the staged rows (the registered frame `staging`), replacing a
-- stored row with the same key (peserta_id). params: none.
-- grain: one row per staged row (written in key order: the index builds faster).
insert or replace into peserta (
    peserta_id,
    jenis_kelamin,
    tanggal_lahir,
    pendidikan,
    kecamatan_kode,
    kelurahan_kode,
    is_disabilitas
)
select
    peserta_id::text,
    jenis_kelamin::text,
    tanggal_lahir::date,
    pendidikan::text,
    kecamatan_kode::text,
    kelurahan_kode::text,
    is_disabilitas::boolean
from staging
order by peserta_id
