-- serapan_anggaran: budget absorption of year $tahun, realisasi / pagu * 100, by sumber_dana.
-- params: $tahun, $kejuruan, $penyelenggara, $jenis, $sumber_dana.
-- grain: 'total' + one row per sumber_dana (APBN, APBD, CSR, lainnya).
with selected as (
    select sumber_dana, pagu_rupiah::double as pagu, realisasi_rupiah::double as realisasi,
    from mart_budget
    where tahun = $tahun
        and ($kejuruan is null or list_contains($kejuruan, kejuruan))
        and ($penyelenggara is null or list_contains($penyelenggara, penyelenggara))
        and ($jenis is null or list_contains($jenis, jenis))
        and ($sumber_dana is null or list_contains($sumber_dana, sumber_dana))
),

groups as (
    select unnest(['total', 'APBN', 'APBD', 'CSR', 'lainnya']) as grp
),

final as (
    select
        g.grp,
        coalesce(sum(s.realisasi) filter (where g.grp = 'total' or s.sumber_dana = g.grp), 0)
            as numerator,
        coalesce(sum(s.pagu) filter (where g.grp = 'total' or s.sumber_dana = g.grp), 0)
            as denominator,
    from groups as g
    left join selected as s on true
    group by g.grp
)

select grp, numerator / nullif(denominator, 0) * 100 as value, numerator, denominator
from final
