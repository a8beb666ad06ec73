-- bench/upah_median: queries/metrics/upah_median.sql from the base tables
-- (bench/peers.py): the median monthly wage of kerja placements starting in
-- [$start, $end], and how many wages it is taken over.
-- params: $start, $end. grain: one row (grp 'total').
with wages as (
    select
        median(upah_bulanan_rupiah::double) as value,
        count(upah_bulanan_rupiah)::double as denominator,
    from penempatan
    where jenis_penempatan = 'kerja'
        and tanggal_mulai between $start and $end
        and upah_bulanan_rupiah is not null
)

select 'total' as grp, value, null::double as numerator, denominator,
from wages
