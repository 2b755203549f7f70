"""A backup before every import and bulk delete; when it cannot be taken, nothing is changed."""
from pathlib import Path

import pytest

from app.domain.errors import UserError
from app.services import classes, database, plans, roster, settings
from app.services.importing.pipeline import import_file
from app.services.importing.plan import ImportOptions
from app.services.safety import backups
from app.storage import backup
from tests.app.test_roster_import import snapshot
from tests.cli import run
from tests.roster_files import good_rows, write_xlsx
from tests.writing import writable

pytestmark = pytest.mark.sqlite_only(reason="the backup before an import or bulk delete is a copy of the SQLite file")


@pytest.fixture
def live(demo_file):
    db = writable(demo_file)
    yield db
    db.close()


def taken(db_file: Path, reason: str) -> list[Path]:
    return [b.path for b in backup.list_backups(backup.backups_folder(db_file), db_file.stem) if b.reason == reason]


def block_backups(db_file: Path) -> None:
    """A file where the backups folder should be: every backup fails, as on a full or read-only disk."""
    folder = backup.backups_folder(db_file)
    if folder.is_dir():
        for item in folder.iterdir():
            item.unlink()
        folder.rmdir()
    folder.write_text("not a folder")


def test_an_import_is_backed_up_first_a_dry_run_is_not(live, demo_file, tmp_path):
    path = write_xlsx(tmp_path / "名单.xlsx", good_rows(3))
    import_file(live, path, ImportOptions(), dry_run=True)
    assert taken(demo_file, "导入前") == []
    before = database.counts(live)["people"]
    _, result = import_file(live, path, ImportOptions())
    assert result.added == 3
    copies = taken(demo_file, "导入前")
    assert len(copies) == 1 and backup.is_good(copies[0])
    assert backups._counts(copies[0])["people"] == before  # the copy holds the data as it was


def test_a_failed_backup_stops_the_import_and_changes_nothing(live, demo_file, tmp_path):
    block_backups(demo_file)
    before = snapshot(live)
    with pytest.raises(UserError, match="导入前的自动备份未能完成.*导入未进行，数据未作任何改动") as caught:
        import_file(live, write_xlsx(tmp_path / "名单.xlsx", good_rows(3)), ImportOptions())
    assert "\n" not in str(caught.value)
    assert snapshot(live) == before


def test_a_failed_second_folder_does_not_stop_the_import(live, demo_file, tmp_path):
    blocked = tmp_path / "U盘"
    blocked.write_text("not a folder")
    settings.put(live, backups.SECOND_FOLDER_KEY, str(blocked))
    _, result = import_file(live, write_xlsx(tmp_path / "名单.xlsx", good_rows(2)), ImportOptions())
    assert result.added == 2 and len(taken(demo_file, "导入前")) == 1


def test_the_command_line_import_backs_up_and_refuses_without_a_backup(capsys, demo_file, tmp_path):
    path = write_xlsx(tmp_path / "名单.xlsx", good_rows(2))
    assert run(capsys, "import-roster", path, "--db", demo_file, "--dry-run")[0] == 0
    assert taken(demo_file, "导入前") == []
    assert run(capsys, "import-roster", path, "--db", demo_file)[0] == 0
    assert len(taken(demo_file, "导入前")) == 1
    block_backups(demo_file)
    db = database.open_database(demo_file)
    before = snapshot(db)
    db.close()
    code, out, err = run(capsys, "import-roster", write_xlsx(tmp_path / "另一.xlsx", good_rows(4)[2:]), "--db", demo_file)
    assert code == 2 and "导入前的自动备份未能完成" in err and len(err.strip().splitlines()) == 1
    db = database.open_database(demo_file)
    assert snapshot(db) == before
    db.close()


def enrolled(db, count: int) -> list[int]:
    period = db.execute("SELECT period_id FROM enrollments WHERE status = '拟选调' GROUP BY period_id "
                        "HAVING count(*) >= ? LIMIT 1", [count]).fetchone()[0]
    return [row[0] for row in db.execute("SELECT id FROM enrollments WHERE period_id = ? AND status = '拟选调' "
                                         "AND replaced_by IS NULL LIMIT ?", [period, count])]


def test_removing_several_trainees_is_backed_up_and_all_or_none(live, demo_file):
    ids = enrolled(live, 3)
    roster.remove(live, ids[0])
    assert taken(demo_file, "删除前") == []  # one is not a bulk delete
    roster.remove_many(live, ids[1:])
    assert len(taken(demo_file, "删除前")) == 1
    assert live.execute(f"SELECT count(*) FROM enrollments WHERE id IN ({','.join('?' * 3)})", ids).fetchone()[0] == 0


def test_a_bulk_removal_with_one_refused_trainee_removes_nobody(live):
    ids = enrolled(live, 2)
    live.execute("UPDATE enrollments SET status = '已替换' WHERE id = ?", [ids[1]])
    before = snapshot(live)
    with pytest.raises(UserError, match="不能移出名单"):
        roster.remove_many(live, ids)
    assert snapshot(live) == before


def test_a_failed_backup_stops_bulk_deletes(live, demo_file):
    ids = enrolled(live, 2)
    empty_class = classes.load_draft(live, live.execute(
        "SELECT id FROM training_classes WHERE id NOT IN (SELECT class_id FROM periods WHERE id IN "
        "(SELECT period_id FROM enrollments)) LIMIT 1").fetchone()[0]).training_class
    block_backups(demo_file)
    before = snapshot(live)
    classes_before = live.execute("SELECT count(*) FROM training_classes").fetchone()[0]
    with pytest.raises(UserError, match="移出名单前的自动备份未能完成"):
        roster.remove_many(live, ids)
    with pytest.raises(UserError, match="删除班次前的自动备份未能完成"):
        classes.delete_class(live, empty_class.id)
    assert snapshot(live) == before
    assert live.execute("SELECT count(*) FROM training_classes").fetchone()[0] == classes_before


def test_deleting_a_class_or_a_plan_is_backed_up_first(live, demo_file):
    class_id = live.execute("SELECT id FROM training_classes WHERE id NOT IN (SELECT class_id FROM periods WHERE id IN "
                            "(SELECT period_id FROM enrollments)) LIMIT 1").fetchone()[0]
    classes.delete_class(live, class_id)
    assert len(taken(demo_file, "删除前")) == 1
    plan = live.execute("INSERT INTO plans (year, title) VALUES (2030, '待删计划')").lastrowid
    plans.delete_plan(live, plan)
    assert len(taken(demo_file, "删除前")) == 2
