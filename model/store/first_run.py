"""The portfolio an official gets on first start: the demo, in the user data dir."""

from __future__ import annotations

from pathlib import Path

from model.demo import demo_portfolio
from model.store.locations import default_portfolio_path
from model.store.store import Store


def ensure_default_portfolio() -> Path:
    """The default portfolio file, created from the demo when it does not exist yet."""
    path = default_portfolio_path()
    if not path.exists():
        with Store.open(path) as store:
            store.replace_portfolio(demo_portfolio())
    return path
