-- kecamatan: the kecamatan of Kota Cilegon with their population and its source
-- (the denominators of "participants per 1,000 residents" on the map).
-- params: none. grain: one row per kecamatan, by Kemendagri code.
select
    kecamatan_kode,
    nama,
    nama_kemendagri,
    penduduk,
    penduduk_sumber,
from ref_kecamatan
order by kecamatan_kode
