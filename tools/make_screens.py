"""Screenshots of every window and dialog at 150% on a 1366×768 screen (a logical 911×472 less the taskbar),
as the office PCs show them, into docs/screens-150/; each is checked as it is taken (tests/fit_check.py) and
any window that does not fit is listed.

    python tools/make_screens.py [--scale 1.5] [--out docs/screens-150]
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def shrink(path: Path) -> None:
    """256 colours chosen from the picture itself: a window's flat colours and its text's edges keep their
    look, the file is a quarter of the size (Pillow comes with reportlab)."""
    try:
        from PIL import Image
    except ImportError:
        return
    with Image.open(path) as image:
        reduced = image.convert("RGB").quantize(colors=256, method=Image.Quantize.FASTOCTREE,
                                                dither=Image.Dither.NONE)
    reduced.save(path, optimize=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", default="1.5")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screens-150")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    for old in args.out.glob("*.png"):
        old.unlink()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-m", "tests.fit_check", "--scale", args.scale, "--shots", str(args.out)],
                          cwd=ROOT, env=env, capture_output=True, text=True)
    if done.returncode:
        print(done.stderr, file=sys.stderr)
        return done.returncode
    reports = [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")]
    for shot in args.out.glob("*.png"):
        shrink(shot)
    for report in reports:
        name = report["window"].rsplit(".", 1)[1] + (f" {report['state']}" if report["state"] else "")
        size = "×".join(map(str, report.get("size", [])))
        print(f"{name:45} {size:>9}  " + ("；".join(report["problems"]) or "合适"))
    print(f"{len(reports)} 张截图，屏幕可用区 {'×'.join(map(str, reports[0]['screen']))}：{args.out}")
    return 1 if any(report["problems"] for report in reports) else 0


if __name__ == "__main__":
    sys.exit(main())
