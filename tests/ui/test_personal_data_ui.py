"""Masked ID numbers on screen and in exports from the window; showing or exporting them whole is a logged
choice; removing several trainees is backed up first and all or none."""
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from app.services.safety import audit
from app.storage import backup
from tests.ui.helpers import select_rows
from tests.ui.test_main_window import click_nav
from tests.ui.test_roster_window import open_period_with

ID_COLUMN = "身份证号码"


def shown_ids(model) -> list[str]:
    column = [c.header for c in model.columns].index(ID_COLUMN)
    return [model.index(row, column).data() for row in range(model.rowCount())]


def last_action(window) -> dict:
    return audit.entries(window.session.db, limit=1)[0]


def test_the_people_list_masks_ids_until_the_user_ticks_the_box(qtbot, window):
    page = click_nav(qtbot, window, "学员")
    masked = shown_ids(page.model)
    assert masked and all(number[6:14] == "********" for number in masked)
    stored = [page.model.record(row).id_number for row in range(page.model.rowCount())]
    qtbot.mouseClick(page.full_ids, Qt.MouseButton.LeftButton)
    assert shown_ids(page.model) == stored
    entry = last_action(window)
    assert entry["action"] == "显示完整身份证号" and entry["detail"] == "学员列表"
    qtbot.mouseClick(page.full_ids, Qt.MouseButton.LeftButton)
    assert shown_ids(page.model) == masked
    page.model.fetchMore()  # rows read later follow the choice too
    assert all("*" in number for number in shown_ids(page.model))


def test_read_only_sessions_cannot_reveal_ids(qtbot, window, monkeypatch):
    from ui.shell.session import Session

    monkeypatch.setattr(Session, "read_only", property(lambda self: True), raising=False)
    page = click_nav(qtbot, window, "学员")
    page.full_ids.reset()
    assert not page.full_ids.isEnabled() and "只读" in page.full_ids.toolTip()


def test_the_roster_window_masks_ids_and_asks_before_exporting_them_whole(qtbot, window, answers, tmp_path,
                                                                          monkeypatch):
    roster = open_period_with(window)
    assert all("*" in number for number in shown_ids(roster.model) if number)
    roster.full_ids.setChecked(True)
    assert not any("*" in number for number in shown_ids(roster.model))
    assert last_action(window)["detail"].startswith("学员名单：")
    targets = iter([tmp_path / "传阅.xlsx", tmp_path / "报名.xlsx"])
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kw: (str(next(targets)), ""))
    answers["replies"] = [2]  # 取消
    roster.export()
    assert not (tmp_path / "传阅.xlsx").exists()
    title, question, buttons = answers["asked"][-1]
    assert buttons[0] == "隐去中间部分（推荐）" and "完整" in buttons[1] and "操作日志" in question
    answers["replies"] = [0, 1]
    roster.export()
    roster.export()
    masked, full = ([row[5].value for row in load_workbook(path).active.iter_rows(min_row=4)]
                    for path in (tmp_path / "传阅.xlsx", tmp_path / "报名.xlsx"))
    assert all("*" in number for number in masked) and not any("*" in number for number in full)
    details = [entry["detail"] for entry in audit.entries(window.session.db, limit=2)]
    assert "含完整身份证号" in details[0] and "身份证号已隐去中间部分" in details[1]
    assert "含完整身份证号" in answers["infos"][-1][1]
    roster.close()


def test_removing_several_trainees_backs_up_first_and_is_all_or_none(qtbot, window, answers):
    roster = open_period_with(window)
    db = window.session.db
    backups_folder = backup.backups_folder(window.session.path)
    count = roster.model.rowCount()
    select_rows(roster.table, [0, 1])
    chosen = [line.enrollment_id for line in roster.selected_lines()]
    db.execute("UPDATE enrollments SET status = '已替换' WHERE id = ?", [chosen[1]])
    answers["replies"] = [0]
    roster.remove()
    assert "不能移出名单" in answers["errors"][-1][1] and "名单未作改动" in answers["errors"][-1][1]
    assert db.execute("SELECT count(*) FROM enrollments WHERE id = ?", [chosen[0]]).fetchone()[0] == 1
    db.execute("UPDATE enrollments SET status = '拟选调' WHERE id = ?", [chosen[1]])
    roster.refresh()
    select_rows(roster.table, [0, 1])
    answers["replies"] = [0]
    roster.remove()
    assert roster.model.rowCount() == count - 2
    assert [b.reason for b in backup.list_backups(backups_folder, window.session.path.stem)] == ["删除前"]
    roster.close()
