"""Demo figures for the BKD's programs (two budget years), agenda and planning documents."""

# (code, level, name, unit name contains, budget in millions, [(indicator, unit, target)])
PROGRAMS = [
    (
        "5.03.01",
        "program",
        "Program Penunjang Urusan Pemerintahan Daerah",
        "Sekretariat",
        4200,
        [("Nilai SAKIP perangkat daerah", "nilai", 75)],
    ),
    (
        "5.03.02",
        "program",
        "Program Kepegawaian Daerah",
        "Pengadaan",
        6800,
        [
            ("Persentase layanan kepegawaian tepat waktu", "persen", 95),
            ("Dokumen analisis jabatan yang disusun", "dokumen", 12),
        ],
    ),
    (
        "5.03.02.2.01",
        "kegiatan",
        "Pengadaan, Pemberhentian dan Informasi Kepegawaian ASN",
        "Pengadaan",
        1900,
        [("ASN yang datanya dimutakhirkan", "orang", 8000)],
    ),
    (
        "5.03.02.2.02",
        "kegiatan",
        "Mutasi dan Promosi ASN",
        "Mutasi",
        1500,
        [("Jabatan yang diisi melalui manajemen talenta", "jabatan", 24)],
    ),
    (
        "5.03.02.2.03",
        "kegiatan",
        "Pengembangan Kompetensi ASN",
        "Kompetensi",
        2600,
        [
            ("ASN yang mengikuti pelatihan", "orang", 1200),
            ("CPNS yang lulus pelatihan dasar", "orang", 360),
        ],
    ),
    (
        "5.03.02.2.04",
        "kegiatan",
        "Penilaian dan Evaluasi Kinerja Aparatur",
        "Penilaian",
        900,
        [("ASN dengan SKP dinilai tepat waktu", "persen", 90)],
    ),
]

# Share of the yearly target realised in each quarter, and of the budget spent.
LAST_YEAR_QUARTERS = (0.2, 0.25, 0.3, 0.27)
THIS_YEAR_QUARTERS = (0.22, 0.27, None, None)
LAST_YEAR_SPENT = 0.94
THIS_YEAR_SPENT = 0.48

# (title, category, start (y, m, d, h, min) or days from today, hours, place, audience, report)
EVENTS = [
    (
        "Sosialisasi Manajemen Talenta ASN",
        "sosialisasi",
        (2021, 11, 18, 9, 0),
        4,
        "Aula Kantor Gubernur Nusa Cendana",
        "Pejabat administrator dan pengawas perangkat daerah",
        "Mengenal manajemen talenta ASN daerah",
    ),
    (
        "Seleksi Terbuka Jabatan Pimpinan Tinggi Pratama: Asesmen",
        "seleksi",
        -20,
        8,
        "UPT Penilaian Kompetensi Pegawai",
        "Peserta yang lulus seleksi administrasi",
        "Seleksi terbuka jabatan pimpinan tinggi pratama",
    ),
    (
        "Hari Layanan Kepegawaian Keliling",
        "layanan",
        9,
        6,
        "Kantor Bupati Watu Bela",
        "ASN kabupaten dan pensiunan",
        None,
    ),
    (
        "Bimbingan Teknis Penyusunan SKP",
        "lokakarya",
        16,
        7,
        "Ruang Rapat BKD Lantai 2",
        "Pengelola kinerja perangkat daerah",
        None,
    ),
    (
        "Rapat Koordinasi Formasi PPPK",
        "rapat",
        30,
        3,
        "Aula Kantor Gubernur Nusa Cendana",
        "Sekretaris perangkat daerah",
        None,
    ),
]

DOCUMENTS = [
    ("renstra", 0, "Rencana Strategis BKD 2024–2026"),
    ("renja", 0, "Rencana Kerja BKD"),
    ("dpa", 0, "Dokumen Pelaksanaan Anggaran BKD"),
    ("renja", -1, "Rencana Kerja BKD"),
    ("dpa", -1, "Dokumen Pelaksanaan Anggaran BKD"),
    ("lkjip", -1, "Laporan Kinerja Instansi Pemerintah BKD"),
    ("laporan-keuangan", -1, "Laporan Keuangan BKD"),
]
