"""Operations on the open database: run off the UI thread on the session's terms, then say what changed.

run_op(parent, session, work, changed=..., label=...) runs work(db, progress) in a QThreadPool worker on a
connection from the session (its file and its mode: a read-only session's operations cannot write either),
with ui.shell.tasks' progress dialog after half a second, its cancel and its messages; when the work
succeeds the session announces `changed`, and each page reloads if it shows one of those kinds. A quick
save on the UI thread announces with session.announce(Changed.X) itself.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any, Callable

from PySide6.QtWidgets import QWidget

from app.services.progress import Progress
from ui.shell.changes import Changed
from ui.shell.tasks import Task, run_task

if TYPE_CHECKING:
    from app.services.database import Database
    from ui.shell.session import Session


def run_op(parent: QWidget, session: Session, work: Callable[[Database, Progress], Any], *,
           changed: Changed | Callable[[Any], Changed], label: str, on_done: Callable[[Any], None] | None = None,
           on_error: Callable[[BaseException], None] | None = None) -> Task:
    """Starts work(db, progress) in a worker; on success announces `changed`, then calls on_done(result).

    `changed` is what the operation may change, or, when only its result can tell (an import whose every
    row was refused wrote nothing), a function of that result. Errors go to on_error, or are shown as
    ui.shell.tasks shows them (a cancel silently, a UserError in its own words, anything else as the log's
    one line); a failed or cancelled operation announces nothing."""
    connection = session.worker_connection()  # made now: the work stays with this file and mode

    def in_worker(progress: Progress) -> Any:
        with connection as db:  # opened and closed in the worker's thread, which alone may use it
            return work(db, progress)

    def succeeded(result: Any) -> None:
        session.announce(changed if isinstance(changed, Changed) else changed(result))
        if on_done is not None:
            on_done(result)

    return run_task(parent, label, in_worker, succeeded, on_error)
