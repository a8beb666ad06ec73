-- bench/peserta: queries/metrics/peserta.sql computed from the base tables instead of
-- the marts (the benchmark's "DuckDB on base tables" peer, bench/peers.py): distinct
-- persons enrolled in programmes starting in [$start, $end], whole city.
-- params: $start, $end. grain: one row (grp 'total').
with persons as (
    select count(distinct d.peserta_id)::double as n,
    from pendaftaran as d
    inner join program as p on p.kode_program = d.kode_program
    where p.tanggal_mulai between $start and $end
)

select 'total' as grp, n as value, n as numerator, null::double as denominator,
from persons
