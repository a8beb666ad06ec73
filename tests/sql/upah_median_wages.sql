-- Test reference for metrics/upah_median: the median of every wage in mart_wage (the
-- kerja placements with a wage) starting in [$start, $end], one by one, never from
-- mart_wage_year's counts. metrics/upah_median must give the same rows.
-- $by / $sels: one result per year ('tahun') or per value of a dimension, for the
-- values in $sels (workforce.metrics.compute_by); null = the selection ('total').
-- params: $start, $end, dimension lists, $by, $sels. grain: one row per sel
-- (grp = 'total').
with selected as (
    select
        -- the year as a number here, as text after grouping: converting millions
        -- of dates to text costs more than the median
        case when $by = 'tahun' then year(tanggal_mulai) end as sel_year,
        case $by
            when 'kecamatan' then kecamatan
            when 'kejuruan' then kejuruan
            when 'penyelenggara' then penyelenggara
            when 'jenis' then jenis
            when 'sumber_dana' then sumber_dana
            else 'total'
        end as sel_other,
        upah_bulanan_rupiah,
    from mart_wage
    where tanggal_mulai between $start and $end
        and ($kecamatan is null or list_contains($kecamatan, kecamatan))
        and ($kejuruan is null or list_contains($kejuruan, kejuruan))
        and ($penyelenggara is null or list_contains($penyelenggara, penyelenggara))
        and ($jenis is null or list_contains($jenis, jenis))
        and ($sumber_dana is null or list_contains($sumber_dana, sumber_dana))
),

wages as (
    select
        coalesce(sel_year::text, sel_other) as sel,
        median(upah_bulanan_rupiah)::double as upah_median,
        count(upah_bulanan_rupiah)::double as upah_count,
    from selected
    group by sel_year, sel_other
),

sels as (
    select unnest(coalesce($sels, ['total'])) as sel
)

select
    s.sel,
    'total' as grp,
    w.upah_median as value,
    null::double as numerator,
    coalesce(w.upah_count, 0) as denominator,
from sels as s
left join wages as w on w.sel = s.sel
