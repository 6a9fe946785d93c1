"""Entry point of the bundled app (PyInstaller needs a script): repm-planner [PATH] [--self-test]."""

import multiprocessing
import sys

if __name__ == "__main__":
    # A worker process of the bundle (the plan search, desktop/process_worker.py) starts this
    # executable again: run the worker here, before Qt is imported, and never the app.
    multiprocessing.freeze_support()

from desktop.app import main  # noqa: E402 (after the worker check)

if __name__ == "__main__":
    sys.exit(main())
