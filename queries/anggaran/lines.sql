-- lines: the budget lines of year $tahun with their programme's dimensions and its
-- enrolment count, for pagu / realisasi / serapan by programme and kejuruan and for
-- the data-quality warnings. Filters as in metrics/pagu.sql (a kegiatan line has no
-- kejuruan, penyelenggara or jenis, so any programme filter drops it).
-- params: $tahun, $kejuruan, $penyelenggara, $jenis, $sumber_dana.
-- grain: one row per budget line (kode_program × sumber_dana) of year $tahun.
with enrolments as (
    -- per programme, counted at import
    select kode_program, peserta_count,
    from mart_programme_outcome
),

final as (
    select
        b.tahun,
        b.kode_program,
        b.sumber_dana,
        b.is_program,
        b.nama_program,
        b.kejuruan,
        b.penyelenggara,
        b.jenis,
        b.pagu_rupiah::double as pagu_rupiah,
        b.realisasi_rupiah::double as realisasi_rupiah,
        coalesce(e.peserta_count, 0) as peserta_count,
    from mart_budget as b
    left join enrolments as e on e.kode_program = b.kode_program
    where b.tahun = $tahun
        and ($kejuruan is null or list_contains($kejuruan, b.kejuruan))
        and ($penyelenggara is null or list_contains($penyelenggara, b.penyelenggara))
        and ($jenis is null or list_contains($jenis, b.jenis))
        and ($sumber_dana is null or list_contains($sumber_dana, b.sumber_dana))
)

select * from final
order by kode_program, sumber_dana
