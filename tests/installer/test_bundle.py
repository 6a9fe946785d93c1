"""Build the Linux bundle and start it as an official would: nothing outside the bundle, no
home directory of its own, no network. Slow (PyInstaller takes a minute or two)."""

import os
import shutil
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest

from model.demo import demo_portfolio

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("dist")
    env = dict(
        os.environ,
        PYTHON=sys.executable,
        OUT_DIR=str(out),
        WORK_DIR=str(tmp_path_factory.mktemp("work")),
    )
    subprocess.run(
        [str(ROOT / "installer" / "build-linux.sh")],
        env=env,
        check=True,
        capture_output=True,
        text=True,
        timeout=1800,
    )
    return out


def isolated(command: list[str], home: Path) -> list[str]:
    """A clean environment (no PYTHONPATH, no display, empty HOME); no network when we can."""
    prefix = ["env", "-i", f"HOME={home}", "PATH=/usr/bin:/bin", "LANG=C.UTF-8"]
    if shutil.which("unshare") and os.geteuid() == 0:
        prefix = ["unshare", "-n", *prefix]
    return prefix + command


def test_bundle_starts_offline_from_an_empty_home(built, tmp_path):
    binary = built / "repm-planner" / "repm-planner"
    assert binary.exists()
    home = tmp_path / "home"
    home.mkdir()
    result = subprocess.run(
        isolated([str(binary), "--self-test"], home),
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    blocks = len(demo_portfolio().blocks)  # the shipped demo, whatever its size
    assert "self-test ok" in result.stdout and f"{blocks} blocks" in result.stdout
    assert not any(home.iterdir()) or all(p.name.startswith(".") for p in home.iterdir())


def test_tarball_and_deb(built):
    tarballs = list(built.glob("repm-planner-*-linux-*.tar.gz"))
    assert len(tarballs) == 1
    with tarfile.open(tarballs[0]) as tar:
        names = tar.getnames()
    assert "repm-planner/repm-planner" in names
    assert any(n.endswith("resources/demo-portfolio.json") for n in names)
    if shutil.which("dpkg-deb"):
        (deb,) = built.glob("repm-planner_*.deb")
        listing = subprocess.run(
            ["dpkg-deb", "-c", str(deb)], capture_output=True, text=True, check=True
        ).stdout
        assert "./usr/share/applications/repm-planner.desktop" in listing
        assert "./usr/bin/repm-planner -> /opt/repm-planner/repm-planner" in listing
        info = subprocess.run(
            ["dpkg-deb", "-f", str(deb), "Version"], capture_output=True, text=True
        ).stdout
        import tomllib

        version = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"]
        assert info.strip() == version
