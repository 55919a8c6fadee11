"""What every check receives: the loaded project, its sources and the as-of date."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..diagnostics import Diagnostic, make
from ..load import LoadResult
from ..load.yamlfile import Path
from ..model import FILES_BY_NAME, Project


class AnyId(set[str]):
    """The ids of a file whose records cannot be known: it is there but could not be read (a
    YAML syntax error, not UTF-8, a folder), or it is required and missing. Any id may be in
    it, so no reference to it is reported as unknown. Its own error says what is wrong; one
    typo in partners.yaml, or a partners.yaml left out, must not also make every owner, chair,
    member, role and approval in the folder 'unknown'. A union with it is itself, whichever
    side it is on."""

    def __contains__(self, item: object) -> bool:
        return True

    def __or__(self, other: object) -> AnyId:  # type: ignore[override]  # the union is AnyId
        return self

    __ror__ = __or__


@dataclass
class CheckContext:
    result: LoadResult
    as_of: date

    @property
    def project(self) -> Project:
        return self.result.project

    def unreadable(self, file: str) -> bool:
        """Whether the records of `file` cannot be known: it is there but could not be read or
        parsed at all, or it is a required file (partners.yaml) that is missing. Either has
        its own error (PSP002 to PSP017, PSP102); what refers to it is not judged."""
        source = self.result.sources.get(file)
        if source is None:
            return False
        if not source.present:
            return FILES_BY_NAME[file].required if file in FILES_BY_NAME else False
        return source.data is None

    def raw_ids(self, file: str, *keys: str | int) -> set[str]:
        """Ids of the records under `keys` as written in the file, valid or not.

        A record left out of the model for a schema error is still named here, so a
        reference to it is not reported a second time as unknown; for a file that could not
        be read at all, or a value that is not a list (left out whole, for its own error),
        every id counts as written (`AnyId`).
        """
        if self.unreadable(file):
            return AnyId()
        source = self.result.sources.get(file)
        data = source.data if source else None
        for key in keys:
            if isinstance(data, dict):
                data = data.get(key)
            else:
                return set()
        if data is None:
            return set()
        if not isinstance(data, list):
            return AnyId()
        return {str(item["id"]) for item in data if isinstance(item, dict) and "id" in item}

    def raw_people_ids(self) -> set[str]:
        """Ids of every partner and person as written in partners.yaml, valid or not."""
        return self.raw_ids("partners.yaml", "partners") | self.raw_person_ids()

    def raw_person_ids(self) -> set[str]:
        """Ids of the people in partners.yaml as written, valid or not (no partner ids).

        Any id (`AnyId`) when the file could not be read, or a list of partners or of a
        partner's people is written as something else: that is its own error.
        """
        if self.unreadable("partners.yaml"):
            return AnyId()
        source = self.result.sources.get("partners.yaml")
        data = source.data if source else None
        partners = data.get("partners") if isinstance(data, dict) else None
        if partners is not None and not isinstance(partners, list):
            return AnyId()
        ids: set[str] = set()
        for partner in partners or []:
            people = partner.get("people") if isinstance(partner, dict) else None
            if people is not None and not isinstance(people, list):
                return AnyId()
            for person in people or []:
                if isinstance(person, dict) and "id" in person:
                    ids.add(str(person["id"]))
        return ids

    def left_out(self, file: str, *keys: str) -> bool:
        """Whether the model may lack records written under `keys` in `file`: the file could
        not be read, its model could not be built at all, a record there was left out for a
        schema error (`Removed`), or the whole value was, for not being a list at all.

        A check that judges the list as a whole ('no public-sector partner') then says
        nothing: the record's own error is the finding, and the record may be the very one
        the check looks for.
        """
        if self.unreadable(file):
            return True
        source = self.result.sources.get(file)
        if source is None or not source.present:
            return False
        if source.removed.whole or source.removed.items.get(tuple(keys)):
            return True
        data = source.data  # as written: validation prunes a copy
        for key in keys:
            data = data.get(key) if isinstance(data, dict) else None
        return data is not None and not isinstance(data, list)  # None is an empty list

    def position(self, file: str, path: Path, value: bool = False) -> tuple[int, int]:
        """Line and column of `path` (model coordinates) in `file`; (0, 0) if it is absent."""
        source = self.result.sources.get(file)
        return source.locate(path, value) if source and source.present else (0, 0)

    def at(
        self,
        code: str,
        message: str,
        file: str,
        path: Path = (),
        *,
        value: bool = False,
        hint: str | None = None,
    ) -> Diagnostic:
        """A diagnostic pointing at `path` (model coordinates) in `file`.

        With `value` it points at the value (`7` in `likelihood: 7`), else at the key.
        """
        line, column = self.position(file, path, value)
        return make(code, message, file, line, column, hint=hint)
