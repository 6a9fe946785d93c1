"""Help > About: version (from the installed package metadata, i.e. pyproject), licence, data."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

APP_NAME = "REPM planner"
PUBLISHER = "REPM planner developers"


def app_version() -> str:
    try:
        return version("repm-planner")
    except PackageNotFoundError:
        return "development"


def about_text() -> str:
    return (
        f"<h3>{APP_NAME} {app_version()}</h3>"
        "<p>Offline planner for India's rare-earth permanent magnet supply.</p>"
        f"<p>Published by {PUBLISHER}. Licence: MIT.</p>"
        "<p><b>Data sources</b>: overseas projects, India facts and chain factors as listed in "
        "resources/PROVENANCE.md, each figure with its source and as-of date. World outlines: "
        "Natural Earth (public domain) via world-atlas (ISC). Country codes: ISO 3166 via "
        "pycountry / Debian iso-codes.</p>"
    )
