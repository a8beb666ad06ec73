-- years: the years with programme or budget data (the x-axis of the trend charts).
-- params: none. grain: one row per year, ascending.
with final as (
    select year(tanggal_mulai) as tahun from program
    union
    select year(tanggal_selesai) from program
    union
    select tahun from anggaran
)

select tahun from final
order by tahun
