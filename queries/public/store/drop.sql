-- drop: the public aggregates kept in the main database (pub_kpi, pub_outcome: the
-- same tables, made by public/build/create_pub_kpi.sql and create_pub_outcome.sql,
-- that the aggregate-only database of the transparency page holds), dropped before
-- workforce.public_data.store computes them again at each rebuild of the marts.
drop table if exists pub_kpi;
drop table if exists pub_outcome;
