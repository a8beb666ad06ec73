-- wage_year_fits(lo, hi, sel_by, kecamatan_in, kejuruan_in, penyelenggara_in,
-- jenis_in, sumber_dana_in): true when mart_wage_year can answer a median of wages
-- for the period [lo, hi], the selections by sel_by ($by) and the filter lists bound
-- as $kecamatan ... $sumber_dana: each selection is one whole calendar year, with at
-- most one value of one dimension (a value filtered, or a dimension selected by).
-- upah_median reads those cells from mart_wage_year and every other case from
-- mart_wage; the two are tested equal.
-- grain: one boolean per query.
create or replace macro wage_year_fits(
    lo,
    hi,
    sel_by,
    kecamatan_in,
    kejuruan_in,
    penyelenggara_in,
    jenis_in,
    sumber_dana_in,
) as
    is_whole_years(lo, hi)
    and (coalesce(sel_by = 'tahun', false) or year(lo::date) = year(hi::date))
    and coalesce(
        sel_by in ('kecamatan', 'kejuruan', 'penyelenggara', 'jenis', 'sumber_dana'),
        false
    )::int
    + (coalesce(len(kecamatan_in), 0) + coalesce(len(kejuruan_in), 0)
        + coalesce(len(penyelenggara_in), 0) + coalesce(len(jenis_in), 0)
        + coalesce(len(sumber_dana_in), 0)) <= 1
