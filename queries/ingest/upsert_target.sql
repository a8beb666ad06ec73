-- upsert_target: write the staged rows (the registered frame `staging`), replacing a
-- stored row with the same key (tahun + indikator). params: none.
-- grain: one row per staged row (written in key order: the index builds faster).
insert or replace into target (
    tahun,
    indikator,
    nilai_target
)
select
    tahun::integer,
    indikator::text,
    nilai_target::double
from staging
order by tahun, indikator
