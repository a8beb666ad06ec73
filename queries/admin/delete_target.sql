-- delete_target: remove the target of KPI $indikator for year $tahun.
-- params: $tahun, $indikator. grain: at most one row.
delete from target where tahun = $tahun and indikator = $indikator
