"""The fact lexer's fast path (a first-character guard) finds exactly the
tokens of the unguarded pattern, on the corpus and on generated documents."""

from __future__ import annotations

import re
import sys

from conftest import CORPUS, REPO
from linter.facts import lexer
from linter.pipeline import load_document, parse_text

sys.path.insert(0, str(REPO / "benchmarks"))
from generate import generate  # noqa: E402

UNGUARDED = re.compile("|".join(f"(?P<{name}>{pattern})" for name, pattern in lexer._TOKEN_PATTERNS))


def test_first_character_guard_changes_nothing():
    documents = [load_document(str(path)) for path in CORPUS] + [parse_text(generate(n)) for n in range(20)]
    checked = 0
    for document in documents:
        for paragraph in document.paragraphs():
            slow = [(m.lastgroup, m.span()) for m in UNGUARDED.finditer(paragraph.text)]
            fast = [(m.lastgroup, m.span()) for m in lexer._MASTER.finditer(paragraph.text)]
            assert fast == slow, paragraph.text
            checked += len(fast)
    assert checked > 5000
