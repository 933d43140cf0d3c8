"""The fact lexer on short sentences: the tokens each one must give, written
out by hand (the corpus-wide readings are covered by tests/test_golden_facts.py).

The sentences go through parse_text first, so the lexer sees the folded
working text it sees in the pipeline (full-width "：" folded to ":", …)."""

from __future__ import annotations

import pytest

from linter.facts.lexer import tokenize
from linter.pipeline import parse_text


def tokens(sentence: str) -> list[tuple[str, str]]:
    (paragraph,) = list(parse_text(sentence).paragraphs())
    return [(token.type, token.text) for token in tokenize(paragraph.text)]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # a total, its 其中 list and a share
        (
            "本年支出 427.08 万元，其中：基本支出 295.95 万元，占 69.30%。",
            [
                ("TEXT", "本年支出"), ("AMOUNT", "427.08 万元"), ("SEP", "，"), ("QIZHONG", "其中"),
                ("COLON", ":"), ("TEXT", "基本支出"), ("AMOUNT", "295.95 万元"), ("SEP", "，"),
                ("SHARE", "占"), ("PCT", "69.30%"), ("END", "。"),
            ],
        ),
        # a full-width comma between digit groups is part of the number, not a clause break
        (
            "收入总计 3，518.85万元，比上年减少 71.40 万元，下降 14.11%。",
            [
                ("TEXT", "收入总计"), ("AMOUNT", "3，518.85万元"), ("SEP", "，"), ("CMP", "比上年"),
                ("DEC", "减少"), ("AMOUNT", "71.40 万元"), ("SEP", "，"), ("DEC", "下降"),
                ("PCT", "14.11%"), ("END", "。"),
            ],
        ),
        # a comparison base naming a year, and a thousands separator
        (
            "与 2023 年度相比，增加 1,286.27 万元",
            [("CMP", "与 2023 年度相比"), ("SEP", "，"), ("INC", "增加"), ("AMOUNT", "1,286.27 万元")],
        ),
        # a count, 持平, and a bare space that does not join two numbers
        (
            "实有人数 17 人，与上年持平；项目2 100.00万元",
            [
                ("TEXT", "实有人数"), ("COUNT", "17 人"), ("SEP", "，"), ("CMP", "与上年"), ("FLAT", "持平"),
                ("SEP", "；"), ("TEXT", "项目"), ("NUMBER", "2"), ("AMOUNT", "100.00万元"),
            ],
        ),
        # the budget-vs-final wording and a negative rate glued to its word
        (
            "决算数低于预算数，预决算差异率-1.47%",
            [
                ("FINALW", "决算数"), ("RELW", "低于"), ("BUDGETW", "预算数"), ("SEP", "，"),
                ("VARW", "预决算差异率"), ("PCT", "-1.47%"),
            ],
        ),
    ],
)
def test_tokens_of_a_sentence(sentence, expected):
    assert tokens(sentence) == expected


def test_token_offsets_point_at_the_printed_text():
    text = "基本支出 295.95 万元，占 69.30%"
    found = tokenize(text, base=100)
    for token in found:
        assert text[token.start - 100:token.end - 100] == token.text
    assert [t.type for t in found] == ["TEXT", "AMOUNT", "SEP", "SHARE", "PCT"]
