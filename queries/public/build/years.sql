-- years (build side, runs on the main database): the years with programme or budget
-- data, for which the public KPI values are computed (mart_programme_values and
-- mart_budget_years: the years of program and anggaran).
-- params: none. grain: one row per year, ascending.
with final as (
    select tahun_mulai as tahun from mart_programme_values
    union
    select tahun_selesai from mart_programme_values
    union
    select tahun from mart_budget_years
)

select tahun from final
order by tahun
