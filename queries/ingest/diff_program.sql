-- diff_program: how each staged program row (the registered frame `staging`, with its
-- position `pos`) compares with the stored one: 'insert' (new key), 'replace'
-- (same key, other values) or 'same'. Key: kode_program.
-- params: none. grain: one row per staged row.
with staged as (
    select
        pos,
        kode_program::text as kode_program,
        nama_program::text as nama_program,
        kejuruan_id::integer as kejuruan_id,
        penyelenggara_id::integer as penyelenggara_id,
        jenis::text as jenis,
        sumber_dana::text as sumber_dana,
        tahun::integer as tahun,
        tanggal_mulai::date as tanggal_mulai,
        tanggal_selesai::date as tanggal_selesai,
        kuota::integer as kuota,
    from staging
),

final as (
    select
        s.pos,
        case
            when e.kode_program is null then 'insert'
            when (s.nama_program, s.kejuruan_id, s.penyelenggara_id, s.jenis, s.sumber_dana, s.tahun, s.tanggal_mulai, s.tanggal_selesai, s.kuota)
                is distinct from (e.nama_program, e.kejuruan_id, e.penyelenggara_id, e.jenis, e.sumber_dana, e.tahun, e.tanggal_mulai, e.tanggal_selesai, e.kuota) then 'replace'
            else 'same'
        end as change,
    from staged as s
    left join program as e
        on e.kode_program = s.kode_program
)

select * from final
