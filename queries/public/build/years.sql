-- years (build side, runs on the main database): the years with programme or budget
-- data, for which the public KPI values are computed.
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
