"""Writing files safely: atomically, and never over an existing file unless asked."""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path

from ..errors import FileChanged, OutputExists, UserError


def write_atomic(path: Path, content: str | bytes, *, force: bool = False) -> None:
    """Write `content` to `path` through a temporary file and a rename.

    A reader sees the old file or the new one, never half of one; if anything fails, the old
    file is untouched and the temporary file is removed. An existing file is replaced only
    with `force`, and keeps its permissions; a new one gets what the umask allows.
    """
    if path.exists() and not force:
        raise OutputExists(f"{path} already exists; use --force to replace it")
    refuse_special(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UserError(f"cannot write in {path.parent}: {exc.strerror or exc}") from None
    _replace_through_temporary(path, path, content)


def _stage(path: Path, target: Path, content: str | bytes) -> str:
    """A temporary file beside `target` holding `content`, flushed to disk and given the
    permissions `target` has; the caller renames it over `target` or removes it."""
    data = content.encode("utf-8") if isinstance(content, str) else content
    folder = target.parent
    try:
        # a short name of its own: the target's name may already be near the 255 bytes a
        # file name may have, and the temporary file must fit too
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name[:40]}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise UserError(f"cannot write in {folder}: {exc.strerror or exc}") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, _mode_for(target))
    except BaseException as exc:
        _discard(tmp, path, exc)
        raise
    return tmp


def _discard(tmp: str, path: Path, exc: BaseException) -> None:
    """Remove the temporary file of a write that failed; an OS error becomes a UserError
    naming `path` (the caller re-raises anything else)."""
    with contextlib.suppress(OSError):
        os.unlink(tmp)
    if isinstance(exc, OSError):
        raise UserError(f"cannot write {path}: {exc.strerror or exc}") from None


def _replace_through_temporary(
    path: Path,
    target: Path,
    content: str | bytes,
    before_replace: Callable[[], None] | None = None,
) -> None:
    """The one way psp puts bytes in a file: a temporary file beside `target`, flushed to
    disk and given the right permissions, then renamed over it. `before_replace` may refuse
    at the last moment; whatever fails, the temporary file is removed."""
    tmp = _stage(path, target, content)
    try:
        if before_replace is not None:
            before_replace()
        os.replace(tmp, target)
    except BaseException as exc:
        _discard(tmp, path, exc)
        raise


def refuse_special(path: Path) -> None:
    """Refuse to write over anything but a regular file: with --force, a rename over
    `/dev/zero` (as root) or a named pipe would replace the device or the pipe itself."""
    from ..quoting import escape_controls
    from .limits import special_kind

    try:
        mode = path.stat().st_mode
    except (FileNotFoundError, NotADirectoryError):
        return
    except OSError as exc:
        raise UserError(
            f"cannot write {escape_controls(str(path))}: {exc.strerror or exc}"
        ) from None
    if not stat.S_ISREG(mode):
        raise UserError(
            f"{escape_controls(str(path))} is {special_kind(mode)}, not a file; psp writes "
            "only files"
        )


def write_through(output: Path, save: Callable[[Path], None], *, force: bool = False) -> None:
    """For a library that can only save to a path (python-docx, openpyxl): `save` writes into
    a scratch folder, then the bytes go to `output` with `write_atomic`. An existing output is
    refused before any work is done, unless `force`."""
    if output.exists() and not force:
        raise OutputExists(f"{output} already exists; use --force to replace it")
    refuse_special(output)
    with tempfile.TemporaryDirectory() as tmp:
        scratch = Path(tmp) / output.name
        save(scratch)
        write_atomic(output, scratch.read_bytes(), force=force)


def current_bytes(path: Path) -> bytes | None:
    """The file's bytes now, or None when there is no file."""
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise UserError(f"cannot read {path}: {exc.strerror or exc}") from None


def replace_atomic(path: Path, content: str | bytes, original: bytes | None) -> None:
    """Replace `path` with `content` atomically, if it still holds `original`.

    `original` is the file's bytes when it was read, or None if it did not exist then. When
    the file holds anything else now (someone saved it in an editor meanwhile), nothing is
    written and `FileChanged` is raised, so their change is not lost. The new file keeps the
    old one's permissions; a link is followed, so the file it points to is the one replaced.
    """
    replace_all_atomic([(path, content, original)])


def replace_all_atomic(files: Sequence[tuple[Path, str | bytes, bytes | None]]) -> None:
    """`replace_atomic` for several files, all or nothing.

    Every new file is written beside its target first; only when all are written, and every
    target still holds what was read, are they renamed into place. Should a rename fail after
    others succeeded, those files are put back as they were, so an edit is never half made.
    """
    staged: list[tuple[Path, Path, str, bytes | None]] = []
    replaced: list[tuple[Path, Path, bytes | None]] = []
    try:
        for path, content, original in files:
            target = path.resolve() if path.is_symlink() else path
            if target.is_dir():
                raise UserError(f"{path} is a folder")
            staged.append((path, target, _stage(path, target, content), original))
        for path, target, _tmp, original in staged:
            if current_bytes(target) != original:
                raise FileChanged(
                    f"{path.name} changed on disk since psp read it (saved by another program "
                    "or person?); nothing was written. Run the command again"
                )
        for path, target, tmp, original in staged:
            os.replace(tmp, target)
            replaced.append((path, target, original))
    except BaseException as exc:
        for path, target, original in reversed(replaced):
            with contextlib.suppress(OSError, UserError):
                if original is None:
                    os.unlink(target)
                else:
                    _replace_through_temporary(path, target, original)
        for _path, _target, tmp, _original in staged:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
        if isinstance(exc, OSError):
            where = staged[len(replaced)][0] if len(replaced) < len(staged) else files[0][0]
            raise UserError(f"cannot write {where}: {exc.strerror or exc}") from None
        raise


def _mode_for(path: Path) -> int:
    """The permissions the file has now, or for a new file what the umask allows."""
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def check_output(path: Path, suffixes: tuple[str, ...], root: Path | None = None) -> Path:
    """Refuse an output path whose suffix does not fit what is written (a workbook named
    .docx), or that would replace one of the folder's own YAML files."""
    if path.suffix.lower() not in suffixes:
        raise UserError(
            f"{path.name}: this writes a {' or '.join(suffixes)} file; give -o a name ending in "
            f"{suffixes[0]}"
        )
    if root is not None:
        from ..model import FILES_BY_NAME

        try:
            inside = path.resolve().parent == root.resolve()
        except OSError:
            inside = False
        if inside and path.name in FILES_BY_NAME:
            raise UserError(
                f"{path.name} is one of the partnership's own files; psp never writes "
                "a paper over it"
            )
    return path
