-- create: the public aggregates kept in the main database, computed once each time the
-- marts are rebuilt (workforce.public_data.store, called by db.refresh_marts) for the
-- reporting date in dataset_info.public_as_of. The transparency page and the open-data
-- export copy them into their aggregate-only database instead of recomputing every
-- KPI for every year on each visit; public_data.build recomputes them itself when the
-- reporting date has changed since. Same columns as pub_kpi and pub_outcome.
create or replace table public_kpi (
    tahun integer not null,
    kpi_id text not null,
    grp text not null,
    nilai double,
    pembilang double,
    penyebut double,
    primary key (tahun, kpi_id, grp)
);

create or replace table public_outcome (
    tahun integer not null,
    dimensi text not null,
    kategori text not null,
    ukuran text not null,
    jumlah bigint not null,
    primary key (tahun, dimensi, kategori, ukuran)
);
