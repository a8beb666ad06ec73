-- penempatan: placements starting in [$start, $end], by jenis_penempatan.
-- Programme filters apply through the placement's kode_program (when known).
-- Rows from placement_rows (whole months pre-counted in mart_placement_month).
-- $by / $sels: one result per year ('tahun') or per value of a dimension, for the
-- values in $sels (workforce.metrics.compute_by); null = the selection ('total').
-- params: $start, $end, dimension lists, $by, $sels.
-- grain: one row per (sel, grp): grp 'total' + one per jenis_penempatan.
with selected as (
    select
        case $by
            when 'tahun' then year(tanggal)::text
            when 'kecamatan' then kecamatan
            when 'kejuruan' then kejuruan
            when 'penyelenggara' then penyelenggara
            when 'jenis' then jenis
            when 'sumber_dana' then sumber_dana
            else 'total'
        end as sel,
        jenis_penempatan,
        penempatan_count,
    from placement_rows($start, $end)
    where ($kecamatan is null or list_contains($kecamatan, kecamatan))
        and ($kejuruan is null or list_contains($kejuruan, kejuruan))
        and ($penyelenggara is null or list_contains($penyelenggara, penyelenggara))
        and ($jenis is null or list_contains($jenis, jenis))
        and ($sumber_dana is null or list_contains($sumber_dana, sumber_dana))
),

counts as (
    select sel, jenis_penempatan, sum(penempatan_count) as penempatan,
    from selected
    group by sel, jenis_penempatan
),

sels as (
    select unnest(coalesce($sels, ['total'])) as sel
),

groups as (
    select unnest(['total', 'kerja', 'magang', 'wirausaha']) as grp
),

final as (
    select
        s.sel,
        g.grp,
        coalesce(
            sum(c.penempatan) filter (
                where g.grp = 'total' or c.jenis_penempatan = g.grp
            ),
            0
        )::double as value,
    from sels as s
    cross join groups as g
    left join counts as c on c.sel = s.sel
    group by s.sel, g.grp
)

select sel, grp, value, value as numerator, null::double as denominator,
from final
order by sel, list_position(['total', 'kerja', 'magang', 'wirausaha'], grp)
