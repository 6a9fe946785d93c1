"""Limits on what an import reads, so a hostile or broken file is refused in bounded time and
memory with one clear line: only regular files, at most 200 MB, JSON nested at most 64 levels,
workbooks whose members unpack to at most 200 MB. A real portfolio is well under 1 MB."""

from __future__ import annotations

import os
import stat
import zipfile
from pathlib import Path
from typing import Any

MAX_FILE_BYTES = 200 * 1024 * 1024
MAX_UNPACKED_BYTES = 200 * 1024 * 1024  # all members of a workbook, uncompressed
MAX_MEMBERS = 1000
MAX_DEPTH = 64  # the interchange format itself needs 5
MB = 1024 * 1024


class Refused(ValueError):
    """A file refused before it is parsed; the message is one line ('(file): ...')."""


def check_regular_file(path: Path) -> int:
    """The file's size; refuses a missing file, a folder, a device or a FIFO, and huge files."""
    try:
        info = os.stat(path)  # stat never blocks, even on a FIFO
    except FileNotFoundError:
        raise Refused("(file): no such file") from None
    except OSError as exc:
        raise Refused(f"(file): cannot be read ({exc.strerror or exc})") from None
    if stat.S_ISDIR(info.st_mode):
        raise Refused("(file): is a folder, not a file")
    if not stat.S_ISREG(info.st_mode):
        raise Refused("(file): is not a regular file (a device, pipe or socket)")
    if info.st_size > MAX_FILE_BYTES:
        raise Refused(
            f"(file): {info.st_size / MB:,.0f} MB is larger than the {MAX_FILE_BYTES // MB} MB "
            "an import reads"
        )
    return info.st_size


def read_bytes(path: Path) -> bytes:
    """The whole file, after `check_regular_file`; never more than the limit (it may grow)."""
    check_regular_file(path)
    try:
        with open(path, "rb") as fh:
            data = fh.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise Refused(f"(file): cannot be read ({exc.strerror or exc})") from None
    if len(data) > MAX_FILE_BYTES:
        raise Refused(f"(file): larger than the {MAX_FILE_BYTES // MB} MB an import reads")
    return data


def read_text(path: Path) -> str:
    """UTF-8 text (a byte-order mark is dropped), or a one-line refusal."""
    data = read_bytes(path)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise Refused(f"(file): not UTF-8 text (line {line}, byte {exc.start})") from None


def check_workbook(path: Path) -> None:
    """Refuse a workbook whose members would unpack too large, before any is read (zip bombs)."""
    check_regular_file(path)
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise Refused(f"(file): not an Excel workbook ({exc})") from None
    if len(members) > MAX_MEMBERS:
        raise Refused(f"(file): {len(members):,} parts; an Excel workbook has far fewer")
    unpacked = sum(m.file_size for m in members)
    if unpacked > MAX_UNPACKED_BYTES:
        raise Refused(
            f"(file): would unpack to {unpacked / MB:,.0f} MB, more than the "
            f"{MAX_UNPACKED_BYTES // MB} MB an import reads"
        )


def check_depth(data: Any, limit: int = MAX_DEPTH) -> None:
    """Refuse JSON nested deeper than `limit` (walked without recursion)."""
    stack = [(data, 1)]
    while stack:
        value, depth = stack.pop()
        if depth > limit:
            raise Refused(f"(file): nested deeper than {limit} levels")
        if isinstance(value, dict):
            stack += [(v, depth + 1) for v in value.values()]
        elif isinstance(value, list):
            stack += [(v, depth + 1) for v in value]
