-- mart_budget_years: the years with budget lines (anggaran), for the trend charts'
-- years without a scan of anggaran, and bulan_data: the last month of the year with
-- any monthly spending figure (realisasi_bulanan; null: none imported), for pacing.
-- Rebuilt after every import.
-- grain: one row per tahun.
create or replace table mart_budget_years as
with years as (
    select distinct tahun from anggaran
),

months as (
    select tahun, max(bulan) as bulan_data,
    from realisasi_bulanan
    group by tahun
)

select y.tahun, m.bulan_data,
from years as y
left join months as m on m.tahun = y.tahun
order by y.tahun
