"""Where portfolios and their backups live by default (platformdirs user data dir)."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import platformdirs

APP_NAME = "repm-planner"
EXTENSION = ".repm"


def data_dir() -> Path:
    """REPM_DATA_DIR overrides the platform's user data dir (tests, portable installs)."""
    override = os.environ.get("REPM_DATA_DIR")
    return Path(override) if override else Path(platformdirs.user_data_dir(APP_NAME, False))


def default_portfolio_path() -> Path:
    return data_dir() / f"portfolio{EXTENSION}"


def backup_dir(portfolio: Path) -> Path:
    """One folder per portfolio file: its name plus a short hash of its full path."""
    resolved = str(Path(portfolio).resolve())
    digest = hashlib.sha1(resolved.encode("utf-8")).hexdigest()[:8]
    return data_dir() / "backups" / f"{Path(portfolio).stem}-{digest}"
