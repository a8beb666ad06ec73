-- tingkat_kelulusan: lulus / ended enrolments (lulus, tidak_lulus, mengundurkan_diri)
-- in programmes whose tanggal_selesai falls in [$start, $end].
-- Rows from completion_rows (whole months pre-counted in mart_completion_month).
-- $by / $sels: one result per year ('tahun') or per value of a dimension, for the
-- values in $sels (workforce.metrics.compute_by); null = the selection ('total').
-- params: $start, $end, dimension lists, $by, $sels. grain: one row per sel
-- (grp = 'total').
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
        lulus_count,
        selesai_count,
    from completion_rows($start, $end)
    where ($kecamatan is null or list_contains($kecamatan, kecamatan))
        and ($kejuruan is null or list_contains($kejuruan, kejuruan))
        and ($penyelenggara is null or list_contains($penyelenggara, penyelenggara))
        and ($jenis is null or list_contains($jenis, jenis))
        and ($sumber_dana is null or list_contains($sumber_dana, sumber_dana))
),

counts as (
    select
        sel,
        sum(lulus_count)::double as numerator,
        sum(selesai_count)::double as denominator,
    from selected
    group by sel
),

sels as (
    select unnest(coalesce($sels, ['total'])) as sel
),

final as (
    select
        s.sel,
        coalesce(c.numerator, 0) as numerator,
        coalesce(c.denominator, 0) as denominator,
    from sels as s
    left join counts as c on c.sel = s.sel
)

select
    sel,
    'total' as grp,
    numerator / nullif(denominator, 0) * 100 as value,
    numerator,
    denominator,
from final
