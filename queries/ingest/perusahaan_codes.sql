-- perusahaan_codes: every stored kode_perusahaan (references from other templates).
-- params: none. grain: one row per employer.
select kode_perusahaan from perusahaan
