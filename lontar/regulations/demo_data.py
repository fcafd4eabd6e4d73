"""The demo BKD's regulations library: fictional numbers and titles, with real-looking chains.

Numbers, years and dates are invented for the demo province of Nusa Cendana; nothing here is
a real regulation. Each row: key, type, kind, abbreviation, number, year, title, subjects
(";"-separated), field of law, initiating unit, relations as ((kind, target key), ...).
"""

from __future__ import annotations

PERGUB = ("peraturan", "Peraturan Gubernur", "Pergub")
KEPGUB = ("peraturan", "Keputusan Gubernur", "Kepgub")
PERDA = ("peraturan", "Peraturan Daerah", "Perda")
PERKA = ("peraturan", "Peraturan Kepala Badan Kepegawaian Daerah", "Perkaban")
KEPKA = ("peraturan", "Keputusan Kepala Badan Kepegawaian Daerah", "Kepkaban")

HAN = "Hukum Administrasi Negara"
KEPEG = "Kepegawaian"
ORG = "Kelembagaan Perangkat Daerah"
KEU = "Keuangan Daerah"

BKD_UNIT_DISCIPLINE = "Bidang Pembinaan dan Kesejahteraan Pegawai"
BKD_UNIT_MUTATION = "Bidang Mutasi dan Promosi"
BKD_UNIT_PROCUREMENT = "Bidang Pengadaan dan Informasi Pegawai"
BKD_UNIT_SECRETARIAT = "Sekretariat BKD"
ORGANISATION_BUREAU = "Biro Organisasi Setda Provinsi"

# fmt: off
DOCUMENTS = [
    # Discipline: an old regulation, amended once, both revoked by the new one.
    ("disiplin-2012", *PERGUB, "12", 2012, "Pedoman Penegakan Disiplin Pegawai Negeri Sipil",
     "Disiplin;Pegawai Negeri Sipil", KEPEG, BKD_UNIT_DISCIPLINE, ()),
    ("disiplin-2016", *PERGUB, "7", 2016,
     "Perubahan atas Peraturan Gubernur Nomor 12 Tahun 2012 tentang Pedoman Penegakan Disiplin "
     "Pegawai Negeri Sipil", "Disiplin;Pegawai Negeri Sipil", KEPEG, BKD_UNIT_DISCIPLINE,
     (("mengubah", "disiplin-2012"),)),
    ("disiplin-2022", *PERGUB, "18", 2022, "Disiplin Aparatur Sipil Negara",
     "Disiplin;Aparatur Sipil Negara", KEPEG, BKD_UNIT_DISCIPLINE,
     (("mencabut", "disiplin-2012"),)),
    ("disiplin-tim-2023", *KEPGUB, "188/45/BKD", 2023,
     "Pembentukan Tim Pemeriksa Pelanggaran Disiplin Aparatur Sipil Negara", "Disiplin;Tim Kerja",
     KEPEG, BKD_UNIT_DISCIPLINE, (("melaksanakan", "disiplin-2022"),)),
    # Working hours: revoked, then the new one amended twice.
    ("jamkerja-2014", *PERGUB, "3", 2014,
     "Hari dan Jam Kerja Pegawai di Lingkungan Pemerintah Provinsi", "Jam Kerja;Kehadiran", KEPEG,
     BKD_UNIT_DISCIPLINE, ()),
    ("jamkerja-2019", *PERGUB, "9", 2019,
     "Hari Kerja, Jam Kerja, dan Kehadiran Aparatur Sipil Negara", "Jam Kerja;Kehadiran", KEPEG,
     BKD_UNIT_DISCIPLINE, (("mencabut", "jamkerja-2014"),)),
    ("jamkerja-2020", *PERGUB, "14", 2020,
     "Perubahan atas Peraturan Gubernur Nomor 9 Tahun 2019 tentang Hari Kerja, Jam Kerja, dan "
     "Kehadiran Aparatur Sipil Negara", "Jam Kerja;Kehadiran", KEPEG, BKD_UNIT_DISCIPLINE,
     (("mengubah", "jamkerja-2019"),)),
    ("jamkerja-2023", *PERGUB, "5", 2023,
     "Perubahan Kedua atas Peraturan Gubernur Nomor 9 Tahun 2019 tentang Hari Kerja, Jam Kerja, "
     "dan Kehadiran Aparatur Sipil Negara", "Jam Kerja;Kehadiran", KEPEG, BKD_UNIT_DISCIPLINE,
     (("mengubah", "jamkerja-2019"),)),
    ("presensi-2018", *PERKA, "2", 2018, "Petunjuk Teknis Presensi Elektronik",
     "Kehadiran;Sistem Informasi", KEPEG, BKD_UNIT_PROCUREMENT, ()),
    ("presensi-2021", *PERKA, "1", 2021, "Petunjuk Teknis Presensi Elektronik Berbasis Lokasi",
     "Kehadiran;Sistem Informasi", KEPEG, BKD_UNIT_PROCUREMENT,
     (("mencabut", "presensi-2018"), ("melaksanakan", "jamkerja-2019"))),
    # Additional income (TPP): a chain ending in a revocation.
    ("tpp-2017", *PERGUB, "2", 2017, "Pemberian Tambahan Penghasilan Pegawai",
     "Tambahan Penghasilan;Kesejahteraan", KEU, BKD_UNIT_DISCIPLINE, ()),
    ("tpp-2020", *PERGUB, "4", 2020, "Tambahan Penghasilan Pegawai Aparatur Sipil Negara",
     "Tambahan Penghasilan;Kesejahteraan", KEU, BKD_UNIT_DISCIPLINE, (("mencabut", "tpp-2017"),)),
    ("tpp-2021", *PERGUB, "10", 2021,
     "Perubahan atas Peraturan Gubernur Nomor 4 Tahun 2020 tentang Tambahan Penghasilan Pegawai "
     "Aparatur Sipil Negara", "Tambahan Penghasilan;Kesejahteraan", KEU, BKD_UNIT_DISCIPLINE,
     (("mengubah", "tpp-2020"),)),
    ("tpp-2023", *PERGUB, "6", 2023,
     "Perubahan Kedua atas Peraturan Gubernur Nomor 4 Tahun 2020 tentang Tambahan Penghasilan "
     "Pegawai Aparatur Sipil Negara", "Tambahan Penghasilan;Kesejahteraan", KEU,
     BKD_UNIT_DISCIPLINE, (("mengubah", "tpp-2020"),)),
    ("tpp-2025", *PERGUB, "1", 2025, "Tambahan Penghasilan Pegawai Berbasis Kinerja",
     "Tambahan Penghasilan;Kinerja", KEU, BKD_UNIT_DISCIPLINE, (("mencabut", "tpp-2020"),)),
    # Organisation: a Perda amended; the BKD"s organisation Pergub implementing each version.
    ("perda-opd-2016", *PERDA, "5", 2016, "Pembentukan dan Susunan Perangkat Daerah",
     "Perangkat Daerah;Organisasi", ORG, ORGANISATION_BUREAU, ()),
    ("perda-opd-2021", *PERDA, "2", 2021,
     "Perubahan atas Peraturan Daerah Nomor 5 Tahun 2016 tentang Pembentukan dan Susunan "
     "Perangkat Daerah", "Perangkat Daerah;Organisasi", ORG, ORGANISATION_BUREAU,
     (("mengubah", "perda-opd-2016"),)),
    ("sotk-bkd-2016", *PERGUB, "40", 2016,
     "Kedudukan, Susunan Organisasi, Tugas dan Fungsi, serta Tata Kerja Badan Kepegawaian Daerah",
     "Perangkat Daerah;Tugas dan Fungsi", ORG, ORGANISATION_BUREAU,
     (("melaksanakan", "perda-opd-2016"),)),
    ("sotk-bkd-2021", *PERGUB, "25", 2021,
     "Kedudukan, Susunan Organisasi, Tugas dan Fungsi, serta Tata Kerja Badan Kepegawaian Daerah",
     "Perangkat Daerah;Tugas dan Fungsi", ORG, ORGANISATION_BUREAU,
     (("mencabut", "sotk-bkd-2016"), ("melaksanakan", "perda-opd-2021"))),
    # Leave.
    ("cuti-2018", *PERGUB, "21", 2018, "Tata Cara Pemberian Cuti Pegawai Negeri Sipil",
     "Cuti;Pegawai Negeri Sipil", KEPEG, BKD_UNIT_DISCIPLINE, ()),
    ("cuti-2022", *PERGUB, "11", 2022,
     "Perubahan atas Peraturan Gubernur Nomor 21 Tahun 2018 tentang Tata Cara Pemberian Cuti "
     "Pegawai Negeri Sipil", "Cuti;Pegawai Negeri Sipil", KEPEG, BKD_UNIT_DISCIPLINE,
     (("mengubah", "cuti-2018"),)),
    ("cuti-sop-2022", *PERKA, "3", 2022, "Standar Operasional Prosedur Layanan Cuti Daring",
     "Cuti;Layanan Kepegawaian", KEPEG, BKD_UNIT_DISCIPLINE, (("melaksanakan", "cuti-2018"),)),
    # Performance.
    ("kinerja-2019", *PERGUB, "8", 2019, "Penilaian Prestasi Kerja Pegawai Negeri Sipil",
     "Kinerja;Pegawai Negeri Sipil", KEPEG, BKD_UNIT_MUTATION, ()),
    ("kinerja-2024", *PERGUB, "3", 2024, "Pengelolaan Kinerja Aparatur Sipil Negara",
     "Kinerja;Aparatur Sipil Negara", KEPEG, BKD_UNIT_MUTATION, (("mencabut", "kinerja-2019"),)),
    # Uniforms: amended, then revoked.
    ("pakaian-2015", *PERGUB, "15", 2015, "Pakaian Dinas Aparatur Sipil Negara", "Pakaian Dinas",
     HAN, BKD_UNIT_SECRETARIAT, ()),
    ("pakaian-2018", *PERGUB, "30", 2018,
     "Perubahan atas Peraturan Gubernur Nomor 15 Tahun 2015 tentang Pakaian Dinas Aparatur Sipil "
     "Negara", "Pakaian Dinas", HAN, BKD_UNIT_SECRETARIAT, (("mengubah", "pakaian-2015"),)),
    ("pakaian-2023", *PERGUB, "27", 2023, "Pakaian Dinas dan Atribut Aparatur Sipil Negara",
     "Pakaian Dinas", HAN, BKD_UNIT_SECRETARIAT, (("mencabut", "pakaian-2015"),)),
    # Careers and selection.
    ("jpt-2017", *PERGUB, "19", 2017, "Tata Cara Seleksi Terbuka Jabatan Pimpinan Tinggi Pratama",
     "Jabatan Pimpinan Tinggi;Seleksi", KEPEG, BKD_UNIT_MUTATION, ()),
    ("talenta-2023", *PERGUB, "33", 2023, "Manajemen Talenta Aparatur Sipil Negara",
     "Manajemen Talenta;Sistem Merit", KEPEG, BKD_UNIT_MUTATION, (("mencabut", "jpt-2017"),)),
    ("mutasi-sop-2021", *PERKA, "4", 2021, "Standar Operasional Prosedur Mutasi dan Rotasi "
     "Pegawai", "Mutasi;Layanan Kepegawaian", KEPEG, BKD_UNIT_MUTATION, ()),
    ("pangkat-sop-2020", *PERKA, "1", 2020,
     "Standar Operasional Prosedur Kenaikan Pangkat Reguler dan Pilihan",
     "Kenaikan Pangkat;Layanan Kepegawaian", KEPEG, BKD_UNIT_MUTATION, ()),
    ("kompetensi-2019", *PERGUB, "26", 2019, "Pengembangan Kompetensi Aparatur Sipil Negara",
     "Pengembangan Kompetensi;Pelatihan", KEPEG, BKD_UNIT_MUTATION, ()),
    ("tugas-belajar-2020", *PERGUB, "17", 2020, "Pemberian Tugas Belajar dan Izin Belajar",
     "Pengembangan Kompetensi;Tugas Belajar", KEPEG, BKD_UNIT_MUTATION,
     (("melaksanakan", "kompetensi-2019"),)),
    ("pensiun-sop-2022", *PERKA, "2", 2022, "Layanan Pensiun Tepat Waktu",
     "Pensiun;Layanan Kepegawaian", KEPEG, BKD_UNIT_DISCIPLINE, ()),
    # Formation (formasi) decisions, one corrected by a later decision.
    ("formasi-2019", *KEPGUB, "800/112/BKD", 2019,
     "Penetapan Kebutuhan Formasi Calon Pegawai Negeri Sipil Tahun Anggaran 2019",
     "Formasi;Pengadaan Pegawai", KEPEG, BKD_UNIT_PROCUREMENT, ()),
    ("formasi-2021", *KEPGUB, "800/87/BKD", 2021,
     "Penetapan Kebutuhan Formasi Aparatur Sipil Negara Tahun Anggaran 2021",
     "Formasi;Pengadaan Pegawai", KEPEG, BKD_UNIT_PROCUREMENT, ()),
    ("formasi-2023", *KEPGUB, "800/64/BKD", 2023,
     "Penetapan Kebutuhan Formasi Pegawai Pemerintah dengan Perjanjian Kerja Tahun Anggaran 2023",
     "Formasi;PPPK", KEPEG, BKD_UNIT_PROCUREMENT, ()),
    ("formasi-2024", *KEPGUB, "800/21/BKD", 2024,
     "Penetapan Kebutuhan Formasi Aparatur Sipil Negara Tahun Anggaran 2024",
     "Formasi;Pengadaan Pegawai", KEPEG, BKD_UNIT_PROCUREMENT, ()),
    ("formasi-2024-ralat", *KEPGUB, "800/58/BKD", 2024,
     "Perubahan atas Keputusan Gubernur Nomor 800/21/BKD Tahun 2024 tentang Penetapan Kebutuhan "
     "Formasi Aparatur Sipil Negara Tahun Anggaran 2024", "Formasi;Pengadaan Pegawai", KEPEG,
     BKD_UNIT_PROCUREMENT, (("mengubah", "formasi-2024"),)),
    ("pppk-2022", *PERGUB, "29", 2022, "Manajemen Pegawai Pemerintah dengan Perjanjian Kerja",
     "PPPK;Aparatur Sipil Negara", KEPEG, BKD_UNIT_PROCUREMENT, ()),
    # Information services of the BKD itself.
    ("ppid-tim-2022", *KEPKA, "800/15/BKD", 2022,
     "Pembentukan Tim Pengelola Informasi dan Dokumentasi Badan Kepegawaian Daerah",
     "Keterbukaan Informasi;Tim Kerja", HAN, BKD_UNIT_SECRETARIAT, ()),
    ("ppid-tim-2024", *KEPKA, "800/9/BKD", 2024,
     "Pembentukan Tim Pengelola Informasi dan Dokumentasi Badan Kepegawaian Daerah",
     "Keterbukaan Informasi;Tim Kerja", HAN, BKD_UNIT_SECRETARIAT,
     (("mencabut", "ppid-tim-2022"),)),
    ("dip-2024", *KEPKA, "800/10/BKD", 2024,
     "Penetapan Daftar Informasi Publik Badan Kepegawaian Daerah",
     "Keterbukaan Informasi;Daftar Informasi Publik", HAN, BKD_UNIT_SECRETARIAT, ()),
    # Other document types.
    ("himpunan-2020", "monografi", "Buku", "", "", 2020,
     "Himpunan Peraturan Kepegawaian Provinsi Nusa Cendana", "Kepegawaian;Himpunan Peraturan",
     KEPEG, BKD_UNIT_SECRETARIAT, ()),
    ("artikel-merit-2022", "artikel", "Artikel", "", "", 2022,
     "Menakar Penerapan Sistem Merit di Pemerintah Daerah", "Sistem Merit;Kajian", KEPEG,
     BKD_UNIT_MUTATION, ()),
    ("putusan-ptun-2021", "putusan", "Putusan Pengadilan Tata Usaha Negara", "Putusan PTUN",
     "14/G/2021/PTUN.BK", 2021, "Gugatan atas Keputusan Pemberhentian Pegawai (contoh fiktif)",
     "Disiplin;Sengketa Kepegawaian", HAN, BKD_UNIT_DISCIPLINE, ()),
]
# fmt: on
