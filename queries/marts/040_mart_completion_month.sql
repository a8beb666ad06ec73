-- mart_completion_month: enrolment counts per month of the programme's end
-- (tanggal_selesai) and filter dimension, from mart_enrolment. The whole-month base
-- of tingkat_kelulusan and tingkat_sertifikasi (read through completion_rows, which
-- adds the days of a partial month from mart_enrolment). Rebuilt after every import.
-- grain: one row per (bulan, kecamatan, kejuruan, penyelenggara, jenis, sumber_dana).
create or replace table mart_completion_month as
select
    date_trunc('month', tanggal_selesai)::date as bulan,
    kecamatan,
    kejuruan,
    penyelenggara,
    jenis,
    sumber_dana,
    count(*) as pendaftaran_count,
    count(*) filter (where is_selesai) as selesai_count,
    count(*) filter (where is_lulus) as lulus_count,
    count(*) filter (where is_tersertifikasi) as tersertifikasi_count,
from mart_enrolment
group by all
order by bulan, kecamatan, kejuruan, penyelenggara, jenis, sumber_dana
