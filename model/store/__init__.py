"""The local portfolio store: one SQLite file per portfolio (no Qt here)."""

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
