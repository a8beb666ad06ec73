-- by_month: placements per month and jenis_penempatan, from 1 January of $tahun - 2
-- to $end, so the selected period shows against the two years before it. The months
-- in [$start, $end] sum to the registry's `penempatan` (tested).
-- Programme filters apply through the placement's kode_program (when known).
-- params: $tahun, $end, dimension lists.
-- grain: one row per (bulan, jenis_penempatan) with at least one placement.
with selected as (
    select
        date_trunc('month', tanggal_mulai)::date as bulan,
        jenis_penempatan,
    from mart_placement
    where tanggal_mulai between make_date($tahun - 2, 1, 1) and $end
        and ($kecamatan is null or list_contains($kecamatan, kecamatan))
        and ($kejuruan is null or list_contains($kejuruan, kejuruan))
        and ($penyelenggara is null or list_contains($penyelenggara, penyelenggara))
        and ($jenis is null or list_contains($jenis, jenis))
        and ($sumber_dana is null or list_contains($sumber_dana, sumber_dana))
),

final as (
    select bulan, jenis_penempatan, count(*) as penempatan_count,
    from selected
    group by bulan, jenis_penempatan
)

select * from final
order by bulan, jenis_penempatan
