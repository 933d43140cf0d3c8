"""Writing report and baseline files atomically.

A CI job or an editor may read the report while disclint writes it, and an
interrupted run must not leave half a SARIF file that a later upload step
chokes on.  So the text goes to a temporary file in the target's directory
(the same file system, so the rename cannot turn into a copy) and replaces
the target with :func:`os.replace`, which is atomic: readers see the old
file or the new one, never a mix.
"""

from __future__ import annotations

import os
import stat
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


def write_atomically(path: str, text: str) -> None:
    directory = os.path.dirname(os.path.abspath(path))
    if os.path.isdir(path):
        raise OutputError(f"无法写入 {path}：这是一个目录", f"cannot write {path}: it is a directory")
    if os.path.exists(directory) and not os.path.isdir(directory):
        raise OutputError(f"无法写入 {path}：{directory} 不是目录", f"cannot write {path}: {directory} is not a directory")
    if not os.path.isdir(directory):
        raise OutputError(f"无法写入 {path}：目录 {directory} 不存在", f"cannot write {path}: directory {directory} does not exist")
    temp = None
    try:
        fd, temp = tempfile.mkstemp(dir=directory, prefix="." + os.path.basename(path) + ".", suffix=".tmp")
        with os.fdopen(fd, "wb") as handle:
            handle.write(text.encode("utf-8"))
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp, _mode_for(path))
        os.replace(temp, path)
        temp = None
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise OutputError(f"无法写入 {path}（{reason}）", f"cannot write {path} ({reason})") from None
    finally:
        if temp is not None:
            try:
                os.remove(temp)
            except OSError:
                pass
