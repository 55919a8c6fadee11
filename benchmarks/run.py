"""Benchmark psp on partnerships of 10, 100, 1,000 and 10,000 records per file.

    .venv/bin/pip install -e '.[bench]'
    .venv/bin/python benchmarks/run.py [--sizes 10 100 1000 10000] [--repeat 5]

Each figure is the median wall time of whole processes, as a user meets them. For
comparison, the same run measures the interpreter's start-up, importing pydantic and
ruamel.yaml, composing the same YAML files with PyYAML's C loader (the floor for parsing YAML
with positions in Python) and yamllint on the same files. Not part of `make test`: speed is
measured here, never asserted in tests. Record results in docs/performance.md.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import generate  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "falkirk-foster-care"
PY = sys.executable
PSP = [PY, "-m", "psptool"]
COMPOSE = (
    "import sys, yaml\n"
    "for f in sys.argv[1:]:\n"
    "    with open(f, 'rb') as h: yaml.compose(h, Loader=yaml.CSafeLoader)\n"
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
    record("-", "psp --help", median_time([*PSP, "--help"], args.repeat))
    example = median_time([*PSP, "validate", str(EXAMPLE), "--as-of", "2011-06-30"],
                          args.repeat)
    record("example", "psp validate", example)
    compose_floor: dict[int, float] = {}
    validate_at: dict[int, float] = {}
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
                record(str(n), "psp render raid",
                       median_time([*PSP, "render", "raid", str(folder), *as_of, "-o", str(out),
                                    "--force"], repeat))
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
    for n, seconds in validate_at.items():
        if n in compose_floor:
            print(f"  psp validate ({n}) / PyYAML compose ({n}): "
                  f"{seconds / compose_floor[n]:.2f}x (target at 10,000: 2x)")
    sizes = sorted(validate_at)
    for small, large in zip(sizes, sizes[1:], strict=False):
        print(f"  psp validate growth {small} -> {large}: "
              f"{validate_at[large] / validate_at[small]:.1f}x for {large // small}x records")


if __name__ == "__main__":
    main()
