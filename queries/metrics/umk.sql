-- umk: the UMK Kota Cilegon per year (ref_umk), the denominator of upah_vs_umk when
-- the registry derives it from upah_median's result (workforce.metrics.DERIVED).
-- grain: one row per tahun.
select tahun, umk_rupiah::double as umk_rupiah,
from ref_umk
order by tahun
