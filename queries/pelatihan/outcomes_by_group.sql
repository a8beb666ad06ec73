-- outcomes_by_group: the training funnel counts for the whole selection and for each
-- value of every breakdown dimension, with the registry's bases:
--   terdaftar, selesai, lulus, tersertifikasi: enrolments in programmes whose
--     tanggal_selesai falls in [$start, $end] (tingkat_kelulusan = lulus / selesai,
--     tingkat_sertifikasi = tersertifikasi / lulus);
--   lulusan_matang, ditempatkan_6b: graduates whose tanggal_lulus falls in
--     [$start, $end] and at least 183 days before $as_of (tingkat_penempatan_6b).
-- The 'total' row equals the registry's numerators and denominators (tested).
-- Summed from the month marts (completion_rows, graduate_rows), as the registry's
-- KPIs are: total and the filter dimensions kejuruan, penyelenggara, jenis,
-- sumber_dana and kecamatan. The breakdowns that need each enrolment (kode_program,
-- the participant groups) are pelatihan/outcomes_by_enrolment.sql, run for the one
-- a user picks. Both together are tested equal to the row-level count
-- (tests/sql/outcomes_by_group_rows.sql).
-- tahun: the year of tanggal_selesai (completion counts) or tanggal_lulus (the
-- placement base); a page's period lies within one year, so it has one tahun, and
-- the planner asks five years in one query (workforce.planner_data.history).
-- params: $start, $end, $as_of, dimension lists.
-- filters: in_filters (a macro of queries/marts/), the dimension lists.
-- grain: one row per (tahun, dimension, grp); dimension 'total' has grp 'total'
-- (a row even when nothing is selected).
with completed as (
    select year(tanggal) as tahun, kecamatan, kejuruan, penyelenggara, jenis, sumber_dana,
        pendaftaran_count as terdaftar_count,
        selesai_count,
        lulus_count,
        tersertifikasi_count,
        0 as lulusan_matang_count,
        0 as ditempatkan_6b_count,
    from completion_rows($start, $end)
    where in_filters(
        kecamatan, kejuruan, penyelenggara, jenis, sumber_dana,
        $kecamatan, $kejuruan, $penyelenggara, $jenis, $sumber_dana,
    )
    union all
    select year(tanggal), kecamatan, kejuruan, penyelenggara, jenis, sumber_dana,
        0, 0, 0, 0,
        lulusan_count,
        case when is_placed_6m then lulusan_count else 0 end,
    from graduate_rows($start, least($end::date, $as_of::date - 183))
    where in_filters(
        kecamatan, kejuruan, penyelenggara, jenis, sumber_dana,
        $kecamatan, $kejuruan, $penyelenggara, $jenis, $sumber_dana,
    )
),

folded as (
    -- fold to the dimension combinations first, then one grouping over the six
    -- breakdowns (not grouping sets: six hash tables cost more than the data here)
    select tahun, kecamatan, kejuruan, penyelenggara, jenis, sumber_dana,
        sum(terdaftar_count) as terdaftar_count,
        sum(selesai_count) as selesai_count,
        sum(lulus_count) as lulus_count,
        sum(tersertifikasi_count) as tersertifikasi_count,
        sum(lulusan_matang_count) as lulusan_matang_count,
        sum(ditempatkan_6b_count) as ditempatkan_6b_count,
    from completed
    group by all
),

by_filter_dimension as (
    select tahun, d.dimension, d.grp,
        sum(terdaftar_count) as terdaftar_count,
        sum(selesai_count) as selesai_count,
        sum(lulus_count) as lulus_count,
        sum(tersertifikasi_count) as tersertifikasi_count,
        sum(lulusan_matang_count) as lulusan_matang_count,
        sum(ditempatkan_6b_count) as ditempatkan_6b_count,
    from folded
    cross join lateral (
        values ('kejuruan', kejuruan), ('penyelenggara', penyelenggara),
            ('jenis', jenis), ('sumber_dana', sumber_dana), ('kecamatan', kecamatan)
    ) as d (dimension, grp)
    group by tahun, d.dimension, d.grp
    union all
    select tahun, 'total', 'total',
        sum(terdaftar_count),
        sum(selesai_count),
        sum(lulus_count),
        sum(tersertifikasi_count),
        sum(lulusan_matang_count),
        sum(ditempatkan_6b_count),
    from folded
    group by tahun
    union all
    -- the total: one row even when nothing is selected
    select year($start::date), 'total', 'total', 0, 0, 0, 0, 0, 0,
    where not exists (select 1 from folded)
),

final as (
    select * from by_filter_dimension
)

select
    tahun::integer as tahun,
    dimension,
    grp,
    coalesce(terdaftar_count, 0)::bigint as terdaftar_count,
    coalesce(selesai_count, 0)::bigint as selesai_count,
    coalesce(lulus_count, 0)::bigint as lulus_count,
    coalesce(tersertifikasi_count, 0)::bigint as tersertifikasi_count,
    coalesce(lulusan_matang_count, 0)::bigint as lulusan_matang_count,
    coalesce(ditempatkan_6b_count, 0)::bigint as ditempatkan_6b_count,
from final
order by tahun, dimension, grp
