"""`repm evidence` (the sourced values of each figure) and `repm demand` (demand and imports).

Each command imports the model's modules it runs when it runs: building the parser stays light.
"""

from __future__ import annotations

import argparse

from model.cli.common import (
    UsageError,
    add_format_arg,
    add_horizon_args,
    add_scenario_args,
    add_source_args,
    portfolio_from_args,
    scenario_from_args,
)
from model.cli.output import render, text_table
from model.demand_presets import PRESETS

EVIDENCE_KEYS = ["record", "field", "value", "unit", "source", "as_of", "chosen"]
DEMAND_KEYS = ["year", "demand_t", "domestic_t", "import_t", "china_import_t", "self_sufficiency"]


def cmd_evidence(args: argparse.Namespace) -> str:
    from model.evidence import refusal, typed_figures
    from model.evidence import rows as evidence_rows
    from model.number_text import figure_text
    from model.source_text import readable_source

    portfolio = portfolio_from_args(args)
    if args.record is not None:
        known = {e.record_id for e in portfolio.evidence}
        if args.record not in known:
            raise UsageError(f"no sourced values for record '{args.record}'")
    rows = evidence_rows(portfolio, args.record)
    if args.format == "table":  # a notes file by its title and as-of; JSON and CSV as stored
        rows = [{**r, "source": readable_source(r["source"])} for r in rows]
    if args.format == "table":
        # Each value as its figure's declaration says it reads ('19 %', '2029', '1,500').
        shown = [e for e in portfolio.evidence if args.record in (None, e.record_id)]
        table = [
            ["*" if r["chosen"] else "-" if refusal(portfolio, e) else "", r["record"], r["field"]]
            + [figure_text(e.record_kind, r["field"], r["value"]), r["unit"], r["as_of"]]
            + [r["source"]]
            for r, e in zip(rows, shown, strict=True)
        ]
        headers = ["", "record", "field", "value", "unit", "as_of", "source"]
        text = text_table(headers, table, right={"value"})
        typed = [
            f"\n{rid} {field} = {figure_text(kind, field, value)} typed by hand: none of its "
            "sourced values is in use"
            for (kind, rid, field), value in typed_figures(portfolio)
            if args.record in (None, rid)
        ]
        return (
            text
            + "\n" * bool(typed)
            + "".join(typed)
            + (
                "\n\n* = the value in use (shares in %; JSON and CSV: as stored, 0-1)"
                "\n- = another unit or quantity than the figure's own (e.g. imports, not demand): "
                "context, cannot be the value in use"
            )
        )
    return render(args.format, EVIDENCE_KEYS, [[r[k] for k in EVIDENCE_KEYS] for r in rows], rows)


def cmd_demand(args: argparse.Namespace) -> str:
    from model.api import project
    from model.demand import UNIT, apply_preset, demand_balance
    from model.fields import PERCENT
    from model.source_text import readable_source

    portfolio = portfolio_from_args(args)
    if args.start > args.end:
        raise UsageError(f"--from {args.start} is after --to {args.end}")
    demand = portfolio.demand
    if args.preset:
        demand = apply_preset(demand, args.preset)
    scenario = scenario_from_args(portfolio, args)
    result = project(portfolio, scenario=scenario, mode=args.mode, start=args.start, end=args.end)
    found = demand_balance(result, demand)
    rows = found.rows()
    if args.format == "json":
        return render("json", DEMAND_KEYS, [], rows)
    headers = [*DEMAND_KEYS, "surplus_t"]
    surplus = [float(s) for s in found.surplus]
    table = [[r[k] for k in DEMAND_KEYS] + [s] for r, s in zip(rows, surplus, strict=True)]
    text = render(args.format, headers, table, rows, {"self_sufficiency": PERCENT})
    if args.format == "table":
        text = (
            f"scenario: {result.inputs.scenario}   in {UNIT}\n{text}\n\n"
            f"imports = max(0, demand - domestic); China = imports x its share; "
            f"self_sufficiency = domestic / demand (above 100 %: a surplus)\n"
            f"demand: {readable_source(demand.source)}"
        )
    return text


def add_evidence(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("evidence", help="list each figure's sourced values and the one in use")
    add_source_args(p)
    p.add_argument("--record", metavar="ID", help="only this record's figures ('india': demand)")
    add_format_arg(p)
    p.set_defaults(run=cmd_evidence)


def add_demand(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("demand", help="rare-earth magnet demand, domestic output and imports")
    add_source_args(p)
    add_scenario_args(p)
    p.add_argument("--preset", choices=sorted(PRESETS), help="use a sourced demand preset instead")
    add_horizon_args(p)
    p.set_defaults(run=cmd_demand)
