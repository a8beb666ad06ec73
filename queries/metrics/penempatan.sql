-- penempatan: placements starting in [$start, $end], by jenis_penempatan.
-- Programme filters apply through the placement's kode_program (when known).
-- params: $start, $end, dimension lists. grain: 'total' + one row per jenis_penempatan.
with selected as (
    select jenis_penempatan,
    from mart_placement
    where tanggal_mulai between $start and $end
        and ($kecamatan is null or list_contains($kecamatan, kecamatan))
        and ($kejuruan is null or list_contains($kejuruan, kejuruan))
        and ($penyelenggara is null or list_contains($penyelenggara, penyelenggara))
        and ($jenis is null or list_contains($jenis, jenis))
        and ($sumber_dana is null or list_contains($sumber_dana, sumber_dana))
),

groups as (
    select unnest(['total', 'kerja', 'magang', 'wirausaha']) as grp
),

final as (
    select
        g.grp,
        count(s.jenis_penempatan) filter (
            where g.grp = 'total' or s.jenis_penempatan = g.grp
        )::double as value,
    from groups as g
    left join selected as s on true
    group by g.grp
)

select grp, value, value as numerator, null::double as denominator from final
