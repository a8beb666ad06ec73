-- create_pub_kpi (public database): the KPI registry's values for the whole city, per
-- year, as metrics.compute returns them (before suppression; workforce.public_data
-- suppresses on the way out). grp = 'total' or the KPI's split (sumber_dana, ...).
-- pembilang / penyebut: what a rate was computed from (counts or Rupiah).
-- params: none. grain: one row per tahun, kpi_id and grp.
create table pub_kpi (
    tahun integer not null,
    kpi_id text not null,
    grp text not null,
    nilai double,
    pembilang double,
    penyebut double,
    primary key (tahun, kpi_id, grp)
)
