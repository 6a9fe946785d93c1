"""Help > About: name, publisher and licence from resources/app.json; the version from the one
place it is set, pyproject.toml, through the installed package's metadata (a bundle copies it)."""

from __future__ import annotations

import json
from functools import cache
from importlib.metadata import PackageNotFoundError, version

from model.resources import resource_path


@cache
def metadata() -> dict[str, str]:
    return json.loads(resource_path("app.json").read_text(encoding="utf-8"))


def app_version() -> str:
    try:
        return version(metadata()["id"])
    except PackageNotFoundError:
        return "development"


APP_NAME = metadata()["name"]


def about_text() -> str:
    m = metadata()
    return (
        f"<h3>{m['name']} {app_version()}</h3>"
        f"<p>{m['description']}.</p>"
        f"<p>Published by {m['publisher']}. Licence: {m['licence']}.</p>"
        "<p><b>Data sources</b>: overseas projects, India facts and chain factors as listed in "
        "resources/PROVENANCE.md, each figure with its source and as-of date. World outlines: "
        "Made with Natural Earth (public domain), via world-atlas (ISC). Country codes: ISO 3166 "
        "via pycountry / Debian iso-codes.</p>"
    )
