-- upah_median_12b: median upah_bulanan_rupiah of the 12-month answers with status
-- bekerja (mart_tracer_answer, cohort as in retensi_12b), in Rupiah; answers without
-- a wage are left out.
-- $by / $sels: one result per year ('tahun') or per value of a dimension, for the
-- values in $sels (workforce.metrics.compute_by; sel_of, sel_rows); null = the
-- selection ('total').
-- params: $start, $end, $as_of, dimension lists, $by, $sels. grain: one row per
-- sel (grp = 'total').
with wages as (
    select
        sel_of(
            $by, year(tanggal_lulus), kecamatan, kejuruan, penyelenggara, jenis,
            sumber_dana
        ) as sel,
        median(upah_bulanan_rupiah)::double as upah_median,
        count(upah_bulanan_rupiah)::double as upah_count,
    from mart_tracer_answer
    where tanggal_lulus between $start and least($end::date, $as_of::date - 425)
        and status_kerja = 'bekerja'
        and in_filters(
            kecamatan, kejuruan, penyelenggara, jenis, sumber_dana,
            $kecamatan, $kejuruan, $penyelenggara, $jenis, $sumber_dana,
        )
    group by sel
),

final as (
    select
        s.sel,
        'total' as grp,
        w.upah_median as value,
        null::double as numerator,
        coalesce(w.upah_count, 0) as denominator,
    from sel_rows($sels) as s
    left join wages as w on w.sel = s.sel
)

select * from final
