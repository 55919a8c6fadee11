"""The `psp` command: typer commands that parse arguments, call the library, and print.

`main` is the one boundary that turns outcomes into exit codes: 0 clean, 1 findings, 2 cannot
run, 130 on Ctrl-C; an unexpected exception becomes a short message and a crash report file,
never a raw traceback.
"""

from __future__ import annotations

import copy
import functools
import inspect
import sys
from importlib import import_module
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from .lazy import LazyCommands

COMMANDS: dict[str, str] = {
    "init": "init:init_command",
    "validate": "validate:validate_command",
    "schema": "schema:schema_command",
    "score": "score:score_command",
    "report": "report:report_app",
    "risk": "edit:risk_app",
    "milestone": "edit:milestone_app",
    "benefit": "edit:benefit_app",
    "sign": "edit:sign_app",
    "partner": "edit:partner_app",
    "goal": "edit:goal_app",
    "import": "importing:import_app",
    "render": "render:render_app",
    "templates": "templates:templates_app",
    "calendar": "calendar:calendar_command",
    "meeting": "meeting:meeting_app",
    "decision": "meeting:decision_app",
    "action": "meeting:action_app",
    "portfolio": "portfolio:portfolio_command",
}
"""Every top-level command, in the order `psp --help` lists them, and where it lives
(`module:attribute` in this package): a command function, or a typer app for a group.

Only the command being run is imported and built. typer builds the options of every command
it is given (a pydantic adapter per option) and the command modules import their own
libraries, so building all of them for `psp validate` cost more than validating the worked
example does."""


def _target(name: str) -> Any:
    module_name, attribute = COMMANDS[name].split(":")
    return getattr(import_module(f"{__name__}.{module_name}"), attribute)


def _single(name: str, function: Any) -> typer.Typer:
    single = typer.Typer(rich_markup_mode=None, add_completion=False)
    single.command(name)(function)
    return single


@functools.cache
def load_command(name: str) -> Any:
    """The click command for the top-level command `name`, imported and built on first use."""
    target = _target(name)
    if isinstance(target, typer.Typer):
        return typer.main.get_group(target)
    return typer.main.get_command(_single(name, target))


def command_summary(name: str) -> Any:
    """The top-level command `name` as `psp --help` lists it: its help, short help and
    whether it is hidden or deprecated, as typer would give the built command, without
    building its options or its subcommands (a third of `psp --help`'s time).
    tests/cli/test_startup.py holds each summary to the built command."""
    from typer.core import TyperCommand
    from typer.models import TyperInfo

    target = _target(name)
    if isinstance(target, typer.Typer):
        info = typer.main.solve_typer_info_defaults(TyperInfo(target))
        help_text, short_help = info.help, info.short_help
        hidden, deprecated = info.hidden, info.deprecated
    else:
        command = _single(name, target).registered_commands[0]
        help_text = command.help or inspect.getdoc(command.callback)
        help_text = inspect.cleandoc(help_text) if help_text else help_text
        short_help, hidden, deprecated = command.short_help, command.hidden, command.deprecated
    return TyperCommand(
        name, help=help_text, short_help=short_help, hidden=hidden, deprecated=deprecated
    )


class LazyGroup(TyperGroup):
    """click's lazily loading group (see click's docs, "Lazily Loading Subcommands"), for typer."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.commands = LazyCommands(lambda: COMMANDS, load_command)

    def format_commands(self, ctx: Any, formatter: Any) -> None:
        """The list of commands in `psp --help`, as typer writes it, from each command's
        summary: listing a command does not build it."""
        listing = copy.copy(self)
        listing.commands = {name: command_summary(name) for name in self.commands}
        TyperGroup.format_commands(listing, ctx, formatter)


app = typer.Typer(
    name="psp",
    cls=LazyGroup,
    help="Keep a Public Social Partnership as a folder of YAML files: check it, score it, "
    "report on it.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


DISTRIBUTION = "psp-toolkit"
"""The name psp is installed under (`pip install psp-toolkit`); the import package is
`psptool`. Its version is read from the installed package's metadata, so it is written in one
place only, pyproject.toml."""


def version() -> str:
    """The installed version of psp, from the package metadata."""
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as installed_version

    try:
        return installed_version(DISTRIBUTION)
    except PackageNotFoundError:
        return f"unknown ({DISTRIBUTION} is not installed)"


def _print_version(value: bool) -> None:
    if value:
        typer.echo(f"psp {version()}")
        raise typer.Exit()


@app.callback()
def _psp(
    show_version: Annotated[
        bool,
        typer.Option(
            "--version",
            help="Print psp's version and exit.",
            callback=_print_version,
            is_eager=True,
        ),
    ] = False,
) -> None:
    # A group needs a callback: the commands themselves are registered lazily (COMMANDS).
    pass


def main(argv: list[str] | None = None) -> int:
    """Run the CLI and return its exit code (the console script exits with it).

    The one place outcomes become exit codes. A command returns its code (None is 0) or
    raises: a `PspError` is printed as one line and ends with its own code (errors.py says
    which), a usage error is shown as click shows it (2), Ctrl-C is 130, and anything else is
    an unexpected error with a crash report written to a file, never a traceback."""
    from typer._click import ClickException  # typer 0.29 vendors click here

    from ..errors import EditRefused, FolderHasErrors, PspError
    from .options import refuse_undecodable

    try:
        refuse_undecodable(sys.argv[1:] if argv is None else argv)
        code: object = app(args=argv, prog_name="psp", standalone_mode=False)
    except ClickException as exc:
        from ..quoting import clip_message

        # the value quoted back may be anything typed: escape sequences, 5,000 characters
        exc.message = clip_message(exc.message, 1_000)
        exc.show()
        code = exc.exit_code
    except (KeyboardInterrupt, typer.Abort):
        print("psp: interrupted", file=sys.stderr)
        code = 130
    except FolderHasErrors as exc:
        from .project import show_errors

        show_errors(exc)
        code = exc.exit_code
    except PspError as exc:
        print(
            f"psp: {_printable(str(exc), keep_lines=isinstance(exc, EditRefused))}", file=sys.stderr
        )
        code = exc.exit_code
    except OSError as exc:
        # the system refused a path given (a name too long, a folder that cannot be
        # entered): the user's to fix, not psp's bug, so a message rather than a crash report
        from ..quoting import shorten

        where = f"{shorten(exc.filename, 120)}: " if exc.filename else ""
        print(f"psp: {where}{exc.strerror or exc}", file=sys.stderr)
        code = 2
    except Exception as exc:
        from .crash import write_crash_report

        report = write_crash_report(exc)
        written = (
            f"A crash report was written to {_printable(str(report))}; please send it to the "
            "maintainers."
            if report is not None
            else "No crash report could be written."
        )
        print(
            f"psp: an unexpected error ({type(exc).__name__}: {_printable(str(exc))}).\n" + written,
            file=sys.stderr,
        )
        code = 2
    return code if isinstance(code, int) and not isinstance(code, bool) else 0


def _printable(message: str, keep_lines: bool = False) -> str:
    """A message with control characters escaped (a folder name holding an escape sequence
    must not retitle the terminal, an id ending in a line break must not split the line), at
    most a thousand characters a line; `keep_lines` for a message that lists findings."""
    from ..quoting import clip_message

    lines = message.split("\n") if keep_lines else [message]
    return "\n".join(clip_message(line, 1_000) for line in lines)


def run() -> None:
    sys.exit(main())


__all__ = ["COMMANDS", "DISTRIBUTION", "app", "load_command", "main", "run", "version"]
