-- tpt: open unemployment rate of Kota Cilegon in year $tahun (BPS Sakernas, August).
-- pengangguran / angkatan_kerja * 100 where both are published, else the published tpt_pct.
-- params: $tahun. grain: one row (grp = 'total').
select
    'total' as grp,
    coalesce(pengangguran / nullif(angkatan_kerja, 0) * 100, tpt_pct) as value,
    pengangguran::double as numerator,
    angkatan_kerja::double as denominator,
from statistik_tenaga_kerja
where tahun = $tahun and wilayah = 'Kota Cilegon'
