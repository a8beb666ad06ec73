-- by_month: placements per month and jenis_penempatan, from 1 January of $tahun - 2
-- to $end, so the selected period shows against the two years before it. The months
-- in [$start, $end] sum to the registry's `penempatan` (tested).
-- Programme filters apply through the placement's kode_program (when known).
-- params: $tahun, $end, dimension lists.
-- filters: in_filters (a macro of queries/marts/), the dimension lists.
-- grain: one row per (bulan, jenis_penempatan) with at least one placement.
with selected as (
    -- placements per month (mart_placement_month), partial months per placement
    select
        date_trunc('month', tanggal)::date as bulan,
        jenis_penempatan,
        penempatan_count,
    from placement_rows(make_date($tahun - 2, 1, 1), $end)
    where in_filters(
        kecamatan, kejuruan, penyelenggara, jenis, sumber_dana,
        $kecamatan, $kejuruan, $penyelenggara, $jenis, $sumber_dana,
    )
),

final as (
    select bulan, jenis_penempatan, sum(penempatan_count)::bigint as penempatan_count,
    from selected
    group by bulan, jenis_penempatan
)

select * from final
order by bulan, jenis_penempatan
