-- upsert_pendaftaran: write the staged rows (the registered frame `staging`), replacing a
-- stored row with the same key (peserta_id + kode_program). params: none.
-- grain: one row per staged row (written in key order: the index builds faster).
insert or replace into pendaftaran (
    peserta_id,
    kode_program,
    status,
    tanggal_lulus,
    is_tersertifikasi
)
select
    peserta_id::text,
    kode_program::text,
    status::text,
    tanggal_lulus::date,
    is_tersertifikasi::boolean
from staging
order by peserta_id, kode_program
