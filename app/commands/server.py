"""migrate-to: an office's SQLite file copied onto an empty PostgreSQL server database (issue 23); every
table, its rows counted on both sides, nothing changed in the file. (`backup --db postgresql://… --to DIR`,
the way back, is the backup command's.)"""
from __future__ import annotations

from app.commands.output import EXIT_OK
from app.services import database, moving


def register(commands, common) -> None:
    sub = commands.add_parser("migrate-to", parents=[common],
                              help="把数据库文件（--db）中的全部数据复制到一个空的服务器数据库（postgresql://…）")
    sub.add_argument("url", metavar="URL", help="服务器数据库，如 postgresql://用户@服务器:5432/traindesk")
    sub.set_defaults(handler=_migrate_to)  # reads the file; the server database is the one written


def _migrate_to(db, args) -> int:
    moved = moving.migrate_to(db, args.url)
    print(f"已迁移到{database.describe(args.url)}：{moved.summary()}")
    print(f"原数据库文件未作改动：{args.db}")
    return EXIT_OK
