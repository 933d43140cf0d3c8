"""Drafts with known issues, shared by the output, baseline and hook tests.

The corpus in examples/ is clean for the structure rules, so the tests that
need issues in real documents make a copy with headings renumbered."""

from __future__ import annotations

import shutil
from pathlib import Path

from conftest import CORPUS

# S101 at 5:1-5:3 (三、 where 二、 is expected).
SKIPPED = "一、主要职能\n\n负责就业服务。\n\n三、机构设置及人员情况\n\n下设 2 个科室。\n"
CLEAN = "一、主要职能\n\n负责就业服务。\n\n二、机构设置及人员情况\n\n下设 2 个科室。\n"

# (corpus file index, 1-based line, old number, new number): each makes S101 fire.
RENUMBERED = ((0, 19, "二、", "三、"), (1, 83, "三、", "五、"))


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def broken_corpus(directory: Path) -> list[Path]:
    """Copy the corpus into ``directory`` with some headings renumbered."""
    directory.mkdir(parents=True, exist_ok=True)
    copies = []
    for source in CORPUS:
        target = directory / source.name
        shutil.copyfile(source, target)
        target.chmod(0o644)
        copies.append(target)
    for index, line, old, new in RENUMBERED:
        lines = copies[index].read_text(encoding="utf-8").split("\n")
        assert lines[line - 1].startswith(old), lines[line - 1]
        lines[line - 1] = new + lines[line - 1][len(old):]
        copies[index].write_text("\n".join(lines), encoding="utf-8")
    return copies
