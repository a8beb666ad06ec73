-- check placement_long_before_graduation: a placement credited to a programme that
-- starts more than 30 days before the person graduated from it (it will not count
-- as an outcome of the programme).
-- severity: info
-- params: none. grain: one row per placement.
select
    left(pn.peserta_id, 12) as peserta,
    pn.kode_program,
    pn.tanggal_mulai,
    d.tanggal_lulus,
from penempatan as pn
inner join pendaftaran as d
    on d.peserta_id = pn.peserta_id and d.kode_program = pn.kode_program
where d.tanggal_lulus is not null
    and pn.tanggal_mulai < d.tanggal_lulus - interval 30 day
order by pn.tanggal_mulai
