-- realisasi: spending of year $tahun (sum of anggaran.realisasi), by sumber_dana.
-- Programme filters apply through the budget line's kode_program.
-- params: $tahun, $kejuruan, $penyelenggara, $jenis, $sumber_dana.
-- grain: 'total' + one row per sumber_dana (APBN, APBD, CSR, lainnya).
with selected as (
    select sumber_dana, realisasi_rupiah::double as amount,
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
        coalesce(sum(s.amount) filter (where g.grp = 'total' or s.sumber_dana = g.grp), 0)
            as value,
    from groups as g
    left join selected as s on true
    group by g.grp
)

select grp, value, value as numerator, null::double as denominator from final
