"""Start-up of `psp validate` and `psp --help` as ratios to the imports they cannot avoid.

Issue #13's yardstick is `python -c "from pydantic import BaseModel; import ruamel.yaml"`.
The three commands run interleaved, and each is measured as the CPU time (user + system) of
its process, which a busy shared machine disturbs less than wall time:

    .venv/bin/python benchmarks/startup.py --repeat 12

Results and where the time goes: docs/performance.md.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "falkirk-foster-care"
PY = sys.executable
PSP = [PY, "-m", "psptool"]


def cpu_seconds(command: list[str]) -> float:
    """The CPU time of running `command` once to the end."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(command, capture_output=True, check=False)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=12)
    args = parser.parse_args()
    commands = {
        "yardstick": [PY, "-c", "from pydantic import BaseModel; import ruamel.yaml"],
        "psp validate": [*PSP, "validate", str(EXAMPLE), "--as-of", "2011-06-30"],
        "psp --help": [*PSP, "--help"],
    }
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(args.repeat):
        for name, command in commands.items():
            times[name].append(cpu_seconds(command))
    median = {name: statistics.median(values) for name, values in times.items()}
    for name, seconds in median.items():
        print(f"{name:<14} {seconds * 1000:7.0f} ms CPU")
    base = median["yardstick"]
    print(f"psp validate / yardstick: {median['psp validate'] / base:.2f}x (target 2x)")
    print(f"psp --help / yardstick:   {median['psp --help'] / base:.2f}x (target 0.75x)")


if __name__ == "__main__":
    main()
