"""A left-out deal's reason names the binding stage as the status bar does ('mine feed')."""

from types import SimpleNamespace

from model.optimise_model import Constraints
from model.plan_reasons import _reason


def test_a_deal_that_adds_nothing_names_the_stage_in_the_official_words():
    result = SimpleNamespace(year=2030, left_out_uncosted=())
    reason = _reason("d1", 0.0, None, result, Constraints(), 0.0, "feed")
    assert reason == "adds nothing in 2030: mine feed binds"
