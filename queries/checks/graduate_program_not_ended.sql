-- check graduate_program_not_ended: a graduate (status lulus) of a programme whose end
-- date has not come yet: the programme's end date or the status is wrong.
-- severity: warning
-- params: none. grain: one row per violating enrolment.
select
    left(d.peserta_id, 12) as peserta,
    d.kode_program,
    p.tanggal_selesai,
    d.tanggal_lulus,
from pendaftaran as d
inner join program as p on p.kode_program = d.kode_program
where d.status = 'lulus' and p.tanggal_selesai > current_date
order by d.kode_program
