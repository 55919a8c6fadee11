"""The pre-commit hook as a partnership's repository uses it: the README's snippet, a PSP
folder in a subfolder, the real `pre-commit` installing this repository at a release tag."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from psptool.model import FILES
from tests.helpers import REPOSITORY, copy_example, copy_repository

HOOKS = YAML(typ="safe").load((REPOSITORY / ".pre-commit-hooks.yaml").read_text("utf-8"))
VERSION = tomllib.loads((REPOSITORY / "pyproject.toml").read_text("utf-8"))["project"]["version"]


def test_the_hook_runs_on_exactly_the_files_of_a_psp_folder_and_its_templates() -> None:
    (hook,) = HOOKS
    stems = "|".join(re.escape(spec.name.removesuffix(".yaml")) for spec in FILES)
    assert hook["files"] == rf"(^|/)({stems})\.yaml$|(^|/)templates/"
    matches = {
        path: bool(re.search(hook["files"], path))
        for path in [
            "psp.yaml",
            "sub/partnership/risks.yaml",
            "sub/partnership/templates/mou.docx",
            "templates/status.html",
            "sub/partnership/notes.yaml",
            "sub/partnership/my-risks.yaml",
            "sub/partnership/risks.yml",
            "sub/partnership/risks.yaml.bak",
            "sub/partnership/out/raid-2011-06-30.xlsx",
            "mytemplates/x.html",
            "README.md",
        ]
    }
    assert [path for path, matched in matches.items() if matched] == [
        "psp.yaml",
        "sub/partnership/risks.yaml",
        "sub/partnership/templates/mou.docx",
        "templates/status.html",
    ]


def test_the_hook_is_given_the_files_and_skips_those_in_no_folder() -> None:
    (hook,) = HOOKS
    assert hook["id"] == "psp-validate"
    assert hook["entry"] == "psp validate --ignore-outside"
    assert hook["language"] == "python"
    assert hook.get("pass_filenames", True) is True
    assert hook["require_serial"] is True


def _readme_snippet() -> str:
    readme = (REPOSITORY / "README.md").read_text(encoding="utf-8")
    (snippet,) = re.findall(r"```yaml\n(repos:\n.*?)```", readme, re.DOTALL)
    return snippet


def test_the_readme_snippet_names_the_hook_at_the_release_tag() -> None:
    config = YAML(typ="safe").load(_readme_snippet())
    assert config == {
        "repos": [
            {
                "repo": "<the URL you cloned psp from>",
                "rev": f"v{VERSION}",
                "hooks": [{"id": "psp-validate"}],
            }
        ]
    }


def _run(cwd: Path, env: dict[str, str], *args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True, timeout=900
    )


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_real_pre_commit_checks_a_psp_folder_in_a_subfolder(tmp_path: Path) -> None:
    gitconfig = tmp_path / "gitconfig"
    gitconfig.write_text(
        "[user]\n\tname = A. Manager\n\temail = pm@example.org\n"
        "[init]\n\tdefaultBranch = main\n[advice]\n\tdetachedHead = false\n",
        encoding="utf-8",
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "PRE_COMMIT"))}
    env.update(
        GIT_CONFIG_GLOBAL=str(gitconfig),
        GIT_CONFIG_NOSYSTEM="1",
        PRE_COMMIT_HOME=str(tmp_path / "pre-commit-cache"),
        PRE_COMMIT_COLOR="never",
    )
    git = shutil.which("git") or "git"

    # this repository, released: its files as git would commit them, tagged v<version>
    psp_repo = copy_repository(tmp_path / "psp")
    for args in (["init", "-q"], ["add", "-A"], ["commit", "-q", "-m", "release"]):
        assert _run(psp_repo, env, git, *args).returncode == 0
    assert _run(psp_repo, env, git, "tag", f"v{VERSION}").returncode == 0

    # a partnership's repository: the PSP folder in a subfolder, the README's snippet
    repo = tmp_path / "partnership"
    folder = copy_example(repo / "sub" / "falkirk")
    (repo / ".pre-commit-config.yaml").write_text(
        _readme_snippet().replace("<the URL you cloned psp from>", str(psp_repo)),
        encoding="utf-8",
    )
    pre_commit = Path(sys.executable).parent / "pre-commit"
    assert _run(repo, env, git, "init", "-q").returncode == 0
    installed = _run(repo, env, pre_commit, "install")
    assert installed.returncode == 0, installed.stdout + installed.stderr

    # a clean commit passes (the hook installs psp from the tag on first use)
    assert _run(repo, env, git, "add", "-A").returncode == 0
    clean = _run(repo, env, git, "commit", "-m", "The Falkirk PSP folder")
    assert clean.returncode == 0, clean.stdout + clean.stderr
    assert re.search(r"^psp validate\.+Passed$", clean.stdout + clean.stderr, re.MULTILINE)

    # a commit with no PSP file does not run the hook
    (repo / "README.md").write_text("The partnership's papers.\n", encoding="utf-8")
    assert _run(repo, env, git, "add", "README.md").returncode == 0
    other = _run(repo, env, git, "commit", "-m", "A README")
    assert other.returncode == 0, other.stdout + other.stderr
    assert re.search(
        r"^psp validate\.+\(no files to check\)Skipped$", other.stdout + other.stderr, re.M
    )

    # a broken risks.yaml is refused, with its file:line:col: CODE line
    risks = folder / "risks.yaml"
    text = risks.read_text(encoding="utf-8")
    assert text.splitlines()[24] == "    likelihood: 3"
    risks.write_text(text.replace("    likelihood: 3", "    liklihood: 3", 1), encoding="utf-8")
    assert _run(repo, env, git, "add", "-A").returncode == 0
    broken = _run(repo, env, git, "commit", "-m", "A typo")
    output = broken.stdout + broken.stderr
    assert broken.returncode == 1, output
    assert re.search(r"^psp validate\.+Failed$", output, re.MULTILINE)
    assert re.search(r"^sub/falkirk/risks\.yaml:25:5: PSP101 error .*'liklihood'", output, re.M)
    log = _run(repo, env, git, "log", "--format=%s")
    assert log.stdout.splitlines() == ["A README", "The Falkirk PSP folder"]
