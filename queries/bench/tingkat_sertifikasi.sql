-- bench/tingkat_sertifikasi: queries/metrics/tingkat_sertifikasi.sql from the base
-- tables (bench/peers.py): certified graduates / graduates of programmes ending in
-- [$start, $end].
-- params: $start, $end. grain: one row (grp 'total').
with counts as (
    select
        count(*) filter (where d.status = 'lulus' and d.is_tersertifikasi)::double
            as numerator,
        count(*) filter (where d.status = 'lulus')::double as denominator,
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
