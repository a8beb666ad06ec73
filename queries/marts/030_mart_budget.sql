-- mart_budget: one row per budget line (anggaran) with the programme's dimensions
-- where the line's kode_program is a programme (a kegiatan code has none), and the
-- line's monthly spending (realisasi_bulanan) folded in: has_monthly (any monthly row
-- in its year) and realisasi_kumulatif, the spending of months 1..n for n = 1..12
-- (a list of 12; null without monthly rows), so pacing at month n reads one row per
-- line instead of one per line and month.
create or replace table mart_budget as
with monthly as (
    -- one pass: month n's cumulative spending for n = 1..12
    select
        tahun,
        kode_program,
        sumber_dana,
        [
            coalesce(sum(r) filter (where bulan <= 1), 0),
            coalesce(sum(r) filter (where bulan <= 2), 0),
            coalesce(sum(r) filter (where bulan <= 3), 0),
            coalesce(sum(r) filter (where bulan <= 4), 0),
            coalesce(sum(r) filter (where bulan <= 5), 0),
            coalesce(sum(r) filter (where bulan <= 6), 0),
            coalesce(sum(r) filter (where bulan <= 7), 0),
            coalesce(sum(r) filter (where bulan <= 8), 0),
            coalesce(sum(r) filter (where bulan <= 9), 0),
            coalesce(sum(r) filter (where bulan <= 10), 0),
            coalesce(sum(r) filter (where bulan <= 11), 0),
            coalesce(sum(r) filter (where bulan <= 12), 0),
        ]::double[] as realisasi_kumulatif,
    from (
        select tahun, kode_program, sumber_dana, bulan, realisasi_rupiah::double as r,
        from realisasi_bulanan
    ) as spent
    group by tahun, kode_program, sumber_dana
)

select
    a.tahun,
    a.kode_program,
    a.sumber_dana,
    a.pagu_rupiah,
    a.realisasi_rupiah,
    p.kode_program is not null as is_program,
    p.nama_program,
    k.nama as kejuruan,
    pp.nama as penyelenggara,
    p.jenis,
    p.tanggal_mulai,
    p.tanggal_selesai,
    m.kode_program is not null as has_monthly,
    m.realisasi_kumulatif,
from anggaran as a
left join program as p on p.kode_program = a.kode_program
left join ref_kejuruan as k on k.kejuruan_id = p.kejuruan_id
left join ref_penyelenggara as pp on pp.penyelenggara_id = p.penyelenggara_id
left join monthly as m
    on m.tahun = a.tahun and m.kode_program = a.kode_program
    and m.sumber_dana = a.sumber_dana
order by a.tahun, a.kode_program, a.sumber_dana
