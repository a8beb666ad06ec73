-- perusahaan_berulang: employers with a kerja or magang placement starting in
-- [$start, $end] that also had one starting in an earlier calendar year / employers
-- with such a placement in [$start, $end] x 100 (WIOA's repeat business customers).
-- Placements from mart_placement, filtered by in_filters.
-- $by / $sels: one result per year ('tahun') or per value of a dimension, for the
-- values in $sels (workforce.metrics.compute_by; sel_of, sel_rows); null = the
-- selection ('total').
-- params: $start, $end, dimension lists, $by, $sels. grain: one row per sel
-- (grp = 'total').
with hires as (
    select
        sel_of(
            $by, year(tanggal_mulai), kecamatan, kejuruan, penyelenggara, jenis,
            sumber_dana
        ) as sel,
        kode_perusahaan,
        max(year(tanggal_mulai)) as last_year,
    from mart_placement
    where tanggal_mulai between $start and $end
        and jenis_penempatan in ('kerja', 'magang')
        and kode_perusahaan is not null
        and in_filters(
            kecamatan, kejuruan, penyelenggara, jenis, sumber_dana,
            $kecamatan, $kejuruan, $penyelenggara, $jenis, $sumber_dana,
        )
    group by sel, kode_perusahaan
),

earlier as (
    -- each employer's first kerja or magang placement year, whatever its programme
    -- (a placement in the period has an earlier one when that year is before the
    -- latest year it hired in the period)
    select kode_perusahaan, min(year(tanggal_mulai)) as since_year,
    from penempatan
    where jenis_penempatan in ('kerja', 'magang') and kode_perusahaan is not null
    group by kode_perusahaan
),

counts as (
    select
        h.sel,
        count(*) filter (where e.since_year < h.last_year)::double as numerator,
        count(*)::double as denominator,
    from hires as h
    inner join earlier as e on e.kode_perusahaan = h.kode_perusahaan
    group by h.sel
),

final as (
    select
        s.sel,
        coalesce(c.numerator, 0) as numerator,
        coalesce(c.denominator, 0) as denominator,
    from sel_rows($sels) as s
    left join counts as c on c.sel = s.sel
)

select sel, 'total' as grp, pct(numerator, denominator) as value, numerator, denominator,
from final
