"""Run `repm` in-process, as the tests of every command do."""

from model.cli import main


def run(capsys, *argv):
    """(exit code, stdout, stderr) of `repm ARGV...`; arguments may be paths."""
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err
