-- picked(value, selected): true when a row's value of one filter dimension is among
-- the values selected for it. `selected` is the list a query binds for that
-- dimension ($kecamatan, $kejuruan, ...: workforce.core.filters.Filters.sql_params),
-- null when the user selected none: then every row passes, one without a value too.
-- The building block of in_programme and in_filters, and the filter of a query that
-- honours one dimension only.
-- A scalar macro: DuckDB inlines it where it is called, so the query plans exactly
-- the expression written out (a list bound as null folds away, a bound list reaches
-- the scan as a filter), and the list still arrives as a bound parameter.
-- grain: one boolean per row.
create or replace macro picked(value, selected) as
    selected is null or list_contains(selected, value)
