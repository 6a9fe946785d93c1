"""CSV of computed outputs: numbers to 6 significant digits, not float noise."""

import csv
import io

from model.cli import main


def test_project_csv_has_no_float_noise(capsys):
    assert main(["project", "--demo", "--format", "csv"]) == 0
    rows = list(csv.reader(io.StringIO(capsys.readouterr().out)))
    numbers = [cell for row in rows[1:] for cell in row if cell[:1].isdigit()]
    assert numbers and all(len(cell.replace(".", "").lstrip("0")) <= 8 for cell in numbers)
    assert any("." in cell for cell in numbers)  # fractions are kept, only rounded


def test_tidy_keeps_six_significant_digits():
    from model.cli.output import csv_text

    text = csv_text(["t", "share", "big"], [[536.5502368000001, 0.000123456789, 1234567.89]])
    assert text.splitlines()[1] == "536.55,0.000123457,1234568.0"
