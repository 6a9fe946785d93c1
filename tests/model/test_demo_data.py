"""The shipped demo: real projects outside China, every figure with a source and a date."""

import csv
import re

import pytest

from model import project
from model.demo import demo_portfolio
from model.resources import resource_path

DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")
BLOCK_FIGURES = ("nameplate_tpa", "ndpr_share", "dytb_share", "first_year", "resource_treo_t")
PLANT_FIGURES = ("capacity_tpa", "first_year")


def read_csv(name: str) -> list[dict[str, str]]:
    with resource_path(name).open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


@pytest.fixture(scope="module")
def evidence() -> list[dict[str, str]]:
    return read_csv("evidence.csv")


def shipped_figures() -> list[tuple[str, str, str, float]]:
    demo = demo_portfolio()
    figures = []
    for kind, records, names in (
        ("blocks", demo.blocks, BLOCK_FIGURES),
        ("plants", demo.plants, PLANT_FIGURES),
    ):
        for record in records:
            if getattr(record, "status", None) == "option":
                continue  # the optimiser's illustrative options: placeholders, marked as such
            for name in names:
                value = getattr(record, name)
                if value is not None:
                    figures.append((kind, record.id, name, float(value)))
    for name in ("base_t", "horizon_t", "china_share"):  # the demand path's sourced figures
        figures.append(("demand", "india", name, float(getattr(demo.demand, name))))
    return figures


def test_every_shipped_figure_has_one_chosen_sourced_and_dated_value(evidence):
    chosen = {}
    for row in evidence:
        if row["chosen"] == "True":
            key = (row["kind"], row["record"], row["field"])
            assert key not in chosen, f"two chosen values for {key}"
            chosen[key] = row
    figures = shipped_figures()
    assert len(figures) > 60
    for kind, record, name, value in figures:
        row = chosen.get((kind, record, name))
        assert row is not None, f"{kind} {record}.{name} = {value:g} has no source"
        assert float(row["value"]) == pytest.approx(value), f"{record}.{name}"
    # and nothing is chosen that the demo does not use
    assert set(chosen) == {(k, r, n) for k, r, n, _ in figures}


def test_every_sourced_value_names_its_publication_link_and_date(evidence):
    for row in evidence:
        where = f"{row['record']}.{row['field']} = {row['value']}"
        assert row["source"].strip(), where
        assert DATE.fullmatch(row["as_of"]), f"{where}: as_of {row['as_of']!r}"
        assert row["unit"].strip(), where
        if "Official brief" not in row["source"]:
            assert row["url"].startswith(("http://", "https://")), where
        if row["note"].startswith("Derived"):
            assert ":" in row["note"], f"{where}: say how it was derived"


def test_at_least_25_real_projects_outside_china_and_20_that_contribute():
    demo = demo_portfolio()
    overseas = [b for b in demo.blocks if b.country not in ("CHN", "IND")]
    assert not [b for b in demo.blocks if b.country == "CHN"]
    assert len(overseas) >= 25
    incomplete = project(demo).inputs.incomplete_blocks
    contributing = [b for b in overseas if b.id not in incomplete]
    assert len(contributing) >= 20
    for block in overseas:
        assert block.source and block.as_of, block.id


def test_incomplete_projects_say_what_they_lack():
    demo = demo_portfolio()
    inputs = project(demo).inputs
    for block_id, line in zip(inputs.incomplete_blocks, inputs.incomplete, strict=False):
        assert line.startswith(f"{demo.block(block_id).name} lacks: "), line
        assert "Missing" in demo.block(block_id).notes, block_id


def test_projects_csv_is_the_demo_blocks():
    demo = {b.id: b for b in demo_portfolio().blocks}
    rows = read_csv("projects.csv")
    assert [r["id"] for r in rows] == list(demo)
    for row in rows:
        block = demo[row["id"]]
        for name in BLOCK_FIGURES:
            cell = row[name]
            expected = getattr(block, name)
            assert (cell == "") == (expected is None), f"{row['id']}.{name}"
            if expected is not None:
                assert float(cell) == pytest.approx(expected)
        assert (row["contributes"] == "yes") == (row["missing"] == "")


def test_deals_and_options_are_marked_illustrative():
    demo = demo_portfolio()
    for deal in demo.deals:
        if deal.id != "irel-domestic":
            assert deal.notes.startswith("Illustrative demo deal"), deal.id
    for plant in demo.plants:
        if plant.status == "option":
            assert plant.notes.startswith("ILLUSTRATIVE OPTION"), plant.id


def test_the_domestic_refiners_three_sourced_figures_are_shipped(evidence):
    values = sorted(
        float(r["value"])
        for r in evidence
        if r["record"] == "irel-domestic" and r["field"] == "nameplate_tpa"
    )
    assert values == [400.0, 500.0, 1500.0]


def test_the_portfolio_carries_the_same_register_as_evidence_csv(evidence):
    demo = demo_portfolio()
    held = [
        (e.record_kind, e.record_id, e.field_name, e.value, e.unit, e.url, e.as_of, bool(e.chosen))
        for e in demo.evidence
    ]
    shipped = [
        (r["kind"], r["record"], r["field"], float(r["value"]), r["unit"], r["url"], r["as_of"])
        + (r["chosen"] == "True",)
        for r in evidence
    ]
    assert held == shipped


def test_the_three_conflicts_of_the_issue_are_in_the_register():
    demo = demo_portfolio()

    def values(record, field):
        return {e.value: e for e in demo.evidence if (e.record_id, e.field_name) == (record, field)}

    irel = values("irel-domestic", "nameplate_tpa")
    assert {400, 500, 1500} <= set(irel)
    imports = values("india", "base_t")
    assert 53700 in imports and "ferrite" in imports[53700].unit
    assert {460, 700, 900} <= set(imports)
    assert all("rare-earth" in imports[v].unit for v in (460, 700, 900))
    assert all(imports[v].url.startswith("https://") for v in (460, 700, 900))
    china = values("india", "china_share")
    assert {0.84, 0.90, 0.93} <= set(china)
    assert all(e.source for group in (irel, imports, china) for e in group.values())
