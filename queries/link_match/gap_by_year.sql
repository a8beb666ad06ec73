-- gap_by_year: kesenjangan_link_match for every year from $tahun - 4 to $tahun: per
-- kejuruan and year, vacancies reported (lowongan.jumlah) minus graduates whose
-- tanggal_lulus falls in that year; positive = industry wants more than was
-- trained. The same definition as queries/metrics/kesenjangan_link_match.sql, year by
-- year (equality tested); like the KPI it honours the kejuruan filter only.
-- params: $tahun, $kejuruan.
-- filter: picked (a macro of queries/marts/), the kejuruan list.
-- grain: one row per (tahun, kejuruan) with vacancies or graduates.
with vacancies as (
    select l.tahun, k.nama as kejuruan, sum(l.jumlah)::bigint as lowongan_count,
    from lowongan as l
    inner join ref_kejuruan as k on k.kejuruan_id = l.kejuruan_id
    where l.tahun between $tahun - 4 and $tahun
    group by l.tahun, k.nama
),

graduates as (
    -- graduates per month of tanggal_lulus, counted at import
    select year(bulan) as tahun, kejuruan, sum(lulusan_count)::bigint as lulusan_count,
    from mart_graduate_month
    where bulan between make_date($tahun - 4, 1, 1) and make_date($tahun, 12, 1)
    group by year(bulan), kejuruan
),

final as (
    select
        coalesce(v.tahun, g.tahun) as tahun,
        coalesce(v.kejuruan, g.kejuruan) as kejuruan,
        coalesce(v.lowongan_count, 0) as lowongan_count,
        coalesce(g.lulusan_count, 0) as lulusan_count,
        coalesce(v.lowongan_count, 0) - coalesce(g.lulusan_count, 0) as gap_count,
    from vacancies as v
    full outer join graduates as g
        on g.tahun = v.tahun and g.kejuruan = v.kejuruan
    where picked(coalesce(v.kejuruan, g.kejuruan), $kejuruan)
)

select * from final
order by tahun, gap_count desc, kejuruan
