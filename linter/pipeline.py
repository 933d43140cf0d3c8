"""From a path to a :class:`~linter.tree.Document`: the reading half of the
pipeline (read -> lines -> normalize -> parse -> document info)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from linter import docinfo
from linter.normalize import normalize
from linter.parsing import build_tree
from linter.reading import DecodedText, ReadError, read_text
from linter.textlines import split_lines
from linter.tree import Document

KINDS = ("final_account", "budget", "unknown")


@dataclass
class Overrides:
    """Document facts given by the user instead of detected."""

    kind: str | None = None
    year: int | None = None
    unit: str | None = None


def reader_for(path: str):
    """The reader registered for the path's suffix (plugins add readers
    through the ``disclint_readers`` hook), or None: standard input and
    unknown suffixes are read as text."""
    from linter.plugins import all_readers

    return all_readers().get(Path(path).suffix.lower()) if path != "-" else None


def read_input(path: str) -> DecodedText:
    """The text of one input, by the reader for its suffix (:func:`reader_for`)."""
    reader = reader_for(path)
    if reader is None:
        return read_text(path)
    result = reader(path)
    return result if isinstance(result, DecodedText) else DecodedText(str(result), Path(path).suffix.lstrip("."))


def load_document(path: str, overrides: Overrides | None = None) -> Document:
    """Read and parse one file; raises :class:`ReadError` when it is not text."""
    decoded = read_input(path)
    document = parse_text(decoded.text, path, decoded.encoding, overrides)
    document.positions = decoded.positions
    return document


def parse_text(
    text: str, path: str = "<text>", encoding: str = "utf-8", overrides: Overrides | None = None
) -> Document:
    lines = split_lines(text)
    if not any(line.role == "content" for line in lines):
        raise ReadError("文件为空，没有可检查的文本", "the file is empty: there is no text to check", "E002")
    line_count = len(lines)
    normalized = normalize(lines)
    del lines  # the working text and its source map replace them
    children = build_tree(normalized)
    info = docinfo.detect(children, normalized.text, normalized.raw)
    if overrides:
        for field_name in ("kind", "year", "unit"):
            value = getattr(overrides, field_name)
            if value is not None:
                setattr(info, field_name, value)
                info.sources[field_name] = "override"
    return Document(
        path=path,
        encoding=encoding,
        text=normalized.text,
        raw=normalized.raw,
        sourcemap=normalized.sourcemap,
        info=info,
        children=children,
        line_count=line_count,
    )
