-- umk: the UMK Kota Cilegon per year (ref_umk), the denominator of upah_vs_umk when
-- the registry derives it from upah_median's result (workforce.core.metrics.DERIVED).
-- In the columns of a KPI query, so that it runs in the same statement as the KPIs
-- that need it (metrics.fetch): sel = the year, value = the UMK in Rupiah.
-- grain: one row per tahun.
select
    tahun::varchar as sel,
    'total' as grp,
    umk_rupiah::double as value,
    null::double as numerator,
    null::double as denominator,
from ref_umk
order by tahun
