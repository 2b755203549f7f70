"""SQL has one home: app/storage holds every statement, services and the window call its named queries;
the statements SQLite alone understands stand in app/storage/dialect.py, and what PostgreSQL alone says in
app/storage/postgres.py (the connection), postgres_schema.py (identity, migrations) and dialect_postgres.py (the dialect's pieces);
no statement spells a status."""
import ast
import re
from pathlib import Path

from app.domain.status import EnrollmentStatus, PeriodStatus

ROOT = Path(__file__).resolve().parents[1]
STORAGE = ROOT / "app" / "storage"
DIALECT = STORAGE / "dialect.py"
MIGRATIONS = (STORAGE / "migrations.py", STORAGE / "migrations_later.py")  # the schema: its own rules
POSTGRES = (STORAGE / "postgres.py", STORAGE / "postgres_schema.py", STORAGE / "dialect_postgres.py")  # the other engine's home

STATEMENT = re.compile(r"\b(SELECT\s.*\bFROM|INSERT\s+(OR\s+\w+\s+)?INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM|PRAGMA\s)\b", re.S)
CONDITION = re.compile(r"\?|=|\b(IS|IN|AND|OR|NOT|NULL|LIKE)\b")
SQLITE_ONLY = {
    "PRAGMA": re.compile(r"\bPRAGMA\b"),
    "sqlite_master": re.compile(r"\bsqlite_master\b"),
    "instr": re.compile(r"\binstr\("),
    "json_each": re.compile(r"\bjson_each\("),
    "group_concat": re.compile(r"\bgroup_concat\("),
    "julianday": re.compile(r"\bjulianday\("),
    "CROSS JOIN": re.compile(r"\bCROSS JOIN\b"),
    "INSERT OR": re.compile(r"\bINSERT OR\b"),
    "numbered parameter": re.compile(r"\b(WHERE|AND|OR|SET|VALUES)\b.*\?\d", re.S),
    "IS NOT ?": re.compile(r"\bIS NOT \?"),
    "sum of a comparison": re.compile(r"\bsum\(\s*[\w.]+\s*(=|!=|<>)"),
}
POSTGRES_ONLY = {
    "%s placeholder": re.compile(r"%s"),
    "RETURNING": re.compile(r"\bRETURNING\b"),
    "string_agg": re.compile(r"\bstring_agg\("),
    "strpos": re.compile(r"\bstrpos\("),
    "ILIKE": re.compile(r"\bILIKE\b"),
    "= ANY(": re.compile(r"=\s*ANY\s*\("),
    "information_schema": re.compile(r"\binformation_schema\b"),
    "pg_ catalog or extension": re.compile(r"\bpg_\w+"),
    "current_setting": re.compile(r"\bcurrent_setting\("),
    "IDENTITY": re.compile(r"\bAS IDENTITY\b"),
    ":: cast": re.compile(r"\w::\w"),
}
STATUS_WORDS = re.compile("'(" + "|".join([*PeriodStatus, *EnrollmentStatus]) + ")'")


def python_files(*places: Path):
    for place in places:
        yield from (place.rglob("*.py") if place.is_dir() else [place] if place.exists() else [])


def code_strings(path: Path) -> list[tuple[int, str]]:
    """Every string literal of the module (f-strings' literal parts joined), docstrings left out."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                  if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
                  and node.body and isinstance(node.body[0], ast.Expr)
                  and isinstance(node.body[0].value, ast.Constant)}
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.JoinedStr):
            found.append((node.lineno, "".join(part.value if isinstance(part, ast.Constant) else "{…}"
                                               for part in node.values)))
        elif isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
            found.append((node.lineno, node.value))
    return found


def outside_storage():
    return python_files(ROOT / "app" / "services", ROOT / "app" / "commands", ROOT / "app" / "cli.py",
                        ROOT / "app" / "selftest.py", ROOT / "ui")


def test_services_and_the_window_hold_no_sql():
    offenders = [f"{path.relative_to(ROOT)}:{line}" for path in outside_storage()
                 for line, text in code_strings(path) if STATEMENT.search(text)]
    assert offenders == []


def test_services_and_the_window_run_no_statements_or_conditions():
    """No .execute / .executemany at all; no SQL condition handed to .where or .count (Table's, for storage)."""
    offenders = []
    for path in outside_storage():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
                continue
            name = node.func.attr
            texts = [arg.value for arg in node.args if isinstance(arg, ast.Constant) and isinstance(arg.value, str)]
            texts += ["?" for arg in node.args if isinstance(arg, ast.JoinedStr)]
            if name in ("execute", "executemany") or (name in ("where", "count") and any(map(CONDITION.search, texts))):
                offenders.append(f"{path.relative_to(ROOT)}:{node.lineno} .{name}()")
    assert offenders == []


def test_what_only_sqlite_says_stands_in_the_dialect_module():
    offenders = [f"{path.relative_to(ROOT)}:{line} {what}"
                 for path in python_files(ROOT / "app", ROOT / "ui") if path not in (DIALECT, *MIGRATIONS)
                 for line, text in code_strings(path)
                 for what, pattern in SQLITE_ONLY.items() if pattern.search(text)]
    assert offenders == []


def test_what_only_postgresql_says_stands_in_its_modules():
    """The server's statements stand in postgres.py and dialect_postgres.py; every other storage module, the
    schema included (translated there), is written in the SQL both engines accept (and SQL is storage's alone)."""
    offenders = [f"{path.relative_to(ROOT)}:{line} {what}"
                 for path in python_files(STORAGE) if path not in POSTGRES
                 for line, text in code_strings(path)
                 for what, pattern in POSTGRES_ONLY.items() if pattern.search(text)]
    assert offenders == []


def test_only_the_server_module_imports_the_server_driver():
    """psycopg is imported by app/storage/postgres.py alone, which is imported only when a server is opened."""
    offenders = [str(path.relative_to(ROOT)) for path in python_files(ROOT / "app", ROOT / "ui")
                 if path != POSTGRES[0] and re.search(r"^\s*(import|from) psycopg", path.read_text(encoding="utf-8"), re.M)]
    assert offenders == []


def test_no_statement_spells_a_status():
    """Status conditions are built from app/domain/status.py (app/storage/conditions.py)."""
    offenders = [f"{path.relative_to(ROOT)}:{line}" for path in python_files(ROOT / "app")
                 if path not in MIGRATIONS
                 for line, text in code_strings(path) if STATUS_WORDS.search(text)]
    assert offenders == []


def test_the_shared_conditions_stay_in_storage():
    offenders = [str(path.relative_to(ROOT)) for path in python_files(ROOT / "app", ROOT / "ui")
                 if STORAGE not in path.parents
                 and re.search(r"app\.storage(\.| import )(conditions|dialect)\b", path.read_text(encoding="utf-8"))]
    assert offenders == []
