"""Printing results: JSON for tools, tab-separated lines for people; exit codes."""
from __future__ import annotations

import json
import sys

EXIT_OK, EXIT_PROBLEMS, EXIT_FAILED = 0, 1, 2


def emit(args, records: list[dict], lines: list[str]) -> int:
    if getattr(args, "json", False):
        print(json.dumps(records, ensure_ascii=False, indent=2))
    else:
        print("\n".join(lines) if lines else "（无记录）")
    return EXIT_OK


def fail(message: str) -> int:
    print(f"错误：{message}", file=sys.stderr)
    return EXIT_FAILED
