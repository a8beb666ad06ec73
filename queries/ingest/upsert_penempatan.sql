-- upsert_penempatan: write the staged rows (the registered frame `staging`), replacing a
-- stored row with the same key (peserta_id + jenis_penempatan + tanggal_mulai). params: none.
-- grain: one row per staged row (written in key order: the index builds faster).
insert or replace into penempatan (
    peserta_id,
    jenis_penempatan,
    tanggal_mulai,
    kode_perusahaan,
    kode_program,
    upah_bulanan_rupiah
)
select
    peserta_id::text,
    jenis_penempatan::text,
    tanggal_mulai::date,
    kode_perusahaan::text,
    kode_program::text,
    upah_bulanan_rupiah::decimal(18, 2)
from staging
order by peserta_id, jenis_penempatan, tanggal_mulai
