-- kpi (public database): the registry's KPI values per year and split, unsuppressed
-- (workforce.public_data applies workforce.disclosure before anything is shown).
-- params: none. grain: one row per tahun, kpi_id and grp.
select tahun, kpi_id, grp, nilai, pembilang, penyebut,
from pub_kpi
order by tahun, kpi_id, grp
