-- kpi: the stored public KPIs (public_kpi, see create.sql), as pub_kpi takes them.
-- grain: one row per tahun, kpi_id and grp.
select tahun, kpi_id, grp, nilai, pembilang, penyebut,
from public_kpi
order by tahun, kpi_id, grp
