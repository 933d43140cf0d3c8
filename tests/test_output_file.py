"""``--output FILE``: the report goes to the file, written atomically, and
the terminal gets one summary line; a file that cannot be written is a
one-line error with exit status 2."""

from __future__ import annotations

import json
import os

import pytest

from conftest import run_cli
from drafts import SKIPPED, write
from linter import output
from linter.output import OutputError, write_atomically


@pytest.mark.parametrize("output_format", ["text", "json", "sarif", "github"])
def test_the_file_holds_the_report_and_the_terminal_a_summary(tmp_path, output_format):
    write(tmp_path / "draft.txt", SKIPPED)
    printed = run_cli("check", "--format", output_format, "draft.txt", cwd=tmp_path)
    (tmp_path / "out").mkdir()
    result = run_cli("check", "--format", output_format, "-o", "out/report", "draft.txt", cwd=tmp_path)
    assert result.returncode == printed.returncode == 1
    assert (tmp_path / "out" / "report").read_bytes() == printed.stdout
    assert result.stdout.decode("utf-8") == "共检查 1 个文件：错误 1 个，警告 0 个，提示 0 个；报告已写入 out/report\n"
    assert os.listdir(tmp_path / "out") == ["report"]  # no temporary file left behind


def test_an_existing_report_is_replaced_and_keeps_its_permissions(tmp_path):
    write(tmp_path / "draft.txt", SKIPPED)
    report = write(tmp_path / "report.json", "old")
    report.chmod(0o640)
    result = run_cli("check", "--format", "json", "--lang", "en", "--output", "report.json", "draft.txt", cwd=tmp_path)
    assert result.stdout.decode() == "1 file(s) checked: 1 error(s), 0 warning(s), 0 info(s); report written to report.json\n"
    assert json.loads(report.read_text(encoding="utf-8"))["summary"]["errors"] == 1
    assert report.stat().st_mode & 0o777 == 0o640


@pytest.mark.parametrize(
    "target, reason",
    [("missing-dir/report.txt", "不存在"), ("draft.txt/report.txt", "不是目录")],
)
def test_an_unwritable_output_is_a_clear_error(tmp_path, target, reason):
    write(tmp_path / "draft.txt", SKIPPED)
    result = run_cli("check", "--output", target, "draft.txt", cwd=tmp_path)
    assert result.returncode == 2
    stderr = result.stderr.decode("utf-8")
    assert stderr.startswith("disclint：无法写入") and reason in stderr
    assert len(stderr.strip().splitlines()) == 1
    assert b"Traceback" not in result.stderr
    english = run_cli("check", "--lang", "en", "--output", target, "draft.txt", cwd=tmp_path)
    assert english.returncode == 2
    assert english.stderr.decode().startswith(f"disclint: cannot write {target}")


def test_output_that_is_a_directory_is_refused(tmp_path):
    write(tmp_path / "draft.txt", SKIPPED)
    (tmp_path / "dir").mkdir()
    result = run_cli("check", "--output", "dir", "draft.txt", cwd=tmp_path)
    assert result.returncode == 2
    assert b"Traceback" not in result.stderr


def test_a_failed_write_leaves_the_old_file_and_no_temporary(tmp_path, monkeypatch):
    target = write(tmp_path / "report.sarif", "old report")
    renamed = []

    def failing_replace(source, destination):
        renamed.append((source, destination))
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(output.os, "replace", failing_replace)
    with pytest.raises(OutputError) as raised:
        write_atomically(str(target), "new report")
    assert "No space left on device" in raised.value.en
    assert target.read_text() == "old report"
    assert os.listdir(tmp_path) == ["report.sarif"]
    # The temporary file was in the target's own directory (same file system,
    # so os.replace is a rename, not a copy).
    ((source, destination),) = renamed
    assert os.path.dirname(source) == str(tmp_path) and destination == str(target)
