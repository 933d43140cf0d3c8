"""Keep a document from writing to the reader's terminal.

Messages quote the document ("…写作 X…"), and paths are whatever the file
system holds, so a hostile file can put ESC sequences (colours, cursor
moves, a rewritten title bar), BEL, or bidirectional overrides (U+202E
turns "ok.txt" around on screen, the "Trojan Source" trick) into a report.
Every human format (text, GitHub annotations) passes what it prints
through :func:`printable`: control and bidi characters become visible
escapes such as ``\\x1b`` or ``\\u202e``; everything else, CJK included,
is left alone.  JSON and SARIF escape by their own syntax.
"""

from __future__ import annotations

import re

# C0 controls but tab (and line breaks, when asked to keep them), DEL, C1
# controls, and the bidi controls: marks, embeddings, overrides, isolates.
_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_UNSAFE_OR_BREAK = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_BIDI_OR_C1 = re.compile("[\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _escape(match: re.Match) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: str, keep_line_breaks: bool = False) -> str:
    """``text`` with control and bidi characters shown as escapes."""
    return (_UNSAFE if keep_line_breaks else _UNSAFE_OR_BREAK).sub(_escape, text)


def one_cell(text: str) -> str:
    """For a quoted source line under which a marker is drawn: each unsafe
    character becomes one visible character, so columns stay one-for-one."""
    return _BIDI_OR_C1.sub("\ufffd", "".join(" " if ord(ch) < 32 else ch for ch in text))
