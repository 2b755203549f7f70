"""An office's data moved onto a server database and back (issue 23): `migrate-to` copies a file onto an empty
server database (every table, counts checked, the file untouched), `backup --db postgresql://… --to DIR` writes
the server's data as an ordinary TrainingDesk file; the same letters print from the moved data."""
from __future__ import annotations

import hashlib
import sqlite3
import subprocess

import pytest

from app.services import database
from app.storage import copying
from tests.cli import run

pytestmark = pytest.mark.server_only


@pytest.fixture
def empty_server(server_databases) -> str:
    return server_databases.empty()


def _digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _office_rows(target) -> dict[str, list[tuple]]:
    """Every office table's rows, in id order, as plain tuples: what a move must carry unchanged."""
    with database.open_locked(target) if not database.is_server(target) else database.open_database(target) as db:
        return {table: [tuple(row) for chunk in copying.rows(db, table, copying.columns(db, table)) for row in chunk]
                for table in copying.tables(db)}


def _letters_text(capsys, target, period: int, out) -> str:
    code, _, err = run(capsys, "print", "letters", "-o", out, "--period", period, "--db", target)
    assert code == 0, err
    text = subprocess.run(["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True, check=True).stdout
    assert text.count("入学通知书") >= 20  # a letter for each trainee of the period
    return text


def test_a_file_moved_to_the_server_prints_the_same_letters_and_stays_as_it_was(demo_path, empty_server, tmp_path,
                                                                                 capsys):
    before = _digest(demo_path)
    code, out, err = run(capsys, "migrate-to", empty_server, "--db", demo_path)
    assert code == 0, err
    assert "人员600" in out and "两边逐表核对一致" in out
    assert _digest(demo_path) == before  # nothing changed in the source
    moved, original = _office_rows(empty_server), _office_rows(demo_path)
    assert moved.keys() == original.keys() and all(moved[t] == original[t] for t in original)
    period = sqlite3.connect(demo_path).execute(
        "SELECT period_id FROM enrollments GROUP BY period_id ORDER BY count(*) DESC LIMIT 1").fetchone()[0]
    assert _letters_text(capsys, empty_server, period, tmp_path / "服务器.pdf") == \
        _letters_text(capsys, demo_path, period, tmp_path / "文件.pdf")


def test_new_records_on_the_server_follow_the_moved_ids(demo_path, empty_server, capsys):
    assert run(capsys, "migrate-to", empty_server, "--db", demo_path)[0] == 0
    from app.domain.models import Unit
    from app.storage import tables

    with database.open_database(empty_server) as db:
        top = db.execute("SELECT max(id) FROM units").fetchone()[0]
        with db.atomic():
            assert tables.units(db).insert(Unit(name="新设单位")).id == top + 1


def test_a_server_database_holding_data_is_refused_and_left_as_it_was(demo_path, db, capsys):
    from app.services import demo

    demo.build_demo(db)
    before = copying.count(db, "people")
    code, _, err = run(capsys, "migrate-to", db.url, "--db", demo_path)
    assert code == 2 and "已有数据" in err and "只能迁移到空的服务器数据库" in err
    assert copying.count(db, "people") == before


def test_the_target_must_be_a_server_and_the_source_a_file(demo_path, db, capsys):
    code, _, err = run(capsys, "migrate-to", str(demo_path.parent / "另一个.db"), "--db", demo_path)
    assert code == 2 and "应是服务器数据库" in err
    code, _, err = run(capsys, "migrate-to", db.url, "--db", db.url)
    assert code == 2 and "来源应是数据库文件" in err


def test_a_server_backed_up_as_a_file_opens_searches_and_round_trips(demo_path, empty_server, tmp_path, capsys):
    assert run(capsys, "migrate-to", empty_server, "--db", demo_path)[0] == 0
    code, out, err = run(capsys, "backup", "--db", empty_server, "--to", tmp_path / "备份 文件夹")
    assert code == 0, err
    [made] = (tmp_path / "备份 文件夹").glob("*-服务器备份-*.db")
    assert str(made) in out and database.check_file(made) == []
    assert _office_rows(made) == _office_rows(demo_path)
    name = sqlite3.connect(demo_path).execute("SELECT name FROM people ORDER BY id LIMIT 1").fetchone()[0]
    code, found, _ = run(capsys, "people", "--search", name[1:], "--db", made)
    assert code == 0 and name in found  # the file's own search index was built from the copied people
