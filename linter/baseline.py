"""Baselines: adopt disclint on existing documents without fixing every old
issue first (``--write-baseline FILE`` records today's issues, ``--baseline
FILE`` reports only the others).

An issue is matched by what it is about, not by where it is: its rule plus a
fingerprint of the offending text and a few characters around it, folded
(full-width digits and punctuation to half-width) and with all whitespace
removed.  Lines inserted above an issue, re-wrapping of a paragraph or a
different page break therefore leave it matched, while a new issue of the same
rule elsewhere (different text) is still reported.  Two issues with the same
fingerprint are counted: a baseline holding one hides one of them.

The file is JSON (see README, "Baselines")::

    {"tool": "disclint", "baseline_version": 1,
     "files": {"drafts/report.txt": [
         {"rule": "S101", "fingerprint": "3f…", "line": 5, "message": "…"}]}}

Paths are relative to the baseline file's directory (``-`` is standard
input), so the baseline works from any working directory; ``line`` and
``message`` are for people reading the file and are not used for matching.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections import Counter
from dataclasses import replace
from pathlib import Path

from linter.textlines import FOLD

VERSION = 1
NEIGHBOURHOOD = 12  # characters of context on each side, whitespace removed


class BaselineError(Exception):
    """A baseline file that cannot be read or is not a disclint baseline."""

    def __init__(self, zh: str, en: str):
        super().__init__(en)
        self.zh = zh
        self.en = en


def _compact(text: str) -> str:
    return "".join(ch for ch in text.translate(FOLD) if not ch.isspace())


class Fingerprinter:
    """Fingerprints for the issues of one file; the file's compacted text is
    built once."""

    def __init__(self, lines: list[str]):
        self.lines = lines
        self.starts = []  # compact offset where each line starts
        pieces = []
        offset = 0
        for line in lines:
            self.starts.append(offset)
            piece = _compact(line)
            pieces.append(piece)
            offset += len(piece)
        self.compact = "".join(pieces)

    def _offset(self, line: int, column: int) -> int:
        """Compact offset of 1-based ``line``/``column`` (clamped to the text)."""
        if not self.lines:
            return 0
        index = min(max(line, 1), len(self.lines)) - 1
        text = self.lines[index]
        return self.starts[index] + len(_compact(text[: max(column - 1, 0)]))

    def of(self, issue) -> str:
        if not self.lines:
            key = issue.rule
        else:
            start = self._offset(issue.line, issue.column)
            end = max(self._offset(issue.end_line, issue.end_column), start)
            before = self.compact[max(start - NEIGHBOURHOOD, 0) : start]
            after = self.compact[end : end + NEIGHBOURHOOD]
            key = "\x1f".join((issue.rule, before, self.compact[start:end], after))
        return hashlib.sha256(key.encode("utf-8")).hexdigest()[:24]


def path_key(path: str, baseline_path: str) -> str:
    """How a linted path is named in the baseline: relative to the baseline
    file's directory, with forward slashes."""
    if path == "-":
        return "-"
    base = os.path.dirname(os.path.abspath(baseline_path))
    try:
        return Path(os.path.relpath(os.path.abspath(path), base)).as_posix()
    except ValueError:  # another drive on Windows
        return Path(os.path.abspath(path)).as_posix()


def build(results, baseline_path: str) -> dict:
    files = {}
    for result in results:
        if not result.issues:
            continue
        prints = Fingerprinter(result.lines())
        entries = files.setdefault(path_key(result.path, baseline_path), [])
        for issue in result.issues:
            entries.append(
                {"rule": issue.rule, "fingerprint": prints.of(issue), "line": issue.line, "message": issue.message}
            )
    return {"tool": "disclint", "baseline_version": VERSION, "files": files}


def dumps(baseline: dict) -> str:
    return json.dumps(baseline, ensure_ascii=False, indent=2) + "\n"


def load(path: str) -> dict[str, Counter]:
    """Read a baseline: path key -> multiset of (rule, fingerprint)."""
    from linter.reading import ReadError, open_regular

    try:
        with os.fdopen(open_regular(path), encoding="utf-8") as handle:
            data = json.load(handle)
    except ReadError as exc:  # missing, a directory, a FIFO (which would block), a device
        if exc.en == "no such file":
            raise BaselineError(f"基线文件 {path} 不存在", f"baseline file {path} does not exist") from None
        raise BaselineError(f"无法读取基线文件 {path}：{exc.zh}", f"cannot read baseline file {path}: {exc.en}") from None
    except RecursionError:
        raise BaselineError(
            f"基线文件 {path} 嵌套过深，不是 disclint 基线文件", f"baseline file {path} is nested too deeply to be a disclint baseline"
        ) from None
    except (OSError, UnicodeDecodeError) as exc:
        reason = getattr(exc, "strerror", None) or str(exc)
        raise BaselineError(f"无法读取基线文件 {path}（{reason}）", f"cannot read baseline file {path} ({reason})") from None
    except json.JSONDecodeError as exc:
        raise BaselineError(
            f"基线文件 {path} 不是有效的 JSON（第 {exc.lineno} 行第 {exc.colno} 列：{exc.msg}）",
            f"baseline file {path} is not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})",
        ) from None
    return load_data(data, path)


def load_data(data, path: str) -> dict[str, Counter]:
    """Check a parsed baseline (``path`` names it in messages)."""
    bad = BaselineError(
        f"{path} 不是 disclint 基线文件（应由 --write-baseline 生成，baseline_version 为 {VERSION}）",
        f"{path} is not a disclint baseline (write one with --write-baseline; baseline_version {VERSION})",
    )
    if not isinstance(data, dict) or data.get("baseline_version") != VERSION or not isinstance(data.get("files"), dict):
        raise bad
    known: dict[str, Counter] = {}
    for key, entries in data["files"].items():
        if not isinstance(entries, list):
            raise bad
        counter = known.setdefault(key, Counter())
        for entry in entries:
            if not (
                isinstance(entry, dict)
                and isinstance(entry.get("rule"), str)
                and isinstance(entry.get("fingerprint"), str)
            ):
                raise bad
            counter[(entry["rule"], entry["fingerprint"])] += 1
    return known


def apply(results, known: dict[str, Counter], baseline_path: str):
    """Drop the issues the baseline knows; returns (results, hidden count)."""
    kept_results = []
    hidden = 0
    for result in results:
        remaining = Counter(known.get(path_key(result.path, baseline_path), Counter()))
        prints = Fingerprinter(result.lines()) if remaining else None
        kept = []
        for issue in result.issues:
            key = (issue.rule, prints.of(issue)) if prints else None
            if key is not None and remaining[key] > 0:
                remaining[key] -= 1
                hidden += 1
            else:
                kept.append(issue)
        kept_results.append(replace(result, issues=kept))
    return kept_results, hidden
