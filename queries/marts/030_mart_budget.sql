-- mart_budget: one row per budget line (anggaran) with the programme's dimensions
-- where the line's kode_program is a programme (a kegiatan code has none).
create or replace table mart_budget as
select
    a.tahun,
    a.kode_program,
    a.sumber_dana,
    a.pagu_rupiah,
    a.realisasi_rupiah,
    p.kode_program is not null as is_program,
    p.nama_program,
    k.nama as kejuruan,
    pp.nama as penyelenggara,
    p.jenis,
    p.tanggal_mulai,
    p.tanggal_selesai,
from anggaran as a
left join program as p on p.kode_program = a.kode_program
left join ref_kejuruan as k on k.kejuruan_id = p.kejuruan_id
left join ref_penyelenggara as pp on pp.penyelenggara_id = p.penyelenggara_id
order by a.tahun, a.kode_program, a.sumber_dana
