-- mart_placement: one row per placement (penempatan) with the employer's, the
-- programme's (when known) and the person's dimensions. Rebuilt after every import.
create or replace table mart_placement as
select
    pn.peserta_id,
    pn.jenis_penempatan,
    pn.tanggal_mulai,
    year(pn.tanggal_mulai) as tahun,
    pn.kode_perusahaan,
    pr.nama_perusahaan,
    pr.sektor_kbli,
    coalesce(pr.is_anggota_apindo, false) as is_anggota_apindo,
    case
        when pr.kode_perusahaan is null then null
        else pr.kecamatan_kode is not null
    end as is_lokal,
    pn.kode_program,
    k.nama as kejuruan,
    pp.nama as penyelenggara,
    p.jenis,
    p.sumber_dana,
    s.kecamatan_kode,
    kc.nama as kecamatan,
    pn.upah_bulanan_rupiah,
from penempatan as pn
inner join peserta as s on s.peserta_id = pn.peserta_id
inner join ref_kecamatan as kc on kc.kecamatan_kode = s.kecamatan_kode
left join perusahaan as pr on pr.kode_perusahaan = pn.kode_perusahaan
left join program as p on p.kode_program = pn.kode_program
left join ref_kejuruan as k on k.kejuruan_id = p.kejuruan_id
left join ref_penyelenggara as pp on pp.penyelenggara_id = p.penyelenggara_id
order by pn.tanggal_mulai
