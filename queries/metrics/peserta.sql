-- peserta: distinct persons enrolled in a programme starting in [$start, $end].
-- params: $start, $end, dimension lists. grain: one row (grp = 'total').
select
    'total' as grp,
    count(distinct peserta_id)::double as value,
    count(distinct peserta_id)::double as numerator,
    null::double as denominator,
from mart_enrolment
where tanggal_mulai between $start and $end
    and ($kecamatan is null or list_contains($kecamatan, kecamatan))
    and ($kejuruan is null or list_contains($kejuruan, kejuruan))
    and ($penyelenggara is null or list_contains($penyelenggara, penyelenggara))
    and ($jenis is null or list_contains($jenis, jenis))
    and ($sumber_dana is null or list_contains($sumber_dana, sumber_dana))
