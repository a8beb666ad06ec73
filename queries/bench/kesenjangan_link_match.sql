-- bench/kesenjangan_link_match: queries/metrics/kesenjangan_link_match.sql from the
-- base tables (bench/peers.py): per kejuruan, the vacancies of year $tahun minus the
-- graduates of that year (tanggal_lulus), and the sum over every kejuruan.
-- params: $tahun. grain: one row per kejuruan with either, plus grp 'total'.
with vacancies as (
    select k.nama, sum(l.jumlah)::double as v,
    from lowongan as l
    inner join ref_kejuruan as k on k.kejuruan_id = l.kejuruan_id
    where l.tahun = $tahun
    group by k.nama
),

graduates as (
    select k.nama, count(*)::double as g,
    from pendaftaran as d
    inner join program as p on p.kode_program = d.kode_program
    inner join ref_kejuruan as k on k.kejuruan_id = p.kejuruan_id
    where d.status = 'lulus' and year(d.tanggal_lulus) = $tahun
    group by k.nama
),

per_kejuruan as (
    select
        coalesce(v.nama, g.nama) as grp,
        coalesce(v.v, 0) as numerator,
        coalesce(g.g, 0) as denominator,
    from vacancies as v
    full outer join graduates as g on g.nama = v.nama
),

final as (
    select grp, numerator, denominator, from per_kejuruan
    union all
    select 'total', coalesce(sum(numerator), 0), coalesce(sum(denominator), 0),
    from per_kejuruan
)

select grp, numerator - denominator as value, numerator, denominator,
from final
