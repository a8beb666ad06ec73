-- check graduate_before_program_start: tanggal_lulus cannot lie before the programme starts.
-- severity: error
-- params: none. grain: one row per violating enrolment.
select
    left(d.peserta_id, 12) as peserta,
    d.kode_program,
    p.tanggal_mulai,
    d.tanggal_lulus,
from pendaftaran as d
inner join program as p on p.kode_program = d.kode_program
where d.status = 'lulus' and d.tanggal_lulus < p.tanggal_mulai
order by d.kode_program, d.tanggal_lulus
