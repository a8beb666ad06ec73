-- upah_median: median upah_bulanan of 'kerja' placements starting in [$start, $end]
-- (placements without a wage are left out), in Rupiah.
-- params: $start, $end, dimension lists. grain: one row (grp = 'total').
select
    'total' as grp,
    median(upah_bulanan_rupiah)::double as value,
    null::double as numerator,
    count(upah_bulanan_rupiah)::double as denominator,
from mart_placement
where jenis_penempatan = 'kerja'
    and tanggal_mulai between $start and $end
    and ($kecamatan is null or list_contains($kecamatan, kecamatan))
    and ($kejuruan is null or list_contains($kejuruan, kejuruan))
    and ($penyelenggara is null or list_contains($penyelenggara, penyelenggara))
    and ($jenis is null or list_contains($jenis, jenis))
    and ($sumber_dana is null or list_contains($sumber_dana, sumber_dana))
