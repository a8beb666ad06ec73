-- cohort_placement: for graduating cohorts (by quarter and by year of tanggal_lulus,
-- from 1 January of $tahun - 2 to $end), how many graduates were placed within 30,
-- 91, 183 and 365 days of graduating (month 1, 3, 6, 12). Placements count from 30
-- days before graduation (mart_enrolment's first placement). Counts only: a point is
-- mature once cohort_end + hari <= the reporting date, decided in workforce.outcomes.
-- params: $tahun, $end, dimension lists.
-- filters: in_filters (a macro of queries/marts/), the dimension lists.
-- grain: one row per (grain: 'kuartal' | 'tahun', cohort_start, bulan).
with graduates as (
    -- graduates by month (mart_graduate_month), partial months per graduate
    select
        tanggal,
        lulusan_count,
        placed_30_count,
        placed_91_count,
        placed_183_count,
        placed_365_count,
    from graduate_rows(make_date($tahun - 2, 1, 1), $end)
    where in_filters(
        kecamatan, kejuruan, penyelenggara, jenis, sumber_dana,
        $kecamatan, $kejuruan, $penyelenggara, $jenis, $sumber_dana,
    )
),

cohorts as (
    select
        'kuartal' as grain,
        date_trunc('quarter', tanggal)::date as cohort_start,
        least(
            (date_trunc('quarter', tanggal) + interval 3 month - interval 1 day)::date,
            $end::date
        ) as cohort_end,
        * exclude (tanggal),
    from graduates
    union all
    select
        'tahun' as grain,
        date_trunc('year', tanggal)::date as cohort_start,
        least(
            (date_trunc('year', tanggal) + interval 1 year - interval 1 day)::date,
            $end::date
        ) as cohort_end,
        * exclude (tanggal),
    from graduates
),

horizons as (
    select * from (values (1, 30), (3, 91), (6, 183), (12, 365)) as h (bulan, hari)
),

final as (
    select
        c.grain,
        c.cohort_start,
        c.cohort_end,
        h.bulan,
        h.hari,
        sum(c.lulusan_count)::bigint as lulusan_count,
        sum(
            case h.hari
                when 30 then c.placed_30_count
                when 91 then c.placed_91_count
                when 183 then c.placed_183_count
                else c.placed_365_count
            end
        )::bigint as ditempatkan_count,
    from cohorts as c
    cross join horizons as h
    group by c.grain, c.cohort_start, c.cohort_end, h.bulan, h.hari
)

select * from final
order by grain, cohort_start, bulan
