"""The hours rules are settings: changing them changes who is behind."""
from app.services.hours import ledger, settings
from ui.hours.hours_settings_dialog import HoursSettingsDialog


def test_defaults_are_the_regulations(db):
    rules = settings.load(db)
    assert (rules.hours_per_day, rules.hours_per_half_day, rules.leave_fraction_denominator) == (8, 4, 7)
    assert (rules.county_hours, rules.county_years, rules.county_days) == (550, 5, 90)
    assert (rules.township_hours, rules.township_days, rules.online_hours) == (90, 12, 50)


def test_a_lower_requirement_shrinks_the_behind_list(qtbot, window):
    db = window.session.db
    before = len(ledger.behind(db, 2020))
    dialog = HoursSettingsDialog(window.session, window)
    qtbot.addWidget(dialog)
    assert dialog.minimumSizeHint().height() <= 512
    dialog.fields["township_hours"].setValue(30)
    dialog.fields["online_hours"].setValue(0)
    dialog.save()
    assert ledger.requirements(db)["township"]["hours"] == 30
    assert len(ledger.behind(db, 2020)) < before
    assert db.execute("SELECT action FROM audit_log ORDER BY id DESC").fetchone()[0] == "修改学时规则"


def test_impossible_rules_are_refused(qtbot, window, answers):
    before = settings.load(window.session.db).hours_per_half_day
    dialog = HoursSettingsDialog(window.session, window)
    qtbot.addWidget(dialog)
    dialog.fields["hours_per_half_day"].setValue(10)
    dialog.fields["hours_per_day"].setValue(8)
    dialog.save()
    assert "每半天学时" in answers["errors"][0][1]
    assert settings.load(window.session.db).hours_per_half_day == before
