-- local_by_kejuruan: placements starting in [$start, $end] with a known employer,
-- split into employers located in Cilegon (lokal) and outside, per kejuruan of the
-- placement's programme ('' = no programme recorded). Summed over kejuruan,
-- lokal / (lokal + luar) is the registry's `porsi_lokal` (tested).
-- params: $start, $end, dimension lists.
-- filters: in_filters (a macro of queries/marts/), the dimension lists.
-- grain: one row per kejuruan with at least one placement at a known employer.
with selected as (
    -- placements per month (mart_placement_month), partial months per placement
    select coalesce(kejuruan, '') as kejuruan, is_lokal, penempatan_count,
    from placement_rows($start, $end)
    where is_lokal is not null
        and in_filters(
            kecamatan, kejuruan, penyelenggara, jenis, sumber_dana,
            $kecamatan, $kejuruan, $penyelenggara, $jenis, $sumber_dana,
        )
),

final as (
    select
        kejuruan,
        coalesce(sum(penempatan_count) filter (where is_lokal), 0)::bigint
            as lokal_count,
        coalesce(sum(penempatan_count) filter (where not is_lokal), 0)::bigint
            as luar_count,
    from selected
    group by kejuruan
)

select * from final
order by lokal_count + luar_count desc, kejuruan
