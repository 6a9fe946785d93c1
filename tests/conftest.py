"""Every test gets its own data dir, so no test touches the user's real portfolios or backups;
and a fresh portfolio file holding the demo for the tests that need one."""

from pathlib import Path

import pytest

from model.demo import demo_portfolio
from model.store import Store


@pytest.fixture(autouse=True)
def isolated_data_dir(tmp_path_factory, monkeypatch):
    data = tmp_path_factory.mktemp("repm-data")
    monkeypatch.setenv("REPM_DATA_DIR", str(data))
    return data


@pytest.fixture
def portfolio_path(tmp_path) -> Path:
    path = tmp_path / "demo.repm"
    with Store.open(path) as store:
        store.replace_portfolio(demo_portfolio())
    return path
