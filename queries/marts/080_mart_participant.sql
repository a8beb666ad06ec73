-- mart_participant: the columns the peserta KPI reads, narrow and sorted by
-- tanggal_mulai: a small integer per person (peserta_no, numbered here, for exact
-- distinct counts with bitstring_agg) and flags that are true on exactly one
-- enrolment per person and calendar year of tanggal_mulai (is_first_tahun), and per
-- person, year and kejuruan / penyelenggara / jenis / sumber_dana: counting flagged
-- rows counts each person once, for whole years without a dimension filter (per
-- kecamatan too: a person lives in one). Rebuilt after every import.
-- grain: one row per enrolment.
create or replace table mart_participant as
with numbered as (
    select peserta_id, (row_number() over ())::integer as peserta_no,
    from peserta
),

enrolments as (
    select
        e.tanggal_mulai,
        year(e.tanggal_mulai) as tahun,
        n.peserta_no,
        e.kode_program,
        e.kecamatan,
        e.kejuruan,
        e.penyelenggara,
        e.jenis,
        e.sumber_dana,
    from mart_enrolment as e
    inner join numbered as n on n.peserta_id = e.peserta_id
),

first_year as (
    select peserta_no, tahun, min(kode_program) as kode_program,
    from enrolments
    group by peserta_no, tahun
),

first_kejuruan as (
    select peserta_no, tahun, min(kode_program) as kode_program,
    from enrolments
    group by peserta_no, tahun, kejuruan
),

first_penyelenggara as (
    select peserta_no, tahun, min(kode_program) as kode_program,
    from enrolments
    group by peserta_no, tahun, penyelenggara
),

first_jenis as (
    select peserta_no, tahun, min(kode_program) as kode_program,
    from enrolments
    group by peserta_no, tahun, jenis
),

first_sumber_dana as (
    select peserta_no, tahun, min(kode_program) as kode_program,
    from enrolments
    group by peserta_no, tahun, sumber_dana
)

select
    e.tanggal_mulai,
    e.peserta_no,
    e.kecamatan,
    e.kejuruan,
    e.penyelenggara,
    e.jenis,
    e.sumber_dana,
    f1.kode_program is not null as is_first_tahun,
    f2.kode_program is not null as is_first_tahun_kejuruan,
    f3.kode_program is not null as is_first_tahun_penyelenggara,
    f4.kode_program is not null as is_first_tahun_jenis,
    f5.kode_program is not null as is_first_tahun_sumber_dana,
from enrolments as e
-- a programme has one kejuruan, penyelenggara, jenis and sumber_dana: matching the
-- person, year and kode_program finds the row that is first within its group
left join first_year as f1 using (peserta_no, tahun, kode_program)
left join first_kejuruan as f2 using (peserta_no, tahun, kode_program)
left join first_penyelenggara as f3 using (peserta_no, tahun, kode_program)
left join first_jenis as f4 using (peserta_no, tahun, kode_program)
left join first_sumber_dana as f5 using (peserta_no, tahun, kode_program)
order by e.tanggal_mulai
