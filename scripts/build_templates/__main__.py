"""`python scripts/build_templates [DIR]`: write the default templates to DIR (templates/)."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # scripts/, to import the package

from build_templates import TEMPLATES_DIR, build

if __name__ == "__main__":
    for path in build(Path(sys.argv[1]) if len(sys.argv) > 1 else TEMPLATES_DIR):
        print(f"wrote {path}")
