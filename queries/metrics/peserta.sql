-- peserta: distinct persons enrolled in a programme starting in [$start, $end].
-- Over whole calendar years without a dimension filter: mart_participant_year, which
-- counts each person once per year (and per year and value of a dimension).
-- Otherwise distinct peserta_no of mart_participant are counted (bitstring_agg:
-- exact).
-- $by / $sels: one result per year ('tahun') or per value of a dimension, for the
-- values in $sels (workforce.metrics.compute_by); null = the selection ('total').
-- params: $start, $end, dimension lists, $by, $sels. grain: one row per sel
-- (grp = 'total').
with selected as (
    select
        case $by
            when 'tahun' then year(tanggal_mulai)::text
            when 'kecamatan' then kecamatan
            when 'kejuruan' then kejuruan
            when 'penyelenggara' then penyelenggara
            when 'jenis' then jenis
            when 'sumber_dana' then sumber_dana
            else 'total'
        end as sel,
        peserta_no,
    from mart_participant
    where tanggal_mulai between $start and $end
        and ($kecamatan is null or list_contains($kecamatan, kecamatan))
        and ($kejuruan is null or list_contains($kejuruan, kejuruan))
        and ($penyelenggara is null or list_contains($penyelenggara, penyelenggara))
        and ($jenis is null or list_contains($jenis, jenis))
        and ($sumber_dana is null or list_contains($sumber_dana, sumber_dana))
),

flagged as (
    -- whole years, no dimension filter: persons counted once per year (and value)
    select
        case $by
            when 'tahun' then tahun::text
            when 'kecamatan' then kecamatan
            when 'kejuruan' then kejuruan
            when 'penyelenggara' then penyelenggara
            when 'jenis' then jenis
            when 'sumber_dana' then sumber_dana
            else 'total'
        end as sel,
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
        and $kecamatan is null
        and $kejuruan is null
        and $penyelenggara is null
        and $jenis is null
        and $sumber_dana is null
        and strftime($start::date, '%m-%d') = '01-01'
        and strftime($end::date, '%m-%d') = '12-31'
    group by sel
),

counted as (
    select sel, bit_count(bitstring_agg(peserta_no))::double as peserta,
    from selected
    where not (
        $kecamatan is null
        and $kejuruan is null
        and $penyelenggara is null
        and $jenis is null
        and $sumber_dana is null
        and strftime($start::date, '%m-%d') = '01-01'
        and strftime($end::date, '%m-%d') = '12-31'
    )
    group by sel
),

sels as (
    select unnest(coalesce($sels, ['total'])) as sel
),

final as (
    select s.sel, coalesce(f.peserta, c.peserta, 0) as peserta,
    from sels as s
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
