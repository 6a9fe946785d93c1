"""A `repm` failure is one line in words naming the file the user gave: never a raw OS error,
a temporary file name, an internal '(file)' place, or the top-level program for an argument of
a sub-command."""

from model.cli import main
from tests.cli_runner import run


def test_writing_into_a_missing_folder(capsys, tmp_path):
    target = tmp_path / "absent" / "x.json"
    code, out, err = run(capsys, "demo", "--out", target)
    assert code == 2 and out == ""
    assert err == f"repm demo: cannot write {target}: folder does not exist\n"
    assert not (tmp_path / "absent").exists()


def test_every_write_path_says_it_the_same_way(capsys, tmp_path):
    folder = tmp_path / "absent"
    code, _, err = run(capsys, "report", "--demo", "--out", folder / "x.pdf", "--draws", "10")
    assert (
        code == 2
        and err == f"repm report: cannot write {folder / 'x.pdf'}: folder does not exist\n"
    )
    demo = tmp_path / "demo.json"
    assert run(capsys, "demo", "--out", demo)[0] == 0
    store = tmp_path / "p.repm"
    assert run(capsys, "import", demo, "--db", store)[0] == 0
    code, _, err = run(capsys, "export", store, "--to", folder / "e.json")
    assert (
        code == 2
        and err == f"repm export: cannot write {folder / 'e.json'}: folder does not exist\n"
    )


def test_a_missing_input_file(capsys, tmp_path):
    absent = tmp_path / "absent.json"
    code, _, err = run(capsys, "project", "--portfolio", absent)
    assert code == 2 and err == f"{absent}: no such file\n"


def test_an_unknown_argument_names_its_command(capsys):
    assert main(["montecarlo", "--demo", "--x"]) == 2
    assert capsys.readouterr().err == (
        "repm montecarlo: unrecognized arguments: --x (see repm montecarlo --help)\n"
    )
