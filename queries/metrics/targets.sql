-- targets: KPI targets of year $tahun (from the target table: RPJMD or admin edits).
-- params: $tahun. grain: one row per indikator.
select indikator, nilai_target from target where tahun = $tahun order by indikator
