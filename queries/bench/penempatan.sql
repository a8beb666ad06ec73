-- bench/penempatan: queries/metrics/penempatan.sql from the base tables
-- (bench/peers.py): placements starting in [$start, $end], in all and by jenis.
-- params: $start, $end. grain: one row per grp ('total' + each jenis).
with counts as (
    select
        count(*)::double as total,
        count(*) filter (where jenis_penempatan = 'kerja')::double as kerja,
        count(*) filter (where jenis_penempatan = 'magang')::double as magang,
        count(*) filter (where jenis_penempatan = 'wirausaha')::double as wirausaha,
    from penempatan
    where tanggal_mulai between $start and $end
),

final as (
    unpivot counts on total, kerja, magang, wirausaha into name grp value n
)

select grp, n as value, n as numerator, null::double as denominator,
from final
