-- six_to_twelve: from 6 to 12 months after graduation. Of the graduates (per
-- enrolment) with tanggal_lulus in [$start, $end] and at least 425 days before
-- $as_of who answered the 12-month tracer survey (mart_tracer_answer, as in
-- retensi_12b): those placed within 6 months (as in tingkat_penempatan_6b) and
-- still working (bekerja, wirausaha or magang) at 12 months, those placed but not
-- working, those not placed within 6 months who found work after, and those
-- still not working; with the cohort and its answers (the response rate).
-- params: $start, $end, $as_of, dimension lists. grain: one row.
with cohort as (
    select
        status_kerja is not null as is_answered,
        is_placed_6m,
        coalesce(is_working_12m, false) as is_working_12m,
    from mart_tracer_answer
    where tanggal_lulus between $start and least($end::date, $as_of::date - 425)
        and in_filters(
            kecamatan, kejuruan, penyelenggara, jenis, sumber_dana,
            $kecamatan, $kejuruan, $penyelenggara, $jenis, $sumber_dana,
        )
),

final as (
    select
        count(*) as cohort_count,
        count(*) filter (where is_answered) as answered_count,
        count(*) filter (where is_answered and is_placed_6m and is_working_12m)
            as still_working_count,
        count(*) filter (where is_answered and is_placed_6m and not is_working_12m)
            as stopped_count,
        count(*) filter (where is_answered and not is_placed_6m and is_working_12m)
            as found_later_count,
        count(*) filter (where is_answered and not is_placed_6m and not is_working_12m)
            as not_working_count,
    from cohort
)

select * from final
