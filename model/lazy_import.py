"""A package's public names imported on first use (PEP 562), so that importing one light module
of it (e.g. for `repm --help`) does not import what the names need (SQLModel, NumPy)."""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable
from typing import Any


def lazy_names(
    module_name: str, where: dict[str, str]
) -> tuple[Callable[[str], Any], Callable[[], list[str]]]:
    """The module's `__getattr__` and `__dir__`: `where` maps each public name to the module
    that defines it, imported when the name is first read."""

    def __getattr__(name: str) -> Any:
        if name not in where:
            raise AttributeError(f"module '{module_name}' has no attribute '{name}'")
        value = getattr(importlib.import_module(where[name]), name)
        setattr(sys.modules[module_name], name, value)  # looked up once
        return value

    def __dir__() -> list[str]:
        return sorted({*vars(sys.modules[module_name]), *where})

    return __getattr__, __dir__
