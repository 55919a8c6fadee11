"""The `psp` command: typer commands that parse arguments, call the library, and print.

`main` is the one boundary that turns outcomes into exit codes: 0 clean, 1 findings, 2 cannot
run, 130 on Ctrl-C; an unexpected exception becomes a short message and a crash report file,
never a raw traceback.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from typing import Any

import typer

from .init import init_command
from .render import render_app
from .report import gate_command, report_app
from .schema import schema_command
from .score import score_command
from .status import status_command
from .templates import templates_app
from .validate import validate_command
from .workbooks import plan_command  # noqa: F401  (registers the workbook commands)

app = typer.Typer(
    name="psp",
    help="Keep a Public Social Partnership as a folder of YAML files: check it, score it, "
    "report on it.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


def guarded(command: Callable[..., Any]) -> Callable[..., Any]:
    """Turn the library's `PspError` into a one-line message and its exit code."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        from ..errors import PspError

        try:
            return command(*args, **kwargs)
        except PspError as exc:
            typer.echo(f"psp: {exc}", err=True)
            raise typer.Exit(exc.exit_code) from None

    return wrapper


app.command("init")(guarded(init_command))
app.command("validate")(guarded(validate_command))
app.command("schema")(guarded(schema_command))
app.command("score")(guarded(score_command))
report_app.command("gate")(guarded(gate_command))
report_app.command("status")(guarded(status_command))
app.add_typer(report_app, name="report")


def _register_editing() -> None:
    from . import edit, importing

    edit.register(app, guarded)
    importing.register(app, guarded)


_register_editing()
for sub_app in (render_app, templates_app):
    for registered in sub_app.registered_commands:
        registered.callback = guarded(registered.callback)
app.add_typer(render_app, name="render")
app.add_typer(templates_app, name="templates")


def main(argv: list[str] | None = None) -> int:
    """Run the CLI and return its exit code (the console script exits with it)."""
    from ..errors import PspError

    try:
        app(args=argv, prog_name="psp")
        code: object = 0
    except SystemExit as exc:  # typer exits with the command's code; usage errors are 2
        code = exc.code
    except KeyboardInterrupt:
        print("psp: interrupted", file=sys.stderr)
        code = 130
    except PspError as exc:
        print(f"psp: {exc}", file=sys.stderr)
        code = exc.exit_code
    except Exception as exc:
        from .crash import write_crash_report

        report = write_crash_report(exc)
        print(
            f"psp: an unexpected error ({type(exc).__name__}: {exc}).\n"
            f"A crash report was written to {report}; please send it to the maintainers.",
            file=sys.stderr,
        )
        code = 2
    if code is None:
        return 0
    return code if isinstance(code, int) else 0


def run() -> None:
    sys.exit(main())


__all__ = ["app", "main", "run"]
