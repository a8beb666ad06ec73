-- bench/tingkat_kelulusan: queries/metrics/tingkat_kelulusan.sql from the base tables
-- (bench/peers.py): lulus / ended enrolments of programmes ending in [$start, $end].
-- params: $start, $end. grain: one row (grp 'total').
with counts as (
    select
        count(*) filter (where d.status = 'lulus')::double as numerator,
        count(*) filter (
            where d.status in ('lulus', 'tidak_lulus', 'mengundurkan_diri')
        )::double as denominator,
    from pendaftaran as d
    inner join program as p on p.kode_program = d.kode_program
    where p.tanggal_selesai between $start and $end
)

select
    'total' as grp,
    numerator / nullif(denominator, 0) * 100 as value,
    numerator,
    denominator,
from counts
