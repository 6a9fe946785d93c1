"""The interchange file: a versioned JSON portfolio, read with messages that name field paths.

{"format": "repm-portfolio", "version": 1, "name": ..., "blocks": [...], "firms": [...],
 "deals": [...], "plants": [...], "assumptions": {...}, "target": {...}, "demand": {...},
 "evidence": [...], "scenarios": [...]}
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any, get_args

from pydantic import BaseModel, ValidationError
from pydantic.fields import FieldInfo

from model.files import private_output
from model.portfolio import Portfolio, PortfolioError

FORMAT = "repm-portfolio"
VERSION = 1


FILE_PLACE = "(file)"  # a fault of the whole file, not of one field


class InvalidPortfolio(ValueError):
    """A file that cannot be read as a portfolio. `problems` holds one line per fault."""

    def __init__(self, source: str, problems: list[str]):
        self.source = source
        self.problems = problems
        if len(problems) == 1:
            # one fault, one line; '(file)' says where only beside other faults
            super().__init__(f"{source}: {problems[0].removeprefix(FILE_PLACE + ': ')}")
            return
        head = f"{source}: {len(problems)} problems"
        super().__init__(head + "\n" + "\n".join(f"  {p}" for p in problems))


def _path(loc: tuple[Any, ...]) -> str:
    text = ""
    for part in loc:
        if isinstance(part, int):
            text += f"[{part}]"
        elif part in ("function-after", "function-before", "function-wrap"):
            continue
        else:
            text += f".{part}" if text else str(part)
    return text or FILE_PLACE


def _number(value: Any) -> Any:
    """1.0 reads as 1 in messages; other values unchanged."""
    return f"{value:g}" if isinstance(value, float) else value


SHARE_HINT = "(files hold shares as fractions: {value:g} % is {share:g})"


def _inner_model(annotation: Any) -> type[BaseModel] | None:
    """The model a field holds (itself, in a list or optional), if any."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    return next((m for a in get_args(annotation) if (m := _inner_model(a))), None)


def declared_field(root: type[BaseModel], loc: tuple[Any, ...]) -> FieldInfo | None:
    """The declaration an error path ends at ('deals', 4, 'offtake_share'), if it names one."""
    model: type[BaseModel] | None = root
    info = None
    for part in loc:
        if isinstance(part, int):
            continue
        if model is None or part not in model.model_fields:
            return None
        info = model.model_fields[part]
        model = _inner_model(info.annotation)
    return info


def share_hint(error: dict[str, Any], root: type[BaseModel] | None) -> str:
    """' (files hold shares as fractions: 25 % is 0.25)' for a share typed as a percentage."""
    from model.fields import PERCENT

    if root is None or error["type"] != "less_than_equal":
        return ""
    info = declared_field(root, tuple(error["loc"]))
    found = info is not None and any(getattr(m, "fmt", None) == PERCENT for m in info.metadata)
    try:
        value = float(error.get("input"))
    except (TypeError, ValueError):
        return ""
    if not found or not 1 < value <= 100:
        return ""
    return " " + SHARE_HINT.format(value=value, share=value / 100)


def describe_error(error: dict[str, Any], root: type[BaseModel] | None = None) -> str:
    """One pydantic error in words a user can act on; with the `root` model validated, a share
    typed as a percentage says so."""
    kind, value, ctx = error["type"], error.get("input"), error.get("ctx") or {}
    shown = json.dumps(value) if isinstance(value, str) else _number(value)
    number = value if isinstance(value, str) else _number(value)  # a CSV cell's text as typed
    bound = {key: _number(ctx.get(key)) for key in ("le", "lt", "ge", "gt")}
    messages = {
        "less_than_equal": lambda: f"{number} is above {bound['le']}",
        "less_than": lambda: f"{number} must be below {bound['lt']}",
        "greater_than_equal": lambda: f"{number} is below {bound['ge']}",
        "greater_than": lambda: f"{number} must be above {bound['gt']}",
        "missing": lambda: "is required",
        "extra_forbidden": lambda: "is not a known field",
        "enum": lambda: f"{shown} is not one of {ctx.get('expected')}",
        "string_too_short": lambda: "must not be empty",
        "string_too_long": lambda: f"is longer than {ctx.get('max_length')} characters",
        "int_parsing": lambda: f"{shown} is not a whole number",
        "int_from_float": lambda: f"{shown} is not a whole number",
        "float_parsing": lambda: f"{shown} is not a number",
        "int_type": lambda: f"{shown} is not a whole number",
        "float_type": lambda: f"{shown} is not a number",
        "finite_number": lambda: f"{number} is not a finite number",
        "string_type": lambda: f"{shown} is not text",
        "list_type": lambda: "must be a list",
        "dict_type": lambda: "must be an object",
        "model_type": lambda: "must be an object",
    }
    if kind in messages:
        return messages[kind]() + share_hint(error, root)
    if kind == "value_error" and isinstance(ctx.get("error"), Exception):
        return str(ctx["error"])
    return error["msg"]


def describe_validation_error(exc: ValidationError, data: Any = None) -> list[str]:
    """One line per error. With the portfolio's `data` (what was validated), a record is named
    by its index and its id: 'deals[4] (id kabil-nolans).offtake_share: 1.4 is above 1'."""
    problems: list[str] = []
    root = Portfolio if isinstance(data, dict) else None
    for error in exc.errors():
        cause = (error.get("ctx") or {}).get("error")
        if isinstance(cause, PortfolioError):
            problems.extend(cause.problems)
        else:
            problems.append(f"{_path(error['loc'])}: {describe_error(error, root)}")
    return [with_record_ids(p, data) for p in problems] if isinstance(data, dict) else problems


_RECORD = re.compile(r"^([a-z_]+)\[(\d+)\]")
MAX_ID_SHOWN = 60


def with_record_ids(problem: str, data: dict[str, Any]) -> str:
    """'deals[4].x: ...' -> 'deals[4] (id kabil-nolans).x: ...' when deals[4] has an id."""
    found = _RECORD.match(problem)
    if not found:
        return problem
    records, index = data.get(found[1]), int(found[2])
    if not isinstance(records, list) or index >= len(records):
        return problem
    record = records[index]
    record_id = record.get("id") if isinstance(record, dict) else getattr(record, "id", None)
    if not isinstance(record_id, str) or not record_id.strip():
        return problem
    shown = record_id if len(record_id) <= MAX_ID_SHOWN else record_id[:MAX_ID_SHOWN] + "…"
    return f"{found[0]} (id {shown}){problem[found.end() :]}"


def portfolio_from_dict(data: Any, source: str = "portfolio") -> Portfolio:
    if not isinstance(data, dict):
        raise InvalidPortfolio(source, ["(file): the top level must be a JSON object"])
    header = []
    if data.get("format") != FORMAT:
        header.append(f"format: {data.get('format')!r} is not {FORMAT!r}")
    version = data.get("version")
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        header.append(f"version: {json.dumps(version)} is not a positive whole number")
    elif version > VERSION:
        header.append(
            f"version: {version} was written by a newer REPM planner (this one reads up to "
            f"{VERSION}); update the app"
        )
    header += redacted_field_problems(data.get("redacted_fields", []))
    if header:
        raise InvalidPortfolio(source, header)
    body = {k: v for k, v in data.items() if k not in ("format", "version", "redacted_fields")}
    try:
        return Portfolio.model_validate(body)
    except ValidationError as exc:
        raise InvalidPortfolio(source, describe_validation_error(exc, body)) from None


def redacted_field_problems(names: Any) -> list[str]:
    """'redacted_fields' lists the 'kind.field's an export left out (kept on import)."""
    from model.redaction import redactable_fields

    if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
        return ["redacted_fields: must be a list of 'kind.field' names"]
    allowed = set(redactable_fields())
    return [
        f"redacted_fields: '{n}' is not a field an export can leave out"
        for n in names
        if n not in allowed
    ]


def portfolio_to_dict(portfolio: Portfolio, *, include_confidential: bool = True) -> dict[str, Any]:
    """The file's content. Without `include_confidential` the portfolio's confidential fields are
    emptied and listed under 'redacted_fields' so a reader knows they were left out."""
    from model.redaction import redact

    body = redact(portfolio, include_confidential).model_dump(mode="json")
    header: dict[str, Any] = {"format": FORMAT, "version": VERSION}
    if not include_confidential and portfolio.confidential_fields:
        header["redacted_fields"] = list(portfolio.confidential_fields)
    return {**header, **body}


def read_interchange(path: str | os.PathLike[str]) -> Portfolio:
    return portfolio_from_dict(load_json(path), str(path))


def load_json(path: str | os.PathLike[str]) -> Any:
    """The file's JSON value, read within `model.input_limits`."""
    from model.input_limits import Refused, check_depth, read_text

    path = Path(path)
    try:
        data = json.loads(read_text(path))
        check_depth(data)
    except Refused as exc:
        raise InvalidPortfolio(str(path), [str(exc)]) from None
    except json.JSONDecodeError as exc:
        problem = f"(file): not valid JSON at line {exc.lineno} column {exc.colno}: {exc.msg}"
        raise InvalidPortfolio(str(path), [problem]) from None
    except RecursionError:
        raise InvalidPortfolio(str(path), ["(file): nested too deeply to be a portfolio"]) from None
    except ValueError as exc:  # e.g. an integer of more than 4,300 digits
        raise InvalidPortfolio(str(path), [f"(file): not a portfolio ({exc})"]) from None
    return data


def write_interchange(
    portfolio: Portfolio, path: str | os.PathLike[str], *, include_confidential: bool = True
) -> None:
    """Write atomically: a crash leaves either the old file or the new one, never half of one."""
    path = Path(path)
    data = portfolio_to_dict(portfolio, include_confidential=include_confidential)
    text = json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    with private_output(path) as tmp:
        tmp.write_text(text, encoding="utf-8")
