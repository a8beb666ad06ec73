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
with outcomes as (
    select
        kode_program,
        count(*) as peserta_count,
        count(*) filter (where is_lulus) as lulusan_count,
        count(*) filter (where is_lulus and is_placed_6m) as ditempatkan_count,
        count(*) filter (where status in ('tidak_lulus', 'mengundurkan_diri'))
            as tidak_lulus_count,
        count(*) filter (where not is_selesai) as berjalan_count,
    from mart_enrolment
    group by kode_program
),

lines as (
    select
        kode_program,
        sumber_dana,
        any_value(nama_program) as nama_program,
        any_value(kejuruan) as kejuruan,
        any_value(penyelenggara) as penyelenggara,
        any_value(jenis) as jenis,
        any_value(tanggal_mulai) as tanggal_mulai,
        any_value(tanggal_selesai) as tanggal_selesai,
        sum(pagu_rupiah)::double as pagu_rupiah,
        sum(realisasi_rupiah)::double as realisasi_rupiah,
    from mart_budget
    where is_program
        and (tanggal_mulai between $start and $end or tanggal_selesai between $start and $end)
        and ($kejuruan is null or list_contains($kejuruan, kejuruan))
        and ($penyelenggara is null or list_contains($penyelenggara, penyelenggara))
        and ($jenis is null or list_contains($jenis, jenis))
        and ($sumber_dana is null or list_contains($sumber_dana, sumber_dana))
    group by kode_program, sumber_dana
),

final as (
    select
        l.*,
        coalesce(o.peserta_count, 0) as peserta_count,
        coalesce(o.lulusan_count, 0) as lulusan_count,
        coalesce(o.ditempatkan_count, 0) as ditempatkan_count,
        coalesce(o.tidak_lulus_count, 0) as tidak_lulus_count,
        coalesce(o.berjalan_count, 0) as berjalan_count,
        l.tanggal_mulai between $start and $end as starts_in_period,
        l.tanggal_selesai between $start and $end as ends_in_period,
        l.tanggal_selesai <= $as_of::date - interval 183 day as is_mature,
    from lines as l
    left join outcomes as o on o.kode_program = l.kode_program
)

select * from final
order by kode_program, sumber_dana
