-- pagu: budget ceilings of the period's year (sum of anggaran.pagu), by sumber_dana: the
-- lines of mart_budget whose tahun lies from year($start) to year($end) (one year
-- for a period of workforce.filters.Filters). Programme filters apply through the
-- budget line's kode_program.
-- $by / $sels: one result per year ('tahun') or per value of a dimension, for the
-- values in $sels (workforce.metrics.compute_by); null = the selection ('total').
-- params: $start, $end, $kejuruan, $penyelenggara, $jenis, $sumber_dana, $by, $sels.
-- grain: one row per (sel, grp): grp 'total' + one per sumber_dana.
with selected as (
    select
        case $by
            when 'tahun' then tahun::text
            when 'kejuruan' then kejuruan
            when 'penyelenggara' then penyelenggara
            when 'jenis' then jenis
            when 'sumber_dana' then sumber_dana
            else 'total'
        end as sel,
        sumber_dana,
        pagu_rupiah,
    from mart_budget
    where tahun between year($start::date) and year($end::date)
        and ($kejuruan is null or list_contains($kejuruan, kejuruan))
        and ($penyelenggara is null or list_contains($penyelenggara, penyelenggara))
        and ($jenis is null or list_contains($jenis, jenis))
        and ($sumber_dana is null or list_contains($sumber_dana, sumber_dana))
),

sums as (
    select sel, sumber_dana, sum(pagu_rupiah) as amount,
    from selected
    group by sel, sumber_dana
),

sels as (
    select unnest(coalesce($sels, ['total'])) as sel
),

groups as (
    select unnest(['total', 'APBN', 'APBD', 'CSR', 'lainnya']) as grp
),

final as (
    select
        s.sel,
        g.grp,
        coalesce(
            sum(m.amount) filter (where g.grp = 'total' or m.sumber_dana = g.grp), 0
        )::double as value,
    from sels as s
    cross join groups as g
    left join sums as m on m.sel = s.sel
    group by s.sel, g.grp
)

select sel, grp, value, value as numerator, null::double as denominator,
from final
order by sel, list_position(['total', 'APBN', 'APBD', 'CSR', 'lainnya'], grp)
