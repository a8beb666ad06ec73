-- tingkat_penempatan_6b: graduates (per enrolment) with a placement starting between
-- tanggal_lulus - 30 days and tanggal_lulus + 183 days / graduates, counting only
-- graduates with tanggal_lulus in [$start, $end] and at least 183 days before $as_of
-- (immature cohorts are left out). Split by the jenis of that first placement.
-- params: $start, $end, $as_of, dimension lists. grain: 'total' + one row per jenis_penempatan.
with cohort as (
    select is_placed_6m, placement_jenis,
    from mart_enrolment
    where is_lulus
        and tanggal_lulus between $start and $end
        and tanggal_lulus <= $as_of::date - interval 183 day
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
        count(c.is_placed_6m) filter (
            where c.is_placed_6m and (g.grp = 'total' or c.placement_jenis = g.grp)
        )::double as numerator,
        (select count(*) from cohort)::double as denominator,
    from groups as g
    left join cohort as c on true
    group by g.grp
)

select grp, numerator / nullif(denominator, 0) * 100 as value, numerator, denominator
from final
