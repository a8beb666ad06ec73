-- kesenjangan_link_match: per kejuruan, vacancies reported for year $tahun
-- (lowongan.jumlah) minus graduates whose tanggal_lulus falls in year $tahun;
-- positive = industry wants more than was trained. numerator = vacancies,
-- denominator = graduates (not a ratio: both counts are kept for display).
-- params: $tahun, $kejuruan. grain: one row per kejuruan with either count > 0, plus 'total'.
with vacancies as (
    select k.nama as kejuruan, sum(l.jumlah)::double as lowongan,
    from lowongan as l
    inner join ref_kejuruan as k on k.kejuruan_id = l.kejuruan_id
    where l.tahun = $tahun
    group by k.nama
),

graduates as (
    select kejuruan, count(*)::double as lulusan,
    from mart_enrolment
    where is_lulus and year(tanggal_lulus) = $tahun
    group by kejuruan
),

per_kejuruan as (
    select
        coalesce(v.kejuruan, g.kejuruan) as grp,
        coalesce(v.lowongan, 0) as numerator,
        coalesce(g.lulusan, 0) as denominator,
    from vacancies as v
    full outer join graduates as g on g.kejuruan = v.kejuruan
    where $kejuruan is null or list_contains($kejuruan, coalesce(v.kejuruan, g.kejuruan))
),

final as (
    select grp, numerator, denominator from per_kejuruan
    union all
    select 'total', coalesce(sum(numerator), 0), coalesce(sum(denominator), 0)
    from per_kejuruan
)

select grp, numerator - denominator as value, numerator, denominator
from final
order by grp = 'total', value desc, grp
