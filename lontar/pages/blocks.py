"""The StreamField vocabulary every content page shares (news articles reuse it too)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageBlock

SAFE_LINK_PREFIXES = ("https://", "http://", "/", "#", "mailto:", "tel:")
RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link", "hr"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("judul"), max_length=200)
    level = blocks.ChoiceBlock(
        label=_("tingkat"), choices=[("h2", "H2"), ("h3", "H3")], default="h2"
    )

    class Meta:
        icon = "title"
        label = _("Subjudul")
        template = "blocks/heading_block.html"


class CaptionedImageBlock(blocks.StructBlock):
    # Wagtail's ImageBlock asks for alt text (or an explicit "decorative") on every use.
    image = ImageBlock(label=_("gambar"))
    caption = blocks.CharBlock(label=_("keterangan"), required=False, max_length=300)
    credit = blocks.CharBlock(label=_("sumber foto"), required=False, max_length=150)

    class Meta:
        icon = "image"
        label = _("Gambar")
        template = "blocks/captioned_image_block.html"


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("kutipan"))
    attribution = blocks.CharBlock(label=_("sumber kutipan"), required=False)

    class Meta:
        icon = "openquote"
        label = _("Kutipan")
        template = "blocks/quote_block.html"


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("dokumen"))
    title = blocks.CharBlock(
        label=_("judul tautan"), required=False, help_text=_("Kosongkan untuk judul dokumen.")
    )

    class Meta:
        icon = "doc-full"
        label = _("Dokumen")
        template = "blocks/document_link_block.html"


class GalleryBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("judul galeri"), required=False)
    images = blocks.ListBlock(CaptionedImageBlock(), label=_("gambar"), min_num=1)

    class Meta:
        icon = "image"
        label = _("Galeri")
        template = "blocks/gallery_block.html"


class CallToActionBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("judul"), max_length=120)
    text = blocks.TextBlock(label=_("teks"), required=False)
    page = blocks.PageChooserBlock(label=_("halaman tujuan"), required=False)
    url = blocks.URLBlock(label=_("atau alamat tujuan"), required=False)
    button_label = blocks.CharBlock(label=_("label tombol"), max_length=60)

    class Meta:
        icon = "pick"
        label = _("Ajakan")
        template = "blocks/call_to_action_block.html"


class UnitsBlock(blocks.StructBlock):
    """The agency's units from the Unit records, so the structure is written down only once."""

    show_duties = blocks.BooleanBlock(
        label=_("tampilkan tugas pokok dan fungsi"), required=False, default=True
    )

    class Meta:
        icon = "group"
        label = _("Daftar unit kerja")
        template = "blocks/units_block.html"


class ContactBlock(blocks.StaticBlock):
    """The agency's address, contacts, office hours and PPID desk, from the Agency record."""

    class Meta:
        icon = "mail"
        label = _("Kontak instansi")
        admin_text = _("Menampilkan alamat, kontak, dan jam layanan dari profil instansi.")
        template = "blocks/contact_block.html"


class ContentBlocks(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        label=_("Paragraf"), features=RICH_TEXT_FEATURES, template="blocks/paragraph_block.html"
    )
    image = CaptionedImageBlock()
    quote = QuoteBlock()
    table = TableBlock(label=_("Tabel"), template="blocks/table_block.html")
    document = DocumentLinkBlock()
    gallery = GalleryBlock()
    call_to_action = CallToActionBlock()
    units = UnitsBlock()
    contact = ContactBlock()


class LinkBlock(blocks.StructBlock):
    label = blocks.CharBlock(label=_("label"), max_length=60)
    label_en = blocks.CharBlock(
        label=_("label dalam bahasa Inggris"),
        max_length=60,
        required=False,
        help_text=_("Tampil bagi pengunjung yang memilih English; kosong: label Indonesia."),
    )
    page = blocks.PageChooserBlock(label=_("halaman"), required=False)
    url = blocks.CharBlock(
        label=_("atau alamat"),
        required=False,
        help_text=_("Alamat lengkap (https://…) atau jalur di situs ini (/ppid/…)."),
    )

    class Meta:
        icon = "link"
        label = _("Tautan")

    def clean(self, value):
        value = super().clean(value)
        url = (value.get("url") or "").strip()
        # Only web, mail and phone links: a "javascript:" link in a menu would run in the
        # browser of every visitor, including a platform admin's.
        if url and not url.startswith(SAFE_LINK_PREFIXES):
            raise blocks.StructBlockValidationError(
                block_errors={
                    "url": ValidationError(
                        _("Gunakan alamat yang diawali https://, http://, /, #, mailto: atau tel:.")
                    )
                }
            )
        if not url and not value.get("page"):
            raise blocks.StructBlockValidationError(
                block_errors={"page": ValidationError(_("Pilih halaman atau isi alamat."))}
            )
        return value


class MenuItemBlock(LinkBlock):
    children = blocks.ListBlock(LinkBlock(), label=_("submenu"), required=False, default=[])

    class Meta:
        icon = "list-ul"
        label = _("Menu")


class FooterColumnBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("judul kolom"), max_length=60)
    title_en = blocks.CharBlock(
        label=_("judul kolom dalam bahasa Inggris"), max_length=60, required=False
    )
    links = blocks.ListBlock(LinkBlock(), label=_("tautan"))

    class Meta:
        icon = "list-ul"
        label = _("Kolom kaki halaman")
