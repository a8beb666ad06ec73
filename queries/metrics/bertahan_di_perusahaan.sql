-- bertahan_di_perusahaan: among graduates placed in kerja within 6 months (the first
-- placement in the window, as in tingkat_penempatan_6b) who answered at 12 months
-- (mart_tracer_answer, cohort as in retensi_12b): answers still with the first
-- placement's employer / those answers x 100.
-- $by / $sels: one result per year ('tahun') or per value of a dimension, for the
-- values in $sels (workforce.metrics.compute_by; sel_of, sel_rows); null = the
-- selection ('total').
-- params: $start, $end, $as_of, dimension lists, $by, $sels. grain: one row per
-- sel (grp = 'total').
with counts as (
    select
        sel_of(
            $by, year(tanggal_lulus), kecamatan, kejuruan, penyelenggara, jenis,
            sumber_dana
        ) as sel,
        count(*) filter (where is_sama_dengan_penempatan_awal)::double as numerator,
        count(*)::double as denominator,
    from mart_tracer_answer
    where tanggal_lulus between $start and least($end::date, $as_of::date - 425)
        and is_placed_6m
        and placement_jenis = 'kerja'
        and status_kerja is not null
        and in_filters(
            kecamatan, kejuruan, penyelenggara, jenis, sumber_dana,
            $kecamatan, $kejuruan, $penyelenggara, $jenis, $sumber_dana,
        )
    group by sel
),

final as (
    select
        s.sel,
        coalesce(c.numerator, 0) as numerator,
        coalesce(c.denominator, 0) as denominator,
    from sel_rows($sels) as s
    left join counts as c on c.sel = s.sel
)

select sel, 'total' as grp, pct(numerator, denominator) as value, numerator, denominator,
from final
