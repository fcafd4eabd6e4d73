"""The fictional province of the demo: Provinsi Nusa Cendana, capital Kota Batu Karang.

Every name, number and person here is invented for the demo; none is a real person's data.
"""

from __future__ import annotations

PROVINCE = "Nusa Cendana"

BKD_UNITS = [
    {
        "name": "Kepala Badan",
        "kind": "pimpinan",
        "head_title": "Kepala Badan Kepegawaian Daerah",
        "duties": (
            "<p>Memimpin penyelenggaraan urusan pemerintahan bidang kepegawaian daerah, "
            "merumuskan kebijakan teknis manajemen ASN, dan mengoordinasikan seluruh unit "
            "di lingkungan Badan.</p>"
        ),
    },
    {
        "name": "Sekretariat",
        "kind": "sekretariat",
        "head_title": "Sekretaris",
        "duties": (
            "<p>Menyelenggarakan urusan umum, kepegawaian internal, keuangan, perencanaan, "
            "evaluasi dan pelaporan Badan.</p><ul><li>Menyusun Renstra, Renja, dan LKjIP "
            "Badan;</li><li>mengelola surat-menyurat, kearsipan, dan rumah tangga;</li>"
            "<li>mengoordinasikan layanan informasi publik sebagai PPID Pelaksana.</li></ul>"
        ),
    },
    {
        "name": "Bidang Pengadaan, Pemberhentian dan Informasi Kepegawaian",
        "kind": "bidang",
        "head_title": "Kepala Bidang Pengadaan, Pemberhentian dan Informasi Kepegawaian",
        "duties": (
            "<p>Melaksanakan pengadaan CPNS dan PPPK, pemberhentian dan pensiun ASN, serta "
            "pengelolaan sistem informasi kepegawaian.</p><ul><li>Merencanakan kebutuhan "
            "dan formasi ASN;</li><li>memproses usul pensiun dan pemberhentian;</li><li>"
            "memutakhirkan data ASN pada sistem informasi kepegawaian.</li></ul>"
        ),
    },
    {
        "name": "Bidang Mutasi dan Promosi",
        "kind": "bidang",
        "head_title": "Kepala Bidang Mutasi dan Promosi",
        "duties": (
            "<p>Melaksanakan kenaikan pangkat, mutasi, rotasi, promosi jabatan, dan "
            "pengelolaan manajemen talenta ASN daerah.</p><ul><li>Memproses kenaikan pangkat "
            "reguler dan pilihan;</li><li>menyiapkan bahan sidang Badan Pertimbangan Jabatan "
            "dan Kepangkatan;</li><li>memfasilitasi seleksi terbuka jabatan pimpinan "
            "tinggi.</li></ul>"
        ),
    },
    {
        "name": "Bidang Pengembangan Kompetensi Aparatur",
        "kind": "bidang",
        "head_title": "Kepala Bidang Pengembangan Kompetensi Aparatur",
        "duties": (
            "<p>Merencanakan dan melaksanakan pengembangan kompetensi ASN melalui pelatihan, "
            "tugas belajar, izin belajar, dan pembelajaran terintegrasi.</p>"
        ),
    },
    {
        "name": "Bidang Penilaian Kinerja Aparatur dan Penghargaan",
        "kind": "bidang",
        "head_title": "Kepala Bidang Penilaian Kinerja Aparatur dan Penghargaan",
        "duties": (
            "<p>Mengelola penilaian kinerja ASN, disiplin, penghargaan, dan kesejahteraan "
            "pegawai, termasuk pemberian tanda kehormatan Satyalancana Karya Satya.</p>"
        ),
    },
    {
        "name": "UPT Penilaian Kompetensi Pegawai",
        "kind": "upt",
        "head_title": "Kepala UPT Penilaian Kompetensi Pegawai",
        "duties": (
            "<p>Melaksanakan asesmen kompetensi manajerial dan sosial kultural bagi ASN "
            "sebagai dasar pengembangan karier dan pengisian jabatan.</p>"
        ),
    },
]

# (first name, last name, unit index in BKD_UNITS, position, roles, username, sex digit)
BKD_STAFF = [
    ("Yohanes", "Bria Seran", 0, "Kepala Badan", ["Atasan PPID"], "bkd.kepala", 1),
    ("Maria", "Goreti Lake", 1, "Sekretaris", ["Admin Agency"], "bkd.admin", 2),
    ("Fransiska", "Nahak", 1, "Pranata Humas Ahli Muda", ["Editor"], "bkd.editor", 2),
    ("Agustinus", "Tefa", 1, "Pengelola Layanan Informasi", ["Petugas PPID"], "bkd.ppid", 1),
    ("Dominggus", "Manu", 2, "Analis SDM Aparatur Ahli Pertama", ["Penulis"], "bkd.penulis", 1),
    ("Elisabeth", "Kolo", 3, "Analis Kepegawaian Ahli Muda", ["Penulis"], "bkd.penulis2", 2),
    ("Kornelis", "Benu", 4, "Widyaiswara Ahli Madya", ["Penulis"], "bkd.penulis3", 1),
    ("Theresia", "Hale", 5, "Analis Kinerja Aparatur", ["Penulis"], "bkd.penulis4", 2),
]

# Other agencies of the demo province; the BKD is the main demo site.
AGENCIES = [
    {
        "key": "provinsi",
        "name": f"Pemerintah Provinsi {PROVINCE}",
        "short_name": "Pemprov",
        "slug": "pemprov-nusa-cendana",
        "kind": "provinsi",
        "ppid_role": "utama",
        "hostname": "ppid.localhost",
        "tagline": "PPID Utama Provinsi Nusa Cendana",
        "address": "Jalan El Tari Nomor 52\nKota Batu Karang 85111",
        "phone": "(0380) 833 001",
        "email": "ppid@nusacendana.example.go.id",
        "ppid_name": "PPID Utama Provinsi Nusa Cendana",
        "color": (122, 35, 35),
        "intro": (
            "PPID Utama mengoordinasikan layanan informasi publik seluruh perangkat daerah "
            "Provinsi Nusa Cendana. Setiap orang berhak memperoleh informasi publik sesuai "
            "Undang-Undang Nomor 14 Tahun 2008."
        ),
        "units": [
            ("Sekretariat PPID Utama", "sekretariat", "Sekretaris PPID Utama"),
            ("Bidang Pelayanan Informasi", "bidang", "Kepala Bidang Pelayanan Informasi"),
            ("Bidang Dokumentasi dan Arsip", "bidang", "Kepala Bidang Dokumentasi dan Arsip"),
        ],
    },
    {
        "key": "bkd",
        "name": f"Badan Kepegawaian Daerah Provinsi {PROVINCE}",
        "short_name": "BKD",
        "slug": "bkd-nusa-cendana",
        "kind": "opd",
        "ppid_role": "pelaksana",
        "hostname": "localhost",
        "tagline": "Melayani ASN, melayani masyarakat",
        "address": "Jalan Polisi Militer Nomor 7, Kelurahan Oebobo\nKota Batu Karang 85112",
        "phone": "(0380) 821 410",
        "whatsapp": "0812 3700 0410",
        "email": "bkd@nusacendana.example.go.id",
        "ppid_name": "PPID Pelaksana BKD",
        "ppid_email": "ppid.bkd@nusacendana.example.go.id",
        "ppid_phone": "(0380) 821 411",
        "color": (11, 79, 108),
        "intro": (
            "Badan Kepegawaian Daerah mengelola manajemen Aparatur Sipil Negara Provinsi "
            "Nusa Cendana: pengadaan, kepangkatan, mutasi, pengembangan kompetensi, kinerja, "
            "hingga pensiun — dan membuka informasinya kepada publik."
        ),
    },
    {
        "key": "diskominfo",
        "name": f"Dinas Komunikasi dan Informatika Provinsi {PROVINCE}",
        "short_name": "Diskominfo",
        "slug": "diskominfo-nusa-cendana",
        "kind": "opd",
        "ppid_role": "pelaksana",
        "hostname": "diskominfo.localhost",
        "tagline": "Satu data, satu informasi untuk Nusa Cendana",
        "address": "Jalan Basuki Rahmat Nomor 1\nKota Batu Karang 85111",
        "phone": "(0380) 833 102",
        "email": "diskominfo@nusacendana.example.go.id",
        "ppid_name": "PPID Pelaksana Diskominfo",
        "color": (24, 94, 58),
        "intro": (
            "Dinas Komunikasi dan Informatika menyelenggarakan layanan komunikasi publik, "
            "persandian, statistik sektoral, dan infrastruktur digital pemerintah provinsi."
        ),
        "units": [
            ("Sekretariat", "sekretariat", "Sekretaris"),
            ("Bidang Informasi dan Komunikasi Publik", "bidang", "Kepala Bidang IKP"),
            ("Bidang Statistik dan Persandian", "bidang", "Kepala Bidang Statistik"),
        ],
    },
    {
        "key": "dinkes",
        "name": f"Dinas Kesehatan Provinsi {PROVINCE}",
        "short_name": "Dinkes",
        "slug": "dinkes-nusa-cendana",
        "kind": "opd",
        "ppid_role": "pelaksana",
        "hostname": "dinkes.localhost",
        "tagline": "Sehat bersama, dari kampung hingga kota",
        "address": "Jalan Palapa Nomor 22\nKota Batu Karang 85113",
        "phone": "(0380) 833 245",
        "email": "dinkes@nusacendana.example.go.id",
        "ppid_name": "PPID Pelaksana Dinas Kesehatan",
        "color": (31, 85, 140),
        "intro": (
            "Dinas Kesehatan menyelenggarakan urusan kesehatan provinsi: pelayanan kesehatan, "
            "pencegahan penyakit, kesehatan masyarakat, dan sumber daya kesehatan."
        ),
        "units": [
            ("Sekretariat", "sekretariat", "Sekretaris"),
            ("Bidang Pelayanan Kesehatan", "bidang", "Kepala Bidang Pelayanan Kesehatan"),
            ("Bidang Pencegahan dan Pengendalian Penyakit", "bidang", "Kepala Bidang P2P"),
        ],
    },
    {
        "key": "watubela",
        "name": "Pemerintah Kabupaten Watu Bela",
        "short_name": "Kab. Watu Bela",
        "slug": "kabupaten-watu-bela",
        "kind": "kabupaten",
        "ppid_role": "utama",
        "hostname": "watubela.localhost",
        "tagline": "PPID Kabupaten Watu Bela",
        "address": "Jalan Soekarno Nomor 3\nWatu Bela 85511",
        "phone": "(0388) 210 100",
        "email": "ppid@watubela.example.go.id",
        "ppid_name": "PPID Utama Kabupaten Watu Bela",
        "color": (90, 60, 120),
        "intro": (
            "Portal informasi publik Pemerintah Kabupaten Watu Bela, kabupaten di wilayah "
            "Provinsi Nusa Cendana."
        ),
        "units": [
            ("Sekretariat Daerah", "sekretariat", "Sekretaris Daerah"),
            ("Bagian Protokol dan Komunikasi Pimpinan", "bidang", "Kepala Bagian Prokopim"),
        ],
    },
]

OFFICE_HOURS = "Senin–Kamis: 07.30–16.00\nJumat: 07.30–16.30\nSabtu, Minggu, dan hari libur: tutup"

BKD_PROFILE = [
    (
        "heading",
        {"text": "Sejarah singkat", "level": "h2"},
    ),
    (
        "paragraph",
        "<p>Badan Kepegawaian Daerah Provinsi Nusa Cendana dibentuk pada tahun 2001 sebagai "
        "pelaksana urusan kepegawaian setelah otonomi daerah, dan ditetapkan kembali dengan "
        "Peraturan Daerah Provinsi Nusa Cendana tentang Pembentukan dan Susunan Perangkat "
        "Daerah. Sejak itu BKD melayani lebih dari dua puluh ribu ASN di lingkungan "
        "Pemerintah Provinsi, dari guru di pulau-pulau terluar sampai pejabat di ibu kota "
        "provinsi.</p>",
    ),
    ("heading", {"text": "Kedudukan", "level": "h2"}),
    (
        "paragraph",
        "<p>BKD adalah unsur penunjang urusan pemerintahan yang dipimpin oleh seorang Kepala "
        "Badan, berkedudukan di bawah dan bertanggung jawab kepada Gubernur melalui "
        "Sekretaris Daerah.</p>",
    ),
    ("heading", {"text": "Layanan kami", "level": "h2"}),
    (
        "paragraph",
        "<ul><li>Pengadaan CPNS dan PPPK</li><li>Kenaikan pangkat dan jabatan fungsional</li>"
        "<li>Mutasi, rotasi, dan promosi</li><li>Pengembangan kompetensi dan tugas belajar"
        "</li><li>Penilaian kinerja, disiplin, dan penghargaan</li><li>Pensiun dan "
        "pemberhentian</li><li>Layanan informasi publik (PPID Pelaksana)</li></ul>",
    ),
]

BKD_VISION = [
    ("heading", {"text": "Visi", "level": "h2"}),
    (
        "quote",
        {
            "quote": "Terwujudnya ASN Nusa Cendana yang profesional, berintegritas, dan melayani.",
            "attribution": "Rencana Strategis BKD 2024–2026",
        },
    ),
    ("heading", {"text": "Misi", "level": "h2"}),
    (
        "paragraph",
        "<ol><li>Menyelenggarakan manajemen ASN berbasis sistem merit;</li><li>mengembangkan "
        "kompetensi ASN secara berkelanjutan dan merata hingga ke kabupaten kepulauan;</li>"
        "<li>menegakkan disiplin dan budaya kinerja;</li><li>menyediakan layanan kepegawaian "
        "yang cepat, terbuka, dan mudah dijangkau secara daring.</li></ol>",
    ),
    ("heading", {"text": "Nilai dasar", "level": "h2"}),
    (
        "paragraph",
        "<p>BKD menjunjung nilai dasar ASN <b>BerAKHLAK</b>: Berorientasi Pelayanan, "
        "Akuntabel, Kompeten, Harmonis, Loyal, Adaptif, dan Kolaboratif.</p>",
    ),
]

# The English versions of the BKD's main pages (the other default pages get onboarding's
# generic English text); lontar/pages/translations.py serves them to visitors who chose English.
BKD_HOME_TITLE_EN = "Welcome to BKD Nusa Cendana"
BKD_INTRO_EN = (
    "The Regional Civil Service Agency of Nusa Cendana Province manages the careers of the "
    "province's civil servants and answers the public's requests for information."
)

BKD_PROFILE_EN = [
    ("heading", {"text": "A short history", "level": "h2"}),
    (
        "paragraph",
        "<p>The Regional Civil Service Agency of Nusa Cendana Province was formed in 2001 to "
        "run civil service affairs after regional autonomy, and was re-established by the "
        "provincial regulation on the formation and organisation of regional agencies. Since "
        "then it has served more than twenty thousand civil servants of the provincial "
        "government, from teachers on the outermost islands to officials in the capital.</p>",
    ),
    ("heading", {"text": "Position", "level": "h2"}),
    (
        "paragraph",
        "<p>The BKD supports the work of the provincial government. It is led by a Head of "
        "Agency who reports to the Governor through the Regional Secretary.</p>",
    ),
    ("heading", {"text": "Our services", "level": "h2"}),
    (
        "paragraph",
        "<ul><li>Recruitment of civil servants (CPNS and PPPK)</li><li>Promotions in rank and "
        "functional positions</li><li>Transfers, rotations and promotions</li><li>Training and "
        "study assignments</li><li>Performance appraisal, discipline and awards</li><li>"
        "Retirement and dismissal</li><li>Public information service (PPID)</li></ul>",
    ),
]

BKD_VISION_EN = [
    ("heading", {"text": "Vision", "level": "h2"}),
    (
        "quote",
        {
            "quote": "Professional civil servants of Nusa Cendana, with integrity, who serve.",
            "attribution": "BKD Strategic Plan 2024–2026",
        },
    ),
    ("heading", {"text": "Mission", "level": "h2"}),
    (
        "paragraph",
        "<ol><li>To manage the civil service on the merit system;</li><li>to develop civil "
        "servants' skills continuously and evenly, out to the island regencies;</li><li>to "
        "uphold discipline and a culture of performance;</li><li>to offer civil service "
        "procedures that are fast, open and easy to reach online.</li></ol>",
    ),
    ("heading", {"text": "Core values", "level": "h2"}),
    (
        "paragraph",
        "<p>The BKD upholds the civil service's core values, <b>BerAKHLAK</b>: service "
        "oriented, accountable, competent, harmonious, loyal, adaptive and collaborative.</p>",
    ),
]
