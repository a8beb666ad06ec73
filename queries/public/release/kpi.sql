-- kpi (main database): the public KPIs frozen in release $release_no (pub_kpi's
-- columns). params: $release_no. grain: one row per tahun, kpi_id and grp.
select tahun, kpi_id, grp, nilai, pembilang, penyebut,
from release_kpi
where release_no = $release_no
order by tahun, kpi_id, grp
