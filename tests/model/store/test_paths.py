"""Any legal file name works: '#', '?', '%', spaces, brackets, non-ASCII; Windows drive letters
and UNC shares reach SQLite unchanged (issue 11, item 7)."""

import os
from pathlib import PurePosixPath, PureWindowsPath
from urllib.parse import unquote

import pytest

from model.demo import demo_portfolio
from model.store import Store
from model.store.sqlite import sqlite_uri

NAMES = [
    "Portfolio #2 (50% draft)/plan.repm",
    "100%41.repm",
    "what?.repm",
    "#.repm",
    "a&b=c;d.repm",
    "Überblick – δ 計画.repm",
    "two  spaces /x.repm",
]


@pytest.mark.parametrize("name", NAMES)
def test_a_portfolio_under_any_name_is_created_reopened_edited_and_backed_up(tmp_path, name):
    path = tmp_path / name
    with Store.open(path) as store:
        store.replace_portfolio(demo_portfolio())
    with Store.open(path) as store:  # reopened: checked, backed up
        store.update("blocks", "nolans", first_year=2031)
        assert store.backups()
    with Store.open(path, read_only=True) as store:
        assert store.get("blocks", "nolans").first_year == 2031
        assert store.integrity_problems() == []
    assert sorted(os.listdir(path.parent)) == [path.name]  # no '100A.repm' beside it


def _sqlite_path(uri: str) -> str:
    """What SQLite opens for a URI: the path after an empty authority, %XX decoded."""
    assert uri.startswith("file://")
    return unquote(uri[len("file://") :].split("?", 1)[0])


@pytest.mark.parametrize(
    ("path", "uri"),
    [
        (
            PureWindowsPath(r"C:\Users\Asha\Portfolio #2 (50% draft)\plan?.repm"),
            "file:///C:/Users/Asha/Portfolio%20%232%20%2850%25%20draft%29/plan%3F.repm?mode=rw",
        ),
        (
            PureWindowsPath(r"\\fileserver\ministry\REPM\plan #2.repm"),
            "file:////fileserver/ministry/REPM/plan%20%232.repm?mode=rw",
        ),
        (
            PurePosixPath("/home/asha/Überblick/100%41.repm"),
            "file:///home/asha/%C3%9Cberblick/100%2541.repm?mode=rw",
        ),
    ],
)
def test_uris_for_windows_drives_unc_shares_and_odd_names(path, uri):
    assert sqlite_uri(path, "rw") == uri
    expected = str(path).replace("\\", "/")
    assert _sqlite_path(uri).lstrip("/") == expected.lstrip("/")
