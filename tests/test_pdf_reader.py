"""PDF input.  Every corpus document, printed into a PDF at test time, reads
back as the same lines on the same pages and lints to the same issues, on the
same pages and the same text; PDFs that cannot be linted are one-line E001
issues of their file, and the run goes on."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys

import pytest

from conftest import CORPUS, REPO, corpus_ids, run_cli
from drafts import SKIPPED
from linter.readers.pdffile import read_pdf
from linter.reading import ReadError
from linter.textlines import split_lines
from rendering import encrypted_pdf, new_pdf, render_pdf, scanned_pdf, text_pages, truncated_pdf


def squeeze(text: str) -> str:
    """Text compared without its white space: the PDF keeps one space where
    the extraction it was printed from had several."""
    return re.sub(r"\s+", "", text)


def quoted(text: str, issue: dict) -> str:
    """The characters an issue points at, in the text it was reported on."""
    lines = text.split("\n")
    first, last = issue["line"] - 1, issue["end_line"] - 1
    if first == last:
        return lines[first][issue["column"] - 1 : issue["end_column"] - 1]
    middle = lines[first + 1 : last]
    return "".join([lines[first][issue["column"] - 1 :], *middle, lines[last][: issue["end_column"] - 1]])


def located(report: dict, texts: dict[str, str]) -> dict[str, list[tuple]]:
    """Per file stem: (rule, page, offending text) of every issue, sorted."""
    out = {}
    for entry in report["files"]:
        stem = entry["path"].rsplit("/", 1)[-1].rsplit(".", 1)[0]
        text = texts[stem]
        out[stem] = sorted((i["rule"], i["page"], squeeze(quoted(text, i))) for i in entry["issues"])
    return out


class Printed:
    """The corpus as text files and as PDFs, each set in its own directory,
    and the text read from each PDF (read once: reading is the slow part)."""

    def __init__(self, root):
        self.root = root
        (root / "txt").mkdir()
        (root / "pdf").mkdir()
        self.pdf_texts = {}
        for source in CORPUS:
            shutil.copyfile(source, root / "txt" / source.name)
            pdf = render_pdf(source.read_text(encoding="utf-8"), self.pdf(source))
            self.pdf_texts[source.stem] = read_pdf(str(pdf)).text

    def pdf(self, source):
        return self.root / "pdf" / f"{source.stem}.pdf"


@pytest.fixture(scope="module")
def printed(tmp_path_factory):
    return Printed(tmp_path_factory.mktemp("printed"))


@pytest.mark.parametrize("index", range(len(CORPUS)), ids=corpus_ids())
def test_a_printed_document_reads_back_as_its_lines_and_pages(printed, index):
    source = CORPUS[index]
    text = printed.pdf_texts[source.stem]
    pages = text_pages(source.read_text(encoding="utf-8"))
    expected = [[squeeze(line) for line in page if line.strip()] or [""] for page in pages]  # a blank page is " "
    got = [[squeeze(line) for line in page] for page in text_pages(text)]
    assert got == expected
    # The conventions: every page opens with one space, no other line does.
    lines = split_lines(text)
    assert [line.index for line in lines if line.page_start] == [
        next(line.index for line in lines if line.page == page) for page in range(1, len(expected) + 1)
    ]
    assert all(line.raw == " " or (line.raw.strip() and line.raw == line.raw.rstrip()) for line in lines)


def test_the_printed_corpus_lints_like_the_text(printed):
    """Same rules, same number of issues, on the same page and the same text,
    for all five documents in one run over the directory of PDFs.  (The lines
    differ: the PDF's text has no blank lines, so each issue's line and column
    are checked by the text they point at in what ``extract`` prints.)"""
    as_text = run_cli("check", "--format", "json", str(printed.root / "txt"))
    as_pdf = run_cli("check", "--format", "json", str(printed.root / "pdf"))
    assert as_pdf.returncode == as_text.returncode and not as_pdf.stderr, as_pdf.stderr
    texts = {source.stem: source.read_text(encoding="utf-8") for source in CORPUS}
    expected = located(json.loads(as_text.stdout), texts)
    got = located(json.loads(as_pdf.stdout), printed.pdf_texts)
    assert len(got) == len(CORPUS)
    assert got == expected
    assert sum(map(len, expected.values())) >= 5  # the corpus does have issues to compare


def test_extract_prints_the_text_that_is_linted(printed):
    result = run_cli("extract", str(printed.pdf(CORPUS[0])))
    assert result.returncode == 0 and not result.stderr
    assert result.stdout.decode("utf-8") == printed.pdf_texts[CORPUS[0].stem]
    assert result.stdout.decode("utf-8").startswith(" 第一部分 单位概况\n一、主要职能\n")


def test_pdfs_that_cannot_be_linted_are_one_line_issues_and_the_run_goes_on(tmp_path):
    folder = tmp_path / "inbox"
    folder.mkdir()
    encrypted_pdf(folder / "encrypted.pdf")
    scanned_pdf(folder / "scanned.pdf")
    truncated_pdf(folder / "truncated.pdf")
    (folder / "download.pdf").write_bytes(b"<html><body>404 Not Found</body></html>\n")
    (folder / "draft.txt").write_text(SKIPPED, encoding="utf-8")

    result = run_cli("check", "--format", "json", str(folder))
    assert result.returncode == 1 and not result.stderr, result.stderr
    files = {f["path"].rsplit("/", 1)[-1]: f["issues"] for f in json.loads(result.stdout)["files"]}
    assert [i["rule"] for i in files["draft.txt"]] == ["S101"]  # still linted
    messages = {}
    for name in ("encrypted.pdf", "scanned.pdf", "truncated.pdf", "download.pdf"):
        (issue,) = files[name]
        assert issue["rule"] == "E001" and (issue["line"], issue["column"]) == (1, 1)
        assert issue["message"].startswith(str(folder / name) + "：")
        messages[name] = issue["message"]
    assert "加密" in messages["encrypted.pdf"] and "密码" in messages["encrypted.pdf"]
    assert "OCR" in messages["scanned.pdf"] and "2 页" in messages["scanned.pdf"]
    assert "损坏" in messages["truncated.pdf"]
    assert "不是 PDF" in messages["download.pdf"]

    text = run_cli("check", "--no-context", "--lang", "en", str(folder))
    lines = text.stdout.decode("utf-8").splitlines()
    assert b"Traceback" not in text.stderr and not text.stderr
    by_file = {line.split(":", 1)[0].rsplit("/", 1)[-1]: line for line in lines if ": E001 " in line}
    assert "encrypted and needs a password" in by_file["encrypted.pdf"]
    assert "no text layer" in by_file["scanned.pdf"] and "run OCR" in by_file["scanned.pdf"]
    assert "damaged" in by_file["truncated.pdf"]
    assert "not a PDF" in by_file["download.pdf"]
    assert len(lines) == 6  # four E001, the draft's S101, the summary


def test_extract_of_a_bad_pdf_is_one_line_on_stderr(tmp_path):
    result = run_cli("extract", str(scanned_pdf(tmp_path / "scan.pdf", pages=1)))
    assert result.returncode == 1 and result.stdout == b""
    message = result.stderr.decode("utf-8")
    assert message.count("\n") == 1 and "scan.pdf" in message and "OCR" in message


def test_an_empty_pdf_file_is_empty(tmp_path):
    (tmp_path / "zero.pdf").write_bytes(b"")
    result = run_cli("check", "--format", "json", str(tmp_path / "zero.pdf"))
    assert [i["rule"] for i in json.loads(result.stdout)["files"][0]["issues"]] == ["E002"]


def test_a_pdf_protected_only_by_an_owner_password_is_read(tmp_path):
    pdf = encrypted_pdf(tmp_path / "restricted.pdf", user_password=None)
    assert read_pdf(str(pdf)).text == " 一、主要职能\n负责就业服务。\n三、机构设置及人员情况\n"
    result = run_cli("check", "--format", "json", str(pdf))
    issues = json.loads(result.stdout)["files"][0]["issues"]
    assert [(i["rule"], i["line"], i["page"]) for i in issues] == [("S101", 3, 1)]


def test_reading_order_follows_the_page_not_the_drawing_order(tmp_path):
    """A table drawn column by column still reads row by row, cells spaced; a
    line drawn one character at a time (slightly off the baseline) is one
    line; a heading drawn twice for a bold look reads once."""
    pdf = new_pdf()
    pdf.add_page()
    rows = [("项目", "决算数", "上年数"), ("一、财政拨款收入", "430.23", "501.63"), ("二、事业收入", "0.00", "0.00")]
    pdf.text(40, 60, "表1 收入支出决算总表")
    for column, x in enumerate((40, 200, 300)):
        for row, cells in enumerate(rows):
            pdf.text(x, 80 + row * 16, cells[column])
    x = 40
    for number, char in enumerate("本年收入 430.23 万元，占 100.00%。"):
        pdf.text(x, 160 + (0.4 if number % 2 else 0), char)
        x += pdf.get_string_width(char)
    for dx in (0, 0.3):
        pdf.text(40 + dx, 190, "二、收入决算情况说明")
    pdf.output(str(tmp_path / "order.pdf"))
    assert read_pdf(str(tmp_path / "order.pdf")).text == (
        " 表1 收入支出决算总表\n项目 决算数 上年数\n一、财政拨款收入 430.23 501.63\n二、事业收入 0.00 0.00\n"
        "本年收入 430.23 万元，占 100.00%。\n二、收入决算情况说明\n"
    )


def test_pages_without_text_keep_the_page_numbers_right(tmp_path):
    """An image-only cover and a blank page still count as pages."""
    pdf = new_pdf()
    pdf.add_page()
    pdf.image(str(_picture(tmp_path)), x=40, y=40, w=200)  # the cover
    pdf.add_page()
    pdf.text(40, 60, "一、主要职能")
    pdf.add_page()  # left blank
    pdf.add_page()
    pdf.text(40, 60, "三、机构设置及人员情况")
    pdf.output(str(tmp_path / "cover.pdf"))
    text = read_pdf(str(tmp_path / "cover.pdf")).text
    assert text == " \n 一、主要职能\n \n 三、机构设置及人员情况\n"
    result = run_cli("check", "--format", "json", str(tmp_path / "cover.pdf"))
    issues = json.loads(result.stdout)["files"][0]["issues"]
    assert [(i["rule"], i["line"], i["column"], i["page"]) for i in issues] == [("S101", 4, 2, 4)]


def _picture(folder):
    from PIL import Image

    path = folder / "picture.png"
    Image.new("L", (100, 100), 128).save(path)
    return path


def test_radicals_that_producers_map_glyphs_to_read_as_ideographs(tmp_path):
    """Some office suites write a ToUnicode map that sends the glyph of 一 to
    the Kangxi radical ⼀ (U+2F00) and 民 to ⺠ (U+2EA0): copied text looks
    right and matches nothing.  The reader gives the ideographs back."""
    pdf = render_pdf("一、主要职能\n为人民服务。\n", tmp_path / "radicals.pdf", compress=False)
    data = pdf.read_bytes()
    for ideograph, radical in (("一", "2F00"), ("人", "2F08"), ("民", "2EA0")):
        code = f"<{ord(ideograph):04X}>".encode()
        assert data.count(code) == 1, ideograph
        data = data.replace(code, f"<{radical}>".encode())
    pdf.write_bytes(data)
    import pdfplumber

    with pdfplumber.open(str(pdf)) as document:
        assert document.pages[0].extract_text() == "⼀、主要职能\n为⼈⺠服务。"  # what the file says
    assert read_pdf(str(pdf)).text == " 一、主要职能\n为人民服务。\n"


def test_fonts_without_a_unicode_map_ask_for_ocr(tmp_path):
    """Without a ToUnicode map the glyphs of an embedded subset font are
    numbers only: the reader says so instead of linting "(cid:3)(cid:4)"."""
    pdf = render_pdf("一、主要职能\n负责就业服务。\n", tmp_path / "nomap.pdf", compress=False)
    data = pdf.read_bytes()
    reference = re.search(rb"/ToUnicode \d+ 0 R", data)
    pdf.write_bytes(data[: reference.start()] + b" " * len(reference.group()) + data[reference.end() :])
    with pytest.raises(ReadError) as info:
        read_pdf(str(pdf))
    assert "Unicode" in info.value.en and "OCR" in info.value.zh


def test_the_first_page_break_of_a_text_is_page_one_and_later_ones_count():
    """textlines: breaks before any text are empty pages, except the first."""
    assert [line.page for line in split_lines(" 一、甲\n正文\n")] == [1, 1]
    assert [line.page for line in split_lines("\n 一、甲\n")] == [1, 1]
    assert [line.page for line in split_lines(" \n \n 一、甲\n")] == [1, 2, 3]


def test_pdf_and_docx_libraries_load_only_for_such_files():
    """``disclint --help`` and text files never pay for pdfplumber or python-docx."""
    probe = (
        "import sys\n"
        "from linter.cli import main\n"
        "from linter.plugins import all_readers\n"
        "from linter.pipeline import load_document\n"
        "assert {'.txt', '.pdf', '.docx'} <= set(all_readers())\n"
        f"load_document({str(CORPUS[0])!r})\n"
        "print(sorted(m for m in ('pdfplumber', 'pdfminer', 'docx', 'lxml') if m in sys.modules))\n"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_readme_pdf_examples_are_what_disclint_prints(tmp_path):
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    render_pdf(SKIPPED, tmp_path / "draft.pdf")
    extracted = run_cli("extract", "draft.pdf", cwd=tmp_path).stdout.decode("utf-8")
    checked = run_cli("check", "draft.pdf", cwd=tmp_path).stdout.decode("utf-8")
    assert f"$ disclint extract draft.pdf\n{extracted}$ disclint check draft.pdf\n{checked}```" in readme
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    encrypted_pdf(inbox / "encrypted.pdf")
    scanned_pdf(inbox / "scanned.pdf")
    truncated_pdf(inbox / "truncated.pdf")
    (inbox / "report.pdf").write_bytes((tmp_path / "draft.pdf").read_bytes())
    report = run_cli("check", "--no-context", "inbox/", cwd=tmp_path).stdout.decode("utf-8")
    assert f"$ disclint check --no-context inbox/\n{report}```" in readme
