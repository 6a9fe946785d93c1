"""The spreadsheet an official would otherwise use: the comparison with LibreOffice runs only
where LibreOffice is installed (it is not part of `make test`)."""

from __future__ import annotations

import shutil


def run() -> None:
    if shutil.which("soffice") is None:
        print("LibreOffice (soffice) is not installed: spreadsheet comparison skipped")
        return
    print(
        "LibreOffice found, but the formula workbook of the model is not built yet: "
        "comparison skipped"
    )
