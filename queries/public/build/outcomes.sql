-- outcomes (build side, runs on the main database): participants and outcomes per
-- year, for the whole city and per kejuruan, kecamatan and jenis, counted exactly as
-- the KPI registry counts them, so the public tables add up to the public KPI cards:
--   peserta         distinct persons in programmes starting in the year (metrics/peserta:
--                   mart_participant_year, per kejuruan and jenis too)
--   lulusan         lulus enrolments of programmes ending in the year
--                   (numerator of metrics/tingkat_kelulusan; mart_completion_month)
--   tersertifikasi  certified graduates of those programmes (tingkat_sertifikasi)
--   lulusan_matang  graduates with tanggal_lulus in the year and at least 183 days
--                   before $as_of (denominator of metrics/tingkat_penempatan_6b:
--                   mart_graduate_month, the partial month from mart_enrolment)
--   ditempatkan_6b  of those, placed within 6 months (its numerator)
-- tests/test_public.py checks every cell against metrics.compute. Only counts leave
-- this query: no person key, no date, no personal attribute.
-- params: $as_of. grain: one row per tahun, dimensi (total, kejuruan, kecamatan,
-- jenis), kategori and ukuran; every known kategori, zero where nobody.
with persons as (
    select tahun, kejuruan, kecamatan, jenis, peserta_count, peserta_kejuruan_count,
        peserta_jenis_count,
    from mart_participant_year
),

completions as (
    select
        year(bulan) as tahun,
        kejuruan,
        kecamatan,
        jenis,
        lulus_count,
        tersertifikasi_count,
    from mart_completion_month
    where lulus_count > 0
),

matured as (
    -- graduates up to the cut: whole months, then the days of the cut's month
    select year(bulan) as tahun, kejuruan, kecamatan, jenis, is_placed_6m, lulusan_count,
    from mart_graduate_month
    where bulan < date_trunc('month', $as_of::date - 183 + 1)::date
    union all
    select year(tanggal_lulus), kejuruan, kecamatan, jenis, is_placed_6m, 1,
    from mart_enrolment
    where is_lulus
        and tanggal_lulus >= date_trunc('month', $as_of::date - 183 + 1)::date
        and tanggal_lulus <= $as_of::date - 183
),

folded as (
    -- both outcome bases folded to year × kejuruan × kecamatan × jenis first
    select tahun, kejuruan, kecamatan, jenis,
        sum(lulus_count) as lulusan,
        sum(tersertifikasi_count) as tersertifikasi,
        0 as lulusan_matang,
        0 as ditempatkan_6b,
    from completions
    group by all
    union all
    select tahun, kejuruan, kecamatan, jenis, 0, 0,
        sum(lulusan_count),
        sum(lulusan_count) filter (where is_placed_6m),
    from matured
    group by all
),

outcome_sums as (
    -- one grouping over the four breakdowns of the folded rows (not grouping sets:
    -- four hash tables cost more than the data here)
    select
        tahun,
        d.dimensi,
        d.kategori,
        sum(lulusan) as lulusan,
        sum(tersertifikasi) as tersertifikasi,
        sum(lulusan_matang) as lulusan_matang,
        coalesce(sum(ditempatkan_6b), 0) as ditempatkan_6b,
    from folded
    cross join lateral (
        values ('total', 'Kota Cilegon'), ('kejuruan', kejuruan),
            ('kecamatan', kecamatan), ('jenis', jenis)
    ) as d (dimensi, kategori)
    group by tahun, d.dimensi, d.kategori
),

counts as (
    select tahun, 'total' as dimensi, 'Kota Cilegon' as kategori, 'peserta' as ukuran,
        sum(peserta_count) as jumlah,
    from persons
    group by tahun
    union all
    select tahun, 'kejuruan', kejuruan, 'peserta', sum(peserta_kejuruan_count),
    from persons
    group by tahun, kejuruan
    union all
    -- a person lives in one kecamatan: counted once per year there
    select tahun, 'kecamatan', kecamatan, 'peserta', sum(peserta_count),
    from persons
    group by tahun, kecamatan
    union all
    select tahun, 'jenis', jenis, 'peserta', sum(peserta_jenis_count),
    from persons
    group by tahun, jenis
    union all
    select tahun, dimensi, kategori, 'lulusan', lulusan, from outcome_sums
    union all
    select tahun, dimensi, kategori, 'tersertifikasi', tersertifikasi, from outcome_sums
    union all
    select tahun, dimensi, kategori, 'lulusan_matang', lulusan_matang, from outcome_sums
    union all
    select tahun, dimensi, kategori, 'ditempatkan_6b', ditempatkan_6b, from outcome_sums
),

years as (
    select distinct tahun from persons
    union
    select distinct tahun from completions
    union
    select distinct tahun from matured
),

categories as (
    select 'total' as dimensi, 'Kota Cilegon' as kategori, '0' as sort_key
    union all
    select 'kejuruan', nama, nama, from ref_kejuruan
    union all
    select 'kecamatan', nama, kecamatan_kode, from ref_kecamatan
    union all
    select 'jenis', unnest(['pelatihan', 'pemagangan', 'sertifikasi']), '',
),

grid as (
    select y.tahun, c.dimensi, c.kategori, c.sort_key, m.ukuran,
    from years as y
    cross join categories as c
    cross join (
        select unnest(
            ['peserta', 'lulusan', 'tersertifikasi', 'lulusan_matang', 'ditempatkan_6b']
        ) as ukuran
    ) as m
),

final as (
    select
        g.tahun::integer as tahun,
        g.dimensi,
        g.kategori,
        g.ukuran,
        coalesce(n.jumlah, 0)::bigint as jumlah,
        g.sort_key,
    from grid as g
    left join counts as n using (tahun, dimensi, kategori, ukuran)
)

select * exclude (sort_key) from final
order by tahun, dimensi, sort_key, kategori, ukuran
