-- participant_year_fits(lo, hi, kecamatan_in, kejuruan_in, penyelenggara_in,
-- jenis_in, sumber_dana_in): true when mart_participant_year can count the persons
-- for the period [lo, hi] and the filter lists bound as $kecamatan ... $sumber_dana:
-- whole calendar years and no dimension filtered (it counts a person once per year,
-- and once per year and value of one dimension). peserta counts every other case from
-- mart_participant.
-- grain: one boolean per query.
create or replace macro participant_year_fits(
    lo,
    hi,
    kecamatan_in,
    kejuruan_in,
    penyelenggara_in,
    jenis_in,
    sumber_dana_in,
) as
    is_whole_years(lo, hi)
    and kecamatan_in is null
    and kejuruan_in is null
    and penyelenggara_in is null
    and jenis_in is null
    and sumber_dana_in is null
