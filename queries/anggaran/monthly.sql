-- monthly: spending by month of the budget lines of year $tahun, for pacing against
-- the straight line n/12 of pagu. A line without a row for a month spent nothing that
-- month; has_monthly says whether the line has any monthly row at all. bulan_data is
-- the last month of year $tahun with any monthly figure (null: none imported).
-- params: $tahun, $kejuruan, $penyelenggara, $jenis, $sumber_dana.
-- grain: one row per budget line (kode_program × sumber_dana) × bulan 1-12.
with lines as (
    select kode_program, sumber_dana, is_program, nama_program, kejuruan,
        pagu_rupiah::double as pagu_rupiah,
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

months as (
    select unnest(range(1, 13)) as bulan
),

final as (
    select
        l.kode_program,
        l.sumber_dana,
        l.is_program,
        l.nama_program,
        l.kejuruan,
        l.pagu_rupiah,
        m.bulan,
        coalesce(s.realisasi_rupiah, 0) as realisasi_rupiah,
        r.kode_program is not null as has_monthly,
        (select max(bulan) from spent) as bulan_data,
    from lines as l
    cross join months as m
    left join spent as s
        on s.kode_program = l.kode_program
        and s.sumber_dana = l.sumber_dana
        and s.bulan = m.bulan
    left join reported as r
        on r.kode_program = l.kode_program and r.sumber_dana = l.sumber_dana
)

select * from final
order by kode_program, sumber_dana, bulan
