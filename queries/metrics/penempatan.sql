-- penempatan: placements starting in [$start, $end], by jenis_penempatan.
-- Programme filters apply through the placement's kode_program (when known).
-- Rows from placement_rows (whole months pre-counted in mart_placement_month),
-- filtered by in_filters.
-- $by / $sels: one result per year ('tahun') or per value of a dimension, for the
-- values in $sels (workforce.metrics.compute_by; sel_of, split_rows); null = the
-- selection ('total').
-- params: $start, $end, dimension lists, $by, $sels.
-- grain: one row per (sel, grp): grp 'total' + one per jenis_penempatan.
with counts as (
    select
        sel_of(
            $by, year(tanggal), kecamatan, kejuruan, penyelenggara, jenis, sumber_dana
        ) as sel,
        jenis_penempatan,
        sum(penempatan_count) as penempatan,
    from placement_rows($start, $end)
    where in_filters(
        kecamatan, kejuruan, penyelenggara, jenis, sumber_dana,
        $kecamatan, $kejuruan, $penyelenggara, $jenis, $sumber_dana,
    )
    group by sel, jenis_penempatan
),

final as (
    select
        s.sel,
        s.grp,
        s.grp_no,
        coalesce(
            sum(c.penempatan) filter (
                where s.grp = 'total' or c.jenis_penempatan = s.grp
            ),
            0
        )::double as value,
    from split_rows($sels, 'jenis_penempatan') as s
    left join counts as c on c.sel = s.sel
    group by s.sel, s.grp, s.grp_no
)

select sel, grp, value, value as numerator, null::double as denominator,
from final
order by sel, grp_no
