"""Map outlines: every ring drawable, none crossing the antimeridian."""

import numpy as np

from model.geo import countries, mou_countries, outline_path, split_at_antimeridian


def test_all_177_countries_load_with_strips():
    world = countries()
    assert len(world) == 177
    assert all(c.strips for c in world)
    assert {"IND", "AUS", "CHN"} <= {c.iso_a3 for c in world}


def test_no_strip_jumps_across_the_map():
    for country in countries():
        for strip in country.strips:
            assert np.all(np.abs(np.diff(strip[:, 0])) <= 180), country.name


def test_split_breaks_at_the_jump():
    ring = np.array([[179.0, 0.0], [179.5, 1.0], [-179.5, 1.0], [-179.0, 0.0]])
    parts = split_at_antimeridian(ring)
    assert [len(p) for p in parts] == [2, 2]


def test_russia_is_split():
    russia = next(c for c in countries() if c.iso_a3 == "RUS")
    fiji_like_parts = len(russia.strips)
    assert fiji_like_parts > 1


def test_outline_path_connects_within_strips_only():
    x, y, connect = outline_path({"AUS"})
    australia = next(c for c in countries() if c.iso_a3 == "AUS")
    assert len(x) == sum(len(s) for s in australia.strips)
    assert (~connect).sum() == len(australia.strips)


def test_mou_countries_have_sources():
    mou = mou_countries()
    assert set(mou) == {"AUS", "ARG", "CHL"}
    assert all("india.md" in source for source in mou.values())
