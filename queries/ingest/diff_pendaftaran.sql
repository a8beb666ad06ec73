-- diff_pendaftaran: how each staged pendaftaran row (the registered frame `staging`, with its
-- position `pos`) compares with the stored one: 'insert' (new key), 'replace'
-- (same key, other values) or 'same'. Key: peserta_id + kode_program.
-- params: none. grain: one row per staged row.
with staged as (
    select
        pos,
        peserta_id::text as peserta_id,
        kode_program::text as kode_program,
        status::text as status,
        tanggal_lulus::date as tanggal_lulus,
        is_tersertifikasi::boolean as is_tersertifikasi,
    from staging
),

final as (
    select
        s.pos,
        case
            when e.peserta_id is null then 'insert'
            when (s.status, s.tanggal_lulus, s.is_tersertifikasi)
                is distinct from (e.status, e.tanggal_lulus, e.is_tersertifikasi) then 'replace'
            else 'same'
        end as change,
    from staged as s
    left join pendaftaran as e
        on e.peserta_id = s.peserta_id
        and e.kode_program = s.kode_program
)

select * from final
