-- tingkat_sertifikasi: graduates with tersertifikasi = ya / graduates, for programmes
-- whose tanggal_selesai falls in [$start, $end].
-- Rows from completion_rows (whole months pre-counted in mart_completion_month),
-- filtered by in_filters.
-- $by / $sels: one result per year ('tahun') or per value of a dimension, for the
-- values in $sels (workforce.metrics.compute_by; sel_of, sel_rows); null = the
-- selection ('total').
-- params: $start, $end, dimension lists, $by, $sels. grain: one row per sel
-- (grp = 'total').
with counts as (
    select
        sel_of(
            $by, year(tanggal), kecamatan, kejuruan, penyelenggara, jenis, sumber_dana
        ) as sel,
        sum(tersertifikasi_count)::double as numerator,
        sum(lulus_count)::double as denominator,
    from completion_rows($start, $end)
    where in_filters(
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

select
    sel,
    'total' as grp,
    pct(numerator, denominator) as value,
    numerator,
    denominator,
from final
