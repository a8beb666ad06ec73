-- outcomes: enrolments of the programmes ending in [$start, $end] by how they ended,
-- with the programme's own sumber_dana, jenis and kejuruan (the persons view of the
-- funding flow; each enrolment counted once, under the programme's funding source).
-- Same programme filters as the budget queries; kecamatan is not applied.
-- params: $start, $end, $kejuruan, $penyelenggara, $jenis, $sumber_dana.
-- filters: in_programme (a macro of queries/marts/), the programme lists.
-- grain: one row per programme.
with final as (
    select
        kode_program,
        any_value(sumber_dana) as sumber_dana,
        any_value(jenis) as jenis,
        any_value(kejuruan) as kejuruan,
        count(*) as peserta_count,
        count(*) filter (where is_lulus and is_placed_6m) as ditempatkan_count,
        count(*) filter (where is_lulus and not is_placed_6m) as lulus_belum_count,
        count(*) filter (where status in ('tidak_lulus', 'mengundurkan_diri'))
            as tidak_lulus_count,
        count(*) filter (where not is_selesai) as berjalan_count,
    from mart_enrolment
    where tanggal_selesai between $start and $end
        and in_programme(
            kejuruan, penyelenggara, jenis, sumber_dana,
            $kejuruan, $penyelenggara, $jenis, $sumber_dana,
        )
    group by kode_program
)

select * from final
order by kode_program
