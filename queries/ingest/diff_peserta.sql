-- diff_peserta: how each staged peserta row (the registered frame `staging`, with its
-- position `pos`) compares with the stored one: 'insert' (new key), 'replace'
-- (same key, other values) or 'same'. Key: peserta_id.
-- params: none. grain: one row per staged row.
with staged as (
    select
        pos,
        peserta_id::text as peserta_id,
        jenis_kelamin::text as jenis_kelamin,
        tanggal_lahir::date as tanggal_lahir,
        pendidikan::text as pendidikan,
        kecamatan_kode::text as kecamatan_kode,
        kelurahan_kode::text as kelurahan_kode,
        is_disabilitas::boolean as is_disabilitas,
    from staging
),

final as (
    select
        s.pos,
        case
            when e.peserta_id is null then 'insert'
            when (s.jenis_kelamin, s.tanggal_lahir, s.pendidikan, s.kecamatan_kode, s.kelurahan_kode, s.is_disabilitas)
                is distinct from (e.jenis_kelamin, e.tanggal_lahir, e.pendidikan, e.kecamatan_kode, e.kelurahan_kode, e.is_disabilitas) then 'replace'
            else 'same'
        end as change,
    from staged as s
    left join peserta as e
        on e.peserta_id = s.peserta_id
)

select * from final
