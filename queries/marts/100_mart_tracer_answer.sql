-- mart_tracer_answer: one row per graduate enrolment (mart_enrolment, status lulus)
-- with its 12-month tracer answer (metrics.md, retensi_12b): the latest pelacakan row
-- for that person and programme with tanggal_survei between tanggal_lulus + 305 and
-- + 425 days (inclusive) and a status other than tidak_terlacak; null columns when
-- there is none (a non-answer, never counted as not working). Maturity (425 days
-- before the reporting date) is tested by the queries. Rebuilt after every import.
create or replace table mart_tracer_answer as
with answers as (
    select
        e.peserta_id,
        e.kode_program,
        max(t.tanggal_survei) as tanggal_survei,
        arg_max(t.status_kerja, t.tanggal_survei) as status_kerja,
        arg_max(t.upah_bulanan_rupiah, t.tanggal_survei) as upah_bulanan_rupiah,
        arg_max(t.is_sama_dengan_penempatan_awal, t.tanggal_survei)
            as is_sama_dengan_penempatan_awal,
    from mart_enrolment as e
    inner join pelacakan as t
        on t.peserta_id = e.peserta_id
        and t.kode_program = e.kode_program
        and t.tanggal_survei between e.tanggal_lulus + interval 305 day
        and e.tanggal_lulus + interval 425 day
    where e.is_lulus and t.status_kerja <> 'tidak_terlacak'
    group by e.peserta_id, e.kode_program
),

final as (
    select
        e.peserta_id,
        e.kode_program,
        e.tanggal_lulus,
        e.kecamatan,
        e.kejuruan,
        e.penyelenggara,
        e.jenis,
        e.sumber_dana,
        e.is_placed_6m,
        e.placement_jenis,
        a.tanggal_survei,
        a.status_kerja,
        a.status_kerja in ('bekerja', 'wirausaha', 'magang') as is_working_12m,
        a.upah_bulanan_rupiah,
        a.is_sama_dengan_penempatan_awal,
    from mart_enrolment as e
    left join answers as a
        on a.peserta_id = e.peserta_id and a.kode_program = e.kode_program
    where e.is_lulus
)

select * from final
order by tanggal_lulus
