-- programme_costs: the spending of programmes that start or end in [$start, $end], per
-- funding source, with the programme's enrolments by outcome. Which cost KPI a row
-- enters: starts_in_period → biaya per peserta; ends_in_period → biaya_per_lulusan;
-- ends_in_period and is_mature (tanggal_selesai ≤ $as_of − 183 days) →
-- biaya_per_penempatan, the same programme sets, counts and filters as
-- queries/metrics/biaya_per_*.sql. Budget lines of all years are matched by
-- kode_program and summed per sumber_dana. Counts are per programme (repeated on each
-- source row): graduates and placements per enrolment, as in the registry.
-- params: $start, $end, $as_of, $kejuruan, $penyelenggara, $jenis, $sumber_dana.
-- grain: one row per programme × sumber_dana of its budget lines.
with final as (
    -- per programme and source: its lines of all years and its enrolments by
    -- outcome, summed and counted at import (mart_programme_budget)
    select
        kode_program,
        sumber_dana,
        kejuruan,
        jenis,
        realisasi_rupiah::double as realisasi_rupiah,
        peserta_count,
        lulusan_count,
        ditempatkan_6b_count as ditempatkan_count,
        tidak_lulus_count,
        berjalan_count,
        tanggal_mulai between $start and $end as starts_in_period,
        tanggal_selesai between $start and $end as ends_in_period,
        tanggal_selesai <= $as_of::date - interval 183 day as is_mature,
    from mart_programme_budget
    where (tanggal_mulai between $start and $end or tanggal_selesai between $start and $end)
        and ($kejuruan is null or list_contains($kejuruan, kejuruan))
        and ($penyelenggara is null or list_contains($penyelenggara, penyelenggara))
        and ($jenis is null or list_contains($jenis, jenis))
        and ($sumber_dana is null or list_contains($sumber_dana, sumber_dana))
)

select * from final
order by kode_program, sumber_dana
