"""The import rules between the layers, one test each; every import counts, also one inside a function.

    ui/                 Qt; from app only app.services, app.domain and app.config
    app/commands/, app/cli.py, app/__main__.py   the command line: the services, the domain and config
    app/services/       use cases: storage, the domain and config
    app/storage/        SQL and files: the domain only; migrations nothing but their frozen migration_data/
    app/domain/         dataclasses and rules: nothing of app outside the domain
    app/config.py       names, version and where files live: nothing of app
    app/__init__.py     hands the domain its reference tables (data/, as config names it): config and the domain

app/config.py is a leaf that only says where things are, so the window and the command line may read it for
titles and folders; the domain and storage may not (they are handed paths and data). app/ never imports Qt
or ui/. Tests, tools and benchmarks may import anything.
"""
import ast
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
APP = ROOT / "app"

COMMAND_LINE = ("app.commands", "app.cli", "app.__main__")
LAYERS = {  # a layer's modules (names starting so) -> what they may import from app (names starting so)
    ("ui",): ("app.services", "app.domain", "app.config"),
    COMMAND_LINE: (*COMMAND_LINE, "app.services", "app.domain", "app.config"),
    ("app.services",): ("app.services", "app.storage", "app.domain", "app.config"),
    ("app.storage",): ("app.storage", "app.domain"),
    ("app.domain",): ("app.domain",),
    ("app.config",): (),
}


@cache
def imported_modules(path: Path) -> frozenset[str]:
    """Every module path imports, and for `from a import b` also a.b (b may be a module: `from app import config`)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return frozenset(found)


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def within(name: str, prefixes) -> bool:
    return any(name == prefix or name.startswith(prefix + ".") for prefix in prefixes)


def modules(*prefixes: str) -> list[Path]:
    return sorted(path for top in ("app", "ui") for path in (ROOT / top).rglob("*.py")
                  if within(module_name(path), prefixes))


def offenders(paths: list[Path], allowed) -> list[str]:
    """'file: what it imports from app outside allowed', for each file that does (the package `app` aside)."""
    found = []
    for path in paths:
        wrong = sorted(name for name in imported_modules(path)
                       if within(name, ("app",)) and name != "app" and not within(name, allowed))
        if wrong:
            found.append(f"{path.relative_to(ROOT)}: {', '.join(wrong)}")
    return found


def layer_offenders(layer: tuple[str, ...]) -> str:
    return "\n".join(offenders(modules(*layer), LAYERS[layer]))


def test_app_never_imports_qt():
    found = [f"{path.relative_to(ROOT)}: {', '.join(sorted(names))}" for path in modules("app")
             if (names := {n for n in imported_modules(path) if n.split(".")[0] in {"PySide6", "shiboken6", "ui"}})]
    assert found == [], "app/ is plain Python; these import Qt or ui/:\n" + "\n".join(found)


def test_ui_imports_only_services_domain_and_config():
    found = layer_offenders(("ui",))
    assert not found, "ui/ reaches app/ only through app.services, app.domain and app.config:\n" + found


def test_command_line_imports_only_services_domain_and_config():
    found = layer_offenders(COMMAND_LINE)
    assert not found, "the command line uses the services, as the window does:\n" + found


def test_services_import_nothing_above_them():
    found = layer_offenders(("app.services",))
    assert not found, "the services sit below the window and the command line:\n" + found


def test_domain_imports_nothing_of_app_outside_it():
    found = layer_offenders(("app.domain",))
    assert not found, ("the domain imports nothing of storage, services or config (its reference tables are "
                       "handed in through app/domain/reference.py):\n" + found)


def test_storage_imports_only_the_domain():
    found = layer_offenders(("app.storage",))
    assert not found, "storage knows the domain and nothing else of app (it is handed paths):\n" + found


def test_migrations_carry_what_they_need():
    paths = [APP / "storage" / "migrations.py", APP / "storage" / "migrations_later.py",
             *modules("app.storage.migration_data")]
    found = "\n".join(offenders(paths, ("app.storage.migration_data", "app.storage.migrations",
                                        "app.storage.migrations_later")))
    assert not found, ("a migration's result may not change with the live code: freeze what it needs in "
                       "app/storage/migration_data/:\n" + found)


def test_config_imports_nothing_of_app():
    found = layer_offenders(("app.config",))
    assert not found, "app/config.py is a leaf:\n" + found


def test_the_package_only_hands_the_domain_its_data():
    found = "\n".join(offenders([APP / "__init__.py"], ("app.domain", "app.config")))
    assert not found, "app/__init__.py runs before every module of app: it only wires config to the domain:\n" + found


def test_every_module_of_app_has_a_layer():
    layered = [prefix for layer in LAYERS for prefix in layer]
    found = [str(path.relative_to(ROOT)) for path in modules("app")
             if module_name(path) != "app" and not within(module_name(path), layered)]
    assert found == [], "a module outside every layer escapes the rules; put it in one:\n" + "\n".join(found)


def test_the_rules_see_imports_inside_functions(tmp_path):
    source = tmp_path / "lazy.py"
    source.write_text("def f():\n    from app import config\n    import app.storage.db\n", encoding="utf-8")
    assert {"app.config", "app.storage.db"} <= imported_modules(source)
