-- check spending_without_enrolment: a programme with spending but no enrolment.
-- severity: warning
-- params: none. grain: one row per budget line of such a programme.
select
    a.tahun,
    a.kode_program,
    a.sumber_dana,
    a.realisasi_rupiah,
from anggaran as a
inner join program as p on p.kode_program = a.kode_program
where a.realisasi_rupiah > 0
    and not exists (
        select 1 from pendaftaran as d where d.kode_program = a.kode_program
    )
order by a.tahun, a.kode_program
