-- peserta: distinct persons enrolled in a programme starting in [$start, $end].
-- Over whole calendar years without a dimension filter (participant_year_fits):
-- mart_participant_year, which counts each person once per year (and per year and
-- value of a dimension). Otherwise distinct peserta_no of mart_participant are
-- counted (bitstring_agg: exact), filtered by in_filters.
-- $by / $sels: one result per year ('tahun') or per value of a dimension, for the
-- values in $sels (workforce.metrics.compute_by; sel_of, sel_rows); null = the
-- selection ('total').
-- params: $start, $end, dimension lists, $by, $sels. grain: one row per sel
-- (grp = 'total').
with flagged as (
    -- whole years, no dimension filter: persons counted once per year (and value)
    select
        sel_of(
            $by, tahun, kecamatan, kejuruan, penyelenggara, jenis, sumber_dana
        ) as sel,
        sum(
            case $by
                when 'kejuruan' then peserta_kejuruan_count
                when 'penyelenggara' then peserta_penyelenggara_count
                when 'jenis' then peserta_jenis_count
                when 'sumber_dana' then peserta_sumber_dana_count
                else peserta_count
            end
        )::double as peserta,
    from mart_participant_year
    where tahun between year($start::date) and year($end::date)
        and participant_year_fits(
            $start, $end, $kecamatan, $kejuruan, $penyelenggara, $jenis, $sumber_dana
        )
    group by sel
),

counted as (
    select
        sel_of(
            $by,
            year(tanggal_mulai),
            kecamatan,
            kejuruan,
            penyelenggara,
            jenis,
            sumber_dana,
        ) as sel,
        bit_count(bitstring_agg(peserta_no))::double as peserta,
    from mart_participant
    where tanggal_mulai between $start and $end
        and in_filters(
            kecamatan, kejuruan, penyelenggara, jenis, sumber_dana,
            $kecamatan, $kejuruan, $penyelenggara, $jenis, $sumber_dana,
        )
        and not participant_year_fits(
            $start, $end, $kecamatan, $kejuruan, $penyelenggara, $jenis, $sumber_dana
        )
    group by sel
),

final as (
    select s.sel, coalesce(f.peserta, c.peserta, 0) as peserta,
    from sel_rows($sels) as s
    left join flagged as f on f.sel = s.sel
    left join counted as c on c.sel = s.sel
)

select
    sel,
    'total' as grp,
    peserta as value,
    peserta as numerator,
    null::double as denominator,
from final
