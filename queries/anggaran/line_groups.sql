-- line_groups: the budget lines of year $tahun summed per funding source, kejuruan and
-- kind (programme or kegiatan line), for pagu / realisasi / serapan by source and by
-- kejuruan (sums of lines, so any coarser grouping of these rows is exact). Filters
-- as in metrics/pagu.sql (a kegiatan line has no kejuruan, penyelenggara or jenis, so
-- any programme filter drops it). The per-programme table is
-- anggaran/programme_absorption.sql, the lines with a problem anggaran/line_issues.sql.
-- params: $tahun, $kejuruan, $penyelenggara, $jenis, $sumber_dana.
-- filters: in_programme (a macro of queries/marts/), the programme lists.
-- grain: one row per sumber_dana × kejuruan (null: kegiatan lines) × is_program.
with final as (
    select
        sumber_dana,
        kejuruan,
        is_program,
        sum(pagu_rupiah)::double as pagu_rupiah,
        sum(realisasi_rupiah)::double as realisasi_rupiah,
        count(*) as lines_count,
    from mart_budget
    where tahun = $tahun
        and in_programme(
            kejuruan, penyelenggara, jenis, sumber_dana,
            $kejuruan, $penyelenggara, $jenis, $sumber_dana,
        )
    group by sumber_dana, kejuruan, is_program
)

select * from final
order by sumber_dana, kejuruan nulls last, is_program
