-- upsert_program: write the staged rows (the registered frame `staging`), replacing a
-- stored row with the same key (kode_program). params: none.
-- grain: one row per staged row (written in key order: the index builds faster).
insert or replace into program (
    kode_program,
    nama_program,
    kejuruan_id,
    penyelenggara_id,
    jenis,
    sumber_dana,
    tahun,
    tanggal_mulai,
    tanggal_selesai,
    kuota
)
select
    kode_program::text,
    nama_program::text,
    kejuruan_id::integer,
    penyelenggara_id::integer,
    jenis::text,
    sumber_dana::text,
    tahun::integer,
    tanggal_mulai::date,
    tanggal_selesai::date,
    kuota::integer
from staging
order by kode_program
