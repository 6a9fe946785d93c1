"""A plan's cost is stated with its unknown part: never USD 0.0 m for deals without a cost, never
'confidential' for a cost that does not exist (Plan view, `repm optimise`, the briefing)."""

import json

from model.demo import demo_portfolio
from model.plan_cost_words import cost_sentence
from tests.cli_runner import run

ARGS = ["optimise", "--demo", "--year", "2030", "--objective", "max-expected"]
ARGS += ["--include-uncosted", "--max-deals", "3", "--draws", "50"]


def test_known_and_unknown_parts_in_one_sentence():
    assert cost_sentence(130.0, ["a", "b", "c"], ["p"], ["a", "b", "c"], 88.72) == (
        "USD 130.0 m (INR 1,153 crore) plus 3 deals of unknown cost"
    )
    deals = [f"d{i}" for i in range(22)]
    assert cost_sentence(0.0, deals, [], deals, 88.72) == "unknown for all 22 deals"
    assert cost_sentence(5.0, ["a"], [], [], 88.72) == "USD 5.0 m (INR 44 crore)"


def test_no_word_is_said_twice_after_the_label_every_caller_puts_before_it():
    """Plan view 'cost …', repm 'cost: …', briefing 'Cost of the plan: …', 'Plant options: …'."""
    forms = [
        (0.0, ["a"], [], ["a"]),  # the one deal, unknown
        (0.0, ["a", "b", "c", "d"], [], ["a", "b", "c", "d"]),  # all unknown
        (0.0, ["a"], ["p"], ["a", "p"]),  # a deal and an option, all unknown
        (0.0, [], ["p", "q"], ["p", "q"]),  # options only
        (12.0, ["a", "b"], ["p"], ["b"]),  # known part plus one unknown
        (12.0, ["a"], [], []),  # all known
        (None, ["a", "b"], [], ["b"]),  # known part withheld
        (0.0, [], [], []),  # nothing chosen
    ]
    for cost, deals, plants, unknown in forms:
        words = cost_sentence(cost, deals, plants, unknown, 88.72)
        for label in ("cost", "cost:", "Cost of the plan:", "Plant options:"):
            said = f"{label} {words}".lower().replace(":", "").split()
            doubled = [a for a, b in zip(said, said[1:], strict=False) if a == b]
            assert not doubled, f"{label} {words}"
            assert "cost cost" not in f"{label} {words}".lower().replace(":", "")


def test_repm_optimise_says_which_costs_are_unknown(capsys):
    code, out, err = run(capsys, *ARGS, "--format", "json")
    assert code == 0, err
    data = json.loads(out)
    demo = demo_portfolio()
    uncosted = {d.id for d in demo.deals if d.cost_musd is None}
    code, table, err = run(capsys, *ARGS)
    costs = [line for line in table.splitlines() if line.strip().startswith("cost:")]
    assert len(costs) == 2
    for figures, line in zip((data, data["greedy"]), costs, strict=True):
        unknown = len(set(figures["chosen_deals"]) & uncosted)
        assert unknown  # every demo deal lacks a cost
        assert f"{unknown} deal" in line and "unknown" in line, line
        assert "USD 0.0 m" not in line or "plus" in line
