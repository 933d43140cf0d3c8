"""Documents of the shapes that made a stage quadratic (issue 15, item 6),
and their time per KB against the corpus's.

    python benchmarks/shapes.py [--kb 400]

Shapes: one long sentence (a 其中 list followed by many shares), many short
paragraphs, one giant paragraph, a table of many rows.  Each is linted
in-process at the given size; a linear pipeline lints every shape within
2x of the corpus's time per KB (tests/test_linear_time.py checks it at a
smaller size in every CI run).
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

HEAD = "某某局2024年度部门决算\n\n第一部分 单位概况\n\n一、主要职能\n\n本单位负责有关工作。\n\n"


def long_sentence(kilobytes: int) -> str:
    """A 其中 list followed by N shares, all in one sentence."""
    parts, n = [], 0
    while sum(map(len, parts)) * 3 < kilobytes * 1000:
        n += 1
        parts.append(f"项目{n}支出 {n}.00 万元，占 {n % 90 + 1}.00%")
    return HEAD + "二、收入支出情况\n\n本年支出合计 9999.00 万元，其中：" + "，".join(parts) + "。\n"


def short_paragraphs(kilobytes: int) -> str:
    """Many paragraphs of one short sentence each."""
    lines, n = [], 0
    while sum(map(len, lines)) * 3 < kilobytes * 1000:
        n += 1
        lines.append(f"第{n}项工作已完成。\n\n")
    return HEAD + "".join(lines)


def giant_paragraph(kilobytes: int) -> str:
    """One paragraph of many sentences, wrapped like an extraction."""
    sentences, n = [], 0
    while sum(map(len, sentences)) * 3 < kilobytes * 1000:
        n += 1
        sentences.append(f"本年度完成第{n}批次工作任务，支出 {n}.5 万元，比上年增加 1.5 万元。")
    text = "".join(sentences)
    wrapped = "\n".join(text[i:i + 38] for i in range(0, len(text), 38))
    return HEAD + "二、情况说明\n\n" + wrapped + "\n"


def big_table(kilobytes: int) -> str:
    """A table of many rows (an extraction's rows of cells)."""
    rows, n = ["收入支出决算总表", "编制单位：某某局 单位：万元", "项目 决算数 预算数"], 0
    while sum(map(len, rows)) * 2 < kilobytes * 1000:
        n += 1
        rows.append(f"{2010000 + n} 项目{n} {n}.00 {n}.00")
    return HEAD + "第三部分 决算报表\n\n" + "\n".join(rows) + "\n"


SHAPES = {
    "one long sentence": long_sentence,
    "many short paragraphs": short_paragraphs,
    "one giant paragraph": giant_paragraph,
    "a table of many rows": big_table,
}


def seconds_per_kb(text: str, rules) -> float:
    """CPU seconds per KB of UTF-8 to parse and lint ``text`` (least of two)."""
    from linter.engine import lint_document
    from linter.pipeline import parse_text

    best = float("inf")
    for _ in range(2):
        start = time.process_time()
        lint_document(parse_text(text, "shape.txt"), rules)
        best = min(best, time.process_time() - start)
    return best / (len(text.encode("utf-8")) / 1000)


def corpus_seconds_per_kb(rules) -> float:
    """The corpus documents, end to end, per KB."""
    texts = [path.read_text(encoding="utf-8") for path in sorted((REPO / "examples").glob("*.txt"))]
    return seconds_per_kb("".join(texts), rules) if len(texts) == 1 else sum(
        seconds_per_kb(text, rules) * len(text.encode("utf-8")) for text in texts
    ) / sum(len(text.encode("utf-8")) for text in texts)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--kb", type=int, default=400)
    args = parser.parse_args()
    from linter.plugins import all_rules

    rules = all_rules()
    corpus = corpus_seconds_per_kb(rules)
    print(f"corpus: {corpus * 1000:.3f} ms/KB")
    for name, build in SHAPES.items():
        text = build(args.kb)
        per_kb = seconds_per_kb(text, rules)
        print(f"{name:<24} {len(text.encode('utf-8')) / 1000:>8.0f} KB  {per_kb * 1000:8.3f} ms/KB  x{per_kb / corpus:.2f}")


if __name__ == "__main__":
    main()
