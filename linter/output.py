"""Writing report and baseline files atomically.

A CI job or an editor may read the report while disclint writes it, and an
interrupted run must not leave half a SARIF file that a later upload step
chokes on.  So the text goes to a temporary file in the target's directory
(the same file system, so the rename cannot turn into a copy) and replaces
the target with :func:`os.replace`, which is atomic: readers see the old
file or the new one, never a mix.

Only a regular file (or a new path) is replaced that way: renaming over
``/dev/null`` would turn the device into a file (as root), and renaming over
a symbolic link would replace the link, so a device or FIFO is written
straight through and a link is followed to the file it names.
"""

from __future__ import annotations

import os
import stat
import sys
import tempfile


class OutputError(Exception):
    """The file cannot be written; ``zh``/``en`` say why."""

    def __init__(self, zh: str, en: str):
        super().__init__(en)
        self.zh = zh
        self.en = en


def _mode_for(path: str) -> int:
    """Keep an existing file's permissions; a new file gets the usual
    0666 minus the umask (mkstemp would make it private, 0600)."""
    try:
        return stat.S_IMODE(os.stat(path).st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _write_through(path: str, data: bytes) -> None:
    """Write to what is already there: a device (/dev/null, /dev/stdout), a
    FIFO or a terminal must stay what it is, so no rename over it."""
    try:
        with open(path, "wb") as handle:
            handle.write(data)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise OutputError(f"无法写入 {path}（{reason}）", f"cannot write {path} ({reason})") from None


def write_atomically(path: str, text: str) -> None:
    """Write ``text`` to ``path``: ``-`` is standard output; a device or a
    FIFO is written straight through; a symbolic link is followed to its
    target, which is replaced atomically (the link stays a link)."""
    data = text.encode("utf-8")
    if path == "-":
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return
    try:
        mode = os.stat(path).st_mode
    except OSError:  # a new path (or a bad one: the atomic write says why)
        mode = None
    if mode is not None and not stat.S_ISREG(mode) and not stat.S_ISDIR(mode):
        _write_through(path, data)
        return
    _replace_atomically(os.path.realpath(path), data, shown=path)


def _replace_atomically(path: str, data: bytes, shown: str) -> None:
    """Write a temporary file beside ``path`` and rename it over ``path``."""
    directory = os.path.dirname(os.path.abspath(path))
    if os.path.isdir(path):
        raise OutputError(f"无法写入 {shown}：这是一个目录", f"cannot write {shown}: it is a directory")
    if os.path.exists(directory) and not os.path.isdir(directory):
        raise OutputError(f"无法写入 {shown}：{directory} 不是目录", f"cannot write {shown}: {directory} is not a directory")
    if not os.path.isdir(directory):
        raise OutputError(f"无法写入 {shown}：目录 {directory} 不存在", f"cannot write {shown}: directory {directory} does not exist")
    temp = None
    try:
        fd, temp = tempfile.mkstemp(dir=directory, prefix="." + os.path.basename(path) + ".", suffix=".tmp")
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp, _mode_for(path))
        os.replace(temp, path)
        temp = None
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise OutputError(f"无法写入 {shown}（{reason}）", f"cannot write {shown} ({reason})") from None
    finally:
        if temp is not None:
            try:
                os.remove(temp)
            except OSError:
                pass


def same_file(first: str, second: str) -> bool:
    """Whether two paths name one file (links included); ``-`` is never a
    file on disk, and a path that does not exist is no other file."""
    if first == "-" or second == "-":
        return False
    try:
        return os.path.samefile(first, second)
    except (OSError, ValueError):
        return False
