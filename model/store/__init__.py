"""The local portfolio store: one SQLite file per portfolio (no Qt here).

The public names are imported on first use (PEP 562): a command that needs only an error class or
the backups module does not import SQLModel and the store."""

from __future__ import annotations

from typing import TYPE_CHECKING

from model.lazy_import import lazy_names

_ERRORS = (
    "BusyFile",
    "DamagedFile",
    "DiskFull",
    "EditNotSaved",
    "InUse",
    "InvalidContent",
    "InvalidEdit",
    "NewerVersion",
    "NotAPortfolio",
    "NotFound",
    "ReadOnlyFile",
    "StoreError",
)
# Public name -> the module that defines it.
_WHERE = {
    **dict.fromkeys(_ERRORS, "model.store.errors"),
    "ensure_default_portfolio": "model.store.first_run",
    "WHOLE_FIGURES": "model.store.store",
    "Change": "model.store.store",
    "Edit": "model.store.store",
    "Store": "model.store.store",
}

__all__ = [
    "BusyFile",
    "Change",
    "DamagedFile",
    "DiskFull",
    "Edit",
    "EditNotSaved",
    "InUse",
    "InvalidContent",
    "InvalidEdit",
    "NewerVersion",
    "NotAPortfolio",
    "NotFound",
    "ReadOnlyFile",
    "Store",
    "StoreError",
    "WHOLE_FIGURES",
    "ensure_default_portfolio",
]


__getattr__, __dir__ = lazy_names(__name__, _WHERE)


if TYPE_CHECKING:  # for type checkers and editors: the names as plain imports
    from model.store.errors import (
        BusyFile,
        DamagedFile,
        DiskFull,
        EditNotSaved,
        InUse,
        InvalidContent,
        InvalidEdit,
        NewerVersion,
        NotAPortfolio,
        NotFound,
        ReadOnlyFile,
        StoreError,
    )
    from model.store.first_run import ensure_default_portfolio
    from model.store.store import WHOLE_FIGURES, Change, Edit, Store
