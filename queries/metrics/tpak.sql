-- tpak: labour force participation rate of Kota Cilegon in year $tahun.
-- angkatan_kerja / penduduk_usia_kerja * 100 where both are published, else tpak_pct.
-- params: $tahun. grain: one row (grp = 'total').
select
    'total' as grp,
    coalesce(angkatan_kerja / nullif(penduduk_usia_kerja, 0) * 100, tpak_pct) as value,
    angkatan_kerja::double as numerator,
    penduduk_usia_kerja::double as denominator,
from statistik_tenaga_kerja
where tahun = $tahun and wilayah = 'Kota Cilegon'
