"""TrainingDesk's window: Qt only, talking to app.services."""
from ui.shell.none_guard import keep_none_alive

keep_none_alive()
