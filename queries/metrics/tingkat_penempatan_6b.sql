-- tingkat_penempatan_6b: graduates (per enrolment) with a placement starting between
-- tanggal_lulus - 30 days and tanggal_lulus + 183 days / graduates, counting only
-- graduates with tanggal_lulus in [$start, $end] and at least 183 days before $as_of
-- (immature cohorts are left out). Split by the jenis of that first placement.
-- Rows from graduate_rows (whole months pre-counted in mart_graduate_month; the
-- reporting-date cut usually leaves a partial month, read from mart_enrolment),
-- filtered by in_filters.
-- $by / $sels: one result per year ('tahun') or per value of a dimension, for the
-- values in $sels (workforce.metrics.compute_by; sel_of, split_rows); null = the
-- selection ('total').
-- params: $start, $end, $as_of, dimension lists, $by, $sels.
-- grain: one row per (sel, grp): grp 'total' + one per jenis_penempatan.
with counts as (
    -- one pass: the graduates, and those placed within 6 months by the jenis of
    -- their first placement
    select
        sel_of(
            $by, year(tanggal), kecamatan, kejuruan, penyelenggara, jenis, sumber_dana
        ) as sel,
        sum(lulusan_count) as lulusan,
        sum(lulusan_count) filter (where is_placed_6m) as total,
        sum(lulusan_count) filter (where is_placed_6m and placement_jenis = 'kerja')
            as kerja,
        sum(lulusan_count) filter (where is_placed_6m and placement_jenis = 'magang')
            as magang,
        sum(lulusan_count) filter (where is_placed_6m and placement_jenis = 'wirausaha')
            as wirausaha,
    from graduate_rows($start, least($end::date, $as_of::date - 183))
    where in_filters(
        kecamatan, kejuruan, penyelenggara, jenis, sumber_dana,
        $kecamatan, $kejuruan, $penyelenggara, $jenis, $sumber_dana,
    )
    group by sel
),

final as (
    select
        s.sel,
        s.grp,
        s.grp_no,
        coalesce(
            case s.grp
                when 'total' then c.total
                when 'kerja' then c.kerja
                when 'magang' then c.magang
                when 'wirausaha' then c.wirausaha
            end,
            0
        )::double as numerator,
        coalesce(c.lulusan, 0)::double as denominator,
    from split_rows($sels, 'jenis_penempatan') as s
    left join counts as c on c.sel = s.sel
)

select sel, grp, pct(numerator, denominator) as value, numerator, denominator,
from final
order by sel, grp_no
