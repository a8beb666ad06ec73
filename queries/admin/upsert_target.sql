-- upsert_target: set the target of KPI $indikator (a metric registry id) for year
-- $tahun to $nilai_target, replacing any earlier value (administrators' edits).
-- params: $tahun, $indikator, $nilai_target. grain: one row per year per indikator.
insert or replace into target (tahun, indikator, nilai_target)
values ($tahun, $indikator, $nilai_target)
