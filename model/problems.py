"""A broken rule as an official reads it, keeping where it is so each reader can say it in its own
terms: the record's kind, id and name, the field's declared label and the bad value ("deal
'kabil-white-mesa', firm: 'ghost' is not a firm id"). A workbook or CSV import puts the same
message at the cell of that record's field (`model.file_places`); the desktop's editors show only
the field's label, beside the cell being edited."""

from __future__ import annotations

from model.field_words import label, named


class Problem(str):
    """One line of a refusal (a str, so lists of problems print as before) that also knows the
    record kind, its position among its kind in the portfolio checked (None for a record on its
    own, as a store write checks it), its id, the field and the message without the place."""

    kind: str | None
    index: int | None
    record_id: str | None
    field: str | None
    message: str

    def __new__(
        cls,
        text: str,
        *,
        kind: str | None = None,
        index: int | None = None,
        record_id: str | None = None,
        field: str | None = None,
        message: str = "",
    ) -> Problem:
        self = super().__new__(cls, text)
        self.kind, self.index, self.record_id = kind, index, record_id
        self.field, self.message = field, message or text
        return self

    @property
    def loc(self) -> tuple | None:
        """('deals', 3, 'firm_id'): the path of the field in the portfolio checked, if known."""
        if self.kind is None or self.index is None:
            return None
        return (
            (self.kind, self.index) if self.field is None else (self.kind, self.index, self.field)
        )


def field_label(kind: str, field: str) -> str:
    """The declared label in running text ('firm'), or the name itself when none is declared."""
    try:
        return label(kind, field)
    except (ValueError, KeyError):
        return field.replace("_", " ")


def of_record(
    kind: str,
    record_id: str,
    name: str | None,
    field: str | None,
    message: str,
    index: int | None = None,
) -> Problem:
    """ "block 'nolans' (Nolans), first year: ..."; without a field, "block 'nolans' (Nolans): ..."."""
    where = named(kind, record_id, name)
    text = f"{where}, {field_label(kind, field)}: {message}" if field else f"{where}: {message}"
    return Problem(text, kind=kind, index=index, record_id=record_id, field=field, message=message)


def ordinal(n: int) -> str:
    """1 -> '1st', 2 -> '2nd', 11 -> '11th', 23 -> '23rd'."""
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def declaration_problems(kind: str, data: dict, errors: list[dict]) -> list[Problem]:
    """A record's declaration errors (pydantic's) said of the record: "block 'nolans' (Nolans),
    NdPr share: 1.5 is above 1", not 'blocks.ndpr_share'."""
    from model.interchange import describe_error  # it reads portfolios, which use the rules

    record_id = data.get("id") if isinstance(data.get("id"), str) else "?"
    name = data.get("name") if isinstance(data.get("name"), str) else None
    return [
        of_record(kind, record_id, name, str(e["loc"][0]) if e["loc"] else None, describe_error(e))
        for e in errors
    ]
