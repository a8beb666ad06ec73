-- local_by_kejuruan: placements starting in [$start, $end] with a known employer,
-- split into employers located in Cilegon (lokal) and outside, per kejuruan of the
-- placement's programme ('' = no programme recorded). Summed over kejuruan,
-- lokal / (lokal + luar) is the registry's `porsi_lokal` (tested).
-- params: $start, $end, dimension lists.
-- grain: one row per kejuruan with at least one placement at a known employer.
with selected as (
    -- placements per month (mart_placement_month), partial months per placement
    select coalesce(kejuruan, '') as kejuruan, is_lokal, penempatan_count,
    from placement_rows($start, $end)
    where is_lokal is not null
        and ($kecamatan is null or list_contains($kecamatan, kecamatan))
        and ($kejuruan is null or list_contains($kejuruan, kejuruan))
        and ($penyelenggara is null or list_contains($penyelenggara, penyelenggara))
        and ($jenis is null or list_contains($jenis, jenis))
        and ($sumber_dana is null or list_contains($sumber_dana, sumber_dana))
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
