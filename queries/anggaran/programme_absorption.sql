-- programme_absorption: pagu, realisasi and serapan of each programme of year $tahun
-- (all its funding sources), with Tukey's IQR outlier flag over all the programmes:
-- serapan outside [Q1 − $iqr_k × IQR, Q3 + $iqr_k × IQR], quartiles by linear
-- interpolation (quantile_cont), no fences with fewer than $iqr_min programmes with a
-- serapan (budget.IQR_K, budget.IQR_MIN_PROGRAMMES; a programme without pagu has no
-- serapan and is never an outlier). The $limit rows that most need a look come back:
-- outliers first, then the lowest serapan; programmes_count and outliers_count count
-- them all. Filters as in line_groups.sql.
-- params: $tahun, dimension lists, $iqr_k, $iqr_min, $limit.
-- filters: in_programme (a macro of queries/marts/), the programme lists.
-- grain: one row per programme, at most $limit rows.
with programmes as (
    select
        kode_program,
        any_value(nama_program) as nama_program,
        any_value(kejuruan) as kejuruan,
        sum(pagu_rupiah)::double as pagu_rupiah,
        sum(realisasi_rupiah)::double as realisasi_rupiah,
    from mart_budget
    where tahun = $tahun
        and is_program
        and in_programme(
            kejuruan, penyelenggara, jenis, sumber_dana,
            $kejuruan, $penyelenggara, $jenis, $sumber_dana,
        )
    group by kode_program
),

rated as (
    select *, realisasi_rupiah / nullif(pagu_rupiah, 0) * 100 as serapan_pct,
    from programmes
),

quartiles as (
    select quantile_cont(serapan_pct, [0.25, 0.75]) as q, count(serapan_pct) as n,
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
        coalesce(not r.serapan_pct between f.low and f.high, false) as is_outlier,
    from rated as r
    cross join fences as f
),

counts as (
    -- aggregates, not count(*) over (): a window over every row costs seconds here
    select
        count(*) as programmes_count,
        count(*) filter (where is_outlier) as outliers_count,
    from flagged
),

final as (
    select f.*, c.programmes_count, c.outliers_count,
    from flagged as f
    cross join counts as c
)

select * from final
order by is_outlier desc, serapan_pct nulls last, kode_program
limit $limit
