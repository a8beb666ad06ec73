-- filter_options: the values each shared filter can take.
-- jenis, sumber_dana and tahun as found in program (mart_programme_values).
-- params: none. grain: one row per (dimension, value), sorted for display.
with final as (
    select 'kecamatan' as dimension, nama as value, kecamatan_kode as sort_key
    from ref_kecamatan
    union all
    select 'kejuruan', nama, nama from ref_kejuruan
    union all
    select 'penyelenggara', nama, nama from ref_penyelenggara
    union all
    select distinct 'jenis', jenis, jenis from mart_programme_values
    union all
    select distinct 'sumber_dana', sumber_dana, sumber_dana from mart_programme_values
    union all
    select distinct 'tahun', tahun::text, tahun::text from mart_programme_values
)

select dimension, value from final
order by dimension, sort_key
