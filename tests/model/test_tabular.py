"""Excel and CSV: lossless round trip, every bad cell named, nothing applied on error."""

import pytest
from hypothesis import HealthCheck, given, settings
from openpyxl import load_workbook

from model import project
from model.csv_records import read_csv_records
from model.demo import demo_portfolio
from model.importing import apply_import, read_import
from model.interchange import InvalidPortfolio
from model.tabular import read_xlsx, write_xlsx
from tests.builders import portfolios_st


def test_demo_round_trip_is_lossless(tmp_path):
    demo = demo_portfolio()
    write_xlsx(demo, tmp_path / "p.xlsx", projection=project(demo), include_confidential=True)
    assert read_xlsx(tmp_path / "p.xlsx") == demo


def excel_precision(value):
    """Spreadsheets keep 15 significant digits (Excel's own precision)."""
    if isinstance(value, float):
        return float(f"{value:.15g}")
    if isinstance(value, dict):
        return {k: excel_precision(v) for k, v in value.items()}
    if isinstance(value, list):
        return [excel_precision(v) for v in value]
    return value


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(portfolios_st())
def test_generated_portfolios_round_trip(tmp_path_factory, p):
    p = type(p).model_validate(excel_precision(p.model_dump()))
    path = tmp_path_factory.mktemp("x") / "p.xlsx"
    write_xlsx(p, path, include_confidential=True)
    assert read_xlsx(path) == p


def test_headers_carry_units_and_are_frozen(tmp_path):
    demo = demo_portfolio()
    write_xlsx(demo, tmp_path / "p.xlsx", projection=project(demo))
    wb = load_workbook(tmp_path / "p.xlsx")
    assert wb.sheetnames[:4] == ["Blocks", "Firms", "Deals", "Plants"]
    heads = [c.value for c in wb["Blocks"][1]]
    assert "nameplate_tpa (t/yr)" in heads and "resource_treo_t (t TREO)" in heads
    assert all(wb[name].freeze_panes == "A2" for name in wb.sheetnames)
    assert [c.value for c in wb["Projection"][1]][:3] == ["year", "target (t)", "magnets (t)"]


def test_bad_cells_are_listed_exactly(tmp_path):
    path = tmp_path / "p.xlsx"
    write_xlsx(demo_portfolio(), path, include_confidential=True)
    wb = load_workbook(path)
    wb["Deals"]["E5"] = 1.4  # offtake_share of the 4th deal
    wb["Blocks"]["H3"] = "dreaming"  # stage of the 2nd block
    wb["Plants"]["E2"] = -5  # capacity_tpa of the 1st plant
    wb["Blocks"]["C4"] = "XXX"  # country of the 3rd block
    wb.save(path)
    with pytest.raises(InvalidPortfolio) as err:
        read_xlsx(path)
    assert sorted(err.value.problems) == sorted(
        [
            "Deals row 5 (id kabil-white-mesa), column E offtake_share: 1.4 is above 1 (files hold shares as fractions: 1.4 % is 0.014)",
            "Blocks row 3 (id mt-weld), column H stage: \"dreaming\" is not one of 'exploration', 'prefeasibility', 'feasibility', 'construction' or 'producing'",
            "Plants row 2 (id scheme-1-magnet), column E capacity_tpa: -5 is below 0",
            "Blocks row 4 (id mountain-pass), column C country: 'XXX' is not an ISO 3166-1 alpha-3 country code or country name",
        ]
    )


def test_cross_record_problems_name_the_row(tmp_path):
    path = tmp_path / "p.xlsx"
    write_xlsx(demo_portfolio(), path, include_confidential=True)
    wb = load_workbook(path)
    wb["Deals"]["C3"] = "ghost"  # firm of the 2nd deal
    wb.save(path)
    with pytest.raises(InvalidPortfolio) as err:
        read_xlsx(path)
    assert err.value.problems == [
        "Deals row 3 (id kabil-mt-weld), column C firm_id: 'ghost' is not a firm id"
    ]


def test_unknown_columns_and_non_workbooks(tmp_path):
    path = tmp_path / "p.xlsx"
    write_xlsx(demo_portfolio(), path)
    wb = load_workbook(path)
    wb["Firms"]["F1"] = "favourite colour"
    wb.save(path)
    with pytest.raises(
        InvalidPortfolio, match="Firms row 1, column F: 'favourite colour' is not a column of Firms"
    ):
        read_xlsx(path)
    junk = tmp_path / "junk.xlsx"
    junk.write_text("not a workbook")
    with pytest.raises(InvalidPortfolio, match="not an Excel workbook"):
        read_xlsx(junk)


def test_csv_records_merge_and_bad_cells(tmp_path):
    good = tmp_path / "blocks.csv"
    good.write_text(
        "id,name,country,stage,product,nameplate_tpa (t/yr),ndpr_share (0-1),first_year (year)\n"
        "new-one,New One,Canada,feasibility,mixed,1000,0.2,2031\n"
        "nolans,Nolans,AUS,feasibility,ndpr_oxide,4440,0.264,2030\n"
    )
    merged, _ = apply_import(read_import(good, "blocks"), demo_portfolio())
    assert merged.block("nolans").first_year == 2030
    assert merged.block("nolans").source == demo_portfolio().block("nolans").source  # no column
    assert merged.block("new-one").country == "CAN"
    bad = tmp_path / "bad.csv"
    bad.write_text("id,name,country,stage,product\nx,X,AUS,dreaming,mixed\n")
    with pytest.raises(InvalidPortfolio) as err:
        read_csv_records(bad, "blocks")
    assert err.value.problems == [
        "bad.csv line 2 (id x), column stage: \"dreaming\" is not one of 'exploration', "
        "'prefeasibility', 'feasibility', 'construction' or 'producing'"
    ]


def test_bad_cells_of_the_fixed_sheets_are_named(tmp_path):
    path = tmp_path / "p.xlsx"
    write_xlsx(demo_portfolio(), path, include_confidential=True)
    wb = load_workbook(path)
    wb["Target"]["A3"] = "soon"  # a target year
    wb["Portfolio"]["B2"] = 7  # the portfolio's name
    wb["Assumptions"]["D2"] = 5  # a source note
    first_assumption = wb["Assumptions"]["A2"].value
    wb.save(path)
    with pytest.raises(InvalidPortfolio) as err:
        read_xlsx(path)
    assert sorted(err.value.problems) == [
        f"Assumptions row 2 ({first_assumption}), column D source: 5 is not text",
        "Portfolio row 2, column B name: 7 is not text",
        'Target row 3 (soon), column A year: "soon" is not a whole number',
    ]


def test_cell_references_name_columns_as_excel_does():
    from openpyxl.utils import get_column_letter

    from model.sheet_files import column_letter

    assert [column_letter(n) for n in range(1, 1000)] == [
        get_column_letter(n) for n in range(1, 1000)
    ]
