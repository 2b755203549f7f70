import io
import os
import subprocess
import sys
from pathlib import Path

from app.services import selftest

ROOT = Path(__file__).resolve().parents[2]


def test_self_test_passes_and_says_what_it_did():
    out = io.StringIO()
    assert selftest.run(out) == 0
    text = out.getvalue()
    assert "建立示范数据库" in text and "备份与恢复" in text and text.strip().endswith("自检通过")
    assert "通过  服务器数据库驱动：psycopg" in text  # the driver a server database needs is in the build


def test_self_test_reports_a_failing_step(monkeypatch):
    from app.services import demo

    monkeypatch.setattr(demo, "build_demo", lambda db: (_ for _ in ()).throw(FileNotFoundError("seeds/units.json")))
    out = io.StringIO()
    assert selftest.run(out) == 1
    assert "失败  建立示范数据库：FileNotFoundError" in out.getvalue()


def test_traindesk_self_test_flag_needs_no_window(tmp_path):
    env = dict(os.environ, TRAINDESK_HOME=str(tmp_path), QT_QPA_PLATFORM="offscreen")
    result = subprocess.run([sys.executable, "-m", "ui", "--self-test"], cwd=ROOT, env=env,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    for step in ("主窗口与各页面", "PDF预览（QtPdf）", "打印一页（QPrinter）", "使用手册"):
        assert f"通过  {step}" in result.stdout
    assert result.stdout.strip().endswith("自检通过")


def test_a_window_step_that_fails_fails_the_self_test(qapp, monkeypatch):
    from ui.common import pdf_preview
    from ui.shell import selftest as window_selftest

    monkeypatch.setattr(pdf_preview.PdfPreview, "show_pdf", lambda self, path: 0)
    out = io.StringIO()
    assert window_selftest.run(out) == 1
    assert "失败  PDF预览（QtPdf）：RuntimeError: QtPdf 无法读取入学通知书" in out.getvalue()
    assert "通过  打印一页（QPrinter）" in out.getvalue()
