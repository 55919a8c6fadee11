"""Coverage-guided fuzzing of `psp validate` with atheris (optional; see docs/fuzzing.md).

Each input is one byte naming a file of the folder (psp.yaml, partners.yaml, ...) followed by
that file's new bytes; the other files are the worked example's, so references resolve and
every layer of checks is reached. The folder is loaded from memory (the loader's
`load_texts`, which decodes, parses and validates exactly as from disk), checked, and its
findings rendered as text and JSON. Any exception, and any PSP000 (a check that crashed),
is a bug: atheris stops and saves the input.

    python benchmarks/fuzz_validate.py --seeds fuzz-corpus     # write the seed inputs
    python benchmarks/fuzz_validate.py fuzz-corpus -max_total_time=60 -timeout=10

atheris is not a dependency of psp; install it in a scratch environment.
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import atheris

with atheris.instrument_imports(include=["psptool"]):
    from psptool.check import Validation, run_checks
    from psptool.load.project import load_texts
    from psptool.model import FILES
    from psptool.render.diagnostics import json_report, text_report

REPOSITORY = Path(__file__).resolve().parents[1]
EXAMPLE = REPOSITORY / "examples" / "falkirk-foster-care"
BAD_CORPUS = REPOSITORY / "tests" / "corpus" / "bad"
ROOT = Path("/fuzz/psp")
AS_OF = date(2011, 6, 30)
NAMES = [spec.name for spec in FILES]
BASE = {name: (EXAMPLE / name).read_bytes() for name in NAMES}


def test_one_input(data: bytes) -> None:
    if not data:
        return
    name = NAMES[data[0] % len(NAMES)]
    result = load_texts(ROOT, {**BASE, name: data[1:]})
    found = sorted([*result.diagnostics, *run_checks(result, AS_OF)], key=lambda d: d.sort_key)
    crashed = [d for d in found if d.code == "PSP000"]
    if crashed:
        raise AssertionError(crashed[0].message)
    validation = Validation(ROOT, found, result)
    for _ in text_report(validation):
        pass
    json_report([validation], AS_OF)


def write_seeds(folder: Path) -> None:
    """Seed inputs: each file of the worked example, and each file of the bad corpus."""
    folder.mkdir(parents=True, exist_ok=True)
    count = 0
    sources = [EXAMPLE, *sorted(p for p in BAD_CORPUS.iterdir() if p.is_dir())]
    for source in sources:
        for index, name in enumerate(NAMES):
            path = source / name
            if path.is_file() and not path.is_symlink():
                (folder / f"{source.name}-{name}").write_bytes(bytes([index]) + path.read_bytes())
                count += 1
    print(f"wrote {count} seeds to {folder}")


def main() -> None:
    if len(sys.argv) == 3 and sys.argv[1] == "--seeds":
        write_seeds(Path(sys.argv[2]))
        return
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
