-- mart_participant_year: persons per calendar year of tanggal_mulai and filter
-- dimension, from mart_participant's first-in-year flags: peserta_count counts each
-- person once per year (sum it over any cells of a year), peserta_<dimension>_count
-- once per year and value of that dimension. The base of peserta for whole years
-- without a dimension filter. Rebuilt after every import.
-- grain: one row per (tahun, kecamatan, kejuruan, penyelenggara, jenis, sumber_dana).
create or replace table mart_participant_year as
select
    year(tanggal_mulai) as tahun,
    kecamatan,
    kejuruan,
    penyelenggara,
    jenis,
    sumber_dana,
    count(*) filter (where is_first_tahun) as peserta_count,
    count(*) filter (where is_first_tahun_kejuruan) as peserta_kejuruan_count,
    count(*) filter (where is_first_tahun_penyelenggara) as peserta_penyelenggara_count,
    count(*) filter (where is_first_tahun_jenis) as peserta_jenis_count,
    count(*) filter (where is_first_tahun_sumber_dana) as peserta_sumber_dana_count,
from mart_participant
group by all
order by tahun, kecamatan, kejuruan, penyelenggara, jenis, sumber_dana
