-- kpi: the public KPIs kept in the main database (pub_kpi, see drop.sql).
-- grain: one row per tahun, kpi_id and grp.
select tahun, kpi_id, grp, nilai, pembilang, penyebut,
from pub_kpi
order by tahun, kpi_id, grp
