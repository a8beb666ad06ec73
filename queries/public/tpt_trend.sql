-- tpt_trend (public database): open unemployment rate (TPT) of Kota Cilegon, Provinsi
-- Banten and Indonesia per year, by the registry's tpt definition (metrics/tpt.sql):
-- BPS's published tpt_pct (computed from unrounded counts; released counts are
-- rounded), else pengangguran / angkatan_kerja * 100 where only the counts are known; the published rate, the counts and the source stay beside it.
-- params: none. grain: one row per wilayah per year.
with final as (
    select
        tahun,
        wilayah,
        coalesce(tpt_pct, pengangguran / nullif(angkatan_kerja, 0) * 100) as tpt_pct,
        tpt_pct as tpt_terbitan_pct,
        pengangguran,
        angkatan_kerja,
        sumber,
        rilis,
    from statistik_tenaga_kerja
    where wilayah in ('Kota Cilegon', 'Provinsi Banten', 'Indonesia')
)

select * from final
order by tahun, wilayah
