-- mart_graduate_month: graduates (status lulus) per month of tanggal_lulus and filter
-- dimension, with the jenis of their first placement and whether it started within 6
-- months (mart_enrolment.is_placed_6m), and how many were placed within 30, 91, 183
-- and 365 days of graduating (days_to_placement). The whole-month base of
-- tingkat_penempatan_6b, the graduates of kesenjangan_link_match and the cohorts of
-- pelatihan/cohort_placement (read through graduate_rows). Rebuilt after every import.
-- grain: one row per (bulan, dimensions, placement_jenis, is_placed_6m).
create or replace table mart_graduate_month as
select
    date_trunc('month', tanggal_lulus)::date as bulan,
    kecamatan,
    kejuruan,
    penyelenggara,
    jenis,
    sumber_dana,
    placement_jenis,
    is_placed_6m,
    count(*) as lulusan_count,
    count(*) filter (where days_to_placement <= 30) as placed_30_count,
    count(*) filter (where days_to_placement <= 91) as placed_91_count,
    count(*) filter (where days_to_placement <= 183) as placed_183_count,
    count(*) filter (where days_to_placement <= 365) as placed_365_count,
from mart_enrolment
where is_lulus
group by all
order by bulan, kecamatan, kejuruan, penyelenggara, jenis, sumber_dana
