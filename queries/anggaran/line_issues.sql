-- line_issues: the budget lines of year $tahun that need a look: realisasi above pagu
-- (budget.over_ceiling), or a programme line with spending while nobody enrolled in
-- the programme (budget.spending_without_enrolment). Filters as in line_groups.sql.
-- params: $tahun, $kejuruan, $penyelenggara, $jenis, $sumber_dana.
-- filters: in_programme (a macro of queries/marts/), the programme lists.
-- grain: one row per budget line (kode_program × sumber_dana) with an issue.
with enrolments as (
    -- per programme, counted at import
    select kode_program, peserta_count,
    from mart_programme_outcome
),

lines as (
    select
        b.tahun,
        b.kode_program,
        b.sumber_dana,
        b.is_program,
        b.nama_program,
        b.kejuruan,
        b.pagu_rupiah::double as pagu_rupiah,
        b.realisasi_rupiah::double as realisasi_rupiah,
        coalesce(e.peserta_count, 0) as peserta_count,
    from mart_budget as b
    left join enrolments as e on e.kode_program = b.kode_program
    where b.tahun = $tahun
        and in_programme(
            b.kejuruan, b.penyelenggara, b.jenis, b.sumber_dana,
            $kejuruan, $penyelenggara, $jenis, $sumber_dana,
        )
),

final as (
    select * from lines
    where realisasi_rupiah > pagu_rupiah
        or (is_program and realisasi_rupiah > 0 and peserta_count = 0)
)

select * from final
order by kode_program, sumber_dana
