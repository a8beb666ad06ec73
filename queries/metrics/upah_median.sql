-- upah_median: median upah_bulanan_rupiah of 'kerja' placements starting in [$start, $end]
-- (placements without a wage are left out), in Rupiah.
-- When each sel is one whole calendar year with at most one value of one dimension
-- (filtered or selected: wage_year_fits): from mart_wage_year, the wages of that cell
-- with their running counts; the median is DuckDB's median of the one or two middle
-- wages, so it equals the median of every wage (tested). Otherwise the wages of
-- mart_wage (the kerja placements with a wage, filtered by in_filters) are read one
-- by one.
-- $by / $sels: one result per year ('tahun') or per value of a dimension, for the
-- values in $sels (workforce.metrics.compute_by; sel_of, sel_rows); null = the
-- selection ('total').
-- params: $start, $end, dimension lists, $by, $sels. grain: one row per sel
-- (grp = 'total').
with cells as (
    -- one year per sel, at most one value of one dimension: the sel's cell
    select
        case
            when $by = 'tahun' then tahun::text
            when $by = dimensi then nilai
            else 'total'
        end as sel,
        upah_bulanan_rupiah,
        upah_upto,
        upah_total,
    from mart_wage_year
    where tahun between year($start::date) and year($end::date)
        and dimensi = coalesce(
            case
                when $by in ('kecamatan', 'kejuruan', 'penyelenggara', 'jenis', 'sumber_dana')
                    then $by
            end,
            case
                when $kecamatan is not null then 'kecamatan'
                when $kejuruan is not null then 'kejuruan'
                when $penyelenggara is not null then 'penyelenggara'
                when $jenis is not null then 'jenis'
                when $sumber_dana is not null then 'sumber_dana'
            end,
            'total'
        )
        -- at most one of these lists is set here, and dimensi is its dimension: the
        -- cell's value stands for each
        and in_filters(
            nilai, nilai, nilai, nilai, nilai,
            $kecamatan, $kejuruan, $penyelenggara, $jenis, $sumber_dana,
        )
        and wage_year_fits(
            $start, $end, $by,
            $kecamatan, $kejuruan, $penyelenggara, $jenis, $sumber_dana,
        )
),

cell_wages as (
    -- the middle wage (odd count) or the two middle wages (even count), ranks
    -- (n + 1) // 2 and n // 2 + 1, found by the running count
    select
        sel,
        list_median([
            min(upah_bulanan_rupiah) filter (where upah_upto >= (upah_total + 1) // 2),
            min(upah_bulanan_rupiah) filter (where upah_upto >= upah_total // 2 + 1)
        ])::double as upah_median,
        any_value(upah_total)::double as upah_count,
    from cells
    group by sel
),

selected as (
    -- otherwise: every wage
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
        and not wage_year_fits(
            $start, $end, $by,
            $kecamatan, $kejuruan, $penyelenggara, $jenis, $sumber_dana,
        )
),

wages as (
    select
        coalesce(sel_year::text, sel_other) as sel,
        median(upah_bulanan_rupiah)::double as upah_median,
        count(upah_bulanan_rupiah)::double as upah_count,
    from selected
    group by sel_year, sel_other
    union all
    select * from cell_wages
),

final as (
    select
        s.sel,
        'total' as grp,
        w.upah_median as value,
        null::double as numerator,
        coalesce(w.upah_count, 0) as denominator,
    from sel_rows($sels) as s
    left join wages as w on w.sel = s.sel
)

select * from final
