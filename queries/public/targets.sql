-- targets (public database): the KPI targets per year, for the status of the
-- public cards (on track, at risk, off track) as the internal pages show it.
-- params: none. grain: one row per tahun and kpi_id.
select tahun, kpi_id, nilai_target,
from pub_target
order by tahun, kpi_id
