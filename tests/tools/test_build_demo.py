"""The demo is built from plain data files (tools/demo_data/) into the shipped resources."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from model.resources import resource_path

TOOLS = Path(__file__).resolve().parents[2] / "tools"
sys.path.insert(0, str(TOOLS))

import build_demo  # noqa: E402
import demo_loader  # noqa: E402

SHIPPED = ("projects.csv", "evidence.csv", "demo-portfolio.json")


def test_the_data_files_build_the_shipped_resources_byte_for_byte():
    built = build_demo.build(demo_loader.load())
    assert sorted(built) == sorted(SHIPPED)
    for name in SHIPPED:
        # an edit to tools/demo_data/ needs `python tools/build_demo.py` and the result committed
        assert built[name].encode("utf-8") == resource_path(name).read_bytes(), name


def test_the_command_writes_the_same_files(tmp_path):
    done = run_build("--out", str(tmp_path))
    assert done.returncode == 0, done.stderr
    for name in SHIPPED:
        assert (tmp_path / name).read_bytes() == resource_path(name).read_bytes(), name


def run_build(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(TOOLS / "build_demo.py"), *args],
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.fixture
def data(tmp_path) -> Path:
    folder = tmp_path / "data"
    shutil.copytree(demo_loader.DATA, folder)
    return folder


def spoil(path: Path, starts: str, old: str, new: str) -> int:
    """Replace `old` by `new` in the first line starting with `starts`; return that line's number."""
    lines = path.read_text(encoding="utf-8").split("\n")
    number = next(i for i, line in enumerate(lines) if line.startswith(starts))
    assert old in lines[number]
    lines[number] = lines[number].replace(old, new, 1)
    path.write_text("\n".join(lines), encoding="utf-8")
    return number + 1


@pytest.mark.parametrize(
    ("file", "starts", "old", "new", "says"),
    [
        ("sourced_values.csv", "blocks,mt-weld,nameplate_tpa,10500,", "10500", "10,500",
         "cells, expected 10"),
        ("sourced_values.csv", "blocks,mt-weld,nameplate_tpa,10500,", "10500", "ten",
         "value 'ten' is not a number"),
        ("sourced_values.csv", "blocks,mt-weld,nameplate_tpa,12000,", ",no,", ",yes,",
         "a second chosen value for mt-weld nameplate_tpa"),
        ("sourced_values.csv", "blocks,nolans,first_year,", "nolans", "nolan",
         "record 'nolan' is not an id in blocks.csv"),
        ("sourced_values.csv", "blocks,nolans,first_year,", "first_year", "first_yr",
         "field 'first_yr' is not a sourced figure of blocks"),
        ("sourced_values.csv", "blocks,nolans,first_year,", ",2028,", ",2028.5,",
         "first_year 2028.5 is not a whole year"),
        ("sourced_values.csv", "blocks,nolans,first_year,", ",yes,2025,", ",yes,2025/26,",
         "as_of '2025/26' is not a date"),
        ("sourced_values.csv", "blocks,nolans,first_year,", ",yes,", ",true,",
         "chosen 'true' is not 'yes' or 'no'"),
        ("blocks.csv", "dubbo,", ",-32.47,", ",,", "lat '' is not a number"),
        ("deals.csv", "kabil-dubbo,", "kabil-dubbo,dubbo,", "kabil-dubbo,dubbo2,",
         "block_id 'dubbo2' is not an id in blocks.csv"),
        ("firms.csv", "nmdc,", "nmdc,", "kabil,", "id 'kabil' again (first on line"),
    ],
)  # fmt: skip
def test_a_bad_row_is_refused_naming_its_file_and_line(data, file, starts, old, new, says):
    line = spoil(data / file, starts, old, new)
    with pytest.raises(demo_loader.DataError) as refused:
        demo_loader.load(data)
    message = str(refused.value)
    assert message.startswith(f"{data / file}:{line}: "), message
    assert says in message
    assert "\n" not in message


def test_a_plant_without_a_chosen_capacity_is_refused_at_the_plant(data):
    plant_line = spoil(data / "plants.csv", "irel-separation-spare,", "", "")
    spoil(
        data / "sourced_values.csv", "plants,irel-separation-spare,capacity_tpa,", ",yes,", ",no,"
    )
    with pytest.raises(demo_loader.DataError, match="has no chosen capacity_tpa") as refused:
        demo_loader.load(data)
    assert str(refused.value).startswith(f"{data / 'plants.csv'}:{plant_line}: ")


def test_the_command_refuses_bad_data_with_one_line_and_writes_nothing(data, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    line = spoil(data / "sourced_values.csv", "demand,india,base_t,4000,", "4000", "4000t")
    done = run_build("--data", str(data), "--out", str(out))
    assert done.returncode == 2
    assert done.stderr.strip().splitlines() == [
        f"build_demo: {data / 'sourced_values.csv'}:{line}: value '4000t' is not a number"
    ]
    assert list(out.iterdir()) == []


def test_a_value_quoted_over_two_lines_is_reported_at_its_first_line(data):
    path = data / "sourced_values.csv"
    line = spoil(path, "blocks,dubbo,first_year,", ",yes,2024,", ',yes,"2024\n",')
    with pytest.raises(demo_loader.DataError, match=r"as_of '2024\\n' is not a date") as refused:
        demo_loader.load(data)
    assert str(refused.value).startswith(f"{path}:{line}: ")


def test_files_saved_by_a_spreadsheet_build_the_same(data):
    # Excel's "CSV UTF-8" writes a byte-order mark and CRLF line ends
    for path in data.glob("*.csv"):
        text = path.read_text(encoding="utf-8")
        path.write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))
    assert build_demo.build(demo_loader.load(data)) == build_demo.build(demo_loader.load())
