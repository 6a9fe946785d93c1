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
    assert err.value.problems == [
        f"deals[3] (id {data['deals'][3]['id']}).offtake_share: 1.4 is above 1 "
        "(files hold shares as fractions: 1.4 % is 0.014)"
    ]


def test_every_problem_is_listed(tmp_path):
    data = demo_dict()
    data["blocks"][0]["stage"] = "dreaming"
    data["blocks"][1]["country"] = "XXX"
    del data["firms"][0]["kind"]
    data["plants"][0]["capacity_tpa"] = -5
    with pytest.raises(InvalidPortfolio) as err:
        load_portfolio(write(tmp_path, data))
    problems = err.value.problems
    b0, b1 = data["blocks"][0]["id"], data["blocks"][1]["id"]
    stage = f'blocks[0] (id {b0}).stage: "dreaming" is not one of'
    assert any(p.startswith(stage) for p in problems)
    assert (
        f"blocks[1] (id {b1}).country: 'XXX' is not an ISO 3166-1 alpha-3 country code or "
        "country name" in problems
    )
    assert f"firms[0] (id {data['firms'][0]['id']}).kind: is required" in problems
    assert f"plants[0] (id {data['plants'][0]['id']}).capacity_tpa: -5 is below 0" in problems
    assert len(problems) == 4


def test_offtake_sum_over_one_on_a_block_is_an_error(tmp_path):
    data = demo_dict()
    extra = dict(data["deals"][1], id="second", offtake_share=0.99)
    data["deals"].append(extra)
    with pytest.raises(InvalidPortfolio) as err:
        load_portfolio(write(tmp_path, data))
    (problem,) = err.value.problems
    assert problem == (  # the block by id and name, each deal by id, the sum
        "block 'mt-weld' (Mt Weld): the offtake shares of its non-rejected deals add up to "
        "104.0 % (kabil-mt-weld 5.0 %, second 99.0 %); together they may take at most 100.0 % "
        "of its output"
    )


def test_dangling_references_and_duplicates(tmp_path):
    data = demo_dict()
    data["deals"][0]["firm_id"] = "ghost"
    data["blocks"].append(dict(data["blocks"][0]))
    with pytest.raises(InvalidPortfolio) as err:
        load_portfolio(write(tmp_path, data))
    deal = data["deals"][0]["id"]
    assert f"deal '{deal}', firm: 'ghost' is not a firm id" in err.value.problems
    name = data["blocks"][0]["name"]
    assert (  # the kind, id and name, the field's label, the value; the other by its place
        f"block 'irel-domestic' ({name}), id: 'irel-domestic' is already used by the 1st block"
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


def test_a_record_is_named_by_index_and_id(tmp_path):
    data = demo_dict()
    data["deals"][4]["id"] = "kabil-nolans"
    data["deals"][4]["offtake_share"] = 1.4
    with pytest.raises(InvalidPortfolio) as err:
        load_portfolio(write(tmp_path, data))
    assert err.value.problems[0].startswith(
        "deals[4] (id kabil-nolans).offtake_share: 1.4 is above 1"
    )


def test_a_record_without_an_id_keeps_its_index_alone(tmp_path):
    data = demo_dict()
    data["deals"][4]["id"] = ""
    with pytest.raises(InvalidPortfolio) as err:
        load_portfolio(write(tmp_path, data))
    assert "deals[4].id: must not be empty" in err.value.problems


def test_a_share_typed_as_a_percentage_gets_a_hint(tmp_path):
    data = demo_dict()
    data["deals"][4]["id"] = "kabil-nolans"
    data["deals"][4]["offtake_share"] = 25
    with pytest.raises(InvalidPortfolio) as err:
        load_portfolio(write(tmp_path, data))
    assert err.value.problems == [
        "deals[4] (id kabil-nolans).offtake_share: 25 is above 1 "
        "(files hold shares as fractions: 25 % is 0.25)"
    ]


def test_the_hint_only_for_values_a_percentage_could_be(tmp_path):
    data = demo_dict()
    data["deals"][4]["offtake_share"] = 250
    data["blocks"][0]["ndpr_share"] = 30
    with pytest.raises(InvalidPortfolio) as err:
        load_portfolio(write(tmp_path, data))
    problems = "\n".join(err.value.problems)
    assert "offtake_share: 250 is above 1" in problems
    assert "ndpr_share: 30 is above 1 (files hold shares as fractions: 30 % is 0.3)" in problems
    assert problems.count("files hold shares") == 1
