-- wage_by_kejuruan: monthly wage at placement of 'kerja' placements starting in
-- [$start, $end] (placements without a wage left out): n, 25th percentile, median
-- and 75th percentile, per kejuruan ('' = no programme recorded) and for all
-- (is_total). The total median is the registry's `upah_median` (tested). umk_rupiah
-- is the UMK Kota Cilegon of $tahun (ref_umk), the reference line. Read from
-- mart_wage (the kerja placements with a wage).
-- params: $tahun, $start, $end, dimension lists.
-- filters: in_filters (a macro of queries/marts/), the dimension lists.
-- grain: one row per kejuruan plus one total row.
with selected as (
    select coalesce(kejuruan, '') as kejuruan, upah_bulanan_rupiah::double as upah,
    from mart_wage
    where tanggal_mulai between $start and $end
        and in_filters(
            kecamatan, kejuruan, penyelenggara, jenis, sumber_dana,
            $kecamatan, $kejuruan, $penyelenggara, $jenis, $sumber_dana,
        )
),

grouped as (
    select
        grouping(kejuruan) = 1 as is_total,
        coalesce(kejuruan, '') as kejuruan,
        count(*) as n_count,
        -- one sort per group for the three quartiles (median = quantile_cont 0.5)
        quantile_cont(upah, [0.25, 0.5, 0.75]) as q,
    from selected
    group by grouping sets ((), (kejuruan))
),

quartiles as (
    select
        is_total,
        kejuruan,
        n_count,
        q[1] as p25_rupiah,
        q[2] as median_rupiah,
        q[3] as p75_rupiah,
    from grouped
),

final as (
    select
        g.*,
        (select u.umk_rupiah::double from ref_umk as u where u.tahun = $tahun)
            as umk_rupiah,
    from quartiles as g
)

select * from final
order by is_total desc, median_rupiah desc, kejuruan
