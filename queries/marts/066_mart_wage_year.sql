-- mart_wage_year: how many 'kerja' placements with a wage started in each calendar
-- year at each wage (upah_bulanan_rupiah, exact), in all (dimensi 'total') and per
-- value (nilai) of one filter dimension (dimensi 'kecamatan', 'kejuruan', ...), with
-- the running count up to that wage (upah_upto) and the year's count (upah_total) of
-- the same (tahun, dimensi, nilai). The median of one such cell is the wage where the
-- running count reaches the middle rank, so upah_median reads it from here for one
-- whole year (or each year) with at most one value of one dimension, instead of
-- sorting every wage. Rebuilt after every import.
-- grain: one row per (tahun, dimensi, nilai, upah_bulanan_rupiah).
create or replace table mart_wage_year as
with counted as (
    select
        year(tanggal_mulai) as tahun,
        case
            when grouping(kecamatan) = 0 then 'kecamatan'
            when grouping(kejuruan) = 0 then 'kejuruan'
            when grouping(penyelenggara) = 0 then 'penyelenggara'
            when grouping(jenis) = 0 then 'jenis'
            when grouping(sumber_dana) = 0 then 'sumber_dana'
            else 'total'
        end as dimensi,
        coalesce(kecamatan, kejuruan, penyelenggara, jenis, sumber_dana) as nilai,
        upah_bulanan_rupiah,
        count(*) as upah_count,
    from mart_wage
    group by grouping sets (
        (tahun, upah_bulanan_rupiah),
        (tahun, kecamatan, upah_bulanan_rupiah),
        (tahun, kejuruan, upah_bulanan_rupiah),
        (tahun, penyelenggara, upah_bulanan_rupiah),
        (tahun, jenis, upah_bulanan_rupiah),
        (tahun, sumber_dana, upah_bulanan_rupiah)
    )
)

select
    *,
    sum(upah_count) over (
        partition by tahun, dimensi, nilai
        order by upah_bulanan_rupiah
        rows unbounded preceding
    )::bigint as upah_upto,
    sum(upah_count) over (partition by tahun, dimensi, nilai)::bigint as upah_total,
from counted
order by dimensi, tahun, nilai, upah_bulanan_rupiah
