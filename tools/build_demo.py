"""Write the shipped demo from tools/demo_sources.py: resources/projects.csv (one row per
project), resources/evidence.csv (one row per sourced figure) and resources/demo-portfolio.json.

    .venv/bin/python tools/build_demo.py

The chosen value of each figure becomes the record's field; the others stay in the register.
"""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from demo_sources import (  # noqa: E402
    DEAL_SHARES,
    DEMAND_FIGURES,
    FIRMS,
    ILLUSTRATIVE,
    OPTIONS,
    PLANTS,
    PROJECTS,
    Fig,
)

RESOURCES = Path(__file__).resolve().parent.parent / "resources"
BLOCK_FIGURES = ("nameplate_tpa", "ndpr_share", "dytb_share", "first_year", "resource_treo_t")
INT_FIELDS = {"first_year"}


def chosen(figures: list[Fig]) -> dict[str, Fig]:
    picked: dict[str, Fig] = {}
    for fig in figures:
        if fig.chosen:
            if fig.field in picked:
                raise SystemExit(f"two chosen values for {fig.field}")
            picked[fig.field] = fig
    return picked


def value(fig: Fig) -> float | int:
    return int(fig.value) if fig.field in INT_FIELDS else float(fig.value)


def sources_line(figures: dict[str, Fig]) -> str:
    """The record's own source field: the distinct publications of the figures it uses."""
    seen = dict.fromkeys(f.url or f.source for f in figures.values())
    return " ; ".join(seen)


def latest(figures: dict[str, Fig]) -> str:
    return max((f.as_of for f in figures.values()), default="")


def missing(project, figures: dict[str, Fig]) -> list[str]:
    lacks = []
    if "nameplate_tpa" not in figures:
        lacks.append("nameplate")
    if project.product != "ndpr_oxide" and "ndpr_share" not in figures:
        lacks.append("NdPr share")
    if project.stage != "producing" and "first_year" not in figures:
        lacks.append("first year")
    return lacks


def block_record(project) -> dict:
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


def deals() -> list[dict]:
    rows = [
        {
            "id": "irel-domestic",
            "block_id": "irel-domestic",
            "firm_id": "irel",
            "status": "acquired",
            "offtake_share": 1.0,
            "equity_share": 1.0,
            "start_year": None,
            "notes": "Domestic refiner: all output feeds India.",
        }
    ]
    for block_id, share in DEAL_SHARES.items():
        rows.append(
            {
                "id": f"kabil-{block_id}",
                "block_id": block_id,
                "firm_id": "kabil",
                "status": "candidate",
                "offtake_share": share,
                "equity_share": 0.0,
                "start_year": None,
                "notes": ILLUSTRATIVE,
            }
        )
    return rows


class _Demand:
    id = "india"
    figures = DEMAND_FIGURES


def demand_record() -> dict:
    figures = chosen(DEMAND_FIGURES)
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


def evidence_records() -> list[dict]:
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
        for i, row in enumerate(evidence_rows(), start=1)
    ]


def evidence_rows() -> list[dict]:
    rows = []
    demand = [_Demand()]
    for kind, records in (("blocks", PROJECTS), ("plants", PLANTS), ("demand", demand)):
        for record in records:
            for fig in record.figures:
                rows.append(
                    {
                        "kind": kind,
                        "record": record.id,
                        "field": fig.field,
                        "value": value(fig),
                        "unit": fig.unit,
                        "source": fig.source,
                        "url": fig.url,
                        "as_of": fig.as_of,
                        "note": fig.note,
                        "chosen": fig.chosen,
                    }
                )
    return rows


def portfolio() -> dict:
    return {
        "format": "repm-portfolio",
        "version": 1,
        "name": "Demo portfolio (India REPM, Nov 2026)",
        "blocks": [block_record(p) for p in PROJECTS],
        "firms": FIRMS,
        "deals": deals(),
        "plants": [plant_record(p) for p in PLANTS] + OPTIONS,
        "assumptions": {},
        "demand": demand_record(),
        "evidence": evidence_records(),
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


def write_projects_csv(path: Path) -> None:
    columns = [
        "id", "name", "country", "lat", "lon", "operator", "stage", "deposit_type", "product",
        "nameplate_tpa", "nameplate_unit", "ndpr_share", "dytb_share", "first_year",
        "resource_treo_t", "contributes", "missing", "source", "as_of", "notes",
    ]  # fmt: skip
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, columns, lineterminator="\n")
        writer.writeheader()
        for project in PROJECTS:
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


def write_evidence_csv(path: Path) -> None:
    rows = evidence_rows()
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def main() -> None:
    write_projects_csv(RESOURCES / "projects.csv")
    write_evidence_csv(RESOURCES / "evidence.csv")
    text = json.dumps(portfolio(), indent=2, ensure_ascii=False) + "\n"
    (RESOURCES / "demo-portfolio.json").write_text(text, encoding="utf-8")
    complete = sum(not missing(p, chosen(p.figures)) for p in PROJECTS)
    print(f"{len(PROJECTS)} projects, {complete} complete; {len(evidence_rows())} sourced figures")


if __name__ == "__main__":
    main()
