"""The record columns and what set-up keeps with them are caches: after any edit a projection
gives the numbers a fresh build gives, never those from before the edit."""

from dataclasses import replace

import numpy as np
import pytest

from model import project
from model.demo import demo_portfolio
from model.inputs import build_inputs
from model.projection import compute
from model.record_columns import RecordColumns
from model.scenario import Scenario


def fresh(portfolio, **kw):
    """The projection from columns built now, bypassing every cache."""
    columns = RecordColumns.build(portfolio.blocks, portfolio.deals, portfolio.plants)
    return compute(build_inputs(portfolio, columns=columns, **kw))


@pytest.fixture
def demo():
    return demo_portfolio()


def producing_block(portfolio):
    """A block with a nameplate whose deal counts in expected mode."""
    return next(
        b
        for b in portfolio.blocks
        if b.nameplate_tpa and any(d.block_id == b.id for d in portfolio.deals)
    )


def test_an_edited_copy_of_a_projected_portfolio_projects_its_own_numbers(demo):
    before = project(demo).magnets.copy()
    b = producing_block(demo)
    blocks = [
        x.model_copy(update={"nameplate_tpa": x.nameplate_tpa * 3}) if x is b else x
        for x in demo.blocks
    ]
    edited = demo.model_copy(update={"blocks": blocks})
    after = project(edited).magnets
    assert not np.allclose(after, before)
    np.testing.assert_allclose(after, fresh(edited).magnets, rtol=1e-12)
    np.testing.assert_allclose(project(demo).magnets, before, rtol=1e-12)  # the original: as was


def test_a_record_replaced_in_the_portfolios_own_list_is_seen(demo):
    before = project(demo).magnets.copy()
    b = producing_block(demo)
    k = demo.blocks.index(b)
    demo.blocks[k] = b.model_copy(update={"nameplate_tpa": b.nameplate_tpa * 3})
    after = project(demo).magnets
    assert not np.allclose(after, before)
    np.testing.assert_allclose(after, fresh(demo).magnets, rtol=1e-12)


@pytest.mark.parametrize(
    ("kind", "field", "change"),
    [
        ("blocks", "nameplate_tpa", lambda v: v * 3),
        ("deals", "offtake_share", lambda v: v / 4),
        ("plants", "capacity_tpa", lambda v: v / 10),
    ],
)
def test_a_field_assigned_in_place_is_seen(demo, kind, field, change):
    before = project(demo, mode="all")
    records = [r for r in getattr(demo, kind) if getattr(r, field)]
    for record in records:
        setattr(record, field, change(getattr(record, field)))
    after = project(demo, mode="all")
    expected = fresh(demo, mode="all")
    np.testing.assert_allclose(after.magnets, expected.magnets, rtol=1e-12)
    np.testing.assert_allclose(after.capacity_eq, expected.capacity_eq, rtol=1e-12)
    assert not np.allclose(after.capacity_eq, before.capacity_eq)


def test_an_edit_through_validation_keeps_the_columns_incremental(demo):
    """Validating a new record (what the store does on every read and edit) is not an
    assignment in place: the columns patch one row instead of rebuilding every row."""
    columns = RecordColumns.build(demo.blocks, demo.deals, demo.plants)
    k = next(i for i, b in enumerate(demo.blocks) if b.nameplate_tpa)
    blocks = list(demo.blocks)
    data = {**blocks[k].model_dump(), "nameplate_tpa": blocks[k].nameplate_tpa * 2}
    blocks[k] = type(blocks[k]).model_validate(data)
    patched = columns.with_records(blocks, demo.deals, demo.plants, {"blocks": [k]})
    assert patched.nameplate[k] == blocks[k].nameplate_tpa
    assert patched.ndpr_share is columns.ndpr_share  # unchanged columns shared, not rebuilt
    assert patched.offtake is columns.offtake


def test_patched_columns_drop_what_was_derived_from_a_changed_column(demo):
    """A Dy+Tb share edit changes each of the block's deals' Dy+Tb factor (the yield groups,
    derived from other columns, are kept)."""
    columns = RecordColumns.build(demo.blocks, demo.deals, demo.plants)
    base = build_inputs(demo, columns=columns)
    k = next(i for i, b in enumerate(demo.blocks) if any(d.block_id == b.id for d in demo.deals))
    blocks = list(demo.blocks)
    blocks[k] = blocks[k].model_copy(update={"dytb_share": 0.03})
    edited = demo.model_copy(update={"blocks": blocks})
    patched = columns.with_records(edited.blocks, edited.deals, edited.plants, {"blocks": [k]})
    got = build_inputs(edited, columns=patched)
    want = build_inputs(
        edited, columns=RecordColumns.build(edited.blocks, edited.deals, edited.plants)
    )
    np.testing.assert_array_equal(got.dytb_factor, want.dytb_factor)
    assert not np.array_equal(got.dytb_factor, base.dytb_factor)
    assert got.separation_groups is base.separation_groups  # NdPr yields did not move


def test_a_renamed_incomplete_block_is_listed_by_its_new_name(demo):
    columns = RecordColumns.build(demo.blocks, demo.deals, demo.plants)
    base = build_inputs(demo, columns=columns)
    kind, block_id, name, _ = base.gaps[0]
    assert kind == "blocks"
    k = next(i for i, b in enumerate(demo.blocks) if b.id == block_id)
    blocks = list(demo.blocks)
    blocks[k] = blocks[k].model_copy(update={"name": "Renamed block"})
    edited = demo.model_copy(update={"blocks": blocks})
    patched = columns.with_records(edited.blocks, edited.deals, edited.plants, {"blocks": [k]})
    got = build_inputs(edited, columns=patched)
    assert got.incomplete[0].startswith("Renamed block lacks:")
    assert not any(name in line for line in got.incomplete)


def test_a_first_year_edit_moves_the_start_kept_with_the_columns(demo):
    columns = RecordColumns.build(demo.blocks, demo.deals, demo.plants)
    base = build_inputs(demo, columns=columns)
    k = next(i for i, b in enumerate(demo.blocks) if b.first_year is not None)
    blocks = list(demo.blocks)
    blocks[k] = blocks[k].model_copy(update={"first_year": blocks[k].first_year + 3})
    edited = demo.model_copy(update={"blocks": blocks})
    patched = columns.with_records(edited.blocks, edited.deals, edited.plants, {"blocks": [k]})
    got = build_inputs(edited, columns=patched)
    assert got.block_start[k] == base.block_start[k] + 3


def test_grouped_ramps_and_plants_give_the_numbers_of_one_ramp_per_record(demo):
    inputs = build_inputs(demo, mode="all")
    assert inputs.ramp_groups is not None and inputs.plant_groups is not None
    direct = compute(replace(inputs, ramp_groups=None, plant_groups=None))
    grouped = compute(inputs)
    np.testing.assert_allclose(grouped.magnets, direct.magnets, rtol=1e-12)
    np.testing.assert_allclose(grouped.capacity_eq, direct.capacity_eq, rtol=1e-12)


@pytest.mark.parametrize("copy", ["with_arrays", "replace"])
def test_an_edited_copy_of_the_inputs_does_not_use_set_ups_groups(demo, copy):
    inputs = build_inputs(demo, mode="all")
    starts = inputs.block_start + 3.0  # every block three years later
    weights = inputs.plant_weight * 0.5
    if copy == "with_arrays":
        edited = inputs.with_arrays(block_start=starts, plant_weight=weights)
    else:
        edited = replace(inputs, block_start=starts, plant_weight=weights)
    got = compute(edited)
    want = compute(replace(edited, ramp_groups=None, plant_groups=None))
    np.testing.assert_allclose(got.magnets, want.magnets, rtol=1e-12)
    np.testing.assert_allclose(got.capacity_eq, want.capacity_eq, rtol=1e-12)
    assert not np.allclose(got.capacity_eq, compute(inputs).capacity_eq)


def test_a_scenario_delay_moves_the_grouped_ramps(demo):
    delayed = build_inputs(demo, Scenario(name="Late", delay_years=2), mode="all")
    assert delayed.ramp_groups is not None
    want = compute(replace(delayed, ramp_groups=None, plant_groups=None))
    np.testing.assert_allclose(compute(delayed).magnets, want.magnets, rtol=1e-12)
