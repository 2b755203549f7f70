"""The PyInstaller entry point: the same start as `traindesk`."""
import sys

from ui.shell.main import main

sys.exit(main())
