-- is_whole_years(lo, hi): true when the period [lo, hi] is whole calendar years (from
-- a 1 January to a 31 December): the periods the per-year marts (mart_participant_year,
-- mart_wage_year) can answer.
-- grain: one boolean per period.
create or replace macro is_whole_years(lo, hi) as
    strftime(lo::date, '%m-%d') = '01-01' and strftime(hi::date, '%m-%d') = '12-31'
