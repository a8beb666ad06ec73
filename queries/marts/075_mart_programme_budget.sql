-- mart_programme_budget: per programme and funding source, its budget lines of all
-- years summed (pagu, realisasi), the programme's dimensions and dates, and its
-- enrolments by outcome (mart_programme_outcome; 0 without enrolments). Sorted by
-- tanggal_selesai: the base of biaya_per_lulusan, biaya_per_penempatan and the budget
-- page's anggaran/cost_groups, flow_rupiah and programme_placement_costs. Rebuilt
-- after every import.
-- is_first_source marks one row per programme (its first source), so a total that
-- counts each programme once sums the counts of those rows only.
-- grain: one row per (kode_program, sumber_dana) with a budget line for a programme.
create or replace table mart_programme_budget as
with lines as (
    select
        kode_program,
        sumber_dana,
        any_value(nama_program) as nama_program,
        any_value(kejuruan) as kejuruan,
        any_value(penyelenggara) as penyelenggara,
        any_value(jenis) as jenis,
        any_value(tanggal_mulai) as tanggal_mulai,
        any_value(tanggal_selesai) as tanggal_selesai,
        sum(pagu_rupiah) as pagu_rupiah,
        sum(realisasi_rupiah) as realisasi_rupiah,
    from mart_budget
    where is_program
    group by kode_program, sumber_dana
)

select
    l.*,
    coalesce(o.peserta_count, 0) as peserta_count,
    coalesce(o.lulusan_count, 0) as lulusan_count,
    coalesce(o.ditempatkan_6b_count, 0) as ditempatkan_6b_count,
    coalesce(o.tidak_lulus_count, 0) as tidak_lulus_count,
    coalesce(o.berjalan_count, 0) as berjalan_count,
    -- one row per programme carries its counts for groupings without sumber_dana
    row_number() over (partition by l.kode_program order by l.sumber_dana) = 1
        as is_first_source,
from lines as l
left join mart_programme_outcome as o on o.kode_program = l.kode_program
order by l.tanggal_selesai, l.kode_program, l.sumber_dana
