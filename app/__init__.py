"""TrainingDesk's domain, storage, services and command line: plain Python, never Qt.

Importing the package hands the domain its reference tables (app/domain/reference.py): the files in the
data/ folder that config names. Every way in (the window, the command line, the tests, the tools, the
frozen build) imports this first, so none can forget it; a file is read only when a rule first needs it.
"""
from app.domain import reference


def _read_data(name: str) -> bytes:
    from app.config import data_file

    return data_file(name).read_bytes()


reference.use_reader(_read_data)
