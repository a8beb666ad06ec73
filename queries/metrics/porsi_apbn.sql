-- porsi_apbn: realisasi from APBN / all realisasi * 100, over the lines of mart_budget
-- whose tahun lies from year($start) to year($end) (one year for a period of
-- workforce.filters.Filters).
-- $by / $sels: one result per year ('tahun') or per value of a dimension, for the
-- values in $sels (workforce.metrics.compute_by); null = the selection ('total').
-- params: $start, $end, $kejuruan, $penyelenggara, $jenis, $sumber_dana, $by, $sels.
-- grain: one row per sel (grp = 'total').
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
        realisasi_rupiah,
    from mart_budget
    where tahun between year($start::date) and year($end::date)
        and ($kejuruan is null or list_contains($kejuruan, kejuruan))
        and ($penyelenggara is null or list_contains($penyelenggara, penyelenggara))
        and ($jenis is null or list_contains($jenis, jenis))
        and ($sumber_dana is null or list_contains($sumber_dana, sumber_dana))
),

sums as (
    select
        sel,
        sum(realisasi_rupiah) filter (where sumber_dana = 'APBN') as apbn,
        sum(realisasi_rupiah) as realisasi,
    from selected
    group by sel
),

sels as (
    select unnest(coalesce($sels, ['total'])) as sel
),

final as (
    select
        s.sel,
        coalesce(m.apbn, 0)::double as numerator,
        coalesce(m.realisasi, 0)::double as denominator,
    from sels as s
    left join sums as m on m.sel = s.sel
)

select
    sel,
    'total' as grp,
    numerator / nullif(denominator, 0) * 100 as value,
    numerator,
    denominator,
from final
