"""The promises of README "Guarantees" (issue 15), each through the installed
CLI: inputs are never written, nothing blocks or reads without end, a
compressed input cannot inflate without bound, options and files at the
edge are refused in one line, an internal failure exits 2, and a document
cannot write to the reader's terminal."""

from __future__ import annotations

import io
import json
import os
import signal
import stat
import subprocess
import sys
import threading
import time
import zipfile
import zlib

import pytest

from conftest import disclint_executable, run_cli

DRAFT = "一、甲\n\n正文。\n\n三、乙\n"  # S101: 二 is missing


def draft(tmp_path, name="in.txt", text=DRAFT):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def issues(result):
    report = json.loads(result.stdout)
    return {f["path"]: [(i["rule"], i["message"]) for i in f["issues"]] for f in report["files"]}


def one_line_no_traceback(result) -> str:
    err = result.stderr.decode()
    assert "Traceback" not in err, err
    assert len(err.strip().splitlines()) >= 1
    return err


# -- 1, 2: outputs ------------------------------------------------------------

@pytest.mark.parametrize("option", ["-o", "--write-baseline"])
def test_an_output_that_is_an_input_is_refused_and_the_input_kept(tmp_path, option):
    source = draft(tmp_path)
    link = tmp_path / "link.txt"
    link.symlink_to(source)
    for target in (source, link, tmp_path / "." / "in.txt"):
        result = run_cli("check", option, str(target), str(source))
        assert result.returncode == 2, result.stderr
        assert "in.txt" in one_line_no_traceback(result)
        assert source.read_text(encoding="utf-8") == DRAFT
    assert link.is_symlink()


def test_output_onto_a_symlink_writes_its_target_and_keeps_the_link(tmp_path):
    source = draft(tmp_path)
    target = tmp_path / "report.txt"
    target.write_text("old", encoding="utf-8")
    link = tmp_path / "latest.txt"
    link.symlink_to(target)
    result = run_cli("check", "-o", str(link), str(source))
    assert result.returncode == 1
    assert link.is_symlink() and os.readlink(link) == str(target)
    assert "S101" in target.read_text(encoding="utf-8")


def test_output_to_a_fifo_or_a_device_is_written_through(tmp_path):
    source = draft(tmp_path)
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()), daemon=True)
    reader.start()
    result = run_cli("check", "-o", str(fifo), str(source))
    reader.join(timeout=30)
    assert result.returncode == 1 and b"S101" in received[0]
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)
    result = run_cli("check", "-o", "/dev/null", str(source))
    assert result.returncode == 1
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)  # as root, a rename would have made it a file


def test_output_dash_is_standard_output(tmp_path):
    result = run_cli("check", "--format", "json", "-o", "-", str(draft(tmp_path)))
    assert result.returncode == 1 and json.loads(result.stdout)["files"][0]["issues"][0]["rule"] == "S101"


# -- 3, 4: what is read ---------------------------------------------------------

def test_a_fifo_or_a_device_is_e001_and_the_other_files_are_linted(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    result = run_cli("check", "--format", "json", "--lang", "en", str(fifo), "/dev/zero", str(draft(tmp_path)))
    found = issues(result)
    assert found[str(fifo)][0][0] == "E001" and "FIFO" in found[str(fifo)][0][1]
    assert found["/dev/zero"][0][0] == "E001" and "character device" in found["/dev/zero"][0][1]
    assert [code for code, _ in found[str(tmp_path / "in.txt")]] == ["S101"]


def test_a_fifo_as_baseline_is_refused_without_blocking(tmp_path):
    fifo = tmp_path / "baseline.json"
    os.mkfifo(fifo)
    result = run_cli("check", "--baseline", str(fifo), str(draft(tmp_path)))
    assert result.returncode == 2 and "FIFO" in one_line_no_traceback(result)


def test_endless_standard_input_stops_at_the_size_limit():
    with open("/dev/zero", "rb") as zeros:
        result = subprocess.run(
            [*disclint_executable(), "check", "--format", "json", "--max-file-size", "2", "-"],
            stdin=zeros, capture_output=True, timeout=60,
        )
    assert issues(result)["-"][0][0] == "E003"


# -- 5: decompression bombs -------------------------------------------------------

def _docx_with_padding(path, padding: int) -> None:
    """A valid DOCX whose document.xml carries ``padding`` spaces (a bomb:
    they deflate a thousand times)."""
    import docx

    document = docx.Document()
    document.add_paragraph("一、甲")
    buffer = io.BytesIO()
    document.save(buffer)
    with zipfile.ZipFile(buffer) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "word/document.xml":
                data = data.replace(b"<w:body>", b"<w:body>" + b" " * padding)
            out.writestr(item.filename, data)


def test_a_docx_bomb_is_e003_before_it_is_parsed(tmp_path):
    bomb = tmp_path / "bomb.docx"
    _docx_with_padding(bomb, 30_000_000)
    assert bomb.stat().st_size < 200_000
    start = time.monotonic()
    result = run_cli("check", "--format", "json", "--lang", "en", str(bomb))
    assert time.monotonic() - start < 30
    ((code, message),) = issues(result)[str(bomb)]
    assert code == "E003" and "document.xml" in message and "inflates" in message


def _pdf_with_stream(path, content: bytes) -> None:
    """A one-page PDF whose page content is ``content``, deflated."""
    stream = zlib.compress(content, 9)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream",
    ]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    path.write_bytes(bytes(out))


def test_a_pdf_content_stream_bomb_is_e003(tmp_path):
    bomb = tmp_path / "bomb.pdf"
    _pdf_with_stream(bomb, b" " * 40_000_000)
    assert bomb.stat().st_size < 200_000
    result = run_cli("check", "--format", "json", "--lang", "en", str(bomb))
    ((code, message),) = issues(result)[str(bomb)]
    assert code == "E003" and "page 1" in message


# -- 8: interrupts and --jobs ---------------------------------------------------------

def _children(pid: int) -> set[int]:
    found = set()
    for task in os.listdir(f"/proc/{pid}/task"):
        try:
            with open(f"/proc/{pid}/task/{task}/children") as handle:
                found |= {int(child) for child in handle.read().split()}
        except OSError:
            pass
    return found


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as handle:
            return handle.read().split(")")[-1].split()[0] != "Z"
    except OSError:
        return False


@pytest.mark.skipif(not os.path.isdir("/proc/self/task"), reason="needs Linux /proc")
@pytest.mark.parametrize("signal_number, status", [(signal.SIGTERM, 143), (signal.SIGINT, 130)])
def test_a_killed_jobs_run_leaves_no_workers(tmp_path, signal_number, status):
    from conftest import CORPUS

    text = "".join(path.read_text(encoding="utf-8") for path in CORPUS) * 8
    for n in range(12):
        (tmp_path / f"d{n:02d}.txt").write_text(text, encoding="utf-8")
    process = subprocess.Popen(
        [*disclint_executable(), "check", "-j", "2", str(tmp_path)],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )
    workers: set[int] = set()
    deadline = time.monotonic() + 60
    while len(workers) < 2 and time.monotonic() < deadline and process.poll() is None:
        workers |= _children(process.pid)
        time.sleep(0.2)
    time.sleep(1)  # let them get busy with a file
    assert workers, "the run ended before its workers started"
    process.send_signal(signal_number)
    _, err = process.communicate(timeout=60)
    assert process.returncode == status
    assert err.decode().strip() == "disclint: interrupted"
    deadline = time.monotonic() + 10
    while any(_alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not [pid for pid in workers if _alive(pid)]


# -- 10: options and files at the edge -----------------------------------------------------

@pytest.mark.parametrize("value", ["inf", "nan", "1e308", "1e-300", "-1", "abc"])
def test_a_bad_max_file_size_is_a_usage_error(tmp_path, value):
    source = draft(tmp_path)
    result = run_cli("check", "--max-file-size", value, str(source))
    assert result.returncode == 2 and "--max-file-size" in one_line_no_traceback(result)
    (tmp_path / "pyproject.toml").write_text(f'[tool.disclint]\nmax-file-size = "{value}"\n', encoding="utf-8")
    if value in ("inf", "nan", "1e308", "1e-300"):  # TOML floats, unquoted
        (tmp_path / "pyproject.toml").write_text(f"[tool.disclint]\nmax-file-size = {value}\n", encoding="utf-8")
    result = run_cli("check", str(source), cwd=tmp_path)
    assert result.returncode == 2 and "max-file-size" in one_line_no_traceback(result)


def test_a_small_limit_is_stated_in_bytes_not_as_0_mb(tmp_path):
    result = run_cli("check", "--format", "json", "--lang", "en", "--max-file-size", "0.00001", str(draft(tmp_path)))
    ((code, message),) = issues(result)[str(tmp_path / "in.txt")]
    assert code == "E003" and "10 B limit" in message and "0 MB" not in message


def test_a_deeply_nested_baseline_is_refused_in_one_line(tmp_path):
    (tmp_path / "deep.json").write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    result = run_cli("check", "--baseline", str(tmp_path / "deep.json"), str(draft(tmp_path)))
    assert result.returncode == 2 and "deep.json" in one_line_no_traceback(result)


# -- 11: a crash is exit 2 ---------------------------------------------------------------

def test_an_internal_failure_exits_2_with_one_line_and_a_crash_report(tmp_path, monkeypatch):
    from test_hostile_plugins import hostile_run

    result = hostile_run("readers_not_a_dict", "check", str(draft(tmp_path)))
    err = result.stderr.decode()
    assert result.returncode == 2 and "Traceback" not in err
    (line,) = err.strip().splitlines()
    assert line.startswith("disclint: internal error (AttributeError")
    report = line.split("details in ", 1)[1].split(";")[0]
    assert "Traceback" in open(report, encoding="utf-8").read()
    os.remove(report)


# -- 13, 14: read problems are always told, and told precisely ------------------------------

def test_an_unreadable_file_is_reported_whatever_is_selected(tmp_path):
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    result = run_cli("check", "--format", "json", "--select", "S", str(tmp_path / "binary.txt"))
    assert result.returncode == 1
    assert [code for code, _ in issues(result)[str(tmp_path / "binary.txt")]] == ["E001"]


def test_damaged_utf8_names_the_byte_and_its_place(tmp_path):
    good = "一、概况\n\n本单位是某某局。\n".encode("utf-8")
    (tmp_path / "cut.txt").write_bytes(good + "部门".encode("utf-8")[:4])
    (tmp_path / "bad.txt").write_bytes(good + b"\xff" + good)
    result = run_cli("check", "--format", "json", "--lang", "en", str(tmp_path / "cut.txt"), str(tmp_path / "bad.txt"))
    found = issues(result)
    ((code, cut),) = found[str(tmp_path / "cut.txt")]
    assert code == "E001" and "line 4, column 2" in cut and "cut short" in cut
    ((code, bad),) = found[str(tmp_path / "bad.txt")]
    assert code == "E001" and "byte 0xFF at line 4, column 1" in bad


# -- 15: no terminal codes from the document ---------------------------------------------------

def test_control_and_bidi_characters_are_escaped_in_human_formats(tmp_path):
    name = "a\x1b[2J\u202eb.txt"
    draft(tmp_path, name)
    for output_format in ("text", "github"):
        result = run_cli("check", "--format", output_format, str(tmp_path), cwd=tmp_path)
        out = result.stdout.decode()
        assert "S101" in out
        assert "\x1b" not in out and "\u202e" not in out
        assert "\\x1b[2J\\u202eb.txt" in out


# -- 16: messages ---------------------------------------------------------------------------

def test_a_symlink_loop_is_named_as_such(tmp_path):
    (tmp_path / "a.txt").symlink_to(tmp_path / "b.txt")
    (tmp_path / "b.txt").symlink_to(tmp_path / "a.txt")
    result = run_cli("check", "--format", "json", "--lang", "en", str(tmp_path / "a.txt"))
    ((code, message),) = issues(result)[str(tmp_path / "a.txt")]
    assert code == "E001" and "symbolic links form a loop" in message


def test_standard_input_twice_is_a_usage_error():
    result = run_cli("check", "-", "-", stdin=DRAFT.encode("utf-8"))
    assert result.returncode == 2 and "standard input" in one_line_no_traceback(result)


def test_an_old_word_doc_is_told_to_be_saved_as_docx(tmp_path):
    (tmp_path / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    result = run_cli("check", "--format", "json", "--lang", "en", str(tmp_path / "old.doc"))
    ((code, message),) = issues(result)[str(tmp_path / "old.doc")]
    assert code == "E001" and ".doc" in message and "save it as .docx" in message


def test_a_severity_for_an_unknown_rule_code_is_a_configuration_error(tmp_path):
    (tmp_path / ".disclint.yaml").write_text("severity: {S109: warning}\n", encoding="utf-8")
    result = run_cli("check", str(draft(tmp_path)), cwd=tmp_path)
    assert result.returncode == 2 and "S109" in one_line_no_traceback(result)


# -- 9: numbers at the edge ------------------------------------------------------------

def test_numbers_at_the_edge_are_read_not_crashed_on(tmp_path):
    text = (
        "某某局2024年度部门决算\n\n一、收入支出决算总体情况说明\n\n"
        "2024年度收入总计 99999999999999999999999999999999.12 万元，其中：财政拨款收入 1.00 万元，"
        "其他收入 99999999999999999999999999999999.11 万元。\n\n"
        "一百、测试\n\n（一百零一）测试\n\n九千九百九十九、测试\n\n"
        f"本单位下设 {'9' * 5000} 个科室，分别是：办公室、财务科。\n\n"
        "收入支出决算总表\n\n项目 决算数\n\n2010101 行政运行 99999999999999999999999999999999.00\n\n"
        "201 一般公共服务支出 1.00\n"
    )
    result = run_cli("check", "--format", "json", "--lang", "en", str(draft(tmp_path, "edge.txt", text)))
    found = issues(result)[str(tmp_path / "edge.txt")]
    assert [message for code, message in found if code[0] == "X"] == []
    numbering = [message for code, message in found if code == "S101"]
    assert any("一、 to 一百、" in message for message in numbering), numbering
    assert any("（一百零一）" in message for message in numbering), numbering
    assert any("九千九百九十九、" in message for message in numbering), numbering
    assert any(code == "C101" and "(5000 digits)" in message for code, message in found), found
