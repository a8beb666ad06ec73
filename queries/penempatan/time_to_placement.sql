-- time_to_placement: days from graduation to the first placement (counted from 30
-- days before graduation, as in mart_enrolment) for graduates whose tanggal_lulus
-- falls in [$start, $end], in fixed bins; bin 7 holds graduates with no placement
-- recorded yet. Days are computed against tanggal_lulus (negative = before).
-- Only graduates at least 183 days before $as_of (the reporting date) count, as in
-- tingkat_penempatan_6b: bins 1-4 together are that KPI's numerator, all bins its
-- denominator, so the page's "within 6 months" is the registry's figure.
-- params: $start, $end, $as_of, dimension lists.
-- filters: in_filters (a macro of queries/marts/), the dimension lists.
-- grain: one row per bin (1-7) with at least one graduate.
with selected as (
    select days_to_placement,
    from mart_enrolment
    where is_lulus
        and tanggal_lulus between $start and least($end::date, $as_of::date - 183)
        and in_filters(
            kecamatan, kejuruan, penyelenggara, jenis, sumber_dana,
            $kecamatan, $kejuruan, $penyelenggara, $jenis, $sumber_dana,
        )
),

binned as (
    select
        case
            when days_to_placement is null then 7
            when days_to_placement <= 0 then 1
            when days_to_placement <= 30 then 2
            when days_to_placement <= 91 then 3
            when days_to_placement <= 183 then 4
            when days_to_placement <= 365 then 5
            else 6
        end as bin,
        days_to_placement,
    from selected
),

final as (
    select
        bin,
        count(*) as lulusan_count,
        median(days_to_placement) as median_hari,
    from binned
    group by bin
)

select * from final
order by bin
