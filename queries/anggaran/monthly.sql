-- monthly: spending by month of the budget lines of year $tahun, per funding source,
-- for pacing against the straight line n/12 of pagu (budget.pacing sums these rows to
-- any coarser group: the total, a source). pagu_rupiah is the pagu of the source's
-- lines (repeated each month), realisasi_rupiah what they spent that month (a line
-- without a row for a month spent nothing). lines_count counts the source's lines,
-- silent_lines_count those without any monthly figure at all. bulan_data is the last
-- month of year $tahun with any monthly figure (null: none imported). Per programme:
-- anggaran/programme_pacing.sql.
-- params: $tahun, $kejuruan, $penyelenggara, $jenis, $sumber_dana.
-- grain: one row per sumber_dana × bulan 1-12 (sources with a line in the year).
with lines as (
    select kode_program, sumber_dana, pagu_rupiah::double as pagu_rupiah,
    from mart_budget
    where tahun = $tahun
        and ($kejuruan is null or list_contains($kejuruan, kejuruan))
        and ($penyelenggara is null or list_contains($penyelenggara, penyelenggara))
        and ($jenis is null or list_contains($jenis, jenis))
        and ($sumber_dana is null or list_contains($sumber_dana, sumber_dana))
),

spent as (
    select kode_program, sumber_dana, bulan, realisasi_rupiah::double as realisasi_rupiah,
    from realisasi_bulanan
    where tahun = $tahun
),

reported as (
    select distinct kode_program, sumber_dana from spent
),

sources as (
    select
        l.sumber_dana,
        sum(l.pagu_rupiah) as pagu_rupiah,
        count(*) as lines_count,
        count(*) filter (where r.kode_program is null) as silent_lines_count,
    from lines as l
    left join reported as r
        on r.kode_program = l.kode_program and r.sumber_dana = l.sumber_dana
    group by l.sumber_dana
),

by_month as (
    select s.sumber_dana, s.bulan, sum(s.realisasi_rupiah) as realisasi_rupiah,
    from spent as s
    semi join lines as l
        on l.kode_program = s.kode_program and l.sumber_dana = s.sumber_dana
    group by s.sumber_dana, s.bulan
),

months as (
    select unnest(range(1, 13)) as bulan
),

final as (
    select
        o.sumber_dana,
        o.pagu_rupiah,
        m.bulan,
        coalesce(b.realisasi_rupiah, 0) as realisasi_rupiah,
        o.lines_count,
        o.silent_lines_count,
        (select max(bulan) from spent) as bulan_data,
    from sources as o
    cross join months as m
    left join by_month as b on b.sumber_dana = o.sumber_dana and b.bulan = m.bulan
)

select * from final
order by sumber_dana, bulan
