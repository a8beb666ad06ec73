-- check enrolment_under_15: a participant younger than 15 when the programme starts
-- (below working age; usually a wrong birth date).
-- severity: warning
-- params: none. grain: one row per enrolment.
select
    left(d.peserta_id, 12) as peserta,
    d.kode_program,
    s.tanggal_lahir,
    p.tanggal_mulai,
from pendaftaran as d
inner join program as p on p.kode_program = d.kode_program
inner join peserta as s on s.peserta_id = d.peserta_id
where s.tanggal_lahir > p.tanggal_mulai - interval 15 year
order by d.kode_program
