"""`python -m app ...`: the same services as the window, for scripts and for the office's tools.

Exit codes: 0 done; 1 a check found problems; 2 the command could not run (a one-line Chinese reason
on stderr, nothing changed; an unforeseen failure says so and leaves its traceback in the error log).
Commands live in app/commands/, one module per area. A command that changes
anything in the database (data, certificate numbers, the audit log) sets `writes` (True, or a function of
its arguments) and runs only while it holds the one-writer lock; every other command gets a connection that
cannot write, so a command that writes without saying so is refused by SQLite instead of writing beside the
window, and reading commands keep working while another program holds the lock.
"""
from __future__ import annotations

import argparse
import importlib
import sqlite3
import sys
from pathlib import Path

from app import config
from app.commands.output import EXIT_OK, fail
from app.domain.errors import UserError
from app.services import database
from app.services.database import DatabaseLock, DatabaseLocked, DatabaseNotWritable
from app.services.importing.marker import interrupted_import
from app.services.safety import error_log

# The modules of app/commands, each registering its commands.
COMMAND_MODULES = ("basic", "roster", "hours", "documents", "calendar", "hours_import", "lecturers", "timetable",
                   "timetable_import", "stats", "unit_class", "makeup", "funds", "evaluation", "survey", "server")
# Which module registers each command: a command imports its own module and services only, so that
# `import-roster` starts without openpyxl, the fonts and the demo office's builders (tests/app/test_cli_homes.py
# checks this table against what the modules register).
COMMAND_HOMES = {
    **dict.fromkeys(("init", "plans", "classes", "periods", "people", "check", "backup", "restore"), "basic"),
    **dict.fromkeys(("import-roster", "export-roster", "template"), "roster"),
    **dict.fromkeys(("hours", "behind"), "hours"),
    "print": "documents", "calendar": "calendar", "import-hours": "hours_import",
    **dict.fromkeys(("lecturers", "bases"), "lecturers"),
    "timetable": "timetable", "import-timetable": "timetable_import", "stats": "stats",
    "import-unit-class": "unit_class", "make-up": "makeup",
    **dict.fromkeys(("funds", "add-expense", "import-expenses"), "funds"),
    **dict.fromkeys(("evaluation-template", "import-evaluation", "evaluation"), "evaluation"),
    **dict.fromkeys(("survey-template", "import-survey", "survey"), "survey"),
    "migrate-to": "server",
}


def _parser(argv: list[str] | None = None) -> argparse.ArgumentParser:
    """Every command's parser, or only the named command's when argv names one (the first word that is
    not an option: the program itself takes no option but -h)."""
    named = next((word for word in argv or () if not word.startswith("-")), None)
    modules = (COMMAND_HOMES[named],) if named in COMMAND_HOMES else COMMAND_MODULES
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db", type=_database, help="数据库文件（默认为用户数据文件夹中的 traindesk.db），"
                        "或服务器数据库 postgresql://用户@主机:端口/库名（密码取自 PGPASSWORD 或 PostgreSQL 的密码文件）")
    parser = argparse.ArgumentParser(prog="python -m app", description=f"{config.APP_TITLE} 命令行")
    commands = parser.add_subparsers(dest="command", required=True, metavar="命令")
    for module in modules:
        importlib.import_module(f"app.commands.{module}").register(commands, common)
    return parser


def _database(text: str) -> str | Path:
    """--db: a file's path, or a server database's postgresql:// URL as it was typed."""
    return text if database.is_server(text) else Path(text)


def main(argv: list[str] | None = None) -> int:
    _safe_console()
    argv = sys.argv[1:] if argv is None else argv
    args = _parser(argv).parse_args(argv)
    args.db = args.db or config.default_db_path()
    try:
        return _dispatch(args)
    except DatabaseLocked as locked:
        return fail(locked.for_command(args.command))
    except UserError as error:
        return fail(str(error))
    except sqlite3.OperationalError as error:
        if "readonly" not in str(error):
            raise
        return fail(f"{args.command} 试图修改数据库，但它是以只读方式运行的（未登记为修改数据的命令，"
                    "这是程序的缺陷，请告知技术人员）；数据库未被修改")
    except BrokenPipeError:  # the reader (e.g. `| head`) stopped early: not an error of ours
        return EXIT_OK
    except OSError as error:
        return fail(f"无法访问文件：{error.strerror or error}")
    except Exception as error:  # the safety net: a failure nobody foresaw still ends in one line, logged
        return fail(error_log.internal_error(error))


def writes(args: argparse.Namespace) -> bool:
    """Whether this command, with these arguments, changes the database."""
    flag = getattr(args, "writes", False)
    return bool(flag(args) if callable(flag) else flag)


def _dispatch(args: argparse.Namespace) -> int:
    if not writes(args) or database.is_server(args.db):  # a server database has no one-writer lock
        return _run(args, None)
    if args.db.exists() and not database.is_writable(args.db):
        raise DatabaseNotWritable(f"{args.command} 要修改数据，但“{args.db.name}”或其所在文件夹是只读的（如光盘、"
                                  "写保护的U盘、没有写入权限的共享文件夹）；只读的命令可以照常运行")
    with database.held(args.db, f"命令 {args.command}") as held:
        return _run(args, held)


def _run(args: argparse.Namespace, held: DatabaseLock | None) -> int:
    args.lock = held  # for handlers that open files themselves (restore)
    if not getattr(args, "opens_db", True):
        return args.handler(args)
    if getattr(args, "creates", False):
        db = database.create_database(args.db, held)
    else:
        db = database.open_database(args.db, lock=held)
    try:
        notice = interrupted_import(db, holds_lock=held is not None)
        if notice:
            print(f"提示：{notice}", file=sys.stderr)
        return args.handler(db, args)
    finally:
        db.close()


def _safe_console() -> None:
    """A GBK console cannot show every character a name may hold: replace those, never crash."""
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="replace")
