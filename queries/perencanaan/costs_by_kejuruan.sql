-- costs_by_kejuruan: the planner's unit-cost inputs, the budget page's biaya per peserta
-- summed per kejuruan (sumber_dana null) and per kejuruan × sumber_dana: realisasi of
-- the programmes starting in [$start, $end] and their enrolments, counted once per
-- programme in a group (as workforce.budget.cost_table does over
-- anggaran/programme_costs; tested equal). A kejuruan with programmes only ending in
-- the period has a row with zeros, as there.
-- params: $start, $end, $kejuruan, $penyelenggara, $jenis, $sumber_dana.
-- grain: one row per kejuruan and one per kejuruan × sumber_dana.
with lines as (
    select
        kode_program,
        sumber_dana,
        kejuruan,
        realisasi_rupiah::double as realisasi_rupiah,
        peserta_count,
        tanggal_mulai between $start and $end as starts_in_period,
    from mart_programme_budget
    where (tanggal_mulai between $start and $end or tanggal_selesai between $start and $end)
        and ($kejuruan is null or list_contains($kejuruan, kejuruan))
        and ($penyelenggara is null or list_contains($penyelenggara, penyelenggara))
        and ($jenis is null or list_contains($jenis, jenis))
        and ($sumber_dana is null or list_contains($sumber_dana, sumber_dana))
),

programmes as (
    -- one row per programme: its enrolments count once over its sources
    select kejuruan, kode_program, any_value(peserta_count) as peserta_count,
        bool_or(starts_in_period) as starts_in_period,
    from lines
    group by kejuruan, kode_program
),

per_kejuruan as (
    select
        l.kejuruan,
        null::varchar as sumber_dana,
        coalesce(sum(l.realisasi_rupiah) filter (where l.starts_in_period), 0)
            as realisasi_rupiah,
        (
            select coalesce(sum(p.peserta_count) filter (where p.starts_in_period), 0)
            from programmes as p
            where p.kejuruan = l.kejuruan
        ) as peserta_count,
    from lines as l
    group by l.kejuruan
),

per_source as (
    select
        kejuruan,
        sumber_dana,
        coalesce(sum(realisasi_rupiah) filter (where starts_in_period), 0)
            as realisasi_rupiah,
        coalesce(sum(peserta_count) filter (where starts_in_period), 0) as peserta_count,
    from lines
    group by kejuruan, sumber_dana
)

select * from per_kejuruan
union all
select * from per_source
order by kejuruan, sumber_dana nulls first
