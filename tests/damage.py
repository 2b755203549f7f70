"""Damage as a disk or a crash leaves it, written by the tests."""
from pathlib import Path

PAGE = 4096


def spoil_fragment_counts(db_file: Path) -> None:
    """Wrong fragment counts in every b-tree page: quick_check then lists a hundred problems, its limit.
    The file must hold all its data (closed cleanly: no -wal beside it)."""
    data = bytearray(db_file.read_bytes())
    for start in range(PAGE, len(data), PAGE):
        if data[start] in (0x02, 0x05, 0x0A, 0x0D):  # the page types of b-tree pages
            data[start + 7] = 9
    db_file.write_bytes(bytes(data))
