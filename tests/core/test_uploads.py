"""Uploaded files are judged by what they contain, and served so that nothing in them runs."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile

from core.files import PRIVATE, serve_private
from core.uploads import ATTACHMENTS, DOCUMENTS, FileKindValidator

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
PNG = bytes.fromhex("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489")
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 64
ELF = b"\x7fELF\x02\x01\x01\x00" + b"\x00" * 64
SVG = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
HTML = b"<!doctype html><script>alert(1)</script>"


def upload(name, content, content_type="application/pdf"):
    return SimpleUploadedFile(name, content, content_type=content_type)


def test_a_real_pdf_is_accepted():
    FileKindValidator(DOCUMENTS)(upload("resolution.pdf", PDF))


@pytest.mark.parametrize(
    ("name", "content"),
    [("report.pdf", EXE), ("report.pdf", ELF), ("logo.png", SVG), ("page.pdf", HTML)],
    ids=["windows-executable", "linux-executable", "svg-with-script", "html"],
)
def test_a_file_whose_content_is_not_an_accepted_kind_is_refused_whatever_its_name(name, content):
    with pytest.raises(ValidationError) as refused:
        FileKindValidator(ATTACHMENTS)(upload(name, content))

    assert refused.value.code == "file_kind"
    assert "whatever its name says" in str(refused.value.messages[0])


def test_an_image_is_not_a_document():
    with pytest.raises(ValidationError):
        FileKindValidator(DOCUMENTS)(upload("photo.pdf", PNG, "image/png"))


def test_an_oversized_file_is_refused_with_its_size_and_the_limit(settings):
    settings.MAX_UPLOAD_BYTES = 100

    with pytest.raises(ValidationError) as refused:
        FileKindValidator(DOCUMENTS)(upload("big.pdf", PDF + b" " * 200))

    assert refused.value.code == "file_too_large"
    assert "100\xa0bytes" in refused.value.messages[0]


@pytest.mark.django_db
def test_a_stored_file_is_served_with_a_safe_type_and_name(rf, tmp_path, settings):
    settings.PRIVATE_MEDIA_ROOT = tmp_path
    from django.core.files.storage import storages

    storage = storages["private"]
    name = storage.save("files/report.docx", ContentFile(b"PK\x03\x04 not really"))
    field_file = type("Stored", (), {"name": name, "storage": storage})()

    response = serve_private(
        rf.get("/"), field_file, "Resolution 366 (2014) <script>", allowed=PRIVATE
    )

    assert response["Content-Type"] == ATTACHMENTS["docx"]
    assert response["Content-Disposition"].startswith("attachment;")
    assert "<" not in response["Content-Disposition"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in response["Content-Security-Policy"]
    response.close()
