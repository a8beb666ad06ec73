-- outcomes_by_group: the training funnel counts for the whole selection and for each
-- value of every breakdown dimension, with the registry's bases:
--   terdaftar, selesai, lulus, tersertifikasi: enrolments in programmes whose
--     tanggal_selesai falls in [$start, $end] (tingkat_kelulusan = lulus / selesai,
--     tingkat_sertifikasi = tersertifikasi / lulus);
--   lulusan_matang, ditempatkan_6b: graduates whose tanggal_lulus falls in
--     [$start, $end] and at least 183 days before $as_of (tingkat_penempatan_6b).
-- The 'total' row equals the registry's numerators and denominators (tested).
-- params: $start, $end, $as_of, dimension lists.
-- grain: one row per (dimension, grp); dimension 'total' has grp 'total'.
with selected as (
    select
        kejuruan,
        penyelenggara,
        jenis,
        sumber_dana,
        kode_program,
        jenis_kelamin,
        kelompok_umur,
        pendidikan,
        case when is_disabilitas then 'ya' else 'tidak' end as disabilitas,
        kecamatan,
        tanggal_selesai between $start and $end as is_program_periode,
        is_selesai,
        is_lulus,
        is_tersertifikasi,
        is_lulus
            and tanggal_lulus between $start and $end
            and tanggal_lulus <= $as_of::date - interval 183 day as is_matang,
        is_placed_6m,
    from mart_enrolment
    where (
            tanggal_selesai between $start and $end
            or (is_lulus and tanggal_lulus between $start and $end)
        )
        and ($kecamatan is null or list_contains($kecamatan, kecamatan))
        and ($kejuruan is null or list_contains($kejuruan, kejuruan))
        and ($penyelenggara is null or list_contains($penyelenggara, penyelenggara))
        and ($jenis is null or list_contains($jenis, jenis))
        and ($sumber_dana is null or list_contains($sumber_dana, sumber_dana))
),

grouped as (
    select
        case
            when grouping(kejuruan) = 0 then 'kejuruan'
            when grouping(penyelenggara) = 0 then 'penyelenggara'
            when grouping(jenis) = 0 then 'jenis'
            when grouping(sumber_dana) = 0 then 'sumber_dana'
            when grouping(kode_program) = 0 then 'kode_program'
            when grouping(jenis_kelamin) = 0 then 'jenis_kelamin'
            when grouping(kelompok_umur) = 0 then 'kelompok_umur'
            when grouping(pendidikan) = 0 then 'pendidikan'
            when grouping(disabilitas) = 0 then 'disabilitas'
            when grouping(kecamatan) = 0 then 'kecamatan'
            else 'total'
        end as dimension,
        coalesce(
            kejuruan, penyelenggara, jenis, sumber_dana, kode_program, jenis_kelamin,
            kelompok_umur, pendidikan, disabilitas, kecamatan, 'total'
        ) as grp,
        count(*) filter (where is_program_periode) as terdaftar_count,
        count(*) filter (where is_program_periode and is_selesai) as selesai_count,
        count(*) filter (where is_program_periode and is_lulus) as lulus_count,
        count(*) filter (
            where is_program_periode and is_tersertifikasi
        ) as tersertifikasi_count,
        count(*) filter (where is_matang) as lulusan_matang_count,
        count(*) filter (where is_matang and is_placed_6m) as ditempatkan_6b_count,
    from selected
    group by grouping sets (
        (),
        (kejuruan),
        (penyelenggara),
        (jenis),
        (sumber_dana),
        (kode_program),
        (jenis_kelamin),
        (kelompok_umur),
        (pendidikan),
        (disabilitas),
        (kecamatan)
    )
),

final as (
    select * from grouped
)

select * from final
order by dimension, grp
