"""The what-if's change as the chart counts it and if the block's deals close, worked on paper:
1,000 t NdPr oxide/yr at 3 t magnet per t oxide, ample metal and magnet plants."""

import pytest

from model import Deal
from model.inputs import build_inputs
from model.interchange import write_interchange
from model.what_if import WhatIf
from model.what_if_change import what_if_change
from tests.builders import ample_downstream, block, deal, portfolio
from tests.cli_runner import run

YEAR = 2030
P_CONSTRUCTION, P_CANDIDATE, P_MOU = 0.85, 0.1, 0.5  # model/assumptions.py defaults


def two_blocks(*extra_deals):
    """A producing block fully India's (3,000 t magnets) and a block under construction with a
    candidate deal for 20 % of its output."""
    return portfolio(
        [
            block("home", nameplate_tpa=1000.0),
            block("new", stage="construction", first_year=2026, ramp_years=1, nameplate_tpa=1000.0),
        ],
        [
            deal("home"),
            Deal(id="cand", block_id="new", firm_id="f", status="candidate", offtake_share=0.2),
            *extra_deals,
        ],
        ample_downstream(),
    )


def change(p, what_if, mode="expected"):
    return what_if_change(build_inputs(p, None, mode=mode), p, None, what_if, YEAR)


def test_expected_change_is_weighted_and_the_closed_change_is_not():
    c = change(two_blocks(), WhatIf("new", offtake_total=0.15))
    weight = P_CONSTRUCTION * P_CANDIDATE
    assert c.before_t == pytest.approx(3000 + 1000 * 0.2 * weight * 3)
    assert c.delta_t == pytest.approx(-1000 * 0.05 * weight * 3)  # -12.75 t
    assert c.chances == pytest.approx((P_CANDIDATE,))
    # Closed: the deal's chance is 1, the project's own risk (0.85) stays.
    assert c.closed_before_t == pytest.approx(3000 + 1000 * 0.2 * P_CONSTRUCTION * 3)
    assert c.closed_delta_t == pytest.approx(-1000 * 0.05 * P_CONSTRUCTION * 3)  # -127.5 t
    assert c.total_line() == "3,051 t -> 3,038 t in 2030 (-13 t, expected)"
    assert c.closed_line() == ("If the deal closes: -128 t (3,510 t -> 3,382 t); now 10.0 % likely")


def test_a_delay_past_the_year_loses_the_whole_delivery():
    c = change(two_blocks(), WhatIf("new", delay_years=10))
    assert c.delta_t == pytest.approx(-1000 * 0.2 * P_CONSTRUCTION * P_CANDIDATE * 3)
    assert c.closed_delta_t == pytest.approx(-1000 * 0.2 * P_CONSTRUCTION * 3)


def test_committed_mode_leaves_the_candidate_out_but_says_what_closing_costs():
    c = change(two_blocks(), WhatIf("new", offtake_total=0.15), mode="committed")
    assert c.delta_t == 0 and c.before_t == pytest.approx(3000)
    assert c.closed_delta_t == pytest.approx(-1000 * 0.05 * 3)  # committed: full weight
    assert c.closed_line().endswith("; left out in committed mode")


def test_all_mode_counts_the_deal_in_full_so_there_is_one_figure():
    c = change(two_blocks(), WhatIf("new", offtake_total=0.15), mode="all")
    assert c.delta_t == pytest.approx(-1000 * 0.05 * 3)
    assert c.closed_delta_t is None
    assert c.closed_line() == "Bottleneck in 2030: mine feed."


def test_every_live_deal_of_the_block_closes():
    mou = Deal(id="mou", block_id="new", firm_id="f", status="mou", offtake_share=0.3)
    c = change(two_blocks(mou), WhatIf("new", offtake_total=0.25))  # each share x 0.5
    assert c.chances == pytest.approx((P_CANDIDATE, P_MOU))
    expected = 1000 * (0.2 * P_CANDIDATE + 0.3 * P_MOU) * P_CONSTRUCTION * 3
    assert c.delta_t == pytest.approx(-expected / 2)
    assert c.closed_delta_t == pytest.approx(-1000 * 0.5 * P_CONSTRUCTION * 3 / 2)
    assert c.closed_line().endswith("; now 10.0 %, 50.0 % likely")


def test_repm_what_if_prints_both_figures(tmp_path, capsys):
    path = tmp_path / "p.json"
    write_interchange(two_blocks(), path)
    code, out, err = run(
        capsys, "what-if", "--portfolio", path, "--block", "new", "--offtake", "0.15"
    )
    assert (code, err) == (0, "")
    assert out.splitlines() == [
        "3,051 t -> 3,038 t in 2030 (-13 t, expected)",
        "If the deal closes: -128 t (3,510 t -> 3,382 t); now 10.0 % likely",
    ]


def test_repm_what_if_refuses_in_one_line(capsys):
    code, out, err = run(capsys, "what-if", "--demo", "--block", "nowhere", "--delay", "1")
    assert code == 2 and out == ""
    assert err == "repm what-if: --block nowhere: not a block of this portfolio\n"
