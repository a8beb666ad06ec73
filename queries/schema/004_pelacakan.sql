-- 004_pelacakan: the tracer study (template `pelacakan`): a graduate asked again,
-- usually 6 and 12 months after graduation, by survey, phone or a BPJS
-- Ketenagakerjaan match. One row per person, programme and survey date
-- (pseudonymised person key, no clear NIK). References are checked on import.
create table pelacakan (
    peserta_id text not null check (length(peserta_id) = 64),
    kode_program text not null,
    tanggal_survei date not null,
    status_kerja text not null check (
        status_kerja in (
            'bekerja', 'wirausaha', 'magang', 'tidak_bekerja', 'studi_lanjut',
            'tidak_terlacak'
        )
    ),
    upah_bulanan_rupiah decimal(18, 2) check (upah_bulanan_rupiah >= 0),
    kode_perusahaan text,
    is_sama_dengan_penempatan_awal boolean,
    sumber text check (sumber in ('survei', 'telepon', 'BPJS Ketenagakerjaan')),
    primary key (peserta_id, kode_program, tanggal_survei)
);
