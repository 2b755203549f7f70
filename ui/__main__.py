import sys

from ui.shell.main import main

sys.exit(main())
