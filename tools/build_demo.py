"""Write the shipped demo from the data files in tools/demo_data/ (see its README.md):
resources/projects.csv (one row per project), resources/evidence.csv (one row per sourced
figure) and resources/demo-portfolio.json.

    .venv/bin/python tools/build_demo.py [--data DIR] [--out DIR]

The chosen value of each figure becomes the record's field; the others stay in the register.
A bad row in a data file stops the build with its file:line (exit 2); nothing is written then.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from demo_loader import DATA, DEMAND_ID, DataError, DemoData, Fig, Project, load  # noqa: E402

RESOURCES = Path(__file__).resolve().parent.parent / "resources"
BLOCK_FIGURES = ("nameplate_tpa", "ndpr_share", "dytb_share", "first_year", "resource_treo_t")
INT_FIELDS = {"first_year"}


def chosen(figures: list[Fig]) -> dict[str, Fig]:
    """The used value of each figure (the loader has refused two chosen for one figure)."""
    return {fig.field: fig for fig in figures if fig.chosen}


def value(fig: Fig) -> float | int:
    return int(fig.value) if fig.field in INT_FIELDS else float(fig.value)


def sources_line(figures: dict[str, Fig]) -> str:
    """The record's own source field: the distinct publications of the figures it uses."""
    seen = dict.fromkeys(f.url or f.source for f in figures.values())
    return " ; ".join(seen)


def latest(figures: dict[str, Fig]) -> str:
    return max((f.as_of for f in figures.values()), default="")


def missing(project: Project, figures: dict[str, Fig]) -> list[str]:
    lacks = []
    if "nameplate_tpa" not in figures:
        lacks.append("nameplate")
    if project.product != "ndpr_oxide" and "ndpr_share" not in figures:
        lacks.append("NdPr share")
    if project.stage != "producing" and "first_year" not in figures:
        lacks.append("first year")
    return lacks


def block_record(project: Project) -> dict:
    figures = chosen(project.figures)
    record = {
        "id": project.id,
        "name": project.name,
        "country": project.country,
        "lat": project.lat,
        "lon": project.lon,
        "operator": project.operator,
        "deposit_type": project.deposit_type,
        "stage": project.stage,
        "product": project.product,
        "ramp_years": 1,
        "acquisition_cost_musd": None,
        "source": sources_line(figures),
        "as_of": latest(figures),
        "notes": project.notes
        + " Every figure's source, date and any alternative value: the evidence register.",
    }
    for name in BLOCK_FIGURES:
        record[name] = value(figures[name]) if name in figures else None
    return record


def plant_record(spec) -> dict:
    figures = chosen(spec.figures)
    return {
        "id": spec.id,
        "firm_id": spec.firm_id,
        "name": spec.name,
        "stage": spec.stage,
        "capacity_tpa": value(figures["capacity_tpa"]),
        "first_year": value(figures["first_year"]) if "first_year" in figures else None,
        "ramp_years": 1,
        "status": spec.status,
        "source": sources_line(figures),
        "notes": spec.notes,
    }


def demand_record(demand: list[Fig]) -> dict:
    figures = chosen(demand)
    used = " ; ".join(
        f"{name} {figures[name].value:g}: {figures[name].source} ({figures[name].as_of})"
        for name in ("base_t", "horizon_t", "china_share")
    )
    return {
        "base_year": 2025,
        "base_t": float(figures["base_t"].value),
        "horizon_year": 2030,
        "horizon_t": float(figures["horizon_t"].value),
        "china_share": float(figures["china_share"].value),
        "source": "Sintered rare-earth (NdFeB) magnets, not all permanent magnets. " + used,
    }


def evidence_records(data: DemoData) -> list[dict]:
    """The register as the portfolio holds it (model.domain.Evidence)."""
    return [
        {
            "id": f"ev-{i:04d}",
            "record_kind": row["kind"],
            "record_id": row["record"],
            "field_name": row["field"],
            "value": float(row["value"]),
            "unit": row["unit"],
            "source": row["source"],
            "url": row["url"],
            "as_of": row["as_of"],
            "note": row["note"],
            "chosen": int(row["chosen"]),
        }
        for i, row in enumerate(evidence_rows(data), start=1)
    ]


def evidence_rows(data: DemoData) -> list[dict]:
    """Every sourced value, grouped by record in the order of the records' files."""
    grouped = [("blocks", p.id, p.figures) for p in data.projects]
    grouped += [("plants", p.id, p.figures) for p in data.plants]
    grouped.append(("demand", DEMAND_ID, data.demand))
    return [
        {
            "kind": kind,
            "record": record,
            "field": fig.field,
            "value": value(fig),
            "unit": fig.unit,
            "source": fig.source,
            "url": fig.url,
            "as_of": fig.as_of,
            "note": fig.note,
            "chosen": fig.chosen,
        }
        for kind, record, figures in grouped
        for fig in figures
    ]


def portfolio(data: DemoData) -> dict:
    return {
        "format": "repm-portfolio",
        "version": 1,
        "name": "Demo portfolio (India REPM, Nov 2026)",
        "blocks": [block_record(p) for p in data.projects],
        "firms": data.firms,
        "deals": data.deals,
        "plants": [plant_record(p) for p in data.plants] + data.options,
        "assumptions": {},
        "demand": demand_record(data.demand),
        "evidence": evidence_records(data),
        "target": {
            "default_tpa": 6000.0,
            "path": {"2025": 0.0, "2026": 0.0, "2027": 0.0},
            "source": (
                "Scheme target 6,000 MTPA (NDTV Nov 2025); zero before award + 2-year gestation, "
                "award assumed 2026 (india.md suggests this default path)"
            ),
        },
        "scenarios": [
            {
                "name": "Base",
                "description": "The portfolio as it stands, risk-weighted.",
                "mode": "expected",
            },
            {
                "name": "Committed deals only",
                "description": (
                    "Only signed/acquired deals and operating/construction/committed plants."
                ),
                "mode": "committed",
            },
            {
                "name": "All deals slip 2 years",
                "description": (
                    "Every block starts two years later than planned (study schedules often "
                    "slip 2-4 years: conversion.md)."
                ),
                "mode": "expected",
                "delay_years": 2,
            },
        ],
    }


def projects_csv(data: DemoData) -> str:
    columns = [
        "id", "name", "country", "lat", "lon", "operator", "stage", "deposit_type", "product",
        "nameplate_tpa", "nameplate_unit", "ndpr_share", "dytb_share", "first_year",
        "resource_treo_t", "contributes", "missing", "source", "as_of", "notes",
    ]  # fmt: skip
    out = io.StringIO()
    writer = csv.DictWriter(out, columns, lineterminator="\n")
    writer.writeheader()
    for project in data.projects:
        figures = chosen(project.figures)
        record = block_record(project)
        lacks = missing(project, figures)
        plate = figures.get("nameplate_tpa")
        writer.writerow(
            {
                **{c: record.get(c) for c in columns if c in record},
                "nameplate_unit": plate.unit if plate else "",
                "contributes": "no" if lacks else "yes",
                "missing": "; ".join(lacks),
                "notes": project.notes,
            }
        )
    return out.getvalue()


def evidence_csv(data: DemoData) -> str:
    rows = evidence_rows(data)
    out = io.StringIO()
    writer = csv.DictWriter(out, list(rows[0]), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def build(data: DemoData) -> dict[str, str]:
    """The text of each shipped file, by its name in resources/."""
    return {
        "projects.csv": projects_csv(data),
        "evidence.csv": evidence_csv(data),
        "demo-portfolio.json": json.dumps(portfolio(data), indent=2, ensure_ascii=False) + "\n",
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build the shipped demo from its data files.")
    parser.add_argument("--data", type=Path, default=DATA, help="folder of the data files")
    parser.add_argument("--out", type=Path, default=RESOURCES, help="folder to write to")
    args = parser.parse_args(argv)
    try:
        data = load(args.data)
    except DataError as exc:
        print(f"build_demo: {exc}", file=sys.stderr)
        return 2
    if not args.out.is_dir():
        print(f"build_demo: {args.out}: not a folder to write to", file=sys.stderr)
        return 2
    for name, text in build(data).items():
        try:
            (args.out / name).write_bytes(text.encode("utf-8"))
        except OSError as exc:
            print(f"build_demo: {args.out / name}: cannot write ({exc.strerror})", file=sys.stderr)
            return 2
    complete = sum(not missing(p, chosen(p.figures)) for p in data.projects)
    print(
        f"{len(data.projects)} projects, {complete} complete; "
        f"{len(evidence_rows(data))} sourced figures"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
