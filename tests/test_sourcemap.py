"""The source map is exact: every number the parser sees maps back to the
same characters in the input file, on the corpus and on generated text."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from linter.pipeline import parse_text
from linter.reading import read_text
from linter.sourcemap import Span
from linter.textlines import FOLD

NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?%?")


def input_text_at(lines: list[str], document, span: Span) -> str:
    """The input between a span's mapped start and end, with the line breaks,
    blank lines and page-start spaces between them removed."""
    loc = document.location(span)
    if loc.line == loc.end_line:
        return lines[loc.line - 1][loc.column - 1:loc.end_column - 1]
    pieces = [lines[loc.line - 1][loc.column - 1:]]
    pieces += [line.strip() for line in lines[loc.line:loc.end_line - 1]]
    pieces.append(lines[loc.end_line - 1][:loc.end_column - 1].lstrip())
    return "".join(piece.rstrip() for piece in pieces[:-1]) + pieces[-1]


def fact_quantities(document):
    """Every printed number the fact extractor saw."""
    from linter.facts.model import Quantity

    for fact in document.facts:
        for value in vars(fact).values():
            candidates = value if isinstance(value, list) else [value]
            for candidate in candidates:
                if isinstance(candidate, Quantity):
                    yield candidate
                elif hasattr(candidate, "quantity"):
                    yield candidate.quantity


def check_every_number(text: str, document) -> int:
    lines = re.split(r"\r\n|\r|\n", text)
    checked = 0
    for match in NUMBER.finditer(document.text):
        span = Span(match.start(), match.end())
        assert input_text_at(lines, document, span).translate(FOLD) == match.group(), match.group()
        assert document.raw_text(span).translate(FOLD) == match.group()
        checked += 1
    for quantity in fact_quantities(document):
        printed = input_text_at(lines, document, quantity.span).translate(FOLD)
        assert printed.replace(" ", "") == quantity.text.replace(" ", ""), (printed, quantity.text)
        checked += 1
    for section in document.sections():
        if section.number_span is not None:
            printed = input_text_at(lines, document, section.number_span).translate(FOLD)
            assert section.label in printed
    return checked


def test_every_number_in_the_corpus_maps_back(corpus_path):
    decoded = read_text(str(corpus_path))
    document = parse_text(decoded.text, str(corpus_path))
    assert check_every_number(decoded.text, document) > 300


def test_full_width_digits_are_folded_but_located_as_written():
    text = "一、收入\n\n本年收入４３０．２３万元，占１００％。\n"
    document = parse_text(text)
    match = re.search(r"430\.23", document.text)
    assert match, document.text
    span = Span(match.start(), match.end())
    assert document.raw_text(span) == "４３０．２３"
    loc = document.location(span)
    assert (loc.line, loc.column, loc.end_column) == (3, 5, 11)


SENTENCE = st.lists(
    st.one_of(
        st.sampled_from(["收入", "支出", "财政拨款", "比上年增加", "下降", "其中：", "，", "万元", "%", "。"]),
        st.decimals(min_value=0, max_value=99999, places=2).map(lambda d: f"{d:,}"),
    ),
    min_size=3,
    max_size=30,
).map(lambda parts: "本年" + "".join(parts) + "。")


@settings(max_examples=60, deadline=None)
@given(
    sentences=st.lists(SENTENCE, min_size=1, max_size=6),
    width=st.integers(min_value=8, max_value=40),
    blank_lines=st.booleans(),
    page_every=st.integers(min_value=2, max_value=9),
)
def test_wrapped_text_maps_back_and_rejoins(sentences, width, blank_lines, page_every):
    """Wrap sentences at an arbitrary width (with or without blank lines and
    with page breaks anywhere): numbers still map back exactly, and every
    sentence comes back whole in the working text."""
    out = []
    count = 0
    for sentence in sentences:
        for start in range(0, len(sentence), width):
            chunk = sentence[start:start + width]
            count += 1
            out.append((" " if count % page_every == 0 else "") + chunk)
            if blank_lines:
                out.append("")
    text = "一、情况说明\n" + "\n".join(out) + "\n"
    document = parse_text(text)
    check_every_number(text, document)
    for sentence in sentences:
        assert sentence.translate(FOLD) in document.text.replace("\n", "")


def test_a_sentence_end_opening_pages_is_not_a_running_header():
    """Found by hypothesis: "。" wrapped onto the first line of three pages is
    the end of three sentences, not a header to drop."""
    text = "一、情况说明\n本年收入收入收入\n 。\n本年收入收入收入\n 。\n本年收入收入收入\n 。\n"
    assert parse_text(text).text.replace("\n", "").count("。") == 3
