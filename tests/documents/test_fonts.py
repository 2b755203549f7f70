"""Finding the office fonts, falling back character by character, and refusing to print boxes."""
import shutil
from pathlib import Path

import pytest

from app import config
from app.services.documents import DocumentRequest, fonts, render
from app.services.documents.glyphs import MissingGlyphs, markup
from tests.documents.conftest import add_trainee, assert_fonts_embedded, font_rows, period_id, squeezed

RARE = "珺玥喆堃昳燊犇琇瑄祎翀垚"
BUNDLED = config.resource_file("fonts", fonts.BUNDLED[0])
DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
NOT_IN_ANY_FONT = "\U0002a6a5"  # CJK Extension B: no font this test can see has it


def test_the_bundled_font_covers_rare_name_characters_and_punctuation():
    bundled = fonts.bundled_font()
    assert bundled.covers(RARE + "“”‘’—…〔〕（）《》、，。：；！？·0123456789ABCxyz:-")


def test_without_office_fonts_every_role_uses_the_bundled_font():
    found = fonts.font_set()
    assert {font.style for font in found.roles.values()} == {fonts.BUNDLED_LABEL}
    assert f"标题用{fonts.BUNDLED_LABEL}代替方正小标宋" in found.notes


def test_office_fonts_are_found_by_their_windows_names(tmp_path):
    for name in ("SIMHEI.TTF", "simkai.ttf"):
        shutil.copy(BUNDLED, tmp_path / name)
    found = fonts.font_set([tmp_path])
    assert found.font("heading").style == "黑体" and found.font("kai").style == "楷体"
    assert found.font("title").style == "黑体"  # no 小标宋: the standard allows 黑体
    assert found.font("body").style == fonts.BUNDLED_LABEL
    assert "标题用黑体代替方正小标宋" in found.notes and "正文用仿宋代替仿宋" not in found.notes


def test_the_fonts_of_uos_and_kylin_are_found_by_their_file_names(tmp_path):
    for name in ("CESI_FS_GB2312.TTF", "CESI_XBS_GB2312.TTF", "CESI_KT_GB2312.TTF"):
        shutil.copy(BUNDLED, tmp_path / name)
    found = fonts.font_set([tmp_path])
    assert (found.font("body").style, found.font("title").style, found.font("kai").style) == ("仿宋", "方正小标宋", "楷体")


def test_fontconfig_listing_gives_every_family_name_of_each_font():
    listing = ("/usr/share/fonts/wps-office/FZFSK.TTF\t方正仿宋_GBK,FZFangSong-Z02\t0\n"
               "/usr/share/fonts/x.ttc\tAR PL UMing CN,AR PL UMing TW\t2\n"
               "garbage line\n/a.ttf\tNo index\t\n")
    found = fonts.parse_fc_list(listing)
    assert found["方正仿宋_gbk"] == found["fzfangsong-z02"] == (Path("/usr/share/fonts/wps-office/FZFSK.TTF"), 0)
    assert found["ar pl uming tw"] == (Path("/usr/share/fonts/x.ttc"), 2)
    assert "no index" not in found


def test_a_font_known_to_fontconfig_only_by_its_family_name_is_used(tmp_path, monkeypatch):
    odd_name = tmp_path / "不认识的文件名.ttc"
    shutil.copy(BUNDLED, odd_name)
    monkeypatch.setattr(fonts, "fontconfig_fonts", lambda: {"cesi仿宋-gb2312": (odd_name, 0),
                                                            "黑体": (tmp_path / "cff.otf", 0)})
    (tmp_path / "cff.otf").write_bytes(b"OTTO and CFF outlines reportlab cannot embed")
    fonts.clear_cache()
    found = fonts.font_set()
    assert found.font("body").style == "仿宋" and found.font("body").path == odd_name
    assert found.font("heading").style == fonts.BUNDLED_LABEL
    assert any("cff.otf" in note for note in found.notes)  # said, not silently dropped
    monkeypatch.setattr(fonts, "fontconfig_fonts", lambda: {"noto serif cjk sc": (Path("/x/NotoSerifCJK.ttc"), 2)})
    fonts.clear_cache()
    assert any("NotoSerifCJK.ttc等思源/Noto CJK字体是CFF轮廓" in note for note in fonts.font_set().notes)
    fonts.clear_cache()


def test_a_font_reportlab_cannot_read_is_skipped(tmp_path):
    (tmp_path / "simfang.ttf").write_bytes(b"not a font at all")
    found = fonts.font_set([tmp_path])
    assert found.font("body").style == fonts.BUNDLED_LABEL
    assert any("simfang.ttf" in note for note in found.notes)


@pytest.mark.skipif(not DEJAVU.exists(), reason="needs a font without Chinese characters")
def test_characters_the_body_font_lacks_come_from_the_fallback(tmp_path):
    shutil.copy(DEJAVU, tmp_path / "simfang.ttf")  # a "仿宋" with Latin letters only
    found = fonts.font_set([tmp_path])
    body = found.font("body")
    assert body.style == "仿宋"
    marked = markup("No.1 王珺", body, found)
    assert marked == f'No.1 <font name="{found.fallbacks[0].name}">王珺</font>'


def test_a_name_no_font_can_draw_is_reported_not_printed(demo_db, tmp_path):
    period = period_id(demo_db, "加强党的政治建设专题培训班", 1)
    add_trainee(demo_db, period, f"王{NOT_IN_ANY_FONT}")
    target = tmp_path / "letters.pdf"
    with pytest.raises(MissingGlyphs) as raised:
        render(demo_db, DocumentRequest("letters", period_id=period), target)
    message = str(raised.value)
    assert f"学员“王{NOT_IN_ANY_FONT}”的姓名中的“{NOT_IN_ANY_FONT}”在本机所有字体中都没有" in message
    assert "\n" not in message
    assert not target.exists() and list(tmp_path.iterdir()) == []


def test_rare_names_print_with_embedded_fonts(demo_db, tmp_path):
    period = period_id(demo_db, "加强党的政治建设专题培训班", 1)
    add_trainee(demo_db, period, f"欧阳{RARE[:2]}")
    target = tmp_path / "rare.pdf"
    render(demo_db, DocumentRequest("sign-in", period_id=period), target)
    assert f"欧阳{RARE[:2]}" in squeezed(target)
    assert_fonts_embedded(target)
    assert not any("Helvetica" in row["name"] for row in font_rows(target))
