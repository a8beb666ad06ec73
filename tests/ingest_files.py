"""Hand-written import files, clean and messy, for every template (tests/test_ingest*.py).

Imported in this order into an empty database on TODAY = 30 November 2025 with
KEY. Each messy row says on its right what must happen to it (spreadsheet row
numbers: the header is row 1). NIKs are synthetic: 3672 0101 0100 00NN.
"""

from __future__ import annotations

from datetime import date

KEY = b"test-pseudonym-key-0123456789"
TODAY = date(2025, 11, 30)


def nik(n: int) -> str:
    """Synthetic NIK number ``n`` (16 digits)."""
    return f"36720101010000{n:02d}"


def rows(text: str) -> str:
    """Drop the ``  <- comment`` at the end of each line."""
    return "\n".join(
        line.split("  <-")[0].rstrip() for line in text.strip().splitlines()
    )


PERUSAHAAN_CLEAN = rows("""
kode_perusahaan,nama_perusahaan,sektor_kbli,kecamatan,anggota_apindo
PRS-01,PT Baja Satu,C,Ciwandan,ya
PRS-02,PT Logistik Dua,H,luar Cilegon,tidak
PRS-03, PT  Kimia Tiga ,c - Industri Pengolahan, CITANGKIL ,
""")

PERUSAHAAN_MESSY = rows("""
kode_perusahaan,nama_perusahaan,sektor_kbli,kecamatan,anggota_apindo,  Keterangan
PRS-04,PT Empat,Z,Ciwandan,ya,Jl. A  <- row 2: kbli_unknown
PRS-05,PT Lima,C,Serang,ya,Jl. B  <- row 3: kecamatan_unknown
PRS-06,PT Enam,F,Grogol,mungkin,  <- row 4: bool_invalid
PRS-07,,F,Grogol,ya,  <- row 5: required_missing (nama_perusahaan)
PRS-08,PT Delapan,F,Gerogol,Y,  <- row 6: loads (Gerogol = Grogol 36.72.06)
PRS-09,PT Sembilan,G,Jombang,ya,  <- row 7: duplicate_key with row 8
PRS-09,PT Sembilan B,G,Jombang,ya,  <- row 8: duplicate_key with row 7
""")

# semicolons, Windows-1252 (the en dash is byte 0x96), Indonesian dates
PROGRAM_CLEAN = rows("""
kode_program;nama_program;kejuruan;penyelenggara;jenis;sumber_dana;tahun;tanggal_mulai;tanggal_selesai;kuota
PLT-01;Pelatihan Las – Angkatan 1;Las;BBPVP Serang;pelatihan;APBN;2025;1 Oktober 2025;16-Okt-2025;16
PLT-02;Magang Listrik;Listrik ;BLK Cilegon;Pemagangan;apbd;2025;01/07/2025;31/12/2025;
PLT-03;Sertifikasi Las;LAS;  bbpvp serang;sertifikasi;CSR;2026;2026-02-02;2026-02-20;20
""")

PROGRAM_MESSY = rows("""
kode_program,nama_program,kejuruan,penyelenggara,jenis,sumber_dana,tahun,tanggal_mulai,tanggal_selesai,kuota
PLT-11,A,Las,BLK Cilegon,kursus,APBN,2025,01/10/2025,10/10/2025,10  <- row 2: enum_invalid (jenis)
PLT-12,B,Las,BLK Cilegon,pelatihan,hibah,2025,01/10/2025,10/10/2025,10  <- row 3: enum_invalid (sumber_dana)
PLT-13,C,Las,BLK Cilegon,pelatihan,APBN,25,01/10/2025,10/10/2025,10  <- row 4: below_min (tahun)
PLT-14,D,Las,BLK Cilegon,pelatihan,APBN,2025,10/10/2025,01/10/2025,10  <- row 5: end_before_start
PLT-15,E,Las,BLK Cilegon,pelatihan,APBN,2025,32/10/2025,10/11/2025,10  <- row 6: date_invalid
PLT-16,F,Las,BLK Cilegon,pelatihan,APBN,2025,01/10/25,10/10/2025,10  <- row 7: date_two_digit_year
PLT-17,G,Las,BLK Cilegon,pelatihan,APBN,2025,01/10/2025,10/10/2025,-3  <- row 8: negative (kuota)
PLT-18,H,Las,BLK Cilegon,pelatihan,APBN,2025,01/10/2025,10/10/2025,"2,5"  <- row 9: not_integer
PLT-19,Tata Boga Dasar,Tata  Boga,LPK Mandiri,pelatihan,lainnya,2025,03/11/2025,14/11/2025,20  <- row 10: loads
""")

PESERTA_CLEAN = rows(f"""
nik,nama,jenis_kelamin,tanggal_lahir,pendidikan,kecamatan,kelurahan,disabilitas
{nik(1)},Ani,P,10/05/2000,SMK,Ciwandan,Kepuh,tidak
{nik(2)},Budi,laki-laki,1 Maret 2003,sma,CIWANDAN,Tegalratu,T
{nik(3)},Cici,P,1-Agt-1999,D-3, Gerogol ,Rawa Arum,ya
{nik(4)},Dedi,L,2005-01-15,S1,cibeber,,
""")

PESERTA_MESSY = rows(f"""
nik,jenis_kelamin,tanggal_lahir,pendidikan,kecamatan,kelurahan,disabilitas
367201010100005,L,01/01/1990,SMA,Ciwandan,,tidak  <- row 2: nik_length (15 digits)
3672O10101000006,L,01/01/1990,SMA,Ciwandan,,tidak  <- row 3: nik_format (letter O)
3.67201E+15,L,01/01/1990,SMA,Ciwandan,,tidak  <- row 4: nik_scientific
{nik(7)},X,01/01/1990,SMA,Ciwandan,,tidak  <- row 5: enum_invalid (jenis_kelamin)
{nik(8)},P,01/01/2030,SMA,Ciwandan,,tidak  <- row 6: date_future
{nik(9)},P,01/01/1990,SMA,Ciwandan,Kotasari,tidak  <- row 7: kelurahan_unknown (Kotasari is in Grogol)
{nik(10)},P,01/01/1990,SMA,Bandung,,tidak  <- row 8: kecamatan_unknown
{nik(11)},P,01/01/1990,SMA,Ciwandan,,tidak  <- row 9: duplicate_key with row 10
{nik(11)},P,02/01/1990,SMA,Ciwandan,,tidak  <- row 10: duplicate_key with row 9
{nik(12)},P,3 Januari 1991,SLTA,Pulo Merak,Lebak Gede,  <- row 11: loads (SMA, Pulomerak, Lebakgede)
""")

PENDAFTARAN_CLEAN = rows(f"""
nik,kode_program,status,tanggal_lulus,tersertifikasi
{nik(1)},PLT-01,lulus,16/10/2025,ya
{nik(2)},plt-01,Tidak Lulus,,
{nik(3)},PLT-02,mengikuti,,tidak
{nik(1)},PLT-02,terdaftar,,
""")

PENDAFTARAN_MESSY = rows(f"""
nik,kode_program,status,tanggal_lulus,tersertifikasi
{nik(4)},PLT-01,lulus,,ya  <- row 2: lulus_needs_date
{nik(4)},PLT-99,terdaftar,,  <- row 3: unknown_program
3672010101999999,PLT-01,terdaftar,,  <- row 4: unknown_peserta
{nik(4)},PLT-02,lulus,01/01/2030,  <- row 5: date_future
{nik(4)},PLT-03,selesai,,  <- row 6: enum_invalid (status)
{nik(12)},PLT-19,lulus,14 Nopember 2025,1  <- row 7: loads
""")

PENEMPATAN_CLEAN = rows(f"""
nik,jenis_penempatan,tanggal_mulai,kode_perusahaan,kode_program,upah_bulanan
{nik(1)},kerja,1 November 2025,PRS-01,PLT-01,"Rp 5.128.084,00"
{nik(2)},wirausaha,03/11/2025,,,
{nik(3)},Magang,2025-11-10,prs-02,PLT-02,Rp2.500.000
""")

PENEMPATAN_MESSY = rows(f"""
nik,jenis_penempatan,tanggal_mulai,kode_perusahaan,kode_program,upah_bulanan
{nik(4)},kerja,01/11/2025,,PLT-01,4000000  <- row 2: employer_required
{nik(4)},kerja,02/11/2025,PRS-99,,4000000  <- row 3: unknown_perusahaan
{nik(4)},kerja,03/11/2025,PRS-01,,"1,5 juta"  <- row 4: number_words
{nik(4)},kerja,04/11/2025,PRS-01,,-100000  <- row 5: negative
{nik(4)},kerja,01/12/2025,PRS-01,,4000000  <- row 6: date_future (tomorrow)
{nik(4)},kerja,05/11/2025,PRS-01,,Rp 4.100.000  <- row 7: loads
""")

LOWONGAN_CLEAN = rows("""
kode_perusahaan,kejuruan,tahun,jumlah
PRS-01,Las,2025,10
PRS-01,Tata Boga,2025,3
PRS-02,las ,2026,1.200
""")

LOWONGAN_MESSY = rows("""
kode_perusahaan,kejuruan,tahun,jumlah
PRS-01,Listrik,2025,sepuluh  <- row 2: number_invalid
PRS-77,Las,2025,5  <- row 3: unknown_perusahaan
PRS-02,Las,2025,5  <- row 4: duplicate_key with row 5 (Las = LAS)
PRS-02,LAS,2025,6  <- row 5: duplicate_key with row 4
PRS-03,Operator Forklift,2025,4  <- row 6: loads, new kejuruan
""")

# semicolons, Windows-1252, Rupiah
ANGGARAN_CLEAN = rows("""
tahun;kode_program;sumber_dana;pagu;realisasi
2025;PLT-01;APBN;Rp 120.000.000;Rp 98.500.000,00
2025;PLT-02;APBD;Rp1.500.000;1.600.000  <- loads with a warning: realisasi above pagu
2025;KEG-5.01;APBD;250000000;0
""")

ANGGARAN_MESSY = rows("""
tahun;kode_program;sumber_dana;pagu;realisasi
2025;PLT-03;APBN;1,5 juta;0  <- row 2: number_words
2025;PLT-03;CSR;-5.000.000;0  <- row 3: negative
2025;PLT-03;Hibah;1000;0  <- row 4: enum_invalid (sumber_dana)
2O25;PLT-03;APBN;1000;0  <- row 5: number_invalid (tahun with letter O)
2026;PLT-03;CSR;Rp 30.000.000;  <- row 6: required_missing (realisasi)
""")

REALISASI_BULANAN_CLEAN = rows("""
tahun,bulan,kode_program,sumber_dana,realisasi
2025,10,PLT-01,APBN,"Rp 50.000.000"
2025,11,PLT-01,APBN,"48.500.000,00"
""")

REALISASI_BULANAN_MESSY = rows("""
tahun,bulan,kode_program,sumber_dana,realisasi
2025,13,PLT-02,APBD,100  <- row 2: above_max (bulan)
2025,0,PLT-02,APBD,100  <- row 3: below_min (bulan)
2025,9,PLT-02,APBD,100  <- row 4: duplicate_key with row 5
2025,9,PLT-02,apbd,200  <- row 5: duplicate_key with row 4
""")

STATISTIK_CLEAN = rows("""
tahun,wilayah,sumber,tpt_pct,angkatan_kerja,pengangguran,rilis
2025,kota cilegon,BRS BPS Banten,"7,41",,,BRS 5 November 2025
2025,Kabupaten Serang,BRS BPS Banten,,"700.000","61.110",BRS 5 November 2025
""")

STATISTIK_MESSY = rows("""
tahun,wilayah,sumber,tpt_pct,angkatan_kerja,pengangguran,rilis
2024,Kabupaten Serang,BPS,,,,  <- row 2: tpt_or_counts
2024,Kota Serang,BPS,120,,,  <- row 3: above_max (tpt_pct)
2024,Pandeglang,BPS,,1000,2000,  <- row 4: pengangguran_above_ak
""")

TARGET_CLEAN = rows("""
tahun,indikator,nilai_target
2026,tingkat_penempatan_6b,65
2026,TPT,"6,5"
""")

TARGET_MESSY = rows("""
tahun,indikator,nilai_target
2026,kebahagiaan,60  <- row 2: indikator_unknown
2026,porsi_lokal,tinggi  <- row 3: number_invalid
""")

# (template, file name, text, encoding) in the import order
CLEAN = (
    ("perusahaan", "perusahaan.csv", PERUSAHAAN_CLEAN, "utf-8-sig"),
    ("program", "program.csv", PROGRAM_CLEAN, "cp1252"),
    ("peserta", "peserta.csv", PESERTA_CLEAN, "utf-8"),
    ("pendaftaran", "pendaftaran.csv", PENDAFTARAN_CLEAN, "utf-8"),
    ("penempatan", "penempatan.csv", PENEMPATAN_CLEAN, "utf-8"),
    ("lowongan", "lowongan.csv", LOWONGAN_CLEAN, "utf-8"),
    ("anggaran", "anggaran.csv", ANGGARAN_CLEAN, "cp1252"),
    ("realisasi_bulanan", "realisasi_bulanan.csv", REALISASI_BULANAN_CLEAN, "utf-8"),
    ("statistik_tenaga_kerja", "statistik.csv", STATISTIK_CLEAN, "utf-8"),
    ("target", "target.csv", TARGET_CLEAN, "utf-8"),
)

MESSY = (
    ("perusahaan", "perusahaan_messy.csv", PERUSAHAAN_MESSY, "utf-8"),
    ("program", "program_messy.csv", PROGRAM_MESSY, "utf-8"),
    ("peserta", "peserta_messy.csv", PESERTA_MESSY, "utf-8"),
    ("pendaftaran", "pendaftaran_messy.csv", PENDAFTARAN_MESSY, "utf-8"),
    ("penempatan", "penempatan_messy.csv", PENEMPATAN_MESSY, "utf-8"),
    ("lowongan", "lowongan_messy.csv", LOWONGAN_MESSY, "utf-8"),
    ("anggaran", "anggaran_messy.csv", ANGGARAN_MESSY, "cp1252"),
    ("realisasi_bulanan", "rb_messy.csv", REALISASI_BULANAN_MESSY, "utf-8"),
    ("statistik_tenaga_kerja", "statistik_messy.csv", STATISTIK_MESSY, "utf-8"),
    ("target", "target_messy.csv", TARGET_MESSY, "utf-8"),
)

# every NIK written in these files (none may appear in the database file)
ALL_NIKS = [nik(n) for n in range(1, 13)] + ["367201010100005", "3672010101999999"]
