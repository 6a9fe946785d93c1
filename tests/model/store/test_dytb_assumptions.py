"""The heavy rare earth assumptions (equation 8) in the portfolio file and in Excel: stored,
read back, and checked by the file's own rules (migration 0005)."""

import sqlite3

import pytest

from model.assumptions import Assumptions
from model.demo import demo_portfolio
from model.store import Store
from model.tabular import read_xlsx, write_xlsx

HOT = {
    "high_temp_share": 0.4,
    "dytb_process": "grain_boundary_diffusion",
    "dytb_market_tpa": 150.0,
    "dytb_intensity_conventional": 0.08,
    "sources": {"dytb_market_tpa": "offer from a trader, as of 2026-11"},
}


def test_dytb_assumptions_are_stored_and_checked(tmp_path):
    path = tmp_path / "p.repm"
    with Store.open(path) as store:
        store.set_assumptions(Assumptions().with_overrides(HOT))
    with Store.open(path) as store:
        again = store.assumptions()
    assert again == Assumptions().with_overrides(HOT)
    assert again.dytb_intensity == again.dytb_intensity_gbd == 0.03
    db = sqlite3.connect(path)
    for sql in (
        "UPDATE assumptions SET text_value = 'sprinkled' WHERE name = 'dytb_process'",
        "UPDATE assumptions SET value = -1 WHERE name = 'dytb_market_tpa'",
        "UPDATE assumptions SET value = 1.5 WHERE name = 'high_temp_share'",
    ):
        with pytest.raises(sqlite3.IntegrityError):
            db.execute(sql)
    db.close()


def test_dytb_assumptions_round_trip_through_excel(tmp_path):
    demo = demo_portfolio()
    hot = demo.model_copy(update={"assumptions": demo.assumptions.with_overrides(HOT)})
    write_xlsx(hot, tmp_path / "p.xlsx")
    assert read_xlsx(tmp_path / "p.xlsx").assumptions == hot.assumptions
