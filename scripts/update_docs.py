"""Run every console example in README.md and docs/*.md and write what psp prints into the
Markdown, so the docs show what the program does (sqlite-utils keeps its CLI reference
current with cog the same way).

    .venv/bin/python scripts/update_docs.py            rewrite the examples' output in place
    .venv/bin/python scripts/update_docs.py --check    show a diff and exit 1 where they differ
    .venv/bin/python scripts/update_docs.py --images   also retake the README's pictures

An example is a ```console block: a line `$ psp ...` is a command (`$ cd DIR` moves between
folders), the lines under it are what it prints, stdout and stderr together. A line `...`
stands for any run of lines, so an example can show the start and end of a long report; an
update keeps each `...` and refreshes the lines around it. The blocks of one document run in
order in one temporary folder that holds a copy of the worked example at
examples/falkirk-foster-care (without `out/`), so a command may use what an earlier one
wrote; nothing is written into the repository's own examples/. `psp` is this environment's
(the one running the script), with COLUMNS=100 and no colour. A command whose output depends
on today must say `--as-of` in the doc.

A comment `<!-- console-setup: NAME -->` on the line before a block prepares the folder for
it without showing how: NAME is one of SETUPS below (a typo in a file, a git history with a
tag). The test tests/test_docs.py runs the same machinery and fails with the same diff.
"""

from __future__ import annotations

import argparse
import difflib
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = Path("examples") / "falkirk-foster-care"
COLUMNS = 100
ELISION = "..."
FENCE = "```console"
SETUP = re.compile(r"^<!-- console-setup: ([\w-]+) -->$")
SCREENSHOT = ROOT / "docs" / "images" / "status-report.png"
PAPER_IMAGES = {
    "mou": ROOT / "docs" / "images" / "mou-page-1.png",
    "raid": ROOT / "docs" / "images" / "raid-workbook.png",
}
"""The README's pictures of papers: page 1 as LibreOffice prints it, as a reader sees it."""


class DocsError(Exception):
    """An example that cannot be run as written (not a difference in output)."""


@dataclass
class Step:
    """One `$ command` of an example and the lines the doc says it prints."""

    command: str
    expected: list[str]
    actual: list[str] | None = None


@dataclass
class Block:
    """A ```console block: its steps, where it sits in the document, and its setup."""

    first: int
    """Index of the block's first line after the opening fence."""
    last: int
    """Index of the closing fence."""
    setup: str | None
    steps: list[Step] = field(default_factory=list)


def documents(root: Path = ROOT) -> list[Path]:
    """The Markdown files whose console examples are run: the README and docs/*.md."""
    return [root / "README.md", *sorted((root / "docs").glob("*.md"))]


def parse(text: str, name: str = "<doc>") -> list[Block]:
    lines = text.split("\n")
    blocks: list[Block] = []
    i = 0
    while i < len(lines):
        if lines[i].rstrip() != FENCE:
            i += 1
            continue
        setup = SETUP.match(lines[i - 1].strip()) if i else None
        first = i + 1
        last = first
        while last < len(lines) and lines[last].rstrip() != "```":
            last += 1
        if last == len(lines):
            raise DocsError(f"{name}:{i + 1}: the console block is never closed")
        block = Block(first, last, setup.group(1) if setup else None)
        for n, line in enumerate(lines[first:last], first + 1):
            if line.startswith("$ "):
                block.steps.append(Step(line[2:], []))
            elif block.steps:
                block.steps[-1].expected.append(line)
            elif line.strip():
                raise DocsError(f"{name}:{n}: a console block starts with a '$ ' command")
        blocks.append(block)
        i = last + 1
    return blocks


# --- comparing ------------------------------------------------------------------------------


def normalised(lines: Sequence[str]) -> list[str]:
    """Lines as a Markdown file keeps them: no trailing spaces, no blank lines at the end."""
    out = [line.rstrip() for line in lines]
    while out and not out[-1]:
        out.pop()
    return out


def matches(expected: Sequence[str], actual: Sequence[str]) -> bool:
    """Whether the doc's lines match the program's, a `...` line matching any run of lines."""
    pattern, lines = normalised(expected), normalised(actual)
    # reachable[j]: the pattern so far can match the first j lines
    reachable = [True] + [False] * len(lines)
    for line in pattern:
        if line == ELISION:
            for j in range(1, len(lines) + 1):
                reachable[j] = reachable[j] or reachable[j - 1]
        else:
            reachable = [False] + [reachable[j] and lines[j] == line for j in range(len(lines))]
    return reachable[-1]


def refreshed(expected: Sequence[str], actual: Sequence[str]) -> list[str]:
    """The doc's lines brought up to date: the program's output, keeping each `...` and as many
    lines around it as the doc showed, taken from where they now are. Unchanged when they
    already match, so running the update twice changes nothing the second time."""
    expected, actual = normalised(expected), normalised(actual)
    if matches(expected, actual):
        return expected
    if ELISION not in expected:
        return actual
    segments: list[list[str]] = [[]]
    for line in expected:
        if line == ELISION:
            segments.append([])
        else:
            segments[-1].append(line)
    head, *middle, tail = segments
    if len(head) + len(tail) + sum(map(len, middle)) > len(actual):
        return actual  # too short now to leave anything out
    out = [*actual[: len(head)], ELISION]
    start, stop = len(head), len(actual) - len(tail)
    for segment in middle:
        if not segment:
            continue
        room = stop - len(segment) - start
        if room < 0:
            return actual
        best = max(
            range(start, start + room + 1),
            key=lambda at: (_similarity(segment, actual[at : at + len(segment)]), -at),
        )
        out += [*actual[best : best + len(segment)], ELISION]
        start = best + len(segment)
    out += actual[stop:]
    return out


def _similarity(a: Sequence[str], b: Sequence[str]) -> float:
    return difflib.SequenceMatcher(None, "\n".join(a), "\n".join(b), autojunk=False).ratio()


# --- running --------------------------------------------------------------------------------


def psp_command() -> Path:
    """This environment's `psp`: the one installed next to the Python running this script."""
    scripts = Path(sys.prefix) / ("Scripts" if os.name == "nt" else "bin")
    psp = scripts / ("psp.exe" if os.name == "nt" else "psp")
    if not psp.is_file():
        raise DocsError(f"no psp in {scripts}: run this with the project's .venv/bin/python")
    return psp


def environment(home: Path) -> dict[str, str]:
    """A fixed environment, so the output is the same on every machine and every day."""
    return {
        "PATH": os.environ.get("PATH", ""),
        "HOME": str(home),
        "COLUMNS": str(COLUMNS),
        "NO_COLOR": "1",
        "LANG": "C.UTF-8",
        "LC_ALL": "C.UTF-8",
        "TZ": "UTC",
        "PYTHONIOENCODING": "utf-8",
        "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_AUTHOR_NAME": "L. Baird",
        "GIT_AUTHOR_EMAIL": "l.baird@example.org",
        "GIT_COMMITTER_NAME": "L. Baird",
        "GIT_COMMITTER_EMAIL": "l.baird@example.org",
        **({"SYSTEMROOT": os.environ["SYSTEMROOT"]} if "SYSTEMROOT" in os.environ else {}),
    }


@dataclass
class Session:
    """A reader's terminal: a temporary folder with the worked example, and where they are."""

    root: Path
    psp: Path
    env: dict[str, str]
    cwd: Path = field(init=False)

    def __post_init__(self) -> None:
        self.cwd = self.root

    def run(self, command: str, where: str) -> list[str]:
        try:
            argv = shlex.split(command, comments=True)
        except ValueError as exc:
            raise DocsError(f"{where}: cannot read the command ({exc})") from None
        if argv and argv[0] == "cd" and len(argv) == 2:
            target = (self.cwd / argv[1]).resolve()
            if not target.is_dir() or not target.is_relative_to(self.root.resolve()):
                raise DocsError(f"{where}: cd {argv[1]}: no such folder in the example's copy")
            self.cwd = target
            return []
        if not argv or argv[0] != "psp":
            raise DocsError(f"{where}: console examples run psp (or cd), not {command!r}")
        done = subprocess.run(
            [str(self.psp), *argv[1:]],
            cwd=self.cwd,
            env=self.env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            encoding="utf-8",
            timeout=300,
        )
        if "Traceback (most recent call last)" in done.stdout or "unexpected error" in done.stdout:
            raise DocsError(f"{where}: psp crashed:\n{done.stdout}")
        if str(self.root) in done.stdout:
            raise DocsError(
                f"{where}: the output names the temporary folder, so it would differ on every "
                f"run; give the PSP folder's path in the command:\n{done.stdout}"
            )
        return done.stdout.split("\n")

    def git(self, *args: str, when: str | None = None) -> None:
        dates = {"GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when} if when else {}
        env = {**self.env, **dates}
        subprocess.run(["git", *args], cwd=self.root, env=env, check=True, capture_output=True)


def new_session(into: Path) -> Session:
    example = into / EXAMPLE
    shutil.copytree(ROOT / EXAMPLE, example, ignore=shutil.ignore_patterns("out"))
    (into / ".home").mkdir()
    return Session(into, psp_command(), environment(into / ".home"))


def run_document(path: Path) -> tuple[str, str]:
    """The document as written and as it would be with every example's output refreshed."""
    text = path.read_text(encoding="utf-8")
    name = _name(path)
    blocks = parse(text, name)
    if not blocks:
        return text, text
    with tempfile.TemporaryDirectory(prefix="psp-docs-") as tmp:
        session = new_session(Path(tmp))
        for block in blocks:
            if block.setup:
                if block.setup not in SETUPS:
                    raise DocsError(
                        f"{name}:{block.first}: no setup {block.setup!r}; "
                        f"choose one of {', '.join(SETUPS)}"
                    )
                SETUPS[block.setup](session)
            line = block.first
            for step in block.steps:
                line += 1
                step.actual = session.run(step.command, f"{name}:{line}")
                line += len(step.expected)
    return text, rewritten(text, blocks)


def rewritten(text: str, blocks: Sequence[Block]) -> str:
    lines = text.split("\n")
    for block in reversed(blocks):
        body: list[str] = []
        for step in block.steps:
            body.append(f"$ {step.command}")
            output = step.expected if step.actual is None else step.actual
            body += refreshed(step.expected, output)
        lines[block.first : block.last] = body
    return "\n".join(lines)


def _name(path: Path) -> str:
    return str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path)


def differences(paths: Sequence[Path] | None = None) -> Iterator[tuple[Path, str, str]]:
    """(document, as written, as psp prints it) for every document, run two at a time."""
    paths = list(paths or documents())
    with ThreadPoolExecutor(max_workers=2) as pool:
        yield from (
            (path, *texts) for path, texts in zip(paths, pool.map(run_document, paths), strict=True)
        )


def diff(path: Path, written: str, printed: str) -> str:
    name = _name(path)
    return "".join(
        difflib.unified_diff(
            written.splitlines(keepends=True),
            printed.splitlines(keepends=True),
            f"{name} (as written)",
            f"{name} (as psp prints it)",
        )
    )


# --- setups ---------------------------------------------------------------------------------


def _replace_once(path: Path, old: str, new: str, after: str = "") -> None:
    """Replace the first `old` after `after` in the file, or say the example has changed."""
    text = path.read_text(encoding="utf-8")
    start = text.find(after)
    at = text.find(old, start) if start != -1 else -1
    if at == -1:
        raise DocsError(f"setup: {path.name} no longer holds {old.strip()!r} after {after!r}")
    path.write_text(text[:at] + new + text[at + len(old) :], encoding="utf-8")


def typos_in_my_copy(session: Session) -> None:
    """The README's mistakes: `liklihood` for R1 and an impact of 7 for R2 in my-copy."""
    risks = session.root / "my-copy" / "risks.yaml"
    if not risks.is_file():
        raise DocsError("setup typos-in-my-copy: run `psp init my-copy --example ...` first")
    _replace_once(risks, "    likelihood: 3\n", "    liklihood: 3\n", after="- id: R1\n")
    _replace_once(risks, "    impact: 4\n", "    impact: 7\n", after="- id: R2\n")


def governance_history(session: Session) -> None:
    """A git repository around the example whose tag `gg-march` is the folder as the March
    governance group saw it: M12 not yet done, no June measurements, R7 still a risk."""
    folder = session.root / EXAMPLE
    current = {p.name: p.read_text(encoding="utf-8") for p in folder.glob("*.yaml")}
    _replace_once(folder / "milestones.yaml", "    completed: 2011-06-24\n", "")
    benefits = folder / "benefits.yaml"
    march = re.sub(r"(?m)^ *- \{date: 2011-06-30, [^\n]*\n", "", benefits.read_text("utf-8"))
    benefits.write_text(march, encoding="utf-8")
    risks = folder / "risks.yaml"
    _replace_once(
        risks,
        "    type: issue                   # a risk that happened\n",
        "    type: risk\n",
        after="- id: R7\n",
    )
    _replace_once(risks, "    likelihood: 5\n", "    likelihood: 4\n", after="- id: R7\n")
    session.git("init", "--quiet", "--initial-branch=main")
    session.git("add", str(EXAMPLE))
    _commit(session, "2011-03-31T16:00:00+01:00", "Highlight report for the March governance group")
    session.git("tag", "gg-march")
    for name, text in current.items():
        (folder / name).write_text(text, encoding="utf-8")
    session.git("add", str(EXAMPLE))
    _commit(session, "2011-06-30T16:00:00+01:00", "June: M12 done, KPIs measured, R7 an issue")


def _commit(session: Session, when: str, message: str) -> None:
    session.git("commit", "--quiet", "--no-gpg-sign", "-m", message, when=when)


SETUPS: dict[str, Callable[[Session], None]] = {
    "typos-in-my-copy": typos_in_my_copy,
    "governance-history": governance_history,
}
"""What a `<!-- console-setup: NAME -->` comment does before its block."""


# --- the screenshot -------------------------------------------------------------------------


def browser() -> str | None:
    return (
        shutil.which("chromium")
        or shutil.which("chromium-browser")
        or shutil.which("google-chrome")
    )


def take_screenshot(out: Path = SCREENSHOT) -> None:
    """The README's picture of the HTML highlight report, as tests/cli/test_status.py opens
    it: the worked example as at 30 June 2011 in headless Chromium."""
    chromium = browser()
    if chromium is None:
        raise DocsError("no chromium to take the screenshot with (apt-get install chromium)")
    with tempfile.TemporaryDirectory(prefix="psp-shot-") as tmp:
        session = new_session(Path(tmp))
        page = Path(tmp) / "status.html"
        session.run(f"psp report status {EXAMPLE} --as-of 2011-06-30 -o {page.name}", "screenshot")
        shot = Path(tmp) / "status.png"
        subprocess.run(
            [
                chromium,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--hide-scrollbars",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                f"--user-data-dir={Path(tmp) / 'profile'}",
                "--window-size=900,1100",
                "--force-device-scale-factor=0.7",  # a 630 × 770 picture of a 900 px page
                f"--screenshot={shot}",
                page.as_uri(),
            ],
            check=True,
            capture_output=True,
            timeout=120,
        )
        shutil.copyfile(shot, out)


def take_paper_images(images: dict[str, Path] = PAPER_IMAGES) -> None:
    """Page 1 of each paper of the worked example as at 30 June 2011, printed to PDF by
    LibreOffice and turned into a picture by pdftoppm (`make papers` does every page)."""
    soffice, pdftoppm = shutil.which("soffice"), shutil.which("pdftoppm")
    if soffice is None or pdftoppm is None:
        raise DocsError("no soffice or pdftoppm to take the pictures with (make debian-packages)")
    with tempfile.TemporaryDirectory(prefix="psp-papers-") as tmp:
        session = new_session(Path(tmp))
        for paper, out in images.items():
            suffix = ".xlsx" if out.stem.endswith("workbook") else ".docx"
            name = f"{paper}{suffix}"
            session.run(f"psp render {paper} {EXAMPLE} --as-of 2011-06-30 -o {name}", paper)
            subprocess.run(
                [soffice, "--headless", f"-env:UserInstallation=file://{tmp}/lo",
                 "--convert-to", "pdf", "--outdir", tmp, str(Path(tmp) / name)],
                check=True, capture_output=True, timeout=300,
            )  # fmt: skip
            stem = Path(tmp) / f"{paper}-page"
            subprocess.run(
                [pdftoppm, "-f", "1", "-l", "1", "-r", "70", "-png", "-singlefile",
                 str(Path(tmp) / f"{paper}.pdf"), str(stem)],
                check=True, capture_output=True, timeout=120,
            )  # fmt: skip
            shutil.copyfile(stem.with_suffix(".png"), out)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="change nothing; exit 1 on a diff")
    parser.add_argument("--images", action="store_true", help="also retake the pictures")
    parser.add_argument("paths", nargs="*", type=Path, help="documents (default: all)")
    args = parser.parse_args(argv)
    try:
        found = False
        for path, written, printed in differences([p.resolve() for p in args.paths] or None):
            if written == printed:
                continue
            found = True
            if args.check:
                sys.stdout.write(diff(path, written, printed))
            else:
                path.write_text(printed, encoding="utf-8")
                print(f"updated {_name(path)}")
        if args.images and not args.check:
            take_screenshot()
            print(f"updated {_name(SCREENSHOT)}")
            take_paper_images()
            for image in PAPER_IMAGES.values():
                print(f"updated {_name(image)}")
    except DocsError as exc:
        print(f"update_docs: {exc}", file=sys.stderr)
        return 2
    if found and args.check:
        print("The docs differ from what psp prints: run scripts/update_docs.py", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
