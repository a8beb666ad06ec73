-- mart_budget_years: the years with budget lines (anggaran), for the trend charts'
-- years without a scan of anggaran. Rebuilt after every import.
-- grain: one row per tahun.
create or replace table mart_budget_years as
select distinct tahun from anggaran
