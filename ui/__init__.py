"""TrainingDesk's window: Qt only, talking to app.services."""
