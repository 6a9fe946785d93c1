"""Seeded fuzzing of validate and import: hundreds of mutated interchange files and dozens of
mutated CSV and Excel files. Each must either be accepted (exit 0, and the portfolio file it made
passes `repm check`) or refused (exit 2, one line per problem, each naming a field or cell, and
no file created or changed). validate and import must agree."""

import copy
import csv
import io
import json
import random
import re

import pytest
from openpyxl import load_workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from model.csv_records import write_csv_records
from model.demo import demo_portfolio
from model.interchange import portfolio_to_dict
from model.store import Store
from model.tabular import write_xlsx
from tests.cli_runner import run

SEED = 11
JSON_FILES = 220
TABLE_FILES = 60

HOSTILE = [
    None,
    True,
    False,
    "",
    " ",
    0,
    -1,
    1.5,
    2**70,
    -1e9,
    1e400,  # json.dumps writes Infinity
    float("nan"),
    "NaN",
    "1e400",
    "2030",
    "ZZZ",
    "x" * 300,
    [],
    {},
    [1, 2],
    {"a": 1},
    '=HYPERLINK("http://x","click")',
    "mt-weld",
    "kabil",
    "\u00e9\u0000",
]
# A problem line names where: the file, a field path ('blocks[2].lat', 'unknown_3'), a record with
# its id ('deals[4] (id kabil-nolans).offtake_share'), a sheet's row and column or a CSV line and
# column, with the row's id or key when it has one ('Plants row 2 (id x), column E capacity_tpa',
# 'plants.csv line 2 (id x), column capacity_tpa', 'plants.csv line 2, capacity_tpa'), or the
# record a rule names by its kind and id ("deal 'kabil-nolans', firm: ..."), or a part of the
# portfolio that is not a record ('target, source: ...').
NAMED = re.compile(
    r"^(\(file\)|(block|firm|deal|plant|sourced value|scenario) '|(target|assumptions|portfolio), |"
    r"([\w.-]+\.csv line|[A-Z][a-z]+ row) \d+( \([^)]*\))?, (column )?[\w ().-]+:|"
    r"[A-Za-z_][\w.\[\]-]*( \(id [^)]*\)[\w.\[\]]*)?(![A-Z]+\d+)?( row \d+)?( [\w.]+)?:)"
)


def paths(value, prefix=()):
    """Every location in a JSON value (dict keys and list indexes), depth first."""
    yield prefix
    if isinstance(value, dict):
        for key, item in value.items():
            yield from paths(item, (*prefix, key))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from paths(item, (*prefix, i))


def mutate_json(base, rng):
    data = copy.deepcopy(base)
    where = rng.choice([p for p in paths(data) if p])
    parent = data
    for key in where[:-1]:
        parent = parent[key]
    key, action = where[-1], rng.random()
    if action < 0.7:
        parent[key] = copy.deepcopy(rng.choice(HOSTILE))
    elif action < 0.8 and isinstance(parent, dict):
        del parent[key]
    elif action < 0.9 and isinstance(parent, list):
        parent.append(copy.deepcopy(parent[key]))  # a duplicate record or entry
    elif isinstance(parent, dict):
        parent[f"unknown_{rng.randrange(9)}"] = rng.choice(HOSTILE)
    else:
        parent[key] = copy.deepcopy(rng.choice(HOSTILE))
    return data


def assert_refusal_names_fields(err):
    lines = err.rstrip("\n").split("\n")
    assert len(lines) == 1 or re.search(r": \d+ problems$", lines[0]), err
    if len(lines) == 1:
        problems = [lines[0].split(": ", 1)[1]]  # 'FILE: where: what'
    else:
        problems = [line.strip() for line in lines[1:]]
    assert all(NAMED.match(p) for p in problems), err


def check_import(capsys, source, db, *args):
    """Import into `db` (new or existing); assert the contract; return the exit code."""
    before = db.read_bytes() if db.exists() else None
    code, out, err = run(capsys, "import", source, "--db", db, *args)
    assert "Traceback" not in err
    if code == 0:
        assert run(capsys, "check", db)[0] == 0
    else:
        assert code == 2 and out == "" and err, err
        assert (db.read_bytes() if db.exists() else None) == before
        assert_refusal_names_fields(err)
    return code


def check_outcome(capsys, tmp_path, source, *extra, existing, new_file=False):
    """Import into the existing portfolio (and into a new file when asked)."""
    whole = not extra  # a .json or .xlsx replaces; a .csv merges into what is there
    code = check_import(capsys, source, existing, *extra, *(["--replace"] if whole else []))
    if new_file:  # building a new file costs a migration: only some files
        target = tmp_path / "new.repm"
        fresh = check_import(capsys, source, target, *extra)
        target.unlink(missing_ok=True)
        if whole:  # a whole file does not depend on what it replaces
            assert fresh == code
    return code


@pytest.fixture
def existing(tmp_path):
    path = tmp_path / "existing.repm"
    with Store.open(path) as store:
        store.replace_portfolio(demo_portfolio())
    return path


def test_mutated_interchange_files(capsys, tmp_path, existing):
    rng = random.Random(SEED)
    base = portfolio_to_dict(demo_portfolio())
    outcomes = []
    for i in range(JSON_FILES):
        source = tmp_path / f"m{i}.json"
        source.write_text(json.dumps(mutate_json(base, rng)))
        code = check_outcome(capsys, tmp_path, source, existing=existing, new_file=i % 10 == 0)
        validated, _, err = run(capsys, "validate", source)
        assert validated == code, (source.read_text()[:200], err)
        outcomes.append(code)
    assert outcomes.count(0) and outcomes.count(2)  # the mutations hit both ways


def mutate_rows(rows, rng):
    rows = [list(r) for r in rows]
    r = rng.randrange(len(rows))
    c = rng.randrange(len(rows[r]))
    action = rng.random()
    if action < 0.6:
        value = rng.choice(HOSTILE)
        rows[r][c] = "" if value is None else str(value)
    elif action < 0.7:
        rows = [row[:c] + row[c + 1 :] for row in rows]  # a column taken out
    elif action < 0.8:
        rows.append(list(rows[max(r, 1)]))  # a duplicate record
    elif action < 0.9:
        rows[r].append(str(rng.choice(HOSTILE)))  # a cell under no header
    else:
        rows[r] = rows[r][: max(1, c)]  # a short row
    return rows


def excel_value(value):
    if value == "":
        return None
    return ILLEGAL_CHARACTERS_RE.sub("", value) if isinstance(value, str) else value


def test_mutated_csv_and_excel_files(capsys, tmp_path, existing):
    rng = random.Random(SEED)
    demo = demo_portfolio()
    book = tmp_path / "demo.xlsx"
    write_xlsx(demo, book, include_confidential=True)
    outcomes = []
    for i in range(TABLE_FILES):
        kind = rng.choice(["blocks", "firms", "deals", "plants"])
        if i % 4:
            clean = tmp_path / f"{kind}.csv"
            write_csv_records(demo, kind, clean, include_confidential=True)
            rows = list(csv.reader(io.StringIO(clean.read_text())))
            source = tmp_path / f"t{i}.csv"
            with source.open("w", newline="") as fh:
                csv.writer(fh).writerows(mutate_rows(rows, rng))
            extra = ("--kind", kind)
        else:
            source = tmp_path / f"t{i}.xlsx"
            wb = load_workbook(book)
            ws = wb[kind.capitalize()]
            rows = mutate_rows([[c.value for c in row] for row in ws.iter_rows()], rng)
            ws.delete_rows(1, ws.max_row)
            for row in rows:  # Excel cannot hold control characters: those only go to CSV
                ws.append([excel_value(v) for v in row])
            wb.save(source)
            extra = ()
        code = check_outcome(
            capsys, tmp_path, source, *extra, existing=existing, new_file=i % 10 == 0
        )
        validated, _, err = run(capsys, "validate", source, *extra)
        assert validated == code or (extra and validated == 0), err  # a CSV alone lacks context
        outcomes.append(code)
    assert outcomes.count(0) and outcomes.count(2)
