"""Add in each table makes a valid record from the declarations: every field without a default
starts at the value its declaration gives a new record (`Meta.new`), none is listed elsewhere."""

from __future__ import annotations

import pytest

from model.domain import KINDS, TABLE_KINDS
from model.fields import meta

SET_BY_ADD = {"id", "name"}  # unique per table: new_record makes them up


@pytest.mark.parametrize("kind", TABLE_KINDS)
def test_every_required_field_declares_what_a_new_record_starts_with(kind):
    fields = KINDS[kind].fields
    for name, info in fields.items():
        if info.is_required() and name not in SET_BY_ADD and not meta(info).refers_to:
            assert meta(info).new is not None, f"{kind}.{name}: declare new=... (model/domain.py)"


@pytest.mark.parametrize("kind", TABLE_KINDS)
def test_add_makes_a_record_with_the_declared_starting_values(window, kind):
    store, view = window.session.store, window.view.views[kind]
    before = {r.id for r in store.list(kind)}
    view.add_record()
    (added,) = [r for r in store.list(kind) if r.id not in before]
    assert added.id == f"new-{KINDS[kind].singular}"
    for name, info in KINDS[kind].fields.items():
        if meta(info).new is not None:
            assert getattr(added, name) == meta(info).new, name


@pytest.mark.parametrize("kind", ["blocks", "firms", "plants"])
def test_add_opens_the_new_name_for_typing_and_says_what_it_starts_as(window, qtbot, kind):
    view = window.view.views[kind]
    messages = []
    view.message.connect(messages.append)
    view.add_record()
    index = view.table.currentIndex()
    assert view.model.index(view.proxy.mapToSource(index).row(), view.name_column).data() == (
        f"New {KINDS[kind].singular}"
    )
    assert view.table.frozen.state() == view.table.State.EditingState
    assert messages[-1].startswith(f"New {KINDS[kind].singular}: type its name; ")
    if kind == "blocks":  # the starting country and stage, as the table shows them
        assert "Australia (AUS)" in messages[-1] and "exploration" in messages[-1]
