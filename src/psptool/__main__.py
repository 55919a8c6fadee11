"""`python -m psptool` runs the `psp` command."""

from .cli import run

run()
