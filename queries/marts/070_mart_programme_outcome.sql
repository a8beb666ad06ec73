-- mart_programme_outcome: per programme with enrolments, its enrolments by outcome:
-- graduates, graduates placed within 6 months (mart_enrolment.is_placed_6m), not
-- graduated (tidak_lulus, mengundurkan_diri) and still running (not ended). The
-- bases of biaya_per_lulusan, biaya_per_penempatan and anggaran/programme_costs.
-- Rebuilt after every import.
-- grain: one row per kode_program.
create or replace table mart_programme_outcome as
select
    kode_program,
    any_value(tanggal_selesai) as tanggal_selesai,
    count(*) as peserta_count,
    count(*) filter (where is_lulus) as lulusan_count,
    count(*) filter (where is_lulus and is_placed_6m) as ditempatkan_6b_count,
    count(*) filter (where status in ('tidak_lulus', 'mengundurkan_diri'))
        as tidak_lulus_count,
    count(*) filter (where not is_selesai) as berjalan_count,
from mart_enrolment
group by kode_program
order by tanggal_selesai, kode_program
