"""Reading and writing the interchange file; bad files name the field and the problem."""

import json

import pytest

from model import InvalidPortfolio, load_portfolio
from model.demo import demo_portfolio
from model.interchange import portfolio_to_dict, write_interchange


def write(tmp_path, data):
    path = tmp_path / "p.json"
    path.write_text(json.dumps(data))
    return path


def demo_dict():
    return portfolio_to_dict(demo_portfolio())


def test_round_trip_is_lossless(tmp_path):
    original = demo_portfolio()
    write_interchange(original, tmp_path / "out.json")
    assert load_portfolio(tmp_path / "out.json") == original


def test_allocation_rule_is_read_and_a_wrong_word_is_named(tmp_path):
    data = demo_dict()
    data["assumptions"]["separation_allocation"] = "pro_rata"
    assert load_portfolio(write(tmp_path, data)).assumptions.separation_allocation == "pro_rata"
    data["assumptions"]["separation_allocation"] = "first_come"
    with pytest.raises(InvalidPortfolio) as err:
        load_portfolio(write(tmp_path, data))
    assert any(p.startswith("assumptions.separation_allocation:") for p in err.value.problems)


def test_offtake_above_one_names_the_field(tmp_path):
    data = demo_dict()
    data["deals"][3]["offtake_share"] = 1.4
    with pytest.raises(InvalidPortfolio) as err:
        load_portfolio(write(tmp_path, data))
    assert "deals[3].offtake_share: 1.4 is above 1" in err.value.problems


def test_every_problem_is_listed(tmp_path):
    data = demo_dict()
    data["blocks"][0]["stage"] = "dreaming"
    data["blocks"][1]["country"] = "XXX"
    del data["firms"][0]["kind"]
    data["plants"][0]["capacity_tpa"] = -5
    with pytest.raises(InvalidPortfolio) as err:
        load_portfolio(write(tmp_path, data))
    problems = err.value.problems
    assert any(p.startswith('blocks[0].stage: "dreaming" is not one of') for p in problems)
    assert (
        "blocks[1].country: 'XXX' is not an ISO 3166-1 alpha-3 country code or country name"
        in problems
    )
    assert "firms[0].kind: is required" in problems
    assert "plants[0].capacity_tpa: -5 is below 0" in problems
    assert len(problems) == 4


def test_offtake_sum_over_one_on_a_block_is_an_error(tmp_path):
    data = demo_dict()
    extra = dict(data["deals"][1], id="second", offtake_share=0.99)
    data["deals"].append(extra)
    with pytest.raises(InvalidPortfolio) as err:
        load_portfolio(write(tmp_path, data))
    (problem,) = err.value.problems
    assert problem.startswith("deals on block 'mt-weld': offtake shares of non-rejected deals")
    assert "must not exceed 1" in problem


def test_dangling_references_and_duplicates(tmp_path):
    data = demo_dict()
    data["deals"][0]["firm_id"] = "ghost"
    data["blocks"].append(dict(data["blocks"][0]))
    with pytest.raises(InvalidPortfolio) as err:
        load_portfolio(write(tmp_path, data))
    assert "deals[0].firm_id: 'ghost' is not a firm id" in err.value.problems
    duplicate = len(data["blocks"]) - 1
    assert (
        f"blocks[{duplicate}].id: 'irel-domestic' is already used by blocks[0]"
        in err.value.problems
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("{not json", "(file): not valid JSON at line 1 column 2"),
        ("[]", "(file): the top level must be a JSON object"),
        ('{"format": "other", "version": 1}', "format: 'other' is not 'repm-portfolio'"),
        ('{"format": "repm-portfolio", "version": 9}', "version: 9 was written by a newer"),
    ],
)
def test_unreadable_files(tmp_path, text, expected):
    path = tmp_path / "bad.json"
    path.write_text(text)
    with pytest.raises(InvalidPortfolio) as err:
        load_portfolio(path)
    assert err.value.problems[0].startswith(expected)


def test_missing_file(tmp_path):
    with pytest.raises(InvalidPortfolio, match="no such file"):
        load_portfolio(tmp_path / "absent.json")


def test_demo_uses_only_sourced_blocks():
    demo = demo_portfolio()
    assert all(b.source and b.as_of for b in demo.blocks)
    colossus = demo.block("colossus")
    assert colossus.nameplate_tpa is None and colossus.ndpr_share is None  # not found: left empty
