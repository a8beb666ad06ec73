-- porsi_apbn: realisasi from APBN / all realisasi * 100, year $tahun.
-- params: $tahun, $kejuruan, $penyelenggara, $jenis, $sumber_dana. grain: one row (grp = 'total').
with counts as (
    select
        coalesce(sum(realisasi_rupiah) filter (where sumber_dana = 'APBN'), 0)::double
            as numerator,
        coalesce(sum(realisasi_rupiah), 0)::double as denominator,
    from mart_budget
    where tahun = $tahun
        and ($kejuruan is null or list_contains($kejuruan, kejuruan))
        and ($penyelenggara is null or list_contains($penyelenggara, penyelenggara))
        and ($jenis is null or list_contains($jenis, jenis))
        and ($sumber_dana is null or list_contains($sumber_dana, sumber_dana))
)

select 'total' as grp, numerator / nullif(denominator, 0) * 100 as value, numerator, denominator
from counts
