"""A Jinja sandbox with a budget: a template from a partnership's folder may loop, multiply and
format, but not for ever, nor into gigabytes.

Jinja's own sandbox stops a template reaching Python's internals and caps `range()` at
100,000 items; it does not stop `{{ 'x' * 10**9 }}`, `{{ 10**(10**10) }}`,
`{{ 'x'|center(10**9) }}`, a loop inside a loop of 10^10 steps, or an output of
gigabytes. Each of those is bounded here:

- arithmetic on numbers and text (`*`, `**`, `+`, `%`) is worked out by size before it is
  done, and refused when the result would pass `MAX_INT_DIGITS` digits or `MAX_TEXT` characters;
- a call or filter given a number past `MAX_ARGUMENT`, or a format with a width past it, is
  refused (`center`, `ljust`, `indent`, `format`…), and a text it returns is held to `MAX_TEXT`;
- the output is counted as it is made and refused past `MAX_OUTPUT`;
- the whole render runs under a time limit (an alarm) and a memory limit (RLIMIT_AS lowered
  for its length), so what the checks above cannot foresee still ends, as a `TemplateProblem`.

Where the platform has no alarm or memory limit (Windows), the first three still hold.
"""

from __future__ import annotations

import contextlib
import math
import re
import threading
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from ..errors import TemplateProblem

MAX_TEXT = 2_000_000
"""Most characters a text made in a template may have (a paper's longest is ~100,000)."""
MAX_OUTPUT = 16_000_000
"""Most characters a rendered part of a Word document may have."""
MAX_INT_DIGITS = 1_000
"""Most digits a number made in a template may have."""
MAX_ARGUMENT = 100_000
"""The largest number a call or filter may be given, or a format may use as a width."""
TEMPLATE_SECONDS = 20.0
"""How long one template may take to render (a paper takes well under a second)."""
TEMPLATE_MEMORY = 1024 * 2**20
"""How much more memory a render may take than psp had when it began."""

_WIDE = re.compile(r"\d{6}|\*")
"""A width or precision of six digits or more in a format (`%0999999d`, `{:>1000000}`), or
one taken from the arguments (`*`)."""


class OverBudget(Exception):
    """A template went past its budget; the message says which part."""


def _digits(number: int) -> int:
    """About how many decimal digits `number` has, from its bits (never converting it)."""
    return abs(number).bit_length() * 30103 // 100000 + 1


def _check_value(value: Any) -> Any:
    if isinstance(value, str) and len(value) > MAX_TEXT:
        raise OverBudget(f"it makes a text of {len(value):,} characters, over {MAX_TEXT:,}")
    if isinstance(value, int) and not isinstance(value, bool) and _digits(value) > MAX_INT_DIGITS:
        raise OverBudget(f"it makes a number of over {MAX_INT_DIGITS:,} digits")
    return value


def _check_arguments(args: Iterable[Any]) -> None:
    for arg in args:
        if isinstance(arg, int) and not isinstance(arg, bool) and abs(arg) > MAX_ARGUMENT:
            shown = f"{arg:,}" if _digits(arg) < 30 else f"a number of {_digits(arg):,} digits"
            raise OverBudget(f"it passes {shown} to a call, over the {MAX_ARGUMENT:,} allowed")


def _check_format(text: Any) -> None:
    if isinstance(text, str) and _WIDE.search(text):
        raise OverBudget(
            f"a format gives a width past {MAX_ARGUMENT:,} or one taken from the arguments"
        )


def _sized(text: object) -> int:
    return len(text) if isinstance(text, str | list | tuple) else 0


def _binop(operator: str, left: Any, right: Any) -> None:
    """Refuse an operation whose result would be too large, from its operands' sizes."""
    ints = all(isinstance(v, int) and not isinstance(v, bool) for v in (left, right))
    if operator == "**" and ints:
        big = right > 10**6 or right * math.log10(abs(left)) > MAX_INT_DIGITS
        if right > 0 and abs(left) > 1 and big:
            raise OverBudget(f"it raises a number to a power of over {MAX_INT_DIGITS:,} digits")
    elif operator == "*":
        if ints and _digits(left) + _digits(right) > MAX_INT_DIGITS:
            raise OverBudget(f"it multiplies to a number of over {MAX_INT_DIGITS:,} digits")
        for sequence, times in ((left, right), (right, left)):
            if _sized(sequence) and isinstance(times, int) and _sized(sequence) * times > MAX_TEXT:
                raise OverBudget(f"it repeats a text or list past {MAX_TEXT:,} items")
    elif operator == "+" and _sized(left) + _sized(right) > MAX_TEXT:
        raise OverBudget(f"it joins texts past {MAX_TEXT:,} characters")
    elif operator == "%" and isinstance(left, str):
        _check_format(left)


def budgeted_environment() -> Any:
    """A `SandboxedEnvironment` with the budget above: autoescaping on, undefined names as
    errors (as `render.templates.environment` asks)."""
    from jinja2 import StrictUndefined
    from jinja2.sandbox import SandboxedEnvironment

    class Budgeted(SandboxedEnvironment):
        # operators worked out here, so Jinja never folds them at compile time either
        intercepted_binops = frozenset({"*", "**", "+", "%"})

        def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
            _binop(operator, left, right)
            return _check_value(super().call_binop(context, operator, left, right))

        def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:
            _check_arguments([*args, *kwargs.values()])
            target = getattr(__obj, "__wrapped__", __obj)
            _check_format(getattr(target, "__self__", None))
            return _check_value(super().call(__context, __obj, *args, **kwargs))

    environment = Budgeted(autoescape=True, undefined=StrictUndefined)
    environment.filters = {
        name: _bounded_filter(function) for name, function in environment.filters.items()
    }
    environment.globals.pop("lipsum", None)  # made-up text of any length: no paper needs it
    environment.concat = _bounded_concat  # type: ignore[method-assign]
    return environment


def _bounded_filter(function: Callable[..., Any]) -> Callable[..., Any]:
    import functools

    @functools.wraps(function)
    def bounded(*args: Any, **kwargs: Any) -> Any:
        values = [a for a in args if not _is_context(a)]
        _check_arguments([*values[1:], *kwargs.values()])
        if getattr(function, "__name__", "") in ("do_format", "format"):
            _check_format(values[0] if values else None)
        return _check_value(function(*args, **kwargs))

    return bounded


def _is_context(value: Any) -> bool:
    """Jinja passes a filter its context or environment first when it asks for one."""
    from jinja2.environment import Environment
    from jinja2.nodes import EvalContext
    from jinja2.runtime import Context

    return isinstance(value, Context | EvalContext | Environment)


def _bounded_concat(parts: Iterable[str]) -> str:
    """`"".join(parts)`, refused once the output passes MAX_OUTPUT characters."""
    kept: list[str] = []
    size = 0
    for part in parts:
        size += len(part)
        if size > MAX_OUTPUT:
            raise OverBudget(f"its output passes {MAX_OUTPUT:,} characters")
        kept.append(part)
    return "".join(kept)


@contextlib.contextmanager
def budget(name: str) -> Iterator[None]:
    """Run a render within TEMPLATE_SECONDS and TEMPLATE_MEMORY; what goes past either, or
    past the checks above, is a `TemplateProblem` naming the template."""
    try:
        with _time_limit(), _memory_limit():
            yield
    except OverBudget as exc:
        raise TemplateProblem(f"template {name}: refused: {exc}") from None
    except _OutOfTime:
        raise TemplateProblem(
            f"template {name}: refused: it ran for over {TEMPLATE_SECONDS:g} seconds "
            "(a loop that does not end, or loops inside loops)"
        ) from None
    except MemoryError:
        raise TemplateProblem(
            f"template {name}: refused: it needs more memory than a template may use"
        ) from None


class _OutOfTime(BaseException):
    """Raised by the alarm; a BaseException, so no `except Exception` in a template's
    filters or in docxtpl catches it on the way out."""


@contextlib.contextmanager
def _time_limit() -> Iterator[None]:
    import signal

    if threading.current_thread() is not threading.main_thread() or not hasattr(
        signal, "setitimer"
    ):
        yield
        return

    def expire(*_: object) -> None:
        raise _OutOfTime

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, TEMPLATE_SECONDS)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@contextlib.contextmanager
def _memory_limit() -> Iterator[None]:
    try:
        import resource
    except ImportError:  # Windows
        yield
        return
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    in_use = _address_space()
    if in_use is None:
        yield
        return
    limit = in_use + TEMPLATE_MEMORY
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    if soft != resource.RLIM_INFINITY:
        limit = min(limit, soft)
    try:
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    except (ValueError, OSError):
        yield
        return
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_AS, (soft, hard))


def _address_space() -> int | None:
    """The process's address space in bytes now (Linux), or None where it cannot be read."""
    import os

    try:
        with open("/proc/self/statm", encoding="ascii") as handle:
            pages = int(handle.read().split()[0])
    except (OSError, ValueError, IndexError):
        return None
    return pages * os.sysconf("SC_PAGE_SIZE")
