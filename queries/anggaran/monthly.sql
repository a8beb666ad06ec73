-- monthly: spending by month of the budget lines of year $tahun, per funding source,
-- for pacing against the straight line n/12 of pagu (budget.pacing sums these rows to
-- any coarser group: the total, a source). pagu_rupiah is the pagu of the source's
-- lines (repeated each month), realisasi_rupiah what they spent that month (a line
-- without a figure for a month spent nothing). lines_count counts the source's lines,
-- silent_lines_count those without any monthly figure at all. bulan_data is the last
-- month of year $tahun with any monthly figure (null: none imported). Read from
-- mart_budget's cumulative monthly spending (realisasi_kumulatif, folded from
-- realisasi_bulanan at import) and mart_budget_years. Per programme:
-- anggaran/programme_pacing.sql.
-- params: $tahun, $kejuruan, $penyelenggara, $jenis, $sumber_dana.
-- filters: in_programme (a macro of queries/marts/), the programme lists.
-- grain: one row per sumber_dana × bulan 1-12 (sources with a line in the year).
with lines as (
    select sumber_dana, pagu_rupiah::double as pagu_rupiah, has_monthly, realisasi_kumulatif,
    from mart_budget
    where tahun = $tahun
        and in_programme(
            kejuruan, penyelenggara, jenis, sumber_dana,
            $kejuruan, $penyelenggara, $jenis, $sumber_dana,
        )
),

sources as (
    select
        sumber_dana,
        sum(pagu_rupiah) as pagu_rupiah,
        count(*) as lines_count,
        count(*) filter (where not has_monthly) as silent_lines_count,
        [
            sum(coalesce(realisasi_kumulatif[1], 0)),
            sum(coalesce(realisasi_kumulatif[2], 0)),
            sum(coalesce(realisasi_kumulatif[3], 0)),
            sum(coalesce(realisasi_kumulatif[4], 0)),
            sum(coalesce(realisasi_kumulatif[5], 0)),
            sum(coalesce(realisasi_kumulatif[6], 0)),
            sum(coalesce(realisasi_kumulatif[7], 0)),
            sum(coalesce(realisasi_kumulatif[8], 0)),
            sum(coalesce(realisasi_kumulatif[9], 0)),
            sum(coalesce(realisasi_kumulatif[10], 0)),
            sum(coalesce(realisasi_kumulatif[11], 0)),
            sum(coalesce(realisasi_kumulatif[12], 0)),
        ] as kumulatif,
    from lines
    group by sumber_dana
),

months as (
    select unnest(range(1, 13)) as bulan
),

final as (
    select
        s.sumber_dana,
        s.pagu_rupiah,
        m.bulan,
        s.kumulatif[m.bulan] - coalesce(s.kumulatif[m.bulan - 1], 0) as realisasi_rupiah,
        s.lines_count,
        s.silent_lines_count,
        (select bulan_data from mart_budget_years where tahun = $tahun) as bulan_data,
    from sources as s
    cross join months as m
)

select * from final
order by sumber_dana, bulan
