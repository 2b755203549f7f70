"""帮助 → 操作日志 names the records as the clerk knows them, and finds them by those names."""
from app.services import periods
from app.services.documents import record_output
from app.services.documents.request import DocumentRequest
from tests.ui.conftest import type_text
from ui.shell.audit_dialog import AuditDialog


def test_the_log_shows_and_finds_a_period_by_its_name(qtbot, window):
    db = window.session.db
    period = next(e for e in periods.entries(db) if e.label == "县管副职领导干部进修班 第1期")
    record_output(db, DocumentRequest("letters", period_id=period.id), 12, "打印")
    dialog = AuditDialog(db, window)
    qtbot.addWidget(dialog)
    assert dialog.model.index(0, 3).data() == "入学通知书（县管副职领导干部进修班 第1期）：12页"
    type_text(dialog.search, "进修班 第1期")
    shown = [dialog.table.model().index(row, 3).data() for row in range(dialog.table.model().rowCount())]
    assert shown[0] == "入学通知书（县管副职领导干部进修班 第1期）：12页"
    assert shown[1].startswith("县管副职领导干部进修班 第1期：结业24人")  # the demo's close-out, stored as "第1期：…"
