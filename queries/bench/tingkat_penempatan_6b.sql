-- bench/tingkat_penempatan_6b: queries/metrics/tingkat_penempatan_6b.sql from the base
-- tables (bench/peers.py): graduates with tanggal_lulus in [$start, $end] and at
-- least 183 days before $as_of whose first placement from tanggal_lulus - 30 days
-- starts by tanggal_lulus + 183 days, split by that placement's jenis.
-- params: $start, $end, $as_of. grain: one row per grp ('total' + each jenis).
with graduates as (
    select peserta_id, kode_program, tanggal_lulus,
    from pendaftaran
    where status = 'lulus'
        and tanggal_lulus between $start and $end
        and tanggal_lulus <= $as_of::date - 183
),

first_placement as (
    select
        g.peserta_id,
        g.kode_program,
        min(pn.tanggal_mulai) as placement_date,
        arg_min(pn.jenis_penempatan, pn.tanggal_mulai) as placement_jenis,
        any_value(g.tanggal_lulus) as tanggal_lulus,
    from graduates as g
    inner join penempatan as pn
        on pn.peserta_id = g.peserta_id
        and pn.tanggal_mulai >= g.tanggal_lulus - 30
    group by g.peserta_id, g.kode_program
),

placed as (
    select placement_jenis,
    from first_placement
    where placement_date <= tanggal_lulus + 183
),

final as (
    select
        g.grp,
        (
            select count(*) from placed
            where g.grp = 'total' or placement_jenis = g.grp
        )::double as numerator,
        (select count(*) from graduates)::double as denominator,
    from (values ('total'), ('kerja'), ('magang'), ('wirausaha')) as g (grp)
)

select grp, numerator / nullif(denominator, 0) * 100 as value, numerator, denominator,
from final
