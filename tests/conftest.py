"""Every test gets its own data dir, so no test touches the user's real portfolios or backups."""

import pytest


@pytest.fixture(autouse=True)
def isolated_data_dir(tmp_path_factory, monkeypatch):
    data = tmp_path_factory.mktemp("repm-data")
    monkeypatch.setenv("REPM_DATA_DIR", str(data))
    return data
