"""Import refusals in the file's own terms: a CSV by line and column, a merged record by its
CSV line; `repm validate` and `repm import` print one line per problem and change nothing."""

import csv

from model.api import load_portfolio
from model.csv_records import write_csv_records
from model.demo import demo_portfolio
from tests.cli_runner import run


def deals_csv(path, change):
    """The demo's deals as CSV, with `change(rows)` applied to its rows (the header is row 0)."""
    write_csv_records(demo_portfolio(), "deals", path, include_confidential=True)
    with path.open(newline="", encoding="utf-8") as fh:
        rows = list(csv.reader(fh))
    change(rows)
    with path.open("w", newline="", encoding="utf-8") as fh:
        csv.writer(fh).writerows(rows)
    return rows


def column(rows, name):
    return [h.split(" (")[0] for h in rows[0]].index(name)


def test_csv_cells_are_named_by_line_and_column(capsys, tmp_path):
    path = tmp_path / "deals.csv"

    def change(rows):
        rows[5][column(rows, "offtake_share")] = "25"
        rows[2][column(rows, "status")] = "dreamt"

    deals_csv(path, change)
    before = path.read_bytes()
    code, out, err = run(capsys, "validate", path, "--kind", "deals")
    assert code == 2 and out == ""
    lines = err.splitlines()
    assert lines[0] == f"{path}: 2 problems"
    assert lines[1].startswith(
        '  deals.csv line 3 (id kabil-mt-weld), column status: "dreamt" is not one of '
    )
    assert lines[2] == (
        "  deals.csv line 6 (id kabil-nolans), column offtake_share: 25 is above 1 "
        "(files hold shares as fractions: 25 % is 0.25)"
    )
    assert path.read_bytes() == before


def test_a_merged_record_is_named_by_its_csv_line(capsys, portfolio_path, tmp_path):
    path = tmp_path / "deals.csv"
    deals_csv(path, lambda rows: rows[4].__setitem__(column(rows, "firm_id"), "ghost"))
    before, file_bytes = load_portfolio(portfolio_path), portfolio_path.read_bytes()
    code, out, err = run(capsys, "import", path, "--db", portfolio_path, "--kind", "deals")
    assert code == 2 and out == ""
    assert err == (
        f"{path}: deals.csv line 5 (id kabil-white-mesa), column firm_id: 'ghost' is not a firm id\n"
    )
    assert portfolio_path.read_bytes() == file_bytes
    assert load_portfolio(portfolio_path) == before


def test_a_required_column_missing_from_a_csv_says_so(capsys, tmp_path):
    path = tmp_path / "plants.csv"
    path.write_text("id,name,stage,status\nsep-1,Separation line,separation,planned\n")
    code, _, err = run(capsys, "validate", path, "--kind", "plants")
    assert code == 2
    assert err == f"{path}: plants.csv line 2 (id sep-1), capacity_tpa: is required\n"


PLANTS = "id,name,stage,capacity_tpa (t/yr),status\nsep-9,Separation nine,separation,1500,planned\n"


def test_a_csv_header_that_fits_one_table_tells_its_kind(capsys, portfolio_path, tmp_path):
    path = tmp_path / "new lines.csv"
    path.write_text(PLANTS)
    code, out, _ = run(capsys, "validate", path)
    assert code == 0
    assert out == (
        f"{path}: valid on its own (1 plants; read as plants: its header row has that "
        "table's columns)\n"
    )
    code, out, _ = run(capsys, "import", path, "--db", portfolio_path)
    assert code == 0 and "merged plants from" in out and "its header row has" in out
    assert load_portfolio(portfolio_path).plants[-1].id == "sep-9"


def test_a_csv_whose_table_cannot_be_told_names_kind(capsys, portfolio_path, tmp_path):
    path = tmp_path / "lines.csv"
    path.write_text(PLANTS.replace("capacity_tpa (t/yr)", "capacity"))
    file_bytes = portfolio_path.read_bytes()
    for command in (["validate", path], ["import", path, "--db", portfolio_path]):
        code, out, err = run(capsys, *command)
        assert code == 2 and out == ""
        assert err == (
            f"{path}: which table it holds cannot be told from its name (lines.csv) or its "
            "header row fits no table; use --kind blocks|firms|deals|plants\n"
        )
    assert portfolio_path.read_bytes() == file_bytes
    code, _, err = run(capsys, "validate", path, "--kind", "plants")
    assert code == 2
    assert err == f"{path}: lines.csv line 1, column 4: 'capacity' is not a column of plants\n"
