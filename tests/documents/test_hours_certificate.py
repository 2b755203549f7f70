"""学时证明: a person's year of hours as an official letter."""
import pytest

from app.cli import main
from app.domain.errors import UserError
from app.domain.idcard import mask_id
from app.services.documents import DocumentRequest, render
from app.services.hours import ledger as hours
from app.storage import tables
from tests.documents.conftest import assert_fonts_embedded, page_sizes, squeezed


def someone_with_classes(db) -> int:
    return db.execute("""SELECT person_id FROM enrollments WHERE status = '结业'
                         GROUP BY person_id HAVING count(*) >= 2 ORDER BY person_id LIMIT 1""").fetchone()[0]


def test_hours_certificate_lists_classes_records_and_the_verdict(demo_db, tmp_path):
    person_id = someone_with_classes(demo_db)
    person = tables.people(demo_db).get(person_id)
    entry = next(p for p in hours.ledger(demo_db, 2020) if p.person_id == person_id)
    target = tmp_path / "学时证明.pdf"
    assert render(demo_db, DocumentRequest("hours", person_id=person_id, year=2020, issued_on="2020-09-15"), target) == 1
    flat = squeezed(target)
    assert "2020年度学时证明" in flat and f"兹证明{person.name}同志" in flat
    assert mask_id(person.id_number) in flat and person.id_number not in flat
    assert f"本年度合计{entry.total:g}学时" in flat
    assert "中共xx县委组织部" in flat and "2020年9月15日" in flat
    assert page_sizes(target) == {(210, 297)}  # A4, in mm
    assert_fonts_embedded(target)


def test_hours_certificate_needs_a_year(demo_db, tmp_path):
    with pytest.raises(UserError, match="指定年度"):
        render(demo_db, DocumentRequest("hours", person_id=1), tmp_path / "x.pdf")
    assert not (tmp_path / "x.pdf").exists()


def test_print_hours_from_the_command_line(demo_file, tmp_path, capsys):
    target = tmp_path / "证明.pdf"
    assert main(["print", "hours", "--person", "1", "--year", "2020", "-o", str(target), "--db", str(demo_file)]) == 0
    assert target.is_file()
    assert main(["print", "hours", "--year", "2020", "-o", str(target), "--db", str(demo_file)]) == 2
    assert "人员" in capsys.readouterr().err


def test_other_records_dates_read_as_every_date_does(demo_db, tmp_path):
    from app.domain.models import HoursRecord
    person_id = someone_with_classes(demo_db)
    tables.hours_records(demo_db).insert(HoursRecord(person_id, 2020, 12, "网络学习", source="干部网络学院",
                                                     date="2020-09-05"))
    target = tmp_path / "学时证明.pdf"
    render(demo_db, DocumentRequest("hours", person_id=person_id, year=2020, issued_on="2020-09-15"), target)
    flat = squeezed(target)
    assert "干部网络学院网络学习2020年9月5日12" in flat and "2020-09-05" not in flat
