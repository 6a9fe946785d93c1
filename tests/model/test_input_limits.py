"""Hostile or broken files are refused with one line, in bounded time and memory, and leave
nothing behind: deep JSON, devices, FIFOs, huge files, zip bombs, malicious XML, huge CSV
fields, duplicate ids, values under no header, formulas without a computed value."""

import os
import sys
import zipfile

import pytest
from openpyxl import load_workbook

from model.api import load_portfolio
from model.demo import demo_portfolio
from model.input_limits import MAX_FILE_BYTES, MAX_UNPACKED_BYTES
from model.tabular import write_xlsx
from tests.cli_runner import run


def refused(capsys, path, *extra, db=None):
    """Run validate (JSON) or import into a new file; assert one line and nothing created."""
    target = db or path.parent / "new.repm"
    code, out, err = run(capsys, "import", path, "--db", target, *extra)
    assert code == 2 and out == "", err
    assert "Traceback" not in err
    assert not target.exists()
    return err


def test_deeply_nested_json(capsys, tmp_path):
    path = tmp_path / "deep.json"
    path.write_text("[" * 200_000 + "]" * 200_000)
    assert "nested too deeply" in refused(capsys, path)
    path.write_text('{"format": "repm-portfolio", "version": 1, "name": ' + "[" * 100 + "]" * 100)
    path.write_text(path.read_text() + "}")
    assert "nested deeper than 64 levels" in refused(capsys, path)


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX special files")
@pytest.mark.parametrize("special", ["/dev/zero", "fifo"])
def test_special_files_are_refused_without_reading(capsys, tmp_path, special):
    path = tmp_path / "fifo.json" if special == "fifo" else special
    if special == "fifo":
        os.mkfifo(path)
    code, _, err = run(capsys, "validate", path)
    assert code == 2 and "is not a regular file" in err
    assert "is not a regular file" in refused(capsys, path, db=tmp_path / "new.repm")


@pytest.mark.parametrize("name", ["huge.json", "huge.csv", "huge.xlsx"])
def test_files_over_the_limit_are_refused_up_front(capsys, tmp_path, name):
    path = tmp_path / name
    with open(path, "wb") as fh:  # sparse: no disk space used
        fh.truncate(MAX_FILE_BYTES + 1)
    extra = ("--kind", "blocks") if name.endswith(".csv") else ()
    assert "larger than the 200 MB an import reads" in refused(capsys, path, *extra)


def test_zip_bomb_workbook_is_refused_before_unpacking(capsys, tmp_path):
    path = tmp_path / "bomb.xlsx"
    write_xlsx(demo_portfolio(), path)
    chunk = bytes(1024 * 1024)
    with (
        zipfile.ZipFile(path, "a", compression=zipfile.ZIP_DEFLATED) as z,
        z.open("xl/media/padding.bin", "w", force_zip64=True) as fh,
    ):
        for _ in range(MAX_UNPACKED_BYTES // len(chunk) + 1):
            fh.write(chunk)
    assert path.stat().st_size < 5 * 1024 * 1024  # small on disk, huge unpacked
    assert "would unpack to" in refused(capsys, path)


def _with_sheet_xml(tmp_path, transform):
    source = tmp_path / "ok.xlsx"
    write_xlsx(demo_portfolio(), source)
    target = tmp_path / "evil.xlsx"
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(target, "w") as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = transform(data)
            dst.writestr(item, data)
    return target


BILLION_LAUGHS = (
    b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
    b'<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>'
)
XXE = b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'


@pytest.mark.parametrize(
    ("prolog", "entity"), [(BILLION_LAUGHS, b"&lol3;"), (XXE, b"&xxe;")], ids=["laughs", "xxe"]
)
def test_malicious_xml_in_a_workbook_is_refused(capsys, tmp_path, prolog, entity):
    def inject(data):
        body = data.split(b"?>", 1)[1] if data.startswith(b"<?xml") else data
        assert b"<t>Mt Weld</t>" in body
        return prolog + body.replace(b"<t>Mt Weld</t>", b"<t>" + entity + b"</t>", 1)

    err = refused(capsys, _with_sheet_xml(tmp_path, inject))
    assert "declares entities or external references" in err


def test_csv_field_over_128_kib(capsys, tmp_path):
    path = tmp_path / "blocks.csv"
    path.write_text("id,name\nx," + "a" * (128 * 1024 + 1) + "\n")
    assert "line 2: field larger than field limit" in refused(capsys, path, "--kind", "blocks")


def test_csv_not_utf8(capsys, tmp_path):
    path = tmp_path / "blocks.csv"
    path.write_bytes(b"id,name\nx,\xff\xfe\n")
    assert "not UTF-8 text (line 2" in refused(capsys, path, "--kind", "blocks")


PLANTS = "id,name,stage,capacity_tpa (t/yr),status\n"


def test_duplicate_ids_in_one_csv_are_an_error(capsys, portfolio_path):
    path = portfolio_path.parent / "plants.csv"
    path.write_text(PLANTS + "x,A,separation,1,planned\nx,B,separation,2,planned\n")
    before = portfolio_path.read_bytes()
    code, _, err = run(capsys, "import", path, "--db", portfolio_path, "--kind", "plants")
    assert code == 2
    assert "plants.csv line 3 (id x), column id: 'x' is already used by line 2" in err
    assert portfolio_path.read_bytes() == before


def test_a_value_under_no_header_is_an_error(capsys, tmp_path):
    path = tmp_path / "plants.csv"
    path.write_text(PLANTS + "x,A,separation,1,planned,forgotten\n")
    assert "plants.csv line 2 (id x), column 6: a value in a column with no header" in refused(
        capsys, path, "--kind", "plants"
    )
    book = tmp_path / "p.xlsx"
    write_xlsx(demo_portfolio(), book)
    wb = load_workbook(book)
    wb["Deals"]["Z4"] = "stray note"
    wb.save(book)
    assert "Deals row 4 (id kabil-mountain-pass), column Z: a value in a column with no header" in (
        refused(capsys, book)
    )


def test_a_formula_without_a_computed_value_is_an_error(capsys, tmp_path):
    book = tmp_path / "p.xlsx"
    write_xlsx(demo_portfolio(), book, include_confidential=True)
    wb = load_workbook(book)
    wb["Plants"]["E2"] = "=1000*2"  # openpyxl stores no computed value
    wb.save(book)
    assert "Plants!E2: a formula without a computed value" in refused(capsys, book)


def test_a_formula_with_its_computed_value_is_read(capsys, tmp_path):
    def cached(data):  # what Excel writes: the formula and the value it computed
        head, rest = data.split(b'<c r="E2"', 1)
        cell, tail = rest.split(b"</c>", 1)
        return head + b'<c r="E2"><f>1000*2</f><v>2000</v></c>' + tail

    path = _with_sheet_xml(tmp_path, lambda d: d)
    with zipfile.ZipFile(path) as z:
        members = {i.filename: z.read(i.filename) for i in z.infolist()}
    members["xl/worksheets/sheet4.xml"] = cached(members["xl/worksheets/sheet4.xml"])
    with zipfile.ZipFile(path, "w") as z:
        for name, data in members.items():
            z.writestr(name, data)
    code, _, err = run(capsys, "import", path, "--db", tmp_path / "p.repm")
    assert code == 0, err
    assert load_portfolio(tmp_path / "p.repm").plants[0].capacity_tpa == 2000
