-- create_pub_target (public database): the KPI targets the city set (RPJMD or the
-- administrators' edits): policy, not data about persons.
-- params: none. grain: one row per tahun and kpi_id.
create table pub_target (
    tahun integer not null,
    kpi_id text not null,
    nilai_target double not null,
    primary key (tahun, kpi_id)
)
