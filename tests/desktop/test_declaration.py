"""One declaration per record kind: a field declared in model/domain.py appears, with its unit and
range, in the desktop's columns and editors, the spreadsheet headers, the table and the JSON."""

import pytest
from pydantic import ValidationError
from sqlmodel import SQLModel

from desktop.columns import COLUMNS, NUMBER, columns_of
from model import fields as f
from model import record_columns
from model.domain import KINDS, Block, Kind
from model.store.tables import _table_class
from model.tabular import headers


class BlockWithGrade(Block):
    """What adding a field to blocks takes: this one line in Block (plus a migration)."""

    grade_treo_pct: float | None = f.number(
        "Grade", unit="% TREO", low=0, high=100, decimals=2, optional=True
    )


BASE = {"id": "b", "name": "B", "country": "AUS", "stage": "producing", "product": "mixed"}


def test_a_new_block_field_reaches_columns_sheets_json_and_table():
    column = next(c for c in columns_of(BlockWithGrade) if c.field == "grade_treo_pct")
    assert (column.header, column.editor, column.unit) == ("Grade (% TREO)", NUMBER, " % TREO")
    assert (column.low, column.high, column.decimals, column.optional) == (0, 100, 2, True)
    assert headers(BlockWithGrade)[-1] == "grade_treo_pct (% TREO)"
    assert (
        BlockWithGrade(**BASE, grade_treo_pct=3.5).model_dump(mode="json")["grade_treo_pct"] == 3.5
    )
    with pytest.raises(ValidationError, match="less than or equal to 100"):
        BlockWithGrade(**BASE, grade_treo_pct=101)
    row = _table_class(Kind("blocks_with_grade", BlockWithGrade, "block", "Blocks"))
    SQLModel.metadata.remove(row.__table__)  # keep the real schema's metadata as it was
    assert row.__table__.c["grade_treo_pct"].nullable


def test_a_new_block_field_moves_numbers_once_the_model_reads_it(monkeypatch):
    """The fields whose edit re-projects are traced from the model's rows: a new field moves no
    number until a row reads it, and then does without being listed anywhere."""
    grade = {"blocks": BlockWithGrade}
    assert "grade_treo_pct" not in record_columns.fields_read(records=grade)["blocks"]
    block_row = record_columns.ROWS["blocks"]
    reads_grade = lambda b: {**block_row(b), "grade": b.grade_treo_pct}  # noqa: E731
    monkeypatch.setitem(record_columns.ROWS, "blocks", reads_grade)
    assert "grade_treo_pct" in record_columns.fields_read(records=grade)["blocks"]


def test_every_field_a_column_is_built_from_moves_numbers_and_no_other():
    moving = record_columns.MODEL_FIELDS
    assert {"nameplate_tpa", "ndpr_share", "dytb_share", "country", "stage"} <= moving["blocks"]
    assert {"offtake_share", "block_id", "status"} <= moving["deals"]
    assert {"capacity_tpa", "status"} <= moving["plants"]
    for kind, fields in moving.items():
        assert not fields & {"name", "notes", "source", "cost_musd", "acquisition_cost_musd"}
        assert fields <= set(KINDS[kind].fields)
    assert moving["firms"] == frozenset()


@pytest.mark.parametrize("kind", list(KINDS))
def test_every_column_is_a_declared_field_with_its_label_unit_and_range(kind):
    declared = KINDS[kind].fields
    assert {c.field for c in COLUMNS[kind]} == set(declared)
    for column in COLUMNS[kind]:
        info = declared[column.field]
        meta, (low, high) = f.meta(info), f.bounds(info)
        assert column.header.startswith(meta.label) and meta.unit in column.header
        assert low is None or column.low == low
        assert high is None or column.high == high
        assert column.percent == (meta.fmt == f.PERCENT)
        assert column.optional == f.optional(info)


def test_shares_are_percent_and_tonnes_are_not():
    by_field = {c.field: c for c in COLUMNS["deals"] + COLUMNS["blocks"]}
    assert by_field["offtake_share"].percent and by_field["ndpr_share"].percent
    assert not by_field["nameplate_tpa"].percent
