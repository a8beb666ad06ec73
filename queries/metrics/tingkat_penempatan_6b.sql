-- tingkat_penempatan_6b: graduates (per enrolment) with a placement starting between
-- tanggal_lulus - 30 days and tanggal_lulus + 183 days / graduates, counting only
-- graduates with tanggal_lulus in [$start, $end] and at least 183 days before $as_of
-- (immature cohorts are left out). Split by the jenis of that first placement.
-- Rows from graduate_rows (whole months pre-counted in mart_graduate_month; the
-- reporting-date cut usually leaves a partial month, read from mart_enrolment).
-- $by / $sels: one result per year ('tahun') or per value of a dimension, for the
-- values in $sels (workforce.metrics.compute_by); null = the selection ('total').
-- params: $start, $end, $as_of, dimension lists, $by, $sels.
-- grain: one row per (sel, grp): grp 'total' + one per jenis_penempatan.
with cohort as (
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
        placement_jenis,
        is_placed_6m,
        lulusan_count,
    from graduate_rows($start, least($end::date, $as_of::date - 183))
    where ($kecamatan is null or list_contains($kecamatan, kecamatan))
        and ($kejuruan is null or list_contains($kejuruan, kejuruan))
        and ($penyelenggara is null or list_contains($penyelenggara, penyelenggara))
        and ($jenis is null or list_contains($jenis, jenis))
        and ($sumber_dana is null or list_contains($sumber_dana, sumber_dana))
),

counts as (
    -- one pass: the graduates, and those placed within 6 months by the jenis of
    -- their first placement
    select
        sel,
        sum(lulusan_count) as lulusan,
        sum(lulusan_count) filter (where is_placed_6m) as total,
        sum(lulusan_count) filter (where is_placed_6m and placement_jenis = 'kerja')
            as kerja,
        sum(lulusan_count) filter (where is_placed_6m and placement_jenis = 'magang')
            as magang,
        sum(lulusan_count) filter (where is_placed_6m and placement_jenis = 'wirausaha')
            as wirausaha,
    from cohort
    group by sel
),

sels as (
    select unnest(coalesce($sels, ['total'])) as sel
),

final as (
    select
        s.sel,
        g.grp,
        coalesce(
            case g.grp
                when 'total' then c.total
                when 'kerja' then c.kerja
                when 'magang' then c.magang
                when 'wirausaha' then c.wirausaha
            end,
            0
        )::double as numerator,
        coalesce(c.lulusan, 0)::double as denominator,
    from sels as s
    cross join (values ('total'), ('kerja'), ('magang'), ('wirausaha')) as g (grp)
    left join counts as c on c.sel = s.sel
)

select
    sel,
    grp,
    numerator / nullif(denominator, 0) * 100 as value,
    numerator,
    denominator,
from final
order by sel, list_position(['total', 'kerja', 'magang', 'wirausaha'], grp)
