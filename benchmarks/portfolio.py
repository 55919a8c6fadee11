"""Benchmark `psp portfolio`: many partnerships in one process (issue #18).

    .venv/bin/python benchmarks/portfolio.py [--repeat 3]

Measures, in one run, one `psp validate` of the worked example (the yardstick), then
`psp portfolio` over 25, 50 and 100 copies of the worked example, and over 10, 20 and 40
partnerships ten times its size (benchmarks/generate.py with 120 records in each list file;
the example holds about 12: 12 risks, 16 milestones, 8 benefits, 6 goals, 19 stakeholders).
Each figure is the median wall time of whole processes, with the CPU time the processes used
beside it (steadier on a shared machine). The target: 100 example-sized partnerships within
5 times one `psp validate` of the example, and time linear in the number of partnerships.
Record results in docs/performance.md ("Portfolio").
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import generate

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "falkirk-foster-care"
PSP = [sys.executable, "-m", "psptool"]
VALIDATE_EACH = (
    "import sys\n"
    "from datetime import date\n"
    "from pathlib import Path\n"
    "from psptool.check import validate\n"
    "for root in sys.argv[1:]:\n"
    "    for folder in sorted(Path(root).iterdir()):\n"
    "        validate(folder, date(2011, 6, 30), find=False)\n"
)
"""The floor: `psptool.validate()` of every folder in one process, with no report."""
LARGE_RECORDS = 120
"""Records per list file of a partnership ten times the worked example's size."""


def timed(command: list[str], repeat: int) -> tuple[float, float]:
    """Median wall time and median CPU time (user + system) of `repeat` runs."""
    walls, cpus = [], []
    for _ in range(repeat):
        before = os.times()
        start = time.perf_counter()
        done = subprocess.run(command, capture_output=True)
        walls.append(time.perf_counter() - start)
        after = os.times()
        cpus.append(
            after.children_user - before.children_user
            + after.children_system - before.children_system
        )
        if done.returncode != 0:
            raise SystemExit(f"{' '.join(command)} failed ({done.returncode}):\n"
                             f"{done.stderr.decode()[-2000:]}")
    return statistics.median(walls), statistics.median(cpus)


def example_copies(root: Path, first: int, count: int) -> Path:
    """`count` copies of the worked example under `root`, each with its own name."""
    for i in range(first, first + count):
        folder = root / f"psp-{i:03d}"
        folder.mkdir(parents=True)
        for source in EXAMPLE.glob("*.yaml"):
            shutil.copy2(source, folder / source.name)
        psp = folder / "psp.yaml"
        psp.write_text(
            psp.read_text(encoding="utf-8").replace(
                "name: Falkirk Foster Care PSP", f"name: Partnership {i}", 1
            ),
            encoding="utf-8",
        )
    return root


def large_partnerships(root: Path, first: int, count: int) -> Path:
    for i in range(first, first + count):
        generate(root / f"psp-{i:03d}", LARGE_RECORDS, seed=i)
    return root


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    rows: list[tuple[str, float, float]] = []

    def record(what: str, figures: tuple[float, float]) -> tuple[float, float]:
        rows.append((what, *figures))
        print(f"{what:<58} {figures[0]:7.2f} s wall {figures[1]:7.2f} s CPU", flush=True)
        return figures

    yardstick = record(
        "psp validate (the worked example)",
        timed([*PSP, "validate", str(EXAMPLE), "--as-of", "2011-06-30"], args.repeat),
    )
    small: dict[int, tuple[float, float]] = {}
    large: dict[int, tuple[float, float]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        # three roots: 25, then 25 more, then 50 more, so 25, 50 and 100 are the same folders
        roots = [example_copies(base / "small-a", 1, 25), example_copies(base / "small-b", 26, 25),
                 example_copies(base / "small-c", 51, 50)]
        for n, given in ((25, roots[:1]), (50, roots[:2]), (100, roots)):
            command = [*PSP, "portfolio", *map(str, given), "--as-of", "2011-06-30",
                       "--format", "json"]
            small[n] = record(f"psp portfolio, {n} example-sized partnerships",
                              timed(command, args.repeat))
        floor = record("floor: psptool.validate() of the 100, one process, no CLI",
                       timed([sys.executable, "-c", VALIDATE_EACH, *map(str, roots)],
                             args.repeat))
        big = [large_partnerships(base / "large-a", 1, 10),
               large_partnerships(base / "large-b", 11, 10),
               large_partnerships(base / "large-c", 21, 20)]
        for n, given in ((10, big[:1]), (20, big[:2]), (40, big)):
            command = [*PSP, "portfolio", *map(str, given), "--as-of", "2026-06-30",
                       "--format", "json"]
            large[n] = record(f"psp portfolio, {n} partnerships ten times the size",
                              timed(command, args.repeat))
        markdown = [*PSP, "portfolio", *map(str, roots), "--as-of", "2011-06-30",
                    "--format", "markdown"]
        record("psp portfolio, 100 example-sized, --format markdown", timed(markdown, args.repeat))
        page = base / "portfolio.html"
        html = [*PSP, "portfolio", *map(str, roots), "--as-of", "2011-06-30", "-o", str(page),
                "--force"]
        record("psp portfolio, 100 example-sized, -o portfolio.html", timed(html, args.repeat))
        book = base / "portfolio.xlsx"
        xlsx = [*PSP, "portfolio", *map(str, roots), "--as-of", "2011-06-30", "-o", str(book),
                "--force"]
        record("psp portfolio, 100 example-sized, -o portfolio.xlsx", timed(xlsx, args.repeat))
    print()
    print("Ratios (wall; CPU)")
    for label, (wall, cpu) in (("100 example-sized", small[100]),):
        print(f"  psp portfolio {label} / one psp validate of the example: "
              f"{wall / yardstick[0]:.2f}x; {cpu / yardstick[1]:.2f}x (target: 5x)")
    print(f"  floor (100 validate() calls in one process) / one psp validate: "
          f"{floor[0] / yardstick[0]:.2f}x; {floor[1] / yardstick[1]:.2f}x")
    print(f"  psp portfolio 100 / the floor: {small[100][0] / floor[0]:.2f}x")
    for name, figures, sizes in (("example-sized", small, (25, 50, 100)),
                                 ("ten times the size", large, (10, 20, 40))):
        a, b, c = sizes
        per = [(figures[y][0] - figures[x][0]) / (y - x) for x, y in ((a, b), (b, c))]
        print(f"  {name}: {a} -> {b} -> {c} partnerships: "
              f"{figures[b][0] / figures[a][0]:.2f}x, {figures[c][0] / figures[b][0]:.2f}x "
              f"wall; each partnership adds {per[0] * 1000:.0f} ms, then {per[1] * 1000:.0f} ms")
    print(f"  one partnership ten times the size / one example-sized: "
          f"{(large[40][0] - large[20][0]) / 20 / ((small[100][0] - small[50][0]) / 50):.1f}x")


if __name__ == "__main__":
    main()
