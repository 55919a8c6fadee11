"""psp.yaml's `branding`: the model, and the logo read from the folder (load/branding.py)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from psptool.load import load_project
from psptool.load.branding import MAX_LOGO_BYTES, LogoProblem, image_size, read_logo
from tests.helpers import PSP, make_project
from tests.images import jpeg_header, png, png_header


def test_branding_is_read_from_psp_yaml(tmp_path: Path) -> None:
    root = make_project(
        tmp_path,
        psp_yaml=PSP + 'branding:\n  logo: templates/logo.png\n  colour: "005eb8"\n',
        **{"templates/logo.png": png()},
    )
    result = load_project(root)
    assert result.diagnostics == []
    branding = result.project.psp.branding
    assert branding is not None
    assert (branding.logo, branding.colour) == ("templates/logo.png", "#005EB8")


def test_no_branding_is_none(tmp_path: Path) -> None:
    assert load_project(make_project(tmp_path)).project.psp.branding is None


def test_a_colour_that_is_not_one_is_a_schema_error(tmp_path: Path) -> None:
    root = make_project(tmp_path, psp_yaml=PSP + "branding:\n  colour: navy\n")
    (finding,) = load_project(root).diagnostics
    assert (finding.code, finding.line, finding.message) == (
        "PSP108",
        7,
        "branding.colour 'navy' is not a colour: write it as six hexadecimal digits in "
        'quotes, e.g. "#005EB8"',
    )


def test_an_unknown_branding_key_is_an_error(tmp_path: Path) -> None:
    root = make_project(tmp_path, psp_yaml=PSP + 'branding:\n  color: "#005EB8"\n')
    (finding,) = load_project(root).diagnostics
    assert (finding.code, finding.hint) == ("PSP101", "did you mean 'colour'?")


@pytest.mark.parametrize(
    ("data", "size"),
    [
        (png(40, 20), ("png", 40, 20)),
        (png_header(300, 120), ("png", 300, 120)),
        (jpeg_header(640, 480), ("jpeg", 640, 480)),
        (b"\x89PNG\r\n\x1a\n\x00\x00", None),  # cut short
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", None),  # no frame before the end
        (b"GIF89a\x01\x00\x01\x00", None),
        (b"<svg xmlns='http://www.w3.org/2000/svg'/>", None),
        (b"", None),
    ],
)
def test_image_size_from_the_first_bytes(data: bytes, size: tuple[str, int, int] | None) -> None:
    assert image_size(data) == size


def test_a_jpeg_with_a_segment_length_of_zero_ends_the_walk() -> None:
    assert image_size(b"\xff\xd8\xff\xe1\x00\x00" + b"\x00" * 20) is None


def test_the_logo_is_read_with_its_size(tmp_path: Path) -> None:
    (tmp_path / "templates").mkdir()
    (tmp_path / "templates" / "logo.jpg").write_bytes(jpeg_header(400, 100))
    logo = read_logo(tmp_path, "templates/logo.jpg")
    assert (logo.kind, logo.width, logo.height, logo.media_type) == ("jpeg", 400, 100, "image/jpeg")
    assert logo.scaled(1.0, 10.0) == (4.0, 1.0)
    assert logo.scaled(1.0, 2.0) == (2.0, 0.5)  # kept within the width, its shape kept
    assert logo.data_uri().startswith("data:image/jpeg;base64,/9j/")


@pytest.mark.parametrize(
    ("written", "code", "message"),
    [
        (
            "../logo.png",
            "PSP601",
            "the logo '../logo.png' is not a path inside the partnership's folder; psp reads "
            "only files inside it",
        ),
        (
            "/etc/passwd",
            "PSP601",
            "the logo '/etc/passwd' is not a path inside the partnership's folder; psp reads "
            "only files inside it",
        ),
        (
            "C:\\logo.png",
            "PSP601",
            "the logo 'C:\\logo.png' is not a path inside the partnership's folder; psp reads "
            "only files inside it",
        ),
        (
            "nothere.png",
            "PSP601",
            "the logo 'nothere.png' is not in the folder: there is no such file",
        ),
        ("templates", "PSP601", "the logo 'templates' is a folder, not a file"),
        (
            "notes.png",
            "PSP602",
            "the logo 'notes.png' is not a PNG or JPEG image; save it as .png or .jpg",
        ),
        (
            "huge.png",
            "PSP603",
            "the logo 'huge.png' is 6,000 × 40 pixels, over the 5,000 a side a logo may "
            "have; save it smaller",
        ),
        (
            "heavy.png",
            "PSP603",
            "the logo 'heavy.png' is 1,025 KiB, over the 1,024 KiB a logo may have; save it "
            "smaller",
        ),
        ("flat.png", "PSP602", "the logo 'flat.png' has no size (0 × 40)"),
    ],
)
def test_a_logo_that_cannot_be_used(tmp_path: Path, written: str, code: str, message: str) -> None:
    (tmp_path / "templates").mkdir()
    (tmp_path / "notes.png").write_text("a logo, to follow", encoding="utf-8")
    (tmp_path / "huge.png").write_bytes(png_header(6000, 40))
    (tmp_path / "heavy.png").write_bytes(png_header(10, 10) + b"\x00" * MAX_LOGO_BYTES)
    (tmp_path / "flat.png").write_bytes(png_header(0, 40))
    with pytest.raises(LogoProblem) as caught:
        read_logo(tmp_path, written)
    assert (caught.value.code, caught.value.message) == (code, message)


def test_a_link_out_of_the_folder_is_not_followed(tmp_path: Path) -> None:
    outside = tmp_path / "elsewhere.png"
    outside.write_bytes(png())
    root = tmp_path / "psp"
    root.mkdir()
    (root / "logo.png").symlink_to(outside)
    with pytest.raises(LogoProblem) as caught:
        read_logo(root, "logo.png")
    assert caught.value.message == (
        "the logo 'logo.png' is a symbolic link to a file outside the folder; psp reads only "
        "files inside it"
    )


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_named_pipe_is_never_waited_on(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "logo.png")
    with pytest.raises(LogoProblem) as caught:
        read_logo(tmp_path, "logo.png")
    assert caught.value.message == "the logo 'logo.png' is a named pipe, not a file"
