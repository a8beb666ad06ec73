-- check placement_program_not_enrolled: a placement credited to a programme the
-- person is not enrolled in.
-- severity: warning
-- params: none. grain: one row per placement.
select
    left(pn.peserta_id, 12) as peserta,
    pn.kode_program,
    pn.tanggal_mulai,
from penempatan as pn
where pn.kode_program is not null
    and not exists (
        select 1
        from pendaftaran as d
        where d.peserta_id = pn.peserta_id and d.kode_program = pn.kode_program
    )
order by pn.tanggal_mulai
