-- porsi_apbn: realisasi from APBN / all realisasi * 100, over the lines of mart_budget
-- whose tahun lies from year($start) to year($end) (one year for a period of
-- workforce.filters.Filters), filtered by in_programme.
-- $by / $sels: one result per year ('tahun') or per value of a dimension, for the
-- values in $sels (workforce.metrics.compute_by; sel_of, sel_rows); null = the
-- selection ('total').
-- params: $start, $end, $kejuruan, $penyelenggara, $jenis, $sumber_dana, $by, $sels.
-- grain: one row per sel (grp = 'total').
with sums as (
    select
        sel_of($by, tahun, null, kejuruan, penyelenggara, jenis, sumber_dana) as sel,
        sum(realisasi_rupiah) filter (where sumber_dana = 'APBN') as apbn,
        sum(realisasi_rupiah) as realisasi,
    from mart_budget
    where tahun between year($start::date) and year($end::date)
        and in_programme(
            kejuruan, penyelenggara, jenis, sumber_dana,
            $kejuruan, $penyelenggara, $jenis, $sumber_dana,
        )
    group by sel
),

final as (
    select
        s.sel,
        coalesce(m.apbn, 0)::double as numerator,
        coalesce(m.realisasi, 0)::double as denominator,
    from sel_rows($sels) as s
    left join sums as m on m.sel = s.sel
)

select
    sel,
    'total' as grp,
    pct(numerator, denominator) as value,
    numerator,
    denominator,
from final
