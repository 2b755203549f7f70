"""app/ is the domain and never imports Qt; ui/ is where Qt lives."""
import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
    return found


def test_app_never_imports_qt():
    offenders = [
        str(path.relative_to(ROOT)) for path in (ROOT / "app").rglob("*.py")
        if any(name.split(".")[0] in {"PySide6", "shiboken6", "ui"} for name in imported_modules(path))
    ]
    assert offenders == []
