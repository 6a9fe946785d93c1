"""`python -m model.cli ...` runs `repm ...`."""

import sys

from model.cli.parser import main

sys.exit(main())
