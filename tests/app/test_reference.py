"""The domain's reference tables come through the reader it is handed, never from a path of its own."""
import pytest

from app.config import data_file
from app.domain import char_table, reference


def test_the_package_hands_the_domain_the_shipped_data():
    assert reference.read("vocab.json") == data_file("vocab.json").read_bytes()


def test_the_domain_reads_what_it_is_handed(monkeypatch):
    monkeypatch.setattr(reference, "_reader", {"strokes.txt": b"# two characters\n4E00 1-\n"}.__getitem__)
    assert list(char_table.entries("strokes.txt", missing="-")) == [(0x4E00, "1")]


def test_without_a_reader_the_domain_says_so(monkeypatch):
    monkeypatch.setattr(reference, "_reader", None)
    with pytest.raises(RuntimeError, match="vocab.json"):
        reference.read("vocab.json")
