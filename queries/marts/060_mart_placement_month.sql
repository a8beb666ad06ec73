-- mart_placement_month: placements per month of tanggal_mulai, jenis_penempatan,
-- employer location (is_lokal; null = no employer) and filter dimension, from
-- mart_placement. The whole-month base of penempatan and porsi_lokal (read through
-- placement_rows). Rebuilt after every import.
-- grain: one row per (bulan, jenis_penempatan, is_lokal, dimensions).
create or replace table mart_placement_month as
select
    date_trunc('month', tanggal_mulai)::date as bulan,
    jenis_penempatan,
    is_lokal,
    kecamatan,
    kejuruan,
    penyelenggara,
    jenis,
    sumber_dana,
    count(*) as penempatan_count,
from mart_placement
group by all
order by bulan, jenis_penempatan, kecamatan, kejuruan, penyelenggara, jenis, sumber_dana
