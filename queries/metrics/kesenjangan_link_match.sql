-- kesenjangan_link_match: per kejuruan, vacancies reported for the period's year
-- (lowongan.jumlah) minus graduates whose tanggal_lulus falls in that year;
-- positive = industry wants more than was trained. numerator = vacancies,
-- denominator = graduates (not a ratio: both counts are kept for display). The
-- year is year($start) (to year($end) when $by = 'tahun'); graduates come from
-- graduate_rows over whole years (mart_graduate_month).
-- $by / $sels: one result per year ('tahun') or per kejuruan, for the values in
-- $sels (workforce.metrics.compute_by; sel_rows); null = the selection ('total').
-- The kejuruan filter: picked.
-- params: $start, $end, $kejuruan, $by, $sels.
-- grain: per sel, one row per kejuruan with either count > 0, plus 'total'.
with vacancies as (
    select l.tahun, k.nama as kejuruan, sum(l.jumlah)::double as lowongan,
    from lowongan as l
    inner join ref_kejuruan as k on k.kejuruan_id = l.kejuruan_id
    where l.tahun between year($start::date) and year($end::date)
    group by l.tahun, k.nama
),

graduates as (
    select year(tanggal) as tahun, kejuruan, sum(lulusan_count)::double as lulusan,
    from graduate_rows(
        make_date(year($start::date), 1, 1), make_date(year($end::date), 12, 31)
    )
    group by year(tanggal), kejuruan
),

per_kejuruan as (
    select
        case $by
            when 'tahun' then coalesce(v.tahun, g.tahun)::text
            when 'kejuruan' then coalesce(v.kejuruan, g.kejuruan)
            else 'total'
        end as sel,
        coalesce(v.kejuruan, g.kejuruan) as grp,
        coalesce(v.lowongan, 0) as numerator,
        coalesce(g.lulusan, 0) as denominator,
    from vacancies as v
    full outer join graduates as g on g.tahun = v.tahun and g.kejuruan = v.kejuruan
    where picked(coalesce(v.kejuruan, g.kejuruan), $kejuruan)
),

final as (
    select p.sel, p.grp, p.numerator, p.denominator,
    from per_kejuruan as p
    semi join sel_rows($sels) as s on s.sel = p.sel
    union all
    select s.sel, 'total', coalesce(sum(p.numerator), 0), coalesce(sum(p.denominator), 0),
    from sel_rows($sels) as s
    left join per_kejuruan as p on p.sel = s.sel
    group by s.sel
)

select sel, grp, numerator - denominator as value, numerator, denominator,
from final
order by sel, grp = 'total', value desc, grp
