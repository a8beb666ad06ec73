-- outcomes_by_enrolment: the training funnel counts for each value of one breakdown
-- that needs every enrolment: $dimension is 'kode_program', 'jenis_kelamin',
-- 'kelompok_umur', 'pendidikan' or 'disabilitas' (any other value: no rows). Same
-- bases as pelatihan/outcomes_by_group.sql (the month-mart breakdowns):
--   terdaftar, selesai, lulus, tersertifikasi: enrolments in programmes whose
--     tanggal_selesai falls in [$start, $end];
--   lulusan_matang, ditempatkan_6b: graduates whose tanggal_lulus falls in
--     [$start, $end] and at least 183 days before $as_of.
-- Run only for the breakdown a user picks: at national size kode_program alone has
-- a hundred thousand rows. Tested equal, with outcomes_by_group, to the row-level
-- count (tests/sql/outcomes_by_group_rows.sql).
-- params: $start, $end, $as_of, $dimension, dimension lists.
-- filters: in_filters (a macro of queries/marts/), the dimension lists.
-- grain: one row per value of $dimension (dimension = $dimension).
with selected as (
    select
        case $dimension
            when 'kode_program' then kode_program
            when 'jenis_kelamin' then jenis_kelamin
            when 'kelompok_umur' then kelompok_umur
            when 'pendidikan' then pendidikan
            when 'disabilitas' then case when is_disabilitas then 'ya' else 'tidak' end
        end as grp,
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
        and in_filters(
            kecamatan, kejuruan, penyelenggara, jenis, sumber_dana,
            $kecamatan, $kejuruan, $penyelenggara, $jenis, $sumber_dana,
        )
),

final as (
    select
        $dimension::varchar as dimension,
        grp,
        count(*) filter (where is_program_periode) as terdaftar_count,
        count(*) filter (where is_program_periode and is_selesai) as selesai_count,
        count(*) filter (where is_program_periode and is_lulus) as lulus_count,
        count(*) filter (
            where is_program_periode and is_tersertifikasi
        ) as tersertifikasi_count,
        count(*) filter (where is_matang) as lulusan_matang_count,
        count(*) filter (where is_matang and is_placed_6m) as ditempatkan_6b_count,
    from selected
    where grp is not null
    group by grp
)

select * from final
order by grp
