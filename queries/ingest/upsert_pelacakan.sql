-- upsert_pelacakan: write the staged rows (the registered frame `staging`), replacing a
-- stored row with the same key (peserta_id + kode_program + tanggal_survei).
-- params: none. grain: one row per staged row.
insert or replace into pelacakan (
    peserta_id,
    kode_program,
    tanggal_survei,
    status_kerja,
    upah_bulanan_rupiah,
    kode_perusahaan,
    is_sama_dengan_penempatan_awal,
    sumber
)
select
    peserta_id::text,
    kode_program::text,
    tanggal_survei::date,
    status_kerja::text,
    upah_bulanan_rupiah::decimal(18, 2),
    kode_perusahaan::text,
    is_sama_dengan_penempatan_awal::boolean,
    sumber::text
from staging
order by peserta_id, kode_program, tanggal_survei
