-- upah_vs_umk: median monthly wage of 'kerja' placements in [$start, $end] as a
-- percentage of the UMK Kota Cilegon of the period's year (ref_umk; per year when
-- $by = 'tahun'). Wages from mart_wage (the kerja placements with a wage).
-- The registry derives this KPI from upah_median's result and metrics/umk.sql
-- (workforce.metrics.DERIVED: a page showing both scans the wages once); this file
-- states the definition, gives the KPI's dimensions and is tested equal to it.
-- $by / $sels: one result per year ('tahun') or per value of a dimension, for the
-- values in $sels (workforce.metrics.compute_by; sel_of, sel_rows); null = the
-- selection ('total'). Filters: in_filters.
-- params: $start, $end, dimension lists, $by, $sels. grain: one row per sel
-- (grp = 'total').
with selected as (
    select
        -- the year as a number here, as text after grouping: converting millions
        -- of dates to text costs more than the median (so sel_of has no year)
        case when $by = 'tahun' then year(tanggal_mulai) end as sel_year,
        sel_of($by, null, kecamatan, kejuruan, penyelenggara, jenis, sumber_dana)
            as sel_other,
        upah_bulanan_rupiah,
    from mart_wage
    where tanggal_mulai between $start and $end
        and in_filters(
            kecamatan, kejuruan, penyelenggara, jenis, sumber_dana,
            $kecamatan, $kejuruan, $penyelenggara, $jenis, $sumber_dana,
        )
),

wages as (
    select
        coalesce(sel_year::text, sel_other) as sel,
        median(upah_bulanan_rupiah)::double as upah_median,
    from selected
    group by sel_year, sel_other
),

sel_years as (
    select
        sel,
        case
            when $by = 'tahun' then try_cast(sel as integer)
            else year($start::date)
        end as tahun,
    from sel_rows($sels)
),

final as (
    select
        s.sel,
        'total' as grp,
        pct(w.upah_median, u.umk_rupiah::double) as value,
        w.upah_median as numerator,
        u.umk_rupiah::double as denominator,
    from sel_years as s
    left join wages as w on w.sel = s.sel
    left join ref_umk as u on u.tahun = s.tahun
)

select * from final
