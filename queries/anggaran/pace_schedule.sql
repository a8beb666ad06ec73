-- pace_schedule: the city's own spending pace, the schedule a programme's pacing is
-- held to. For each month n = 1..12: the $quantile (e.g. 0.10) and the median of
-- the cumulative absorption by month n (spending of months 1..n ÷ pagu × 100) over
-- the programmes of the $years years before $tahun that have monthly figures (all
-- their funding sources summed, as anggaran/programme_pacing.sql does). A programme
-- below floor_pct at month n is slower than (1 − $quantile) of the earlier years'
-- programmes were at that month. Fewer than $min_programmes programmes: no floor.
-- params: $tahun, $years, $quantile, $min_programmes, dimension lists.
-- filters: in_programme (a macro of queries/marts/), the programme lists.
-- grain: one row per bulan 1-12.
with months as (
    select unnest(range(1, 13)) as bulan
),

paced as (
    -- one row per programme and month: its sources summed
    select
        b.tahun,
        b.kode_program,
        m.bulan,
        sum(coalesce(b.realisasi_kumulatif[m.bulan], 0))
            / sum(b.pagu_rupiah::double) * 100 as serapan_pct,
    from mart_budget as b
    cross join months as m
    where b.tahun between $tahun - $years and $tahun - 1
        and b.is_program
        and b.has_monthly
        and in_programme(
            b.kejuruan, b.penyelenggara, b.jenis, b.sumber_dana,
            $kejuruan, $penyelenggara, $jenis, $sumber_dana,
        )
    group by b.tahun, b.kode_program, m.bulan
    having sum(b.pagu_rupiah) > 0
),

final as (
    select
        bulan,
        count(*) as programmes_count,
        case
            when count(*) >= $min_programmes
                then quantile_cont(serapan_pct, $quantile::double)
        end as floor_pct,
        case when count(*) >= $min_programmes then median(serapan_pct) end
            as median_pct,
    from paced
    group by bulan
)

select * from final
order by bulan
