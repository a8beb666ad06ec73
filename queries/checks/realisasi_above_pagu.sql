-- check realisasi_above_pagu: spending above the budget ceiling (allowed, but flagged).
-- severity: warning
-- params: none. grain: one row per budget line.
select
    tahun,
    kode_program,
    sumber_dana,
    pagu_rupiah,
    realisasi_rupiah,
from anggaran
where realisasi_rupiah > pagu_rupiah
order by tahun, kode_program, sumber_dana
