-- sel_rows(sels): the selections a KPI query answers, one row each: the values of
-- $sels (years as text, or values of the dimension named by $by), or the one
-- selection 'total' when $sels is null. A KPI query left joins its counts to these,
-- so a selection without rows still has its row (with counts of zero).
-- grain: one row per sel.
create or replace macro sel_rows(sels) as table
select unnest(coalesce(sels, ['total'])) as sel
