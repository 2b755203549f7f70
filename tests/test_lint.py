"""The code is kept to one small rule set (pyproject.toml's [tool.ruff]): imports sorted and absolute,
pyflakes, bugbear. Running it here makes the README's test command check it too."""
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_ruff_finds_nothing():
    result = subprocess.run([sys.executable, "-m", "ruff", "check", "--no-cache", "--output-format", "concise", "."],
                            cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
