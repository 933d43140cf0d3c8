"""Template families as data: which family a disclosure follows, and whether
the file is a whole disclosure or one half of a split one.

Every province (and often every level) prints its disclosures from its own
template: Shanghai's unnumbered 部门预算编制说明, Beijing's 附件1 情况说明 +
附件2 报表, the 13 公开表 of Jiangsu's cities, Shenzhen's 文字部分 / 表格部分.
A section one template requires is simply absent from another, so a fixed list
of required sections is wrong for every template but one.  Each family is
therefore described by a *profile* (``rules/structure/profiles/*.yml``): the phrases
that recognise it and the parts, sections and tables it requires.

A family is recognised from the document's own text (its distinctive headings
and phrases), never from the file name.  Where no profile fits, the structure
rules demand no section (they check only what holds for every disclosure:
the contents page against the body, and the nationally required items).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from linter.resources import rules_dir
from linter.tree import Document


PROFILE_SUFFIX = ".yml"


@dataclass(frozen=True)
class Profile:
    """One template family: how to recognise it and what it requires."""

    name: str
    title_zh: str
    title_en: str
    kinds: tuple[str, ...]
    markers: tuple[re.Pattern, ...]
    min_markers: int
    priority: int
    sections: tuple[dict, ...]  # entries in the ``required-sections`` format
    covers: frozenset[str]  # national items this profile checks itself
    captions: str | None

    def score(self, text: str) -> int:
        """How many of the family's markers the (folded) text contains."""
        return sum(1 for marker in self.markers if marker.search(text))


def profiles_dir() -> Path:
    return rules_dir() / "structure" / "profiles"


def _schema() -> dict:
    return json.loads((profiles_dir() / "profile.schema.json").read_text(encoding="utf-8"))


def load_profile(path: Path, validate: bool = True) -> Profile:
    """The profile a file describes; a bad file is a :class:`YamlRuleError`
    naming it (a profile is data a finance bureau edits, like a rule)."""
    # imported here: linter.yamlrules imports the kinds, which import this module
    from linter.yamlrules.errors import YamlRuleError
    from linter.yamlrules.patterns import compile_pattern

    try:
        # libyaml's safe loader when PyYAML has it: Python's took about 0.1 s
        # of every run to read the twenty profiles
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise YamlRuleError(path, None, f"cannot read the profile ({exc})") from None
    if validate:
        import jsonschema

        validator = jsonschema.Draft202012Validator(_schema(), format_checker=jsonschema.FormatChecker())
        errors = sorted(validator.iter_errors(data), key=lambda e: list(e.path))
        if errors:
            where = "/".join(str(p) for p in errors[0].path) or "(top)"
            raise YamlRuleError(path, None, f"{where}: {errors[0].message}")
    try:
        markers = tuple(compile_pattern(marker) for marker in data["markers"])
    except ValueError as exc:
        raise YamlRuleError(path, None, str(exc)) from None
    return Profile(
        name=data["name"],
        title_zh=data["title"]["zh"],
        title_en=data["title"]["en"],
        kinds=tuple(data["kinds"]),
        markers=markers,
        min_markers=data.get("min_markers", len(markers)),
        priority=data.get("priority", 10),
        sections=tuple(data.get("sections", ())),
        covers=frozenset(data.get("covers", ())),
        captions=data.get("captions"),
    )


@lru_cache(maxsize=4)
def load_profiles(directory: Path | None = None, validate: bool = False) -> tuple[Profile, ...]:
    """Every profile of ``directory`` (the built-in ones by default), by name.
    The built-in files are validated by the test suite, not at every run."""
    directory = directory or profiles_dir()
    paths = sorted(directory.glob(f"*{PROFILE_SUFFIX}"))
    return tuple(load_profile(path, validate) for path in paths)


def recognise(document: Document, profiles: tuple[Profile, ...] | None = None) -> Profile | None:
    """The family whose markers the document shows, of the document's kind.

    A profile fits when at least ``min_markers`` of its markers occur.  Of
    those that fit, a province's own family wins over the general national
    model (``priority``), then the one with the larger share of its markers.
    """
    text = document.text
    best, best_key = None, None
    for profile in profiles if profiles is not None else load_profiles():
        if document.info.kind not in profile.kinds:
            continue
        score = profile.score(text)
        if score < profile.min_markers:
            continue
        key = (profile.priority, score / len(profile.markers), score)
        if best_key is None or key > best_key:
            best, best_key = profile, key
    return best


# -- split documents -----------------------------------------------------

# A narrative that sends the reader to its tables elsewhere: "附件：…部门预算报表",
# "第二部分 …公开表附后" (a mere "详见附件" may be a report, not the tables).
_REFERS_TO_TABLES = re.compile(
    r"附件\s*\d?\s*[:：]?[^。\n]{0,40}(?:报表|公开表|预算表|决算表)|(?:报表|公开表|预算表|决算表)[^。\n]{0,6}附后"
)
_TABLE_TITLE = re.compile(r"(?:收支|收入|支出|拨款|三公|采购|绩效目标)[^。\n]{0,24}表\s*$", re.MULTILINE)


def document_half(document: Document) -> str:
    """``"tables"`` for a file of tables only (no narrative to speak of),
    ``"narrative"`` for a narrative that prints no table and refers to its
    tables in another file, else ``"whole"``.

    Judged by content: the share of text in paragraphs against tables, and
    the narrative's own reference to its 附件/报表.
    """
    tables = document.tables()
    table_chars = sum(t.span.end - t.span.start for t in tables)
    titled = len({m.group(0).strip() for m in _TABLE_TITLE.finditer(document.text)})
    if titled >= 3 and table_chars > 0 and len(_NARRATIVE_HEADING.findall(document.text)) < 2:
        half = "tables"
    elif len(tables) <= 1 and table_chars < 0.05 * max(len(document.text), 1) and _REFERS_TO_TABLES.search(document.text):
        half = "narrative"
    else:
        half = "whole"
    return half


# A heading of the narrative part: 第一部分 部门概况, 二、收入预算情况说明, 名词解释 …
# (a file of tables has none; its cells may say 职能, never as a numbered heading).
_NARRATIVE_HEADING = re.compile(
    r"(?m)^\s*(?:第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+\s*、|\([一二三四五六七八九十]+\))?"
    r"[^\n。，;；]{0,30}(?:概况|情况说明|编制说明|名词解释|主要职能|主要职责|职能职责)\s*$"
)
