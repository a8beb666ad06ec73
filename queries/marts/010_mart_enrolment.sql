-- mart_enrolment: one row per enrolment (pendaftaran) with the programme's and the
-- person's dimensions and the person's first placement on or after tanggal_lulus - 30
-- days. Rebuilt after every import. is_placed_6m follows metrics.md
-- (tingkat_penempatan_6b); maturity depends on the reporting date, so page queries
-- test `tanggal_lulus <= $as_of - 183 days` themselves.
create or replace table mart_enrolment as
with first_placement as (
    select
        d.peserta_id,
        d.kode_program,
        min(pn.tanggal_mulai) as placement_date,
        arg_min(pn.jenis_penempatan, pn.tanggal_mulai) as placement_jenis,
    from pendaftaran as d
    inner join penempatan as pn
        on pn.peserta_id = d.peserta_id
        and pn.tanggal_mulai >= d.tanggal_lulus - interval 30 day
    where d.status = 'lulus'
    group by d.peserta_id, d.kode_program
),

final as (
    select
        d.peserta_id,
        d.kode_program,
        p.tahun as program_tahun,
        p.tanggal_mulai,
        p.tanggal_selesai,
        k.nama as kejuruan,
        pp.nama as penyelenggara,
        p.jenis,
        p.sumber_dana,
        s.kecamatan_kode,
        kc.nama as kecamatan,
        s.jenis_kelamin,
        date_diff('year', s.tanggal_lahir, p.tanggal_mulai)
            - case when strftime(p.tanggal_mulai, '%m%d') < strftime(s.tanggal_lahir, '%m%d')
                then 1 else 0 end as umur,
        s.pendidikan,
        s.is_disabilitas,
        d.status,
        d.status in ('lulus', 'tidak_lulus', 'mengundurkan_diri') as is_selesai,
        d.status = 'lulus' as is_lulus,
        d.tanggal_lulus,
        d.status = 'lulus' and d.is_tersertifikasi as is_tersertifikasi,
        fp.placement_date,
        fp.placement_jenis,
        coalesce(fp.placement_date <= d.tanggal_lulus + interval 183 day, false)
            as is_placed_6m,
        date_diff('day', d.tanggal_lulus, fp.placement_date) as days_to_placement,
    from pendaftaran as d
    inner join program as p on p.kode_program = d.kode_program
    inner join ref_kejuruan as k on k.kejuruan_id = p.kejuruan_id
    inner join ref_penyelenggara as pp on pp.penyelenggara_id = p.penyelenggara_id
    inner join peserta as s on s.peserta_id = d.peserta_id
    inner join ref_kecamatan as kc on kc.kecamatan_kode = s.kecamatan_kode
    left join first_placement as fp
        on fp.peserta_id = d.peserta_id and fp.kode_program = d.kode_program
)

select
    *,
    case
        when umur < 20 then '15-19'
        when umur < 25 then '20-24'
        when umur < 30 then '25-29'
        when umur < 35 then '30-34'
        else '35+'
    end as kelompok_umur,
from final
order by tanggal_mulai
