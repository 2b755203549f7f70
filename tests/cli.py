"""Running the command line in the test's own process, as `python -m app ...` would."""
from app.cli import main


def run(capsys, *args) -> tuple[int, str, str]:
    """(exit code, stdout, stderr) of one command; arguments may be paths or numbers."""
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err
