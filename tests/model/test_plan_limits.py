"""'No plan meets the limits' names the limit and by how much: every limit it names, relaxed on
its own, gives a plan; every active limit it does not name leaves none; the country share it
says would work does."""

import re
from dataclasses import replace

import pytest

from model.demo import demo_portfolio
from model.optimise import Constraints, optimise
from model.plan import Plan, evaluate, open_deals
from model.plan_limits import RELAX, _active
from model.plan_limits import no_plan_words as words

YEAR = 2030
APP = 'tick "Count unknown costs as 0"'


def _run(c: Constraints):
    return optimise(demo_portfolio(), YEAR, "max-expected", c, evaluation_draws=0)


@pytest.fixture(scope="module")
def tester():
    """The tester's request: INR 5,000 crore, at most 40% from one country, at most 4 deals."""
    budget = 5000 / demo_portfolio().assumptions.inr_per_usd
    c = Constraints(budget_musd=budget, max_country_share=0.4, max_deals=4)
    return c, _run(c)


def test_the_limit_that_leaves_no_plan_is_named_and_each_named_one_works(tester):
    c, result = tester
    assert result.status == "infeasible" and result.plan is None
    facts = result.no_plan
    assert facts is not None and "country" in facts.fixes
    for key in _active(c, len(result.left_out_uncosted)):
        relaxed = _run(RELAX[key](c))
        assert (relaxed.plan is not None) == (key in facts.fixes), key
    # the share the note states is the model's share with no new deal (every option built)
    demo = demo_portfolio()
    options = tuple(p.id for p in demo.plants if p.status == "option")
    alone = evaluate(demo, Plan((), options), YEAR, draws=0)
    code, share = max(alone.country_shares.items(), key=lambda kv: kv[1])
    said = words(facts, APP)
    assert code == "IND" and f"India (domestic supply) already supplies {share:.0%}" in said
    assert "the limit of 40% from one country" in said


def test_the_country_share_it_says_works_gives_a_plan():
    c = Constraints(max_country_share=0.2, max_deals=2)
    result = _run(c)
    said = words(result.no_plan, APP)
    found = re.search(r"allowing up to (\d+)% from one country gives a plan", said)
    assert found, said
    share = int(found.group(1)) / 100
    assert 0.2 < share <= 1.0
    assert _run(replace(c, max_country_share=share)).plan is not None


def test_insisted_deals_over_the_deal_limit_are_said():
    demo = demo_portfolio()
    musts = tuple(open_deals(demo))[:3]
    c = Constraints(max_deals=1, include=musts, include_uncosted=True)
    result = _run(c)
    assert result.plan is None
    said = words(result.no_plan, APP).lower()
    assert f"you insist on {len(musts)} new deals, over the limit of 1" in said
    assert "include" in result.no_plan.fixes


def test_the_way_to_count_unknown_costs_is_said_where_the_user_is(tester):
    _c, result = tester
    cli = " ".join(result.as_dict()["notes"])
    app = " ".join(result.all_notes(APP))
    assert "--include-uncosted" in cli and APP not in cli
    assert APP in app and "--include-uncosted" not in app


@pytest.mark.parametrize(
    ("workable", "proven_none", "said", "not_said"),
    [
        (0.5501, None, "allowing up to 56% from one country gives a plan", "100%"),
        (0.996875, None, "allowing up to 99.7% from one country gives a plan", "to 100%"),
        (1.0, None, "Dropping the limit of 40% from one country gives a plan.", "allowing"),
        (1.0, 0.98125, "no share limit below 100% works: even 98% from one country", "allowing"),
    ],
)
def test_the_country_share_that_works_reads_plainly(workable, proven_none, said, not_said):
    """Facts as the diagnosis leaves them; no limit is ever said to be 'raised to 100%'."""
    from model.plan_limits import NoPlan

    facts = NoPlan(
        year=YEAR,
        inr_per_usd=88.72,
        constraints=Constraints(max_country_share=0.4),
        fixes=["country"],
        workable_country_share=workable,
        country_share_without_plan=proven_none,
    )
    text = words(facts, APP)
    assert said in text and not_said not in text
