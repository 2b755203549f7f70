"""Every character is drawn from a font that has it: the one the check before printing found, which may be
another role's font (宋体 has 䶮 where 仿宋 has not); what no font has is reported, every person and character."""
import shutil

import pytest
from pypdf import PdfReader
from reportlab.pdfbase import pdfmetrics

from app import config
from app.domain.models import Enrollment, Person
from app.services import database
from app.services.documents import DocumentRequest, fonts, render
from app.services.documents.glyphs import MissingGlyphs
from app.services.documents.typeset import Typesetter
from app.storage import tables
from tests.cli import run
from tests.documents.conftest import add_trainee, period_id, squeezed
from tests.documents.made_fonts import build_font
from tests.documents.test_fonts import NOT_IN_ANY_FONT

YAN = "\u4dae"  # 䶮, CJK Extension A: in Windows' 宋体, not in its 仿宋 nor in the bundled font
SONG_NAME = "TestSongExtA"


@pytest.fixture
def office_fonts(tmp_path, monkeypatch):
    """A PC whose 仿宋 (body) lacks 䶮 and whose 宋体 (page numbers, and the title for want of 小标宋) has it."""
    folder = tmp_path / "fonts"
    folder.mkdir()
    shutil.copy(config.resource_file("fonts", fonts.BUNDLED[0]), folder / "simfang.ttf")
    build_font(folder / "simsun.ttf", YAN + "一二三—0123456789", SONG_NAME)  # and what page numbers need
    monkeypatch.setattr(fonts, "system_font_dirs", lambda: [folder])
    found = fonts.font_set()
    assert found.font("body").style == "仿宋" and YAN not in found.font("body").chars
    assert found.font("song").style == "宋体" and YAN in found.font("song").chars
    assert not any(YAN in font.chars for font in found.fallbacks)
    return found


def drawn_runs(path) -> list[tuple[str, str]]:
    """(font's PostScript name without its subset tag, text) for every piece of text the PDF draws."""
    runs = []
    for page in PdfReader(str(path)).pages:
        def visit(text, cm, tm, font, size):
            if text.strip() and font is not None:
                runs.append((str(font["/BaseFont"]).lstrip("/").split("+")[-1], text))
        page.extract_text(visitor_text=visit)
    return runs


def postscript_names(found: fonts.FontSet) -> dict[str, frozenset[str]]:
    """The characters of each loaded font, by the name reportlab writes into the PDF."""
    names = {}
    for font in found.all_fonts():
        name = pdfmetrics.getFont(font.name).face.name
        names[name.decode("latin-1") if isinstance(name, bytes) else name] = font.chars
    return names


def test_a_character_the_role_font_lacks_is_set_in_the_font_that_has_it(office_fonts):
    t = Typesetter(office_fonts)
    body, song = office_fonts.font("body"), office_fonts.font("song")
    assert t.check(f"王{YAN}", "学员“王䶮”", "姓名") and not t.glyphs.problems
    assert t.markup(f"王{YAN}", body.name) == f'王<font name="{song.name}">{YAN}</font>'
    assert t.markup(f"{YAN}一", song.name) == f"{YAN}一"  # the 宋体 has both: no change of font


def test_a_sign_in_sheet_draws_every_glyph_from_a_font_that_has_it(demo_db, office_fonts, tmp_path):
    period = period_id(demo_db, "加强党的政治建设专题培训班", 1)
    add_trainee(demo_db, period, f"李{YAN}")
    target = tmp_path / "sign-in.pdf"
    render(demo_db, DocumentRequest("sign-in", period_id=period), target)
    assert f"李{YAN}" in squeezed(target)
    charsets = postscript_names(office_fonts)
    runs = drawn_runs(target)
    assert {name for name, text in runs if YAN in text} == {SONG_NAME}
    for name, text in runs:
        font = name if name in charsets else name.rsplit("-", 1)[0]  # a font's second subset: name-1
        assert font in charsets, name
        missing = {c for c in text if not c.isspace() and c not in charsets[font]}
        assert not missing, (name, text)


def test_every_person_and_character_no_font_has_is_named(demo_db, tmp_path):
    period = period_id(demo_db, "加强党的政治建设专题培训班", 1)
    other = "\U0002a6a6"
    add_trainee(demo_db, period, f"王{NOT_IN_ANY_FONT}")
    unit = tables.units(demo_db).all()[0]
    person = tables.people(demo_db).insert(Person(f"张{other}{NOT_IN_ANY_FONT}", "11010119850101003X", unit_id=unit.id))
    tables.enrollments(demo_db).insert(Enrollment(period, person.id, unit.id, "已选调"))
    target = tmp_path / "sign-in.pdf"
    with pytest.raises(MissingGlyphs) as raised:
        render(demo_db, DocumentRequest("sign-in", period_id=period), target)
    message = str(raised.value)
    assert f"学员“王{NOT_IN_ANY_FONT}”的姓名中的“{NOT_IN_ANY_FONT}”" in message
    assert f"学员“张{other}{NOT_IN_ANY_FONT}”的姓名中的“{other}{NOT_IN_ANY_FONT}”" in message
    assert "（共2处）" in message and "\n" not in message
    assert not target.exists()


def test_the_print_command_says_which_fonts_stand_in(capsys, demo_path, office_fonts, tmp_path):
    db = database.open_database(demo_path)
    try:
        period = period_id(db, "加强党的政治建设专题培训班", 1)
    finally:
        db.close()
    code, out, err = run(capsys, "print", "sign-in", "-o", tmp_path / "s.pdf", "--period", period, "--db", demo_path)
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[0].startswith("已生成签到表")
    assert "字体：标题用宋体代替方正小标宋" in lines
    assert f"字体：一级标题用{fonts.BUNDLED_LABEL}代替黑体" in lines and "字体：二级标题用仿宋代替楷体" in lines
    assert not any("正文" in line for line in lines)  # 仿宋 was found


def test_whatever_the_check_passes_some_font_draws_in_every_role(office_fonts):
    # The check asks "is it in any font?"; drawing must then find that font, whichever role's text it is in.
    for role, font in office_fonts.roles.items():
        lost = [c for c in office_fonts.known if office_fonts.font_for(c, font) is None]
        assert not lost, (role, lost[:10])
        assert office_fonts.font_for(YAN, font).style == "宋体"
    assert office_fonts.font_for(NOT_IN_ANY_FONT, office_fonts.font("body")) is None
