"""The README's command-line examples are what `repm` prints: each fenced block that starts with
`$ repm ...` (continued with a trailing backslash) is run, and its output must be the block's
other lines, so the README cannot fall behind the program."""

import re
import shlex
from pathlib import Path

import pytest

from tests.cli_runner import run

README = Path(__file__).resolve().parents[1] / "README.md"


def examples() -> list[tuple[str, list[str], str]]:
    """(first line, argv, expected output) of every `$ repm` block."""
    found = []
    for block in re.findall(r"^```\n(\$ repm .*?)^```", README.read_text(), re.M | re.S):
        lines = block.splitlines()
        command = lines.pop(0)
        while command.endswith("\\"):
            command = command[:-1] + lines.pop(0)
        found.append((command, shlex.split(command)[2:], "\n".join(lines) + "\n"))
    return found


def test_the_readme_has_examples():
    assert len(examples()) >= 2


@pytest.mark.parametrize(
    ("argv", "printed"), [e[1:] for e in examples()], ids=[e[0] for e in examples()]
)
def test_a_readme_example_prints_what_the_readme_shows(capsys, argv, printed):
    code, out, err = run(capsys, *argv)
    assert (code, err) == (0, "")
    assert out == printed
