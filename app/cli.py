"""`python -m app ...`: the same services as the window, for scripts and for the office's tools.

Exit codes: 0 done; 1 a check found problems; 2 the command could not run (a one-line Chinese reason
on stderr, nothing changed; an unforeseen failure says so and leaves its traceback in the error log). Commands live in app/commands/, one module per area; a command that
changes data sets `writes=True` and runs only while it holds the database's one-writer lock.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import config
from .commands import basic, hours, roster
from .commands import calendar as calendar_command
from .commands import documents as document_commands
from .commands import hours_import as hours_import_command
from .commands.output import EXIT_OK, fail
from .domain.errors import UserError
from .services import database, error_log
from .storage import lock

COMMAND_MODULES = (basic, roster, hours, document_commands, calendar_command, hours_import_command)


def _parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db", type=Path, help="数据库文件（默认为用户数据文件夹中的 traindesk.db）")
    parser = argparse.ArgumentParser(prog="python -m app", description=f"{config.APP_TITLE} 命令行")
    commands = parser.add_subparsers(dest="command", required=True, metavar="命令")
    for module in COMMAND_MODULES:
        module.register(commands, common)
    return parser


def main(argv: list[str] | None = None) -> int:
    _safe_console()
    args = _parser().parse_args(argv)
    args.db = args.db or config.default_db_path()
    try:
        if getattr(args, "writes", False):  # a command that changes data takes the one-writer lock
            with lock.held(args.db):
                return _run(args)
        return _run(args)
    except UserError as error:
        return fail(str(error))
    except BrokenPipeError:  # the reader (e.g. `| head`) stopped early: not an error of ours
        return EXIT_OK
    except OSError as error:
        return fail(f"无法访问文件：{error.strerror or error}")
    except Exception as error:  # the safety net: a failure nobody foresaw still ends in one line, logged
        return fail(error_log.internal_error(error))


def _run(args) -> int:
    if not getattr(args, "opens_db", True):
        return args.handler(args)
    db = database.open_database(args.db)
    try:
        return args.handler(db, args)
    finally:
        db.close()


def _safe_console() -> None:
    """A GBK console cannot show every character a name may hold: replace those, never crash."""
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="replace")
