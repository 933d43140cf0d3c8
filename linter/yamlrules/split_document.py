"""The ``split-document`` kind: say once, as information, that a file is one
half of a disclosure published in two files.

Some departments publish the narrative (情况说明) and the tables (报表) as two
files (Beijing's 附件1 / 附件2, Jiangsu's "公开表附后").  Neither half is
wrong for lacking the other; the structure rules leave the other half's
parts alone (see :func:`linter.templates.document_half`), and this rule tells
the reader why, so that the silence is not taken for a check that passed.
"""

from __future__ import annotations

from linter.sourcemap import Span
from linter.tree import Document
from linter.yamlrules.base import YamlRule

_MESSAGES = {
    "tables": (
        "本文件只含报表，未见情况说明部分（应在另一文件中）；未检查说明部分的章节",
        "this file holds only the tables; the narrative is not here (it should be another file) and its sections were not checked",
    ),
    "narrative": (
        "本文件只含情况说明，报表在另一文件（附件）中；未检查报表",
        "this file holds only the narrative; its tables are in another file (an attachment) and were not checked",
    ),
}


class SplitDocument(YamlRule):
    """One half of a split disclosure: information, once."""

    def check(self, document: Document):
        half = document.facts.half()
        if half not in _MESSAGES:
            return
        zh, en = _MESSAGES[half]
        start = next((node.span.start for node in document.walk()), 0)
        yield self.finding(Span(start, start), zh, en, expected=half)
