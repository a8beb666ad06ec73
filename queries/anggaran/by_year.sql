-- by_year: pagu and realisasi of every year with budget lines, by sumber_dana (the
-- sums of metrics/pagu.sql and metrics/realisasi.sql, all years at once, for trends).
-- params: $kejuruan, $penyelenggara, $jenis, $sumber_dana.
-- grain: one row per tahun × sumber_dana that has at least one budget line.
with final as (
    select
        tahun,
        sumber_dana,
        sum(pagu_rupiah)::double as pagu_rupiah,
        sum(realisasi_rupiah)::double as realisasi_rupiah,
    from mart_budget
    where ($kejuruan is null or list_contains($kejuruan, kejuruan))
        and ($penyelenggara is null or list_contains($penyelenggara, penyelenggara))
        and ($jenis is null or list_contains($jenis, jenis))
        and ($sumber_dana is null or list_contains($sumber_dana, sumber_dana))
    group by tahun, sumber_dana
)

select * from final
order by tahun, sumber_dana
