-- create_pub_outcome (public database): participants and outcomes per year and
-- dimension (see public/build/outcomes.sql), counts before suppression.
-- params: none. grain: one row per tahun, dimensi, kategori and ukuran.
create table pub_outcome (
    tahun integer not null,
    dimensi text not null,
    kategori text not null,
    ukuran text not null,
    jumlah bigint not null,
    primary key (tahun, dimensi, kategori, ukuran)
)
