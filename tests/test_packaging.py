"""psp as a user installs it: its own name, one version everywhere, a wheel with nothing
generated in it that installs and runs outside the repository."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tomllib
import venv
import zipfile
from importlib.metadata import version as installed_version
from pathlib import Path

import pytest

from psptool.cli import DISTRIBUTION
from tests.helpers import REPOSITORY, PspRunner, copy_repository

PYPROJECT = tomllib.loads((REPOSITORY / "pyproject.toml").read_text(encoding="utf-8"))
VERSION = PYPROJECT["project"]["version"]
README = (REPOSITORY / "README.md").read_text(encoding="utf-8")


def test_the_distribution_is_named_in_one_place_the_code_reads() -> None:
    assert PYPROJECT["project"]["name"] == DISTRIBUTION == "psp-toolkit"
    assert PYPROJECT["project"]["scripts"] == {"psp": "psptool.cli:run"}


def test_the_version_and_the_newest_changelog_release_agree() -> None:
    changelog = (REPOSITORY / "CHANGELOG.md").read_text(encoding="utf-8")
    released = re.findall(r"^## (\d+\.\d+\.\d+) — (\d{4}-\d{2}-\d{2})$", changelog, re.MULTILINE)
    assert released, "CHANGELOG.md has no '## X.Y.Z — YYYY-MM-DD' section"
    assert released[0][0] == VERSION


def test_the_readme_names_the_release_tag_and_the_distribution() -> None:
    assert re.findall(r"^    rev: (\S+)$", README, re.MULTILINE) == [f"v{VERSION}"]
    # the shell block's install line and the CI workflow's
    installs = re.findall(r"^\s*(?:- run: )?pip install (.+)$", README, re.MULTILINE)
    assert installs == [f'"psp-toolkit @ git+<the URL you cloned psp from>@v{VERSION}"'] * 2


def test_version_prints_the_installed_version(runner: PspRunner) -> None:
    result = runner.invoke(["--version"])
    assert result.exit_code == 0
    assert result.output == f"psp {VERSION}\n"
    assert installed_version(DISTRIBUTION) == VERSION


def test_version_loads_none_of_the_library() -> None:
    # psp --version answers from the package metadata, before any command is built
    code = (
        "import sys\n"
        "from psptool.cli import main\n"
        "code = main(['--version'])\n"
        "heavy = ('pydantic', 'ruamel', 'docx', 'docxtpl', 'openpyxl', 'jinja2',\n"
        "         'psptool.load', 'psptool.check', 'psptool.model')\n"
        "print(code, sorted(m for m in heavy if m in sys.modules))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout == f"psp {VERSION}\n0 []\n"


def _wheel_entries(wheel: Path) -> set[str]:
    with zipfile.ZipFile(wheel) as archive:
        return {n for n in archive.namelist() if not n.startswith("psp_toolkit-")}


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A wheel built from a clean copy of the repository into which a developer's leftovers
    were put first: papers rendered into the example, the demo's build/, byte code."""
    source = copy_repository(tmp_path_factory.mktemp("source"))
    planted = [
        "examples/falkirk-foster-care/out/mou-2011-06-30.docx",
        "examples/falkirk-foster-care/schema/psp.schema.json",
        "examples/falkirk-foster-care/.DS_Store",
        "build/demo/falkirk-foster-care/psp.yaml",
        "src/psptool/__pycache__/cli.cpython-311.pyc",
        "templates/__pycache__/stray.pyc",
    ]
    for name in planted:
        (source / name).parent.mkdir(parents=True, exist_ok=True)
        (source / name).write_bytes(b"generated")
    out = tmp_path_factory.mktemp("wheel")
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", str(out), "."],
        cwd=source,
        env=env,
        check=True,
        capture_output=True,
    )
    (built,) = out.glob("*.whl")
    return built


@pytest.mark.slow
def test_the_wheel_holds_the_package_examples_and_templates_and_nothing_generated(
    wheel: Path,
) -> None:
    listing = ["git", "ls-files", "--cached", "--others", "--exclude-standard"]
    tracked = subprocess.run(
        [*listing, "src", "examples", "templates"],
        cwd=REPOSITORY,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    expected = set()
    for name in tracked:
        if not (REPOSITORY / name).is_file():
            continue
        if name.startswith("src/"):
            expected.add(name.removeprefix("src/"))
        else:
            expected.add("psptool/_data/" + name)
    assert wheel.name == f"psp_toolkit-{VERSION}-py3-none-any.whl"
    assert _wheel_entries(wheel) == expected
    assert "psptool/_data/examples/falkirk-foster-care/psp.yaml" in expected


@pytest.mark.slow
def test_the_wheel_installs_and_runs_outside_the_repository(wheel: Path, tmp_path: Path) -> None:
    home = tmp_path / "venv"
    venv.create(home, with_pip=True)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV"))}
    env["PATH"] = f"{home / 'bin'}{os.pathsep}{env.get('PATH', '')}"
    install = subprocess.run(
        [home / "bin" / "python", "-m", "pip", "install", "--quiet", str(wheel)],
        env=env,
        capture_output=True,
        text=True,
    )
    assert install.returncode == 0, install.stderr

    def psp(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [home / "bin" / "psp", *args], cwd=tmp_path, env=env, capture_output=True, text=True
        )

    assert psp("--version").stdout == f"psp {VERSION}\n"
    where = subprocess.run(
        [home / "bin" / "python", "-c", "import psptool; print(psptool.__file__)"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    assert Path(where).is_relative_to(home)
    init = psp("init", "x", "--example", "falkirk-foster-care")
    assert init.returncode == 0, init.stderr
    assert (tmp_path / "x" / "risks.yaml").read_bytes() == (
        REPOSITORY / "examples" / "falkirk-foster-care" / "risks.yaml"
    ).read_bytes()
    render = psp("render", "mou", "x", "--as-of", "2011-06-30")
    assert render.returncode == 0, render.stderr
    assert render.stdout.startswith("wrote ")
    assert render.stdout.endswith(f"x{os.sep}out{os.sep}mou-2011-06-30.docx\n")
    assert (tmp_path / "x" / "out" / "mou-2011-06-30.docx").stat().st_size > 0
