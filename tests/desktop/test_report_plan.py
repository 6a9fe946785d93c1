"""The briefing's optional recommended-plan page: the plan as the model projects it, deal costs
left out unless confidential fields are included."""

import html

from desktop.report import build_document
from desktop.report_plan import plan_page
from model.demo import demo_portfolio
from model.optimise import Constraints, optimise
from tests.cli_runner import run


def costed_demo():
    demo = demo_portfolio()
    deals = [
        d.model_copy(update={"cost_musd": 123.4}) if d.id == "kabil-nolans" else d
        for d in demo.deals
    ]
    return demo.model_copy(update={"deals": deals})


def test_plan_page_shows_the_plan_and_keeps_deal_costs_confidential(qapp):
    p = costed_demo()
    plan = optimise(
        p,
        2030,
        "max-expected",
        Constraints(include=("kabil-nolans",), max_deals=1),
        evaluation_draws=200,
    )
    assert plan.plan.plan.closed == ("kabil-nolans",)
    redacted = build_document(p, draws=200, plan=plan).toPlainText()
    assert "Recommended plan for 2030" in redacted
    assert "Close: Nolans" in redacted and "confidential" in redacted
    assert "123.4" not in redacted and "Deal costs are confidential" in redacted
    assert f"{plan.plan.magnets_in_year:,.0f} t expected in 2030" in redacted
    full = build_document(p, draws=200, plan=plan, include_confidential=True).toPlainText()
    assert "123.4" in full and "Cost of the plan: USD 123.4 m" in full
    assert "Recommended plan" not in build_document(p, draws=200).toPlainText()


def test_repm_report_with_a_plan_page(tmp_path, capsys):
    out = tmp_path / "brief.pdf"
    code, text, err = run(
        capsys,
        "report",
        "--demo",
        "--draws",
        "100",
        "--out",
        out,
        "--plan-objective",
        "max-expected",
        "--include-uncosted",
    )
    assert code == 0, err
    assert out.stat().st_size > 0 and "wrote" in text


def test_briefing_says_unknown_not_confidential_for_a_deal_without_a_cost(qapp):
    demo = demo_portfolio()
    plan = optimise(
        demo,
        2030,
        "max-expected",
        Constraints(max_deals=2, include_uncosted=True),
        evaluation_draws=100,
    )
    closed = plan.plan.plan.closed
    assert closed and all(d.cost_musd is None for d in demo.deals if d.id in closed)
    text = build_document(demo, draws=100, plan=plan).toPlainText()
    page = text[text.index("Recommended plan") :]
    assert "confidential" not in page.split("The plan")[0]
    assert "unknown" in page and f"{len(closed)} deal" in page


def test_plan_page_says_which_form_of_the_country_limit_the_plan_was_found_under():
    from desktop.report_plan import plan_page
    from tests.model.test_country_cap import _portfolio

    p = _portfolio()
    for imported_only, said in ((False, "60% of all supply"), (True, "60% of imported supply")):
        c = Constraints(max_country_share=0.6, max_deals=2, cap_imported_only=imported_only)
        result = optimise(p, 2030, "max-expected", c, evaluation_draws=0)
        page = " ".join(plan_page(result, p, include_confidential=True))
        assert f"Country limit: at most {said}" in page
        # with the imports form, the shares it limited (Malawi 150 t and Brazil 120 t of 270 t)
        assert ("Shares of imports: Malawi 56%, Brazil 44%" in page) == imported_only
        # the rank order (Australia, Malawi) has Australia at 77% of imports
        assert ("outside the share limits set for the plan" in page) == imported_only


def test_plan_page_states_the_limits_the_plan_was_chosen_under(qapp):
    """The tester's plan: INR 5,000 crore, 40 % from one country, at most 4 new deals, unknown
    costs counted as 0; the page states each from the plan's own inputs."""
    demo = demo_portfolio()
    rate = demo.assumptions.inr_per_usd
    budget = 5000 * 1e7 / rate / 1e6  # INR 5,000 crore in USD m
    c = Constraints(
        budget_musd=budget,
        max_country_share=0.4,
        max_deals=4,
        include_uncosted=True,
        exclude=("option-separation",),
    )
    plan = optimise(demo, 2030, "max-expected", c, evaluation_draws=100)
    text = build_document(demo, draws=100, plan=plan).toPlainText()
    page = text[text.index("Recommended plan") :]
    limits = page[page.index("Limits this plan was chosen under") : page.index("Decision")]
    assert f"Budget: INR 5,000 crore (USD {budget:,.1f} m at 88.72 INR/USD)." in limits
    assert "Country limit: at most 40% of all supply from any one country" in limits
    assert "New deals: at most 4." in limits
    assert "No minimum share from India's MoU partners." in limits
    unknown = len(plan.plan.uncosted)
    assert unknown > 0  # every demo deal's cost is unknown
    assert f"Unknown costs counted as 0: {unknown} of the chosen deals and options" in limits
    assert "Ruled out: Option (illustrative)" in limits
    assert "P(target) from 100 Monte Carlo draws." in limits


def test_plan_page_says_when_unknown_costs_were_left_out_and_nothing_was_limited(qapp):
    demo = demo_portfolio()
    budgeted = optimise(
        demo, 2030, "max-expected", Constraints(budget_musd=100.0), evaluation_draws=0
    )
    page = html.unescape(" ".join(plan_page(budgeted, demo, include_confidential=False)))
    n = len(budgeted.left_out_uncosted)
    assert n > 0 and f"Unknown costs not counted as 0: {n} deals and options" in page
    free = optimise(demo, 2030, "max-expected", Constraints(max_deals=1), evaluation_draws=0)
    page = html.unescape(" ".join(plan_page(free, demo, include_confidential=False)))
    assert "Budget: none" in page and "No limit on one country's share." in page
    assert "no budget, so they did not matter" in page
