"""Demo news: the BKD's ASN write about their own work; two other agencies have a little news.

Idempotent: an agency's news index, categories and articles are created once (by slug).
"""

# The article table below reads best one article a line.
# ruff: noqa: E501

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone
from django.utils.text import slugify

from lontar.agencies.models import StaffProfile
from lontar.demo.loader import DemoContext, add_menu_item, generated_image, stream
from lontar.news.models import NewsArticlePage, NewsCategory, NewsIndexPage

CATEGORIES = ["Umum", "Kepegawaian", "Pengembangan Kompetensi", "Kinerja ASN", "Pengumuman"]
WRITERS = ["bkd.penulis", "bkd.penulis2", "bkd.penulis3", "bkd.penulis4", "bkd.editor"]

# (title, category, tags, writer index, days ago, topic sentence, image?)
BKD_ARTICLES = [
    (
        "Usul kenaikan pangkat periode April dibuka",
        "Kepegawaian",
        ["kenaikan pangkat", "layanan"],
        1,
        3,
        "Bidang Mutasi dan Promosi membuka penerimaan usul kenaikan pangkat periode April bagi ASN seluruh perangkat daerah",
        True,
    ),
    (
        "Layanan konsultasi kepegawaian kini setiap hari kerja",
        "Umum",
        ["layanan", "konsultasi"],
        0,
        5,
        "Meja konsultasi kepegawaian melayani ASN dan masyarakat setiap hari kerja",
        True,
    ),
    (
        "Seleksi terbuka jabatan pimpinan tinggi pratama",
        "Pengumuman",
        ["seleksi terbuka", "jabatan"],
        1,
        8,
        "Panitia seleksi mengumumkan tahapan seleksi terbuka jabatan pimpinan tinggi pratama",
        False,
    ),
    (
        "Pelatihan dasar CPNS angkatan pertama dimulai",
        "Pengembangan Kompetensi",
        ["latsar", "cpns"],
        2,
        10,
        "Sebanyak 120 CPNS mengikuti pelatihan dasar angkatan pertama dengan pola pembelajaran campuran",
        True,
    ),
    (
        "Pemutakhiran data mandiri ASN diperpanjang",
        "Kepegawaian",
        ["data asn", "layanan"],
        0,
        12,
        "Batas waktu pemutakhiran data mandiri ASN melalui sistem informasi kepegawaian diperpanjang",
        False,
    ),
    (
        "Penilaian kinerja triwulan pertama: yang perlu disiapkan",
        "Kinerja ASN",
        ["kinerja", "skp"],
        3,
        14,
        "Penilaian kinerja triwulan pertama menuntut setiap ASN menyiapkan bukti dukung rencana hasil kerja",
        True,
    ),
    (
        "Asesmen kompetensi manajerial untuk pejabat administrator",
        "Pengembangan Kompetensi",
        ["asesmen", "kompetensi"],
        2,
        17,
        "UPT Penilaian Kompetensi Pegawai menjadwalkan asesmen kompetensi manajerial bagi pejabat administrator",
        False,
    ),
    (
        "Tata cara mengajukan izin belajar",
        "Kepegawaian",
        ["izin belajar", "layanan"],
        2,
        20,
        "Izin belajar diajukan melalui atasan langsung dengan melampirkan surat keterangan dari perguruan tinggi",
        False,
    ),
    (
        "Pemberian Satyalancana Karya Satya tahun ini",
        "Kinerja ASN",
        ["penghargaan", "satyalancana"],
        3,
        23,
        "Usul tanda kehormatan Satyalancana Karya Satya diterima dari seluruh perangkat daerah",
        True,
    ),
    (
        "Jadwal layanan selama cuti bersama",
        "Pengumuman",
        ["layanan", "jadwal"],
        4,
        26,
        "Selama cuti bersama layanan tatap muka ditutup, namun layanan daring tetap berjalan",
        False,
    ),
    (
        "Mengenal manajemen talenta ASN daerah",
        "Kepegawaian",
        ["manajemen talenta", "jabatan"],
        1,
        30,
        "Manajemen talenta memetakan ASN berpotensi tinggi untuk mengisi jabatan kunci",
        True,
    ),
    (
        "Pensiun tepat waktu: berkas yang perlu disiapkan",
        "Kepegawaian",
        ["pensiun", "layanan"],
        0,
        33,
        "Usul pensiun sebaiknya diajukan enam bulan sebelum batas usia pensiun",
        False,
    ),
    (
        "Pembelajaran terintegrasi lewat platform daring",
        "Pengembangan Kompetensi",
        ["kompetensi", "pembelajaran"],
        2,
        36,
        "ASN dapat memenuhi jam pelajaran pengembangan kompetensi melalui platform pembelajaran daring",
        False,
    ),
    (
        "Disiplin ASN: kehadiran tercatat elektronik",
        "Kinerja ASN",
        ["disiplin", "kinerja"],
        3,
        40,
        "Kehadiran ASN kini tercatat secara elektronik dan menjadi bahan penilaian disiplin",
        False,
    ),
    (
        "Formasi PPPK tahun ini diusulkan",
        "Pengumuman",
        ["pppk", "formasi"],
        0,
        44,
        "Pemerintah provinsi mengusulkan formasi PPPK untuk guru, tenaga kesehatan, dan tenaga teknis",
        True,
    ),
    (
        "Rotasi pejabat pengawas di lingkungan provinsi",
        "Kepegawaian",
        ["mutasi", "jabatan"],
        1,
        48,
        "Rotasi pejabat pengawas dilaksanakan berdasarkan hasil uji kompetensi dan kebutuhan organisasi",
        False,
    ),
    (
        "Kunjungan studi layanan kepegawaian dari kabupaten",
        "Umum",
        ["layanan", "kunjungan"],
        4,
        52,
        "BKD menerima kunjungan studi dari BKPSDM kabupaten yang ingin mempelajari layanan kepegawaian",
        True,
    ),
    (
        "Coaching dan mentoring bagi pejabat baru",
        "Pengembangan Kompetensi",
        ["kompetensi", "coaching"],
        2,
        57,
        "Pejabat yang baru dilantik mendapat pendampingan coaching dan mentoring selama tiga bulan",
        False,
    ),
    (
        "Survei kepuasan layanan BKD semester lalu",
        "Umum",
        ["survei", "layanan"],
        4,
        61,
        "Hasil survei kepuasan masyarakat semester lalu menunjukkan mutu pelayanan yang baik",
        False,
    ),
    (
        "Tugas belajar: hak dan kewajiban penerima",
        "Pengembangan Kompetensi",
        ["tugas belajar", "kompetensi"],
        2,
        66,
        "Penerima tugas belajar dibebaskan dari jabatan dan wajib kembali mengabdi setelah lulus",
        False,
    ),
    (
        "Kenaikan gaji berkala diproses otomatis",
        "Kepegawaian",
        ["gaji berkala", "layanan"],
        0,
        70,
        "Kenaikan gaji berkala kini diproses otomatis berdasarkan data pada sistem informasi kepegawaian",
        True,
    ),
    (
        "Penghargaan ASN teladan tingkat provinsi",
        "Kinerja ASN",
        ["penghargaan", "kinerja"],
        3,
        75,
        "Panitia menilai ASN teladan dari integritas, kinerja, dan inovasi pelayanan",
        False,
    ),
    (
        "Uji kompetensi kenaikan pangkat penyesuaian ijazah",
        "Kepegawaian",
        ["kenaikan pangkat", "ujian dinas"],
        1,
        80,
        "Uji kompetensi penyesuaian ijazah diikuti ASN yang telah menyelesaikan pendidikan lebih tinggi",
        False,
    ),
    (
        "Sosialisasi sistem merit kepada perangkat daerah",
        "Umum",
        ["sistem merit", "jabatan"],
        1,
        86,
        "Sosialisasi sistem merit menekankan kualifikasi, kompetensi, dan kinerja dalam setiap keputusan kepegawaian",
        True,
    ),
    (
        "Cara membaca hasil asesmen kompetensi",
        "Pengembangan Kompetensi",
        ["asesmen", "kompetensi"],
        2,
        92,
        "Laporan asesmen menggambarkan kesenjangan kompetensi yang perlu dikembangkan",
        False,
    ),
    (
        "Pengumuman hasil seleksi administrasi jabatan",
        "Pengumuman",
        ["seleksi terbuka", "pengumuman"],
        4,
        98,
        "Hasil seleksi administrasi jabatan pimpinan tinggi diumumkan beserta jadwal tahap berikutnya",
        False,
    ),
    (
        "Ekspose kinerja unit kerja akhir tahun",
        "Kinerja ASN",
        ["kinerja", "evaluasi"],
        3,
        105,
        "Setiap unit kerja memaparkan capaian kinerja dan rencana perbaikan tahun depan",
        True,
    ),
    (
        "Layanan legalisir SK kini bisa dipesan daring",
        "Umum",
        ["layanan", "daring"],
        0,
        112,
        "Permohonan legalisir SK dapat dipesan secara daring dan diambil tanpa antre",
        False,
    ),
    (
        "Evaluasi jabatan dan peta jabatan diperbarui",
        "Kepegawaian",
        ["jabatan", "evaluasi"],
        1,
        120,
        "Evaluasi jabatan memperbarui kelas jabatan sesuai beban kerja terkini",
        False,
    ),
    (
        "Pelatihan kepemimpinan pengawas angkatan kedua",
        "Pengembangan Kompetensi",
        ["pelatihan", "kompetensi"],
        2,
        130,
        "Pelatihan kepemimpinan pengawas angkatan kedua menghasilkan proyek perubahan di unit masing-masing",
        True,
    ),
    (
        "Penyerahan SK pensiun bagi 40 ASN",
        "Umum",
        ["pensiun", "penghargaan"],
        0,
        140,
        "Kepala Badan menyerahkan SK pensiun sekaligus ucapan terima kasih atas pengabdian para ASN",
        True,
    ),
    (
        "Pendampingan penyusunan SKP bagi ASN baru",
        "Kinerja ASN",
        ["skp", "kinerja"],
        3,
        150,
        "Tim penilaian kinerja mendampingi ASN baru menyusun sasaran kinerja pegawai pertamanya",
        False,
    ),
]

OTHER_ARTICLES = {
    "diskominfo": [
        ("Jaringan internet kantor camat ditingkatkan", ["infrastruktur", "layanan"], 6),
        ("Pelatihan pengelola media sosial perangkat daerah", ["media sosial", "pelatihan"], 21),
        ("Satu data daerah: katalog dataset diperbarui", ["data", "keterbukaan"], 45),
    ],
    "dinkes": [
        ("Jadwal imunisasi di puskesmas bulan ini", ["imunisasi", "layanan"], 4),
        ("Pemeriksaan kesehatan gratis bagi lansia", ["lansia", "layanan"], 30),
    ],
}

COLORS = [(11, 79, 108), (138, 75, 8), (46, 93, 52), (94, 45, 110), (122, 35, 35)]


def _body(topic: str, title: str, unit: str) -> list:
    return stream(
        [
            (
                "paragraph",
                f"<p>{topic}. Informasi ini disampaikan oleh {unit} agar ASN dan "
                "masyarakat dapat mempersiapkan diri sejak awal.</p>",
            ),
            ("heading", {"text": "Apa yang perlu diketahui", "level": "h2"}),
            (
                "paragraph",
                "<p>Seluruh persyaratan dan jadwal dapat ditanyakan di meja layanan "
                "kepegawaian pada jam kerja, melalui surel, atau melalui WhatsApp layanan. "
                "Petugas kami siap melayani dan membantu pemeriksaan kelengkapan berkas "
                "sebelum diajukan.</p>",
            ),
            (
                "quote",
                {
                    "quote": "Pelayanan yang terbuka dimulai dari informasi yang jelas dan "
                    "mudah ditemukan.",
                    "attribution": "Kepala Badan",
                },
            ),
            (
                "paragraph",
                f"<p>Tulisan tentang <em>{title.lower()}</em> ini bagian dari upaya "
                "setiap ASN menuliskan tugas pokok dan fungsinya sendiri.</p>",
            ),
        ]
    )


def _index_for(agency) -> NewsIndexPage:
    home = agency.site.root_page.specific
    index = NewsIndexPage.objects.child_of(home).first()
    if index is None:
        index = NewsIndexPage(
            title="Berita",
            slug="berita",
            intro=f"Kabar terbaru dari {agency.name}, ditulis oleh para ASN-nya.",
        )
        home.add_child(instance=index)
        index.save_revision().publish()
    return index


def _publish(index, *, title, lead, when, category, tags, author, source, body, image=None):
    slug = slugify(title)[:80]
    if NewsArticlePage.objects.child_of(index).filter(slug=slug).exists():
        return
    page = NewsArticlePage(
        title=title,
        slug=slug,
        lead=lead,
        date=when,
        category=category,
        author=author,
        owner=author.user if author else None,
        source=source,
        body=body,
        hero_image=image,
        hero_image_alt=f"Ilustrasi untuk berita {title}, gambar contoh demo." if image else "",
        hero_caption="Ilustrasi demo." if image else "",
        live=False,
    )
    index.add_child(instance=page)
    page.tags.add(*tags)
    page.save_revision(user=author.user if author else None).publish()


def _load_bkd(ctx: DemoContext) -> None:
    agency = ctx.agencies["bkd"]
    index = _index_for(agency)
    categories = {
        name: NewsCategory.objects.get_or_create(
            agency=agency, slug=slugify(name), defaults={"name": name, "sort_order": order}
        )[0]
        for order, name in enumerate(CATEGORIES)
    }
    writers = {
        p.user.username: p
        for p in StaffProfile.objects.select_related("user", "unit").filter(
            user__username__in=WRITERS
        )
    }
    today = timezone.localdate()
    for n, (title, cat, tags, who, days, topic, with_image) in enumerate(BKD_ARTICLES):
        author = writers.get(WRITERS[who])
        image = None
        if with_image:
            image = generated_image(
                title=f"Berita {title}",
                text=cat.split()[0].upper(),
                color=COLORS[n % len(COLORS)],
                agency=agency,
                size=(960, 540),
                circle=False,
            )
        unit = author.unit.name if author and author.unit else agency.name
        _publish(
            index,
            title=title,
            lead=f"{topic}.",
            when=today - timedelta(days=days),
            category=categories[cat],
            tags=tags,
            author=author,
            source=unit,
            body=_body(topic, title, unit),
            image=image,
        )
    add_menu_item(agency, label="Berita", url="/berita/", after="Beranda")


def _load_other(ctx: DemoContext, key: str) -> None:
    agency = ctx.agencies.get(key)
    if agency is None or agency.site_id is None:
        return
    index = _index_for(agency)
    general = NewsCategory.objects.get_or_create(
        agency=agency, slug="umum", defaults={"name": "Umum"}
    )[0]
    author = StaffProfile.objects.select_related("user").filter(agency=agency).first()
    today = timezone.localdate()
    for title, tags, days in OTHER_ARTICLES[key]:
        topic = f"{agency.short_name} menyampaikan kabar tentang {title.lower()}"
        _publish(
            index,
            title=title,
            lead=f"{topic}.",
            when=today - timedelta(days=days),
            category=general,
            tags=tags,
            author=author,
            source=agency.name,
            body=_body(topic, title, agency.name),
        )
    add_menu_item(agency, label="Berita", url="/berita/", after="Beranda")


def load(ctx: DemoContext) -> None:
    _load_bkd(ctx)
    for key in OTHER_ARTICLES:
        _load_other(ctx, key)
