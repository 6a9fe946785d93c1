"""`repm` commands over the portfolio store: import, export, check, backup, restore, backups.

The model's records and the store (SQLModel) are imported by the commands that read records:
backup, backups and restore copy files and stay light.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from model.choices import TABLE_KINDS
from model.cli.common import UsageError, warn, whole
from model.export_target import export_target_problem
from model.files import private_output
from model.store.backups import DEFAULT_KEEP, list_backups, make_backup
from model.store.errors import DamagedFile, NotAPortfolio
from model.store.opening import inspect_file
from model.store.recovery import restore


def cmd_import(args: argparse.Namespace) -> str:
    from model.importing import apply_import, read_import, write_new_portfolio_file
    from model.portfolio import Portfolio
    from model.store import Store

    incoming = read_import(args.file, args.kind)  # every problem reported before anything opens
    db = Path(args.db)
    if not db.exists():
        portfolio, kept = apply_import(incoming, Portfolio(name=db.stem))
        write_new_portfolio_file(db, portfolio)  # the file appears only when accepted
    else:
        with Store.open(db, keep_backups=args.keep) as store:
            warn(store)
            if incoming.replaces and not store.is_empty() and not args.replace:
                raise UsageError(
                    f"{db} already holds a portfolio; pass --replace to replace it "
                    "(a backup of it has been made)"
                )
            portfolio, kept = apply_import(incoming, store.load_portfolio())
            store.replace_portfolio(portfolio)  # one transaction: all rows or none
    done = (
        f"merged {incoming.kind} from {args.file} into {db}"
        + (f" ({incoming.kind_note})" if incoming.kind_note else "")
        if not incoming.replaces
        else f"imported {args.file} into {db}"
    )
    counts = f"{len(portfolio.blocks)} blocks, {len(portfolio.deals)} deals, {len(portfolio.plants)} plants"
    note = kept.summary()
    return f"{done}: {counts}" + (f"\n{note}" if note else "")


def cmd_export(args: argparse.Namespace) -> str:
    from model.store import Store

    source, target = Path(args.db), Path(args.to)
    problem = export_target_problem(target, source, force=args.force)
    if problem:
        raise UsageError(problem)
    suffix = target.suffix.lower()
    if suffix == ".csv" and args.kind is None:
        raise UsageError(
            "a .csv file holds one table: say which with --kind blocks|firms|deals|plants"
        )
    with Store.open(source, read_only=True) as store:
        portfolio = store.load_portfolio()
    include = args.include_confidential
    with private_output(target) as out:  # owner-only, and never half a file
        if suffix == ".xlsx":
            from model.api import project
            from model.tabular import write_xlsx

            write_xlsx(portfolio, out, projection=project(portfolio), include_confidential=include)
        elif suffix == ".csv":
            from model.csv_records import write_csv_records

            write_csv_records(portfolio, args.kind, out, include_confidential=include)
        else:
            from model.interchange import write_interchange

            write_interchange(portfolio, out, include_confidential=include)
    left_out = (
        "" if include else f" (left out: {', '.join(portfolio.confidential_fields) or 'nothing'})"
    )
    return f"exported {source} to {target}{left_out}"


def cmd_check(args: argparse.Namespace) -> str:
    from model.store.checking import check_file

    path = Path(args.file)
    problems = check_file(path)  # what opening refuses raises with a one-line reason
    if problems:
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        raise DamagedFile(
            path, f"is damaged: the full check found {problems[0]}{more}", list_backups(path)
        )
    return f"{path}: ok (integrity_check, foreign_key_check and every record's rules passed)"


def cmd_backup(args: argparse.Namespace) -> str:
    inspect_file(Path(args.file), for_writing=False)
    return f"backup written: {make_backup(Path(args.file), args.keep)}"


def cmd_backups(args: argparse.Namespace) -> str:
    found = list_backups(Path(args.file))
    if not found:
        return f"no backups of {args.file}"
    return "\n".join(str(p) for p in found)


def cmd_restore(args: argparse.Namespace) -> str:
    backup, target = Path(args.backup), Path(args.to)
    try:
        saved = restore(backup, target, keep=args.keep, replace_foreign=args.force)
    except NotAPortfolio as exc:
        if exc.path != target:
            raise  # the backup itself is no portfolio
        raise UsageError(f"{exc}; pass --force to replace it anyway") from None
    note = f" (its previous content is saved as {saved})" if saved else ""
    return f"restored {backup} to {target}{note}"


def add_import(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("import", help="load a .json, .xlsx or .csv file into a portfolio store")
    p.add_argument("file")
    p.add_argument("--kind", choices=TABLE_KINDS, help="for .csv")
    p.add_argument("--db", required=True, metavar="PORTFOLIO")
    p.add_argument("--replace", action="store_true", help="replace a non-empty portfolio")
    p.add_argument("--keep", type=whole(1), default=DEFAULT_KEEP, help="backups to keep")
    p.set_defaults(run=cmd_import)


def add_export(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "export", help="write a portfolio store as .json (interchange), .xlsx or one kind as .csv"
    )
    p.add_argument("db", metavar="PORTFOLIO")
    p.add_argument("--to", required=True, metavar="FILE")
    p.add_argument("--kind", choices=TABLE_KINDS, help="for .csv")
    p.add_argument("--force", action="store_true", help="overwrite an existing file")
    p.add_argument(
        "--include-confidential",
        action="store_true",
        help="keep the portfolio's confidential fields (left out by default)",
    )
    p.set_defaults(run=cmd_export)


def add_check(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("check", help="full integrity check of a portfolio file")
    p.add_argument("file")
    p.set_defaults(run=cmd_check)


def add_backup(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("backup", help="write a backup copy of a portfolio file now")
    p.add_argument("file")
    p.add_argument("--keep", type=whole(1), default=DEFAULT_KEEP, help="backups to keep")
    p.set_defaults(run=cmd_backup)


def add_backups(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("backups", help="list the backups of a portfolio file, newest first")
    p.add_argument("file")
    p.set_defaults(run=cmd_backups)


def add_restore(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("restore", help="replace a portfolio file with one of its backups")
    p.add_argument("backup")
    p.add_argument("--to", required=True, metavar="PORTFOLIO")
    p.add_argument(
        "--force", action="store_true", help="replace a target that is not a REPM portfolio"
    )
    p.add_argument("--keep", type=whole(1), default=DEFAULT_KEEP, help="backups to keep")
    p.set_defaults(run=cmd_restore)
