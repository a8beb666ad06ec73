-- programme_pacing: each programme of year $tahun (all its funding sources) at month
-- n = least($bulan, the last month with any monthly figure): spending of months 1..n
-- (mart_budget's realisasi_kumulatif, folded from realisasi_bulanan at import)
-- against the straight line n/12 of pagu, as budget.pacing computes it for a group
-- (is_lagging: 12 × spending < n × pagu, exactly), with Tukey's IQR outlier flag on
-- the cumulative serapan over all the programmes (fences as in
-- programme_absorption.sql: $iqr_k, at least $iqr_min programmes). The $limit
-- programmes furthest behind come back (lowest serapan first, then kode_program);
-- programmes_count, lagging_count and outliers_count count them all and
-- outlier_codes lists the first outliers in the same order (for the sentence).
-- is_behind: below $floor_pct, the city's own schedule at month n
-- (anggaran/pace_schedule.sql; null: the straight line); behind_count counts them.
-- params: $tahun, dimension lists, $bulan, $floor_pct, $iqr_k, $iqr_min, $limit.
-- filters: in_programme (a macro of queries/marts/), the programme lists.
-- grain: one row per programme, at most $limit rows (none without monthly data).
with month_n as (
    select least($bulan, bulan_data) as bulan,
    from mart_budget_years
    where tahun = $tahun
),

programmes as (
    -- a programme's lines (sources) summed: pagu and spending by month n
    select
        b.kode_program,
        any_value(b.nama_program) as nama_program,
        any_value(b.kejuruan) as kejuruan,
        sum(b.pagu_rupiah::double) as pagu_rupiah,
        sum(coalesce(b.realisasi_kumulatif[n.bulan], 0)) as realisasi_kumulatif_rupiah,
    from mart_budget as b
    cross join month_n as n
    where b.tahun = $tahun
        and b.is_program
        and in_programme(
            b.kejuruan, b.penyelenggara, b.jenis, b.sumber_dana,
            $kejuruan, $penyelenggara, $jenis, $sumber_dana,
        )
    group by b.kode_program
),

rated as (
    select
        p.kode_program,
        p.nama_program,
        p.kejuruan,
        n.bulan,
        p.pagu_rupiah,
        p.realisasi_kumulatif_rupiah,
        p.realisasi_kumulatif_rupiah / nullif(p.pagu_rupiah, 0) * 100
            as serapan_kumulatif_pct,
        n.bulan / 12 * 100 as garis_lurus_pct,
        12 * p.realisasi_kumulatif_rupiah < n.bulan * p.pagu_rupiah as is_lagging,
        case
            when $floor_pct::double is null then is_lagging
            else coalesce(
                p.realisasi_kumulatif_rupiah / nullif(p.pagu_rupiah, 0) * 100
                    < $floor_pct::double,
                false
            )
        end as is_behind,
    from programmes as p
    cross join month_n as n
    where n.bulan is not null
),

quartiles as (
    select
        quantile_cont(serapan_kumulatif_pct, [0.25, 0.75]) as q,
        count(serapan_kumulatif_pct) as n,
    from rated
),

fences as (
    select
        case when n >= $iqr_min then q[1] - $iqr_k::double * (q[2] - q[1]) end as low,
        case when n >= $iqr_min then q[2] + $iqr_k::double * (q[2] - q[1]) end as high,
    from quartiles
),

flagged as (
    select
        r.*,
        coalesce(not r.serapan_kumulatif_pct between f.low and f.high, false)
            as is_outlier,
    from rated as r
    cross join fences as f
),

counts as (
    -- aggregates, not count(*) over (): a window over every row costs seconds here
    select
        count(*) as programmes_count,
        count(*) filter (where is_lagging) as lagging_count,
        count(*) filter (where is_behind) as behind_count,
        count(*) filter (where is_outlier) as outliers_count,
        list(kode_program order by serapan_kumulatif_pct nulls last, kode_program)
            filter (where is_outlier)[1:9] as outlier_codes,
    from flagged
),

final as (
    select
        f.*,
        c.programmes_count,
        c.lagging_count,
        c.behind_count,
        c.outliers_count,
        c.outlier_codes,
    from flagged as f
    cross join counts as c
)

select * from final
order by serapan_kumulatif_pct nulls last, kode_program
limit $limit
