-- pct(numerator, denominator): numerator / denominator as a percentage (0-100); null
-- where the denominator is 0 or null. The value of the KPIs that are rates.
-- grain: one number per row.
create or replace macro pct(numerator, denominator) as
    numerator / nullif(denominator, 0) * 100
