-- outcomes (build side, runs on the main database): participants and outcomes per
-- year, for the whole city and per kejuruan, kecamatan and jenis, counted exactly as
-- the KPI registry counts them, so the public tables add up to the public KPI cards:
--   peserta         distinct persons in programmes starting in the year (metrics/peserta)
--   lulusan         lulus enrolments of programmes ending in the year
--                   (numerator of metrics/tingkat_kelulusan)
--   tersertifikasi  certified graduates of those programmes (tingkat_sertifikasi)
--   lulusan_matang  graduates with tanggal_lulus in the year and at least 183 days
--                   before $as_of (denominator of metrics/tingkat_penempatan_6b)
--   ditempatkan_6b  of those, placed within 6 months (its numerator)
-- tests/test_public.py checks every cell against metrics.compute. Only counts leave
-- this query: no person key, no date, no personal attribute.
-- params: $as_of. grain: one row per tahun, dimensi (total, kejuruan, kecamatan,
-- jenis), kategori and ukuran; every known kategori, zero where nobody.
with events as (
    select
        year(tanggal_mulai) as tahun, 'peserta' as ukuran, peserta_id as unit_key,
        kejuruan, kecamatan, jenis,
    from mart_enrolment
    union all
    select
        year(tanggal_selesai), 'lulusan', peserta_id || '|' || kode_program,
        kejuruan, kecamatan, jenis,
    from mart_enrolment
    where is_lulus
    union all
    select
        year(tanggal_selesai), 'tersertifikasi', peserta_id || '|' || kode_program,
        kejuruan, kecamatan, jenis,
    from mart_enrolment
    where is_tersertifikasi
    union all
    select
        year(tanggal_lulus), 'lulusan_matang', peserta_id || '|' || kode_program,
        kejuruan, kecamatan, jenis,
    from mart_enrolment
    where is_lulus and tanggal_lulus <= $as_of::date - interval 183 day
    union all
    select
        year(tanggal_lulus), 'ditempatkan_6b', peserta_id || '|' || kode_program,
        kejuruan, kecamatan, jenis,
    from mart_enrolment
    where is_lulus and is_placed_6m and tanggal_lulus <= $as_of::date - interval 183 day
),

by_dimension as (
    select tahun, ukuran, unit_key, 'total' as dimensi, 'Kota Cilegon' as kategori,
    from events
    union all
    select tahun, ukuran, unit_key, 'kejuruan', kejuruan, from events
    union all
    select tahun, ukuran, unit_key, 'kecamatan', kecamatan, from events
    union all
    select tahun, ukuran, unit_key, 'jenis', jenis, from events
),

counts as (
    select tahun, dimensi, kategori, ukuran, count(distinct unit_key) as jumlah,
    from by_dimension
    group by all
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
    from (select distinct tahun from events) as y
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
