"""Tokens of a paragraph for the clause grammar (grammar/clause.lark).

The lexer runs over the folded working text of one paragraph and keeps every
token's exact span, so a fact can point at the printed number.  Numbers are
read before the text is cut into clauses, so that a thousands separator —
including a full-width comma between digit groups, "3，518.85万元" — is part
of the number and not a clause break.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Digit groups joined by a comma (also full-width, or with a space beside it
# from the PDF: "4, 761.69", "4 ,761.69").  A bare space is not taken as a separator: "项目2
# 100.00万元" is a label's number and an amount.
_NUM = r"[-+]?(?:\d{1,3}(?:[ \u3000]?[,，][ \u3000]?\d{3})+|\d+)(?:\.\d+)?"
_YEAR = r"(?:19|20)\d{2}\s*年度?"

# Alternatives in priority order: the first that matches at a position wins.
_TOKEN_PATTERNS = (
    ("CMP", rf"(?:比|较|与)\s*(?:上年|上一年|去年|{_YEAR})\s*(?:同期)?\s*(?:年初)?(?:预算|决算)?\s*数?\s*(?:相比|比较)?|同比"
            r"|(?:比|较|与)\s*(?:年初|全年|调整后?的?)预算\s*数?\s*(?:相比|比较)?"),
    ("YEAR", rf"(?<!\d){_YEAR}"),
    ("NUMBER", None),  # PCT, AMOUNT, COUNT or NUMBER: see _NUMBER
    ("VARW", r"预决算差异率|差异率"),
    # "超出预算115.34%", "低于年初预算8.20%": a variance rate said with its direction
    # (before a number only, so that "决算数低于预算数" stays a relation)
    ("OVERW", r"(?:超出|超过)(?:年初|全年)?预算数?的?(?=\s*[-+]?\d)"),
    ("UNDERW", r"低于(?:年初|全年)?预算数?的?(?=\s*[-+]?\d)"),
    # "决算数为年初预算数的119.79%": a completion rate
    ("DONEW", r"完成(?:年初|全年)?预算的?|预算完成率|预算执行率|(?:年初|全年)?预算数?的(?=\s*[-+]?\d)"),
    ("BUDGETW", r"(?:年初|全年)?预算(?:数|总额)(?:为|是)?|(?:年初|全年)预算为"),
    ("FINALW", r"(?:支出)?决算数(?:为|是)?|支出决算为|决算为|(?:全年|实际)执行(?:数|总额)(?:为|是)?"),
    ("RELW", r"大于|小于|等于|高于|低于"),
    ("INC", r"增加|增长|上升|提高|增幅|上涨|增多|(?<=本年|今年|当年)新增"),
    ("DEC", r"减少|下降|降低|降幅|减幅"),
    ("FLAT", r"持平|无变化|没有变化|无增减|保持一致"),
    ("SHARE", r"所?占(?:比例|比重|比)|占(?!用|有|地)"),
    ("QIZHONG", r"其中"),
    ("COLON", r":"),
    ("SEP", r"[，,；;、]"),
    ("END", r"[。！？!?]"),
)
# Every token starts with one of these characters; testing it first lets the
# engine skip ordinary text in one step instead of trying every alternative.
_FIRST_CHARS = "0-9+\\-比较与同预决差完年全支实大小等高低增减上下提降持无没保占所其新超:，,；;、。！？!?"
# A number is read once and typed by the unit right after it; one without a
# unit is a NUMBER.  (As four alternatives, PCT, AMOUNT, COUNT and NUMBER,
# the engine read every number up to four times.)  The units start with
# different characters, so at most one can follow a number.
_NUMBER_UNITS = (
    ("PCT", r"%+"),
    ("AMOUNT", r"亿元|万元|元"),
    ("COUNT", r"人次|人|个|辆|台\(套\)|台套|台|套|项|批次|次|家|所|场次|场|课时|天|平方米"),
)
_NUMBER = rf"(?<![\d.]){_NUM}(?:\s*(?:" + "|".join(f"(?P<{name}>{unit})" for name, unit in _NUMBER_UNITS) + "))?"
_MASTER = re.compile(
    f"(?=[{_FIRST_CHARS}])(?:"
    + "|".join(_NUMBER if pattern is None else f"(?P<{name}>{pattern})" for name, pattern in _TOKEN_PATTERNS)
    + ")"
)


# Not frozen: a frozen dataclass is built through object.__setattr__, four
# times slower, and a paragraph has hundreds of tokens.  Tokens are never
# changed (a retyped token is a new one, see _thresholds_as_words); the hash
# is kept so that they can still be set members and keys.
@dataclass(slots=True, unsafe_hash=True)
class Tok:
    type: str
    text: str  # folded text of the token
    start: int  # offsets in the working text
    end: int


def tokenize(text: str, base: int = 0) -> list[Tok]:
    """Tokens of ``text`` (folded), offsets shifted by ``base``; runs of other
    characters become TEXT tokens, spaces are dropped."""
    tokens: list[Tok] = []
    append = tokens.append
    pos = 0
    # Jump from one recognised token to the next; what lies between is TEXT.
    for match in _MASTER.finditer(text):
        start, end = match.span()
        if start > pos:
            _text_token(text, pos, start, base, append)
        # (no group of the match is named: a number without a unit)
        append(Tok(match.lastgroup or "NUMBER", match.group(), base + start, base + end))
        pos = end
    if pos < len(text):
        _text_token(text, pos, len(text), base, append)
    return _thresholds_as_words(tokens)


def _text_token(text: str, start: int, end: int, base: int, append) -> None:
    """The TEXT token of ``text[start:end]`` without its spaces, if any is left."""
    chunk = text[start:end]
    stripped = chunk.strip()
    if stripped:
        first = base + start + (len(chunk) - len(chunk.lstrip()))
        append(Tok("TEXT", stripped, first, first + len(stripped)))


_THRESHOLD_AFTER = ("以上", "以下", "（含）", "(含)")


def _thresholds_as_words(tokens: list[Tok]) -> list[Tok]:
    """"单位价值 50 万元以上设备 8 台": an amount followed by 以上/以下 is part of
    a label (a size class of equipment), not a figure of the document."""
    for index, token in enumerate(tokens[:-1]):
        following = tokens[index + 1]
        if token.type == "AMOUNT" and following.type == "TEXT" and following.start == token.end and following.text.startswith(_THRESHOLD_AFTER):
            tokens[index] = Tok("TEXT", token.text, token.start, token.end)
    return tokens


def number_part(token: Tok) -> str:
    """The number inside an AMOUNT / PCT / COUNT / NUMBER token."""
    match = re.match(_NUM, token.text)
    return match.group() if match else ""


def unit_part(token: Tok) -> str:
    return token.text[len(number_part(token)):].strip().rstrip("%") or ("%" if token.type == "PCT" else "")


def _closes_bracket(tokens: list[Tok], position: int) -> bool:
    """Is the token at ``position`` followed at once by a closing bracket?"""
    following = tokens[position + 1] if position + 1 < len(tokens) else None
    return following is not None and following.type == "TEXT" and following.text.startswith(("）", ")"))


def clauses(tokens: list[Tok]) -> list[list[list[Tok]]]:
    """Sentences (cut at 。！？) of clauses (cut at ，；、,;, before a
    bracketed "（其中", which opens a list of its own, and before a bracket
    that follows a figure)."""
    sentences: list[list[list[Tok]]] = []
    sentence: list[list[Tok]] = []
    clause: list[Tok] = []
    for position, token in enumerate(tokens):
        if token.type == "END" and _closes_bracket(tokens, position):
            # "…6.7万元（…；公务用车运行维护费6.7万元，比上年减少2.3万元。）比上年减少…":
            # a full stop just inside a closing bracket ends the bracket's
            # clause, not the sentence the bracket sits in.
            token = Tok("SEP", token.text, token.start, token.end)
        if token.type == "QIZHONG" and clause and clause[-1].type == "TEXT" and clause[-1].text.endswith(("（", "(")):
            sentence.append(clause)
            clause = [token]
            continue
        if (
            token.type == "TEXT"
            and token.text.startswith(("（", "("))
            and token.text.count("（") + token.text.count("(") > token.text.count("）") + token.text.count(")")
            and any(t.type in ("AMOUNT", "COUNT", "PCT") for t in clause)
        ):
            # "…3.01万元（公务用车购置费0.00万元，…）": a bracket that encloses the
            # figures after it is a clause of its own ("100 万元（含）以上" is not)
            sentence.append(clause)
            clause = [token]
            continue
        if token.type in ("SEP", "END"):
            if clause:
                sentence.append(clause)
            clause = []
            if token.type == "END" and sentence:
                sentences.append(sentence)
                sentence = []
        else:
            clause.append(token)
    if clause:
        sentence.append(clause)
    if sentence:
        sentences.append(sentence)
    return sentences
