"""The map: markers from the portfolio and the projection, selection linked both ways."""

import numpy as np

from model.geo import countries


def show_map(window):
    view = window.view
    view.analysis.setCurrentWidget(view.map)
    return view.map


def test_markers_show_blocks_by_status_and_expected_magnets(window):
    m = show_map(window)
    portfolio = window.session.portfolio
    placed = [b for b in portfolio.blocks if b.lat is not None]
    assert set(m.spots) == {b.id for b in placed}
    assert len(m.markers.data) == len(placed)
    assert m.spots["irel-domestic"]["status"] == "acquired"
    assert m.spots["nolans"]["status"] == "candidate"
    magnets = window.session.projection.by_block()[:, 5]
    ids = list(window.session.inputs.block_ids)
    sizes = {k: v["size"] for k, v in m.spots.items()}
    biggest = max(sizes, key=sizes.get)
    assert biggest == ids[int(np.argmax(magnets))]  # the largest marker is the largest supplier
    text = m.hover_text("mt-weld")
    assert "Mt Weld (Australia)" in text and "magnets in 2030" in text


def test_clicking_a_marker_selects_the_block_and_selection_rings_it(window):
    m = show_map(window)
    m.blockClicked.emit("songwe-hill")
    assert window.view.views["blocks"].selected_id() == "songwe-hill"
    window.view.views["blocks"].select("mt-weld")
    block = window.session.portfolio.block("mt-weld")
    x, y = m.ring.getData()
    assert (x[0], y[0]) == (block.lon, block.lat)


def test_markers_follow_edits(window):
    m = show_map(window)
    from tests.desktop.helpers import edit_cell

    edit_cell(
        window.view.views["deals"],
        "kabil-nolans",
        "status",
        lambda e: e.setCurrentIndex(e.findData("mou")),
    )
    assert m.spots["nolans"]["status"] == "mou"


def test_mou_countries_are_drawn():
    assert {"AUS", "ARG", "CHL"} <= {c.iso_a3 for c in countries()}
