-- upah_vs_umk: median monthly wage of 'kerja' placements in [$start, $end] as a
-- percentage of the UMK Kota Cilegon of year $tahun (ref_umk).
-- params: $tahun, $start, $end, dimension lists. grain: one row (grp = 'total').
with wage as (
    select median(upah_bulanan_rupiah)::double as upah_median,
    from mart_placement
    where jenis_penempatan = 'kerja'
        and tanggal_mulai between $start and $end
        and ($kecamatan is null or list_contains($kecamatan, kecamatan))
        and ($kejuruan is null or list_contains($kejuruan, kejuruan))
        and ($penyelenggara is null or list_contains($penyelenggara, penyelenggara))
        and ($jenis is null or list_contains($jenis, jenis))
        and ($sumber_dana is null or list_contains($sumber_dana, sumber_dana))
)

select
    'total' as grp,
    w.upah_median / nullif(u.umk_rupiah::double, 0) * 100 as value,
    w.upah_median as numerator,
    u.umk_rupiah::double as denominator,
from wage as w
left join ref_umk as u on u.tahun = $tahun
