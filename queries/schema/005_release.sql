-- 005_release: public data releases. The transparency page, the public site and the
-- open data read only the latest published release; imports refresh the internal
-- figures (pub_kpi, pub_outcome) but never what the public sees until an
-- administrator publishes the next release (workforce/public/release.py).
-- public_release: one row per release (numbered 1, 2, ... in publication order).
-- release_*: the public aggregates frozen at publication, the same columns as the
-- aggregate-only database's tables (queries/public/build/create_*.sql).

create table public_release (
    release_no integer primary key,
    published_at timestamp not null,
    data_as_of date,
    note text not null,
    published_by text not null
);

create table release_info (
    release_no integer not null,
    key text not null,
    value text not null,
    primary key (release_no, key)
);

create table release_kpi (
    release_no integer not null,
    tahun integer not null,
    kpi_id text not null,
    grp text not null,
    nilai double,
    pembilang double,
    penyebut double,
    primary key (release_no, tahun, kpi_id, grp)
);

create table release_outcome (
    release_no integer not null,
    tahun integer not null,
    dimensi text not null,
    kategori text not null,
    ukuran text not null,
    jumlah bigint not null,
    primary key (release_no, tahun, dimensi, kategori, ukuran)
);

create table release_target (
    release_no integer not null,
    tahun integer not null,
    kpi_id text not null,
    nilai_target double not null,
    primary key (release_no, tahun, kpi_id)
);

create table release_statistik (
    release_no integer not null,
    tahun integer not null,
    wilayah text not null,
    sumber text not null,
    tpt_pct double,
    angkatan_kerja bigint,
    pengangguran bigint,
    tpak_pct double,
    penduduk_usia_kerja bigint,
    bekerja bigint,
    rilis text,
    primary key (release_no, tahun, wilayah)
);
