"""A group's commands, every name known at once and each command built when looked up (as
click's docs do under "Lazily Loading Subcommands"): typer builds a pydantic adapter for every
option of every command it is given, so a group builds only the command being run."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, MutableMapping
from typing import Any


class LazyCommands(MutableMapping[str, Any]):
    """The commands `names()` lists, each made by `build(name)` when first looked up; a
    command added to the group (as click does for its own) is kept beside them."""

    def __init__(self, names: Callable[[], Iterable[str]], build: Callable[[str], Any]) -> None:
        self._names = names
        self._build = build
        self._added: dict[str, Any] = {}

    def __getitem__(self, name: str) -> Any:
        if name in self._added:
            return self._added[name]
        if name in self._names():
            return self._build(name)
        raise KeyError(name)

    def __setitem__(self, name: str, command: Any) -> None:
        self._added[name] = command

    def __delitem__(self, name: str) -> None:
        del self._added[name]

    def __iter__(self) -> Iterator[str]:
        known = list(self._names())
        yield from known
        yield from (name for name in self._added if name not in known)

    def __len__(self) -> int:
        return len(list(iter(self)))

    def __contains__(self, name: object) -> bool:
        return name in self._added or name in list(self._names())
