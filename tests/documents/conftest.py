"""Documents are tested with the bundled font only, as on a PC without Chinese fonts, so every machine
makes the same pages; the font discovery has tests of its own."""
from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from app.domain.models import Enrollment, Person
from app.services.documents import fonts
from app.storage import tables


@pytest.fixture(autouse=True)
def bundled_fonts(monkeypatch):
    monkeypatch.setattr(fonts, "system_font_dirs", lambda: [])
    monkeypatch.setattr(fonts, "fontconfig_fonts", lambda: {})


def page_texts(path: Path) -> list[str]:
    """Each page's text as pdftotext reads it (what a user copying from the PDF gets)."""
    out = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return out.split("\f")[:-1]


def text(path: Path) -> str:
    return "\n".join(page_texts(path))


def squeezed(path: Path) -> str:
    """The text without spaces and line breaks, for phrases a line break may cut."""
    return "".join(text(path).split())


def font_rows(path: Path) -> list[dict]:
    out = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    lines = out.splitlines()[2:]
    return [{"name": line.split()[0], "emb": line.split()[-5]} for line in lines if line.strip()]


def page_sizes(path: Path) -> set[tuple[int, int]]:
    """Each page's size in whole millimetres (A4 is 210 × 297)."""
    return {(round(float(p.mediabox.width) / 72 * 25.4), round(float(p.mediabox.height) / 72 * 25.4))
            for p in PdfReader(str(path)).pages}


def period_id(db, class_name: str, number: int) -> int:
    return db.execute("""SELECT pe.id FROM periods pe JOIN training_classes c ON c.id = pe.class_id
                         WHERE c.name = ? AND pe.number = ?""", [class_name, number]).fetchone()[0]


def assert_fonts_embedded(path: Path) -> None:
    rows = font_rows(path)
    assert rows and all(row["emb"] == "yes" for row in rows), rows


def add_trainee(db, period: int, name: str) -> None:
    """Someone new in the period, as a name the office typed in."""
    unit = tables.units(db).all()[0]
    person = tables.people(db).insert(Person(name, "110101199003071234", unit_id=unit.id))
    tables.enrollments(db).insert(Enrollment(period, person.id, unit.id, "已选调"))
