-- targets_all: every KPI target of every year (the target markers on trend charts
-- and the administrators' target table).
-- params: none. grain: one row per year per indikator.
select tahun, indikator, nilai_target from target
order by tahun, indikator
