"""A value typed by hand moves its figure's `chosen` mark: to the sourced value it equals, else to
none, and the figure's value in use is then typed by hand (model.evidence)."""

from model.demo import demo_portfolio
from model.evidence import (
    in_use,
    marks_for_value,
    problems,
    rows,
    summary,
    type_value,
    typed_by_hand,
    values_of,
)

IREL = ("blocks", "irel-domestic", "nameplate_tpa")


def _by_value(portfolio, figure=IREL):
    return {e.value: e for e in values_of(portfolio, *figure)}


def test_a_typed_value_equal_to_a_sourced_one_moves_the_mark_to_it():
    demo = demo_portfolio()
    assert in_use(demo, *IREL).value == 400
    typed = type_value(demo, *IREL, 1500.0)
    assert typed.block("irel-domestic").nameplate_tpa == 1500
    assert in_use(typed, *IREL).value == 1500
    assert [e.value for e in values_of(typed, *IREL) if e.chosen] == [1500]
    assert not typed_by_hand(typed, *IREL) and not problems(typed)


def test_a_typed_value_equal_to_none_marks_none_and_is_typed_by_hand():
    demo = demo_portfolio()
    typed = type_value(demo, *IREL, 1234.0)
    assert not any(e.chosen for e in values_of(typed, *IREL))
    assert in_use(typed, *IREL) is None and typed_by_hand(typed, *IREL)
    cli = [r for r in rows(typed, "irel-domestic") if r["field"] == "nameplate_tpa"]
    assert len(cli) == 3 and not any(r["chosen"] for r in cli)
    tip = summary(values_of(typed, *IREL), 1234.0)
    assert tip.splitlines()[1] == "in use: 1,234 typed by hand"
    assert "in use: 400" not in tip
    # typed back to a sourced value: the mark follows
    back = type_value(typed, *IREL, 500.0)
    assert in_use(back, *IREL).value == 500 and not typed_by_hand(back, *IREL)


def test_typing_the_value_in_use_again_moves_nothing():
    demo = demo_portfolio()
    assert marks_for_value(demo, *IREL, 400.0) == {}
    assert type_value(demo, *IREL, 400.0) == demo


def test_a_year_typed_equal_to_a_sourced_year_takes_its_mark():
    demo = demo_portfolio()
    figure = ("blocks", "eneabba", "first_year")
    typed = type_value(demo, *figure, 2025)
    assert in_use(typed, *figure).value == 2025
    assert typed.block("eneabba").first_year == 2025


def test_a_demand_typed_equal_to_an_import_figure_does_not_mark_it():
    """700 t of imports is another quantity: it cannot be the demand in use, even typed."""
    demo = demo_portfolio()
    figure = ("demand", "india", "base_t")
    imports = _by_value(demo, figure)[700]
    assert imports.unit != in_use(demo, *figure).unit
    typed = type_value(demo, *figure, 700.0)
    assert not _by_value(typed, figure)[700].chosen
    assert in_use(typed, *figure) is None and typed_by_hand(typed, *figure)
    assert not problems(typed)


def test_a_stale_mark_left_by_an_older_version_is_not_in_use():
    """A file whose figure was edited before hand edits moved the mark still marks 400."""
    demo = demo_portfolio()
    blocks = [
        b.model_copy(update={"nameplate_tpa": 999.0}) if b.id == "irel-domestic" else b
        for b in demo.blocks
    ]
    stale = demo.model_copy(update={"blocks": blocks})
    assert _by_value(stale)[400].chosen
    assert in_use(stale, *IREL) is None and typed_by_hand(stale, *IREL)
    assert not any(r["chosen"] for r in rows(stale, "irel-domestic"))


def test_repm_evidence_says_which_figures_were_typed_by_hand(capsys, tmp_path):
    import json

    from model.interchange import portfolio_to_dict
    from tests.cli_runner import run

    typed = type_value(demo_portfolio(), *IREL, 1234.0)
    path = tmp_path / "typed.json"
    path.write_text(json.dumps(portfolio_to_dict(typed)))
    code, out, _err = run(capsys, "evidence", "--portfolio", str(path), "--record", "irel-domestic")
    assert code == 0
    assert "irel-domestic nameplate_tpa = 1,234 typed by hand" in out
    assert not any(line.startswith("*") for line in out.splitlines() if "nameplate" in line)
    code, out, _err = run(capsys, "evidence", "--demo")
    assert code == 0 and "typed by hand" not in out
