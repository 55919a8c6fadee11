"""Benchmark psp on partnerships of 10, 100, 1,000 and 10,000 records per file.

    .venv/bin/pip install -e '.[bench]'
    .venv/bin/python benchmarks/run.py [--sizes 10 100 1000 10000] [--repeat 5]

Each figure is the median wall time of whole processes, as a user meets them. For
comparison, the same run measures the interpreter's start-up, importing pydantic and
ruamel.yaml, composing the same YAML files with PyYAML's C loader (the floor for parsing YAML
with positions in Python), yamllint on the same files, and openpyxl writing the RAID
workbook of `psp render raid` directly (benchmarks/openpyxl_raid.py: the same cells and
formats, from the YAML read with PyYAML's C loader; checked cell by cell against psp's). Not
part of `make test`: speed is measured here, never asserted in tests. Record results in
docs/performance.md.
"""

from __future__ import annotations

import argparse
import itertools
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
PY = sys.executable
PSP = [PY, "-m", "psptool"]
OPENPYXL_RAID = [PY, str(Path(__file__).resolve().parent / "openpyxl_raid.py")]
COMPOSE = (
    "import sys, yaml\n"
    "for f in sys.argv[1:]:\n"
    "    with open(f, 'rb') as h: yaml.compose(h, Loader=yaml.CSafeLoader)\n"
)


LIBRARY_VALIDATE = (
    "import sys\n"
    "from datetime import date\n"
    "from psptool.check import validate\n"
    "print(len(validate(sys.argv[1], date(2011, 6, 30)).diagnostics))\n"
)


def median_time(command: list[str], repeat: int, ok: tuple[int, ...] = (0, 1)) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        done = subprocess.run(command, capture_output=True)
        times.append(time.perf_counter() - start)
        if done.returncode not in ok:
            raise SystemExit(f"{' '.join(command)} failed ({done.returncode}):\n"
                             f"{done.stderr.decode()[-2000:]}")
    return statistics.median(times)


def has_module(name: str) -> bool:
    return subprocess.run([PY, "-c", f"import {name}"], capture_output=True).returncode == 0


def workbook_difference(ours: Path, direct: Path) -> str | None:
    """The first cell whose value differs between two workbooks, or None when every sheet
    holds the same values in the same places."""
    from openpyxl import load_workbook

    a, b = load_workbook(ours, read_only=True), load_workbook(direct, read_only=True)
    try:
        if a.sheetnames != b.sheetnames:
            return f"sheets {a.sheetnames} != {b.sheetnames}"
        for name in a.sheetnames:
            rows = itertools.zip_longest(a[name].iter_rows(values_only=True),
                                         b[name].iter_rows(values_only=True), fillvalue=())
            for r, (x, y) in enumerate(rows, 1):
                if x != y:
                    return f"{name} row {r}: {x} != {y}"
        return None
    finally:
        a.close()
        b.close()


def same_file_but_timestamps(ours: Path, direct: Path) -> bool:
    """Whether the two .xlsx files hold the same bytes in every part but docProps/core.xml
    (the times the workbook was created and modified)."""
    import zipfile

    with zipfile.ZipFile(ours) as a, zipfile.ZipFile(direct) as b:
        names = sorted(set(a.namelist()) - {"docProps/core.xml"})
        return names == sorted(set(b.namelist()) - {"docProps/core.xml"}) and all(
            a.read(name) == b.read(name) for name in names
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10, 100, 1000, 10000])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    as_of = ["--as-of", "2026-06-30"]
    rows: list[tuple[str, str, float]] = []

    def record(size: str, what: str, seconds: float) -> None:
        rows.append((size, what, seconds))
        print(f"{size:>8}  {what:<44} {seconds * 1000:9.1f} ms", flush=True)

    record("-", "python -c pass", median_time([PY, "-c", "pass"], args.repeat))
    floor = median_time([PY, "-c", "import pydantic, ruamel.yaml"], args.repeat)
    record("-", "python -c 'import pydantic, ruamel.yaml'", floor)
    # where the start-up goes: pydantic's model machinery, then the format's models built
    base_model = median_time([PY, "-c", "import ruamel.yaml; from pydantic import BaseModel"],
                             args.repeat)
    record("-", "... and from pydantic import BaseModel", base_model)
    models = median_time([PY, "-c", "import ruamel.yaml, psptool.model"], args.repeat)
    record("-", "... and import psptool.model (its models)", models)
    record("-", "psp --help", median_time([*PSP, "--help"], args.repeat))
    library = median_time([PY, "-c", LIBRARY_VALIDATE, str(EXAMPLE)], args.repeat)
    record("example", "psptool.validate() without the CLI", library)
    example = median_time([*PSP, "validate", str(EXAMPLE), "--as-of", "2011-06-30"],
                          args.repeat)
    record("example", "psp validate", example)
    compose_floor: dict[int, float] = {}
    validate_at: dict[int, float] = {}
    raid_at: dict[int, float] = {}
    direct_at: dict[int, float] = {}
    direct_public_at: dict[int, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.sizes:
            folder = generate(Path(tmp) / f"n{n}", n)
            files = sorted(str(p) for p in folder.glob("*.yaml"))
            repeat = args.repeat if n <= 1000 else max(3, args.repeat // 2)
            validate_at[n] = median_time([*PSP, "validate", str(folder), *as_of], repeat)
            record(str(n), "psp validate", validate_at[n])
            record(str(n), "psp score risks --format json",
                   median_time([*PSP, "score", "risks", str(folder), *as_of, "--format", "json"],
                               repeat))
            record(str(n), "psp report status --format markdown",
                   median_time([*PSP, "report", "status", str(folder), *as_of, "--format",
                                "markdown"], repeat))
            out = Path(tmp) / f"raid-{n}.xlsx"
            raid = subprocess.run([*PSP, "render", "raid", "--help"], capture_output=True)
            if raid.returncode == 0:
                raid_at[n] = median_time([*PSP, "render", "raid", str(folder), *as_of, "-o",
                                          str(out), "--force"], repeat)
                record(str(n), "psp render raid", raid_at[n])
            if raid.returncode == 0 and has_module("yaml"):
                direct = Path(tmp) / f"direct-{n}.xlsx"
                command = [*OPENPYXL_RAID, str(folder), str(direct), *as_of]
                direct_at[n] = median_time(command, repeat, ok=(0,))
                record(str(n), "openpyxl direct, same workbook (floor)", direct_at[n])
                public = [*OPENPYXL_RAID, str(folder), str(direct.with_stem(f"public-{n}")),
                          *as_of, "--public-api"]
                direct_public_at[n] = median_time(public, repeat, ok=(0,))
                record(str(n), "openpyxl direct, styles set cell by cell", direct_public_at[n])
                difference = workbook_difference(out, direct)
                print(f"{'':>8}  openpyxl direct writes the same cells as psp: "
                      + ("yes" if difference is None else f"NO, {difference}")
                      + "; the same file but its timestamps: "
                      + ("yes" if same_file_but_timestamps(out, direct) else "no"), flush=True)
            if has_module("yaml"):
                compose_floor[n] = median_time([PY, "-c", COMPOSE, *files], repeat)
                record(str(n), "PyYAML CSafeLoader compose (floor)", compose_floor[n])
            if shutil.which("yamllint") or has_module("yamllint"):
                record(str(n), "yamllint", median_time(
                    [PY, "-m", "yamllint", "-d", "relaxed", *files], repeat, ok=(0, 1, 2)))
    print()
    print("Ratios")
    print(f"  psp validate (example) / import pydantic, ruamel.yaml: {example / floor:.2f}x "
          "(target: 2x)")
    print(f"  import psptool.model alone / import pydantic, ruamel.yaml: {models / floor:.2f}x")
    print(f"  psp validate (example) / psptool.validate() without the CLI: "
          f"{example / library:.2f}x")
    for n, seconds in validate_at.items():
        if n in compose_floor:
            print(f"  psp validate ({n}) / PyYAML compose ({n}): "
                  f"{seconds / compose_floor[n]:.2f}x (target at 10,000: 2x)")
    sizes = sorted(validate_at)
    for small, large in itertools.pairwise(sizes):
        print(f"  psp validate growth {small} -> {large}: "
              f"{validate_at[large] / validate_at[small]:.1f}x for {large // small}x records")
    for n, seconds in raid_at.items():
        if n in direct_at:
            print(f"  psp render raid ({n}) / openpyxl direct ({n}): "
                  f"{seconds / direct_at[n]:.2f}x (target at 1,000: 1.5x); "
                  f"/ styles set cell by cell: {seconds / direct_public_at[n]:.2f}x")


if __name__ == "__main__":
    main()
