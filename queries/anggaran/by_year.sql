-- by_year: pagu and realisasi of every year with budget lines, by sumber_dana (the
-- sums of metrics/pagu.sql and metrics/realisasi.sql, all years at once, for trends).
-- params: $kejuruan, $penyelenggara, $jenis, $sumber_dana.
-- filters: in_programme (a macro of queries/marts/), the programme lists.
-- grain: one row per tahun × sumber_dana that has at least one budget line.
with final as (
    select
        tahun,
        sumber_dana,
        sum(pagu_rupiah)::double as pagu_rupiah,
        sum(realisasi_rupiah)::double as realisasi_rupiah,
    from mart_budget
    where in_programme(
        kejuruan, penyelenggara, jenis, sumber_dana,
        $kejuruan, $penyelenggara, $jenis, $sumber_dana,
    )
    group by tahun, sumber_dana
)

select * from final
order by tahun, sumber_dana
