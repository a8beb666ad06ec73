-- tpt_sources: the years with a published labour statistic for Kota Cilegon and the
-- source of each figure (shown beside the TPT projection and in the meeting pack).
-- The rate itself comes from the metric registry (metrics/tpt).
-- params: none. grain: one row per year.
select tahun, sumber, coalesce(rilis, '') as rilis,
from statistik_tenaga_kerja
where wilayah = 'Kota Cilegon'
order by tahun
