"""CSV text a spreadsheet will not run: the OWASP rule for CSV injection, made reversible.

Writing: text starting with `=`, `+`, `-`, `@`, tab or carriage return gets a leading single
quote, so Excel or LibreOffice shows it as text instead of running it as a formula. Text that
already starts with a quote gets one too, so reading back is exact: a quote followed by one of
those characters or by another quote is removed once, and nothing else is touched. Numbers are
written as numbers (a negative number is not text).
"""

from __future__ import annotations

from typing import Any

TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
QUOTE = "'"


def neutralise(value: Any) -> Any:
    """A cell value as a CSV output writes it."""
    if isinstance(value, str) and value.startswith((*TRIGGERS, QUOTE)):
        return QUOTE + value
    return value


def restore(text: str) -> str:
    """A CSV cell as read back: undoes `neutralise` exactly."""
    if len(text) >= 2 and text[0] == QUOTE and text[1] in (*TRIGGERS, QUOTE):
        return text[1:]
    return text
