-- tpt: open unemployment rate of Kota Cilegon in the period's year (BPS Sakernas,
-- August): year($start), or each year to year($end) when $by = 'tahun'.
-- BPS's published tpt_pct (computed by BPS from unrounded counts; the counts in
-- releases are rounded, e.g. "6,17 juta", and would shift it by 0.01-0.02 points),
-- else pengangguran / angkatan_kerja * 100 where only the counts are known.
-- $by / $sels: one row per year when $by = 'tahun' (a year without figures has none);
-- else one row 'total' (workforce.metrics.compute_by).
-- params: $start, $end, $by, $sels. grain: one row per sel (grp = 'total').
select
    case when $by = 'tahun' then tahun::text else 'total' end as sel,
    'total' as grp,
    coalesce(tpt_pct, pengangguran / nullif(angkatan_kerja, 0) * 100) as value,
    pengangguran::double as numerator,
    angkatan_kerja::double as denominator,
from statistik_tenaga_kerja
where wilayah = 'Kota Cilegon'
    and tahun between year($start::date)
        and case when $by = 'tahun' then year($end::date) else year($start::date) end
    and picked(tahun::text, $sels)
