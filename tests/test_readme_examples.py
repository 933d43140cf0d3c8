"""The README's report examples are real output: the text report with its
source quote, the GitHub annotation and the SARIF result region."""

from __future__ import annotations

import json
import re
import shlex
from pathlib import Path

import pytest

from conftest import REPO, run_cli
from drafts import SKIPPED, write

README = (REPO / "README.md").read_text(encoding="utf-8")


def test_text_and_github_examples_are_what_disclint_prints(tmp_path):
    write(tmp_path / "draft.txt", SKIPPED)
    text = run_cli("check", "draft.txt", cwd=tmp_path).stdout.decode("utf-8")
    assert f"$ disclint check draft.txt\n{text}```" in README
    github = run_cli("check", "--format", "github", "draft.txt", cwd=tmp_path).stdout.decode("utf-8")
    assert f"$ disclint check --format github draft.txt\n{github}```" in README


def test_sarif_example_result_is_what_disclint_prints(tmp_path):
    write(tmp_path / "draft.txt", SKIPPED)
    log = json.loads(run_cli("check", "--format", "sarif", "draft.txt", cwd=tmp_path).stdout)
    (result,) = log["runs"][0]["results"]
    region = result["locations"][0]["physicalLocation"]["region"]
    assert json.dumps({"region": region}, ensure_ascii=False)[1:-1] in README
    assert json.dumps(result["partialFingerprints"], ensure_ascii=False) in README


# -- the `disclint parse` and `disclint facts` examples ------------------------
#
# Every ```text block of the README that opens with "$ disclint parse" or
# "$ disclint facts" is the real output of that command line, which may end in
# one filter a reader can run too: `| head -n N` or `| grep [-m N] [-A N]
# [-B N] WORD` (WORD a plain word, not a pattern).  The filters are applied
# here in Python, so that the test needs no shell.  After a deliberate change
# of the output, `python tests/test_readme_examples.py --update` rewrites the
# blocks; review the diff as you would any change of expected output.

VIEW_EXAMPLE = re.compile(r"```text\n\$ (disclint (?:parse|facts) [^\n]*)\n(.*?)```", re.DOTALL)


def _grep(lines: list[str], args: list[str]) -> list[str]:
    options = {"-m": None, "-A": 0, "-B": 0}
    while args[0] in options:
        options[args[0]], args = int(args[1]), args[2:]
    (word,) = args
    hits = [i for i, line in enumerate(lines) if word in line][: options["-m"]]
    shown: list[str] = []
    last = None
    for hit in hits:
        start, end = max(hit - options["-B"], 0 if last is None else last + 1), min(hit + options["-A"], len(lines) - 1)
        if last is not None and start > last + 1 and (options["-A"] or options["-B"]):
            shown.append("--")  # grep's separator between groups of context lines
        shown.extend(lines[start:end + 1])
        last = max(end, last if last is not None else end)
    return shown


def shown_by(command_line: str) -> str:
    """What a README command line prints, run with the installed disclint in
    the repository root."""
    command, _, pipe = command_line.partition(" | ")
    result = run_cli(*shlex.split(command)[1:], cwd=REPO)
    assert result.returncode == 0, result.stderr.decode("utf-8")
    lines = result.stdout.decode("utf-8").splitlines()
    if pipe:
        program, *args = shlex.split(pipe)
        if program == "head":
            assert args[0] == "-n", pipe
            lines = lines[: int(args[1])]
        else:
            assert program == "grep", f"unsupported filter in the README: {pipe}"
            lines = _grep(lines, args)
    return "".join(line + "\n" for line in lines)


VIEW_EXAMPLES = VIEW_EXAMPLE.findall(README)


def test_the_readme_shows_parse_and_facts_examples():
    commands = [command.split()[1] for command, _ in VIEW_EXAMPLES]
    assert commands.count("parse") >= 2 and commands.count("facts") >= 3, commands


@pytest.mark.parametrize(("command", "shown"), VIEW_EXAMPLES, ids=[c for c, _ in VIEW_EXAMPLES])
def test_parse_and_facts_examples_are_what_disclint_prints(command, shown):
    assert shown.strip(), f"the README shows no output for {command!r}"
    assert shown == shown_by(command)


def test_the_grep_filter_is_greps():
    lines = ["a1", "b", "a2", "c", "d", "a3", "e"]
    assert _grep(lines, ["-m", "1", "-A", "1", "a"]) == ["a1", "b"]
    assert _grep(lines, ["-A", "1", "a"]) == ["a1", "b", "a2", "c", "--", "a3", "e"]
    assert _grep(lines, ["-B", "1", "-m", "2", "a"]) == ["a1", "b", "a2"]
    assert _grep(lines, ["a"]) == ["a1", "a2", "a3"]


if __name__ == "__main__":
    import sys

    if sys.argv[1:] != ["--update"]:
        sys.exit("usage: python tests/test_readme_examples.py --update")
    sys.path.insert(0, str(Path(__file__).parent))
    updated = VIEW_EXAMPLE.sub(lambda m: f"```text\n$ {m.group(1)}\n{shown_by(m.group(1))}```", README)
    (REPO / "README.md").write_text(updated, encoding="utf-8")
