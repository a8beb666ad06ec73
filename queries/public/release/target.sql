-- target (main database): the KPI targets frozen in release $release_no
-- (pub_target's columns). params: $release_no. grain: one row per tahun and kpi_id.
select tahun, kpi_id, nilai_target,
from release_target
where release_no = $release_no
order by tahun, kpi_id
