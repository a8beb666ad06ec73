-- pagu: budget ceilings of the period's year (sum of anggaran.pagu), by sumber_dana: the
-- lines of mart_budget whose tahun lies from year($start) to year($end) (one year
-- for a period of workforce.filters.Filters). Programme filters (in_programme) apply
-- through the budget line's kode_program.
-- $by / $sels: one result per year ('tahun') or per value of a dimension, for the
-- values in $sels (workforce.metrics.compute_by; sel_of, split_rows); null = the
-- selection ('total').
-- params: $start, $end, $kejuruan, $penyelenggara, $jenis, $sumber_dana, $by, $sels.
-- grain: one row per (sel, grp): grp 'total' + one per sumber_dana.
with sums as (
    select
        sel_of($by, tahun, null, kejuruan, penyelenggara, jenis, sumber_dana) as sel,
        sumber_dana,
        sum(pagu_rupiah) as amount,
    from mart_budget
    where tahun between year($start::date) and year($end::date)
        and in_programme(
            kejuruan, penyelenggara, jenis, sumber_dana,
            $kejuruan, $penyelenggara, $jenis, $sumber_dana,
        )
    group by sel, sumber_dana
),

final as (
    select
        s.sel,
        s.grp,
        s.grp_no,
        coalesce(
            sum(m.amount) filter (where s.grp = 'total' or m.sumber_dana = s.grp), 0
        )::double as value,
    from split_rows($sels, 'sumber_dana') as s
    left join sums as m on m.sel = s.sel
    group by s.sel, s.grp, s.grp_no
)

select sel, grp, value, value as numerator, null::double as denominator,
from final
order by sel, grp_no
