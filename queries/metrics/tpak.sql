-- tpak: labour force participation rate of Kota Cilegon in the period's year:
-- year($start), or each year to year($end) when $by = 'tahun'.
-- BPS's published tpak_pct, else angkatan_kerja / penduduk_usia_kerja * 100 where only
-- the counts are known (released counts are rounded: see metrics/tpt.sql).
-- $by / $sels: one row per year when $by = 'tahun' (a year without figures has none);
-- else one row 'total' (workforce.metrics.compute_by).
-- params: $start, $end, $by, $sels. grain: one row per sel (grp = 'total').
select
    case when $by = 'tahun' then tahun::text else 'total' end as sel,
    'total' as grp,
    coalesce(tpak_pct, angkatan_kerja / nullif(penduduk_usia_kerja, 0) * 100) as value,
    angkatan_kerja::double as numerator,
    penduduk_usia_kerja::double as denominator,
from statistik_tenaga_kerja
where wilayah = 'Kota Cilegon'
    and tahun between year($start::date)
        and case when $by = 'tahun' then year($end::date) else year($start::date) end
    and picked(tahun::text, $sels)
