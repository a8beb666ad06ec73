-- tingkat_kelulusan: lulus / ended enrolments (lulus, tidak_lulus, mengundurkan_diri)
-- in programmes whose tanggal_selesai falls in [$start, $end].
-- params: $start, $end, dimension lists. grain: one row (grp = 'total').
with counts as (
    select
        count(*) filter (where is_lulus)::double as numerator,
        count(*) filter (where is_selesai)::double as denominator,
    from mart_enrolment
    where tanggal_selesai between $start and $end
        and ($kecamatan is null or list_contains($kecamatan, kecamatan))
        and ($kejuruan is null or list_contains($kejuruan, kejuruan))
        and ($penyelenggara is null or list_contains($penyelenggara, penyelenggara))
        and ($jenis is null or list_contains($jenis, jenis))
        and ($sumber_dana is null or list_contains($sumber_dana, sumber_dana))
)

select 'total' as grp, numerator / nullif(denominator, 0) * 100 as value, numerator, denominator
from counts
