-- targets (build side, runs on the main database): every KPI target of every year,
-- copied into the public database's pub_target.
-- params: none. grain: one row per tahun and kpi_id.
select
    tahun::integer as tahun,
    indikator as kpi_id,
    nilai_target,
from target
order by tahun, kpi_id
