-- outcomes_by_kejuruan: the training funnel counts per kejuruan, exactly the kejuruan
-- rows of pelatihan/outcomes_by_group (same selection and bases; tested equal), for
-- the planner's history: one grouping instead of that query's ten (the per-programme
-- one alone has a row per programme).
--   terdaftar, selesai, lulus, tersertifikasi: enrolments in programmes whose
--     tanggal_selesai falls in [$start, $end];
--   lulusan_matang, ditempatkan_6b: graduates whose tanggal_lulus falls in
--     [$start, $end] and at least 183 days before $as_of.
-- params: $start, $end, $as_of, dimension lists. grain: one row per kejuruan.
with selected as (
    select
        kejuruan,
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

final as (
    select
        'kejuruan' as dimension,
        kejuruan as grp,
        count(*) filter (where is_program_periode) as terdaftar_count,
        count(*) filter (where is_program_periode and is_selesai) as selesai_count,
        count(*) filter (where is_program_periode and is_lulus) as lulus_count,
        count(*) filter (
            where is_program_periode and is_tersertifikasi
        ) as tersertifikasi_count,
        count(*) filter (where is_matang) as lulusan_matang_count,
        count(*) filter (where is_matang and is_placed_6m) as ditempatkan_6b_count,
    from selected
    group by kejuruan
)

select * from final
order by grp
