"""DOCX input.  Every corpus document, written into a Word file at test time
(one paragraph or table row per line), lints to the same issues on the same
paragraphs and pages; a draft written as a person would carries its paragraph
and table-cell positions; files that are not DOCX are one-line E001 issues."""

from __future__ import annotations

import json
import re
import shutil

import docx
import pytest
from docx.enum.text import WD_BREAK
from docx.oxml import parse_xml

from conftest import CORPUS, REPO, corpus_ids, run_cli
from linter.readers.docxfile import read_docx
from linter.textlines import split_lines
from rendering import render_docx
from test_pdf_reader import quoted, squeeze

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


class Written:
    """The corpus as text files and as DOCX files, and each DOCX's text."""

    def __init__(self, root):
        self.root = root
        (root / "txt").mkdir()
        (root / "docx").mkdir()
        self.texts = {}
        for source in CORPUS:
            shutil.copyfile(source, root / "txt" / source.name)
            target = render_docx(source.read_text(encoding="utf-8"), root / "docx" / f"{source.stem}.docx")
            self.texts[source.stem] = read_docx(str(target))


@pytest.fixture(scope="module")
def written(tmp_path_factory):
    return Written(tmp_path_factory.mktemp("written"))


@pytest.mark.parametrize("index", range(len(CORPUS)), ids=corpus_ids())
def test_paragraph_n_is_line_n_on_the_same_page(written, index):
    source = CORPUS[index]
    decoded = written.texts[source.stem]
    expected = split_lines(source.read_text(encoding="utf-8"))
    got = split_lines(decoded.text)
    assert [squeeze(line.raw) for line in got] == [squeeze(line.raw) for line in expected]
    assert [line.page for line in got] == [line.page for line in expected]
    # The table rows were Word tables, and their cells are known.
    assert decoded.cells and all(got[line - 1].raw.strip() for line in decoded.cells)


def test_the_written_corpus_lints_like_the_text(written):
    """Same rules and number of issues, on the same line (= paragraph), page
    and text, for all five documents in one run over the directory."""
    as_text = run_cli("check", "--format", "json", str(written.root / "txt"))
    as_docx = run_cli("check", "--format", "json", str(written.root / "docx"))
    assert as_docx.returncode == as_text.returncode and not as_docx.stderr, as_docx.stderr

    def located(report, texts):
        out = {}
        for entry in report["files"]:
            stem = entry["path"].rsplit("/", 1)[-1].rsplit(".", 1)[0]
            out[stem] = sorted(
                (i["rule"], i["line"], i["page"], squeeze(quoted(texts[stem], i))) for i in entry["issues"]
            )
        return out

    expected = located(json.loads(as_text.stdout), {s.stem: s.read_text(encoding="utf-8") for s in CORPUS})
    got = located(json.loads(as_docx.stdout), {stem: decoded.text for stem, decoded in written.texts.items()})
    assert len(got) == len(CORPUS) and got == expected
    assert sum(map(len, expected.values())) >= 5


def _draft(path):
    """A draft as a person writes it: whole paragraphs, an empty one, a table
    with a merged header and a placeholder left in a cell, a skipped heading."""
    document = docx.Document()
    document.add_paragraph("一、主要职能")  # 1
    document.add_paragraph("负责全市就业服务和职业培训工作，组织实施人才评价。")  # 2
    document.add_paragraph("")  # 3
    table = document.add_table(rows=3, cols=3)  # rows are lines 4-6
    header = table.cell(0, 0).merge(table.cell(0, 1))
    header.text = "项目"
    table.cell(0, 2).text = "备注"
    for row, cells in ((1, ("基本支出", "10.00", "××")), (2, ("项目支出", "5.00", "已完成"))):
        for column, text in enumerate(cells):
            table.cell(row, column).text = text
    document.add_paragraph("三、机构设置及人员情况")  # 7
    document.save(str(path))
    return path


def test_a_draft_carries_paragraphs_and_table_cells(tmp_path):
    draft = _draft(tmp_path / "draft.docx")
    assert read_docx(str(draft)).text == (
        "一、主要职能\n负责全市就业服务和职业培训工作，组织实施人才评价。\n\n"
        "项目 备注\n基本支出 10.00 ××\n项目支出 5.00 已完成\n三、机构设置及人员情况\n"
    )
    result = run_cli("check", "--format", "json", str(draft))
    issues = {i["rule"]: i for i in json.loads(result.stdout)["files"][0]["issues"]}
    placeholder, heading = issues["T101"], issues["S101"]
    assert (placeholder["line"], placeholder["column"], placeholder["end_column"]) == (5, 12, 14)
    assert placeholder["cell"] == {"table": 1, "row": 2, "column": 3}
    assert (heading["line"], heading["column"]) == (7, 1) and "cell" not in heading
    # The merged header spans grid columns 1-2, so 备注 is column 3.
    assert read_docx(str(draft)).cell_at(4, 4) == {"table": 1, "row": 1, "column": 3}

    text = run_cli("check", str(draft)).stdout.decode("utf-8")
    assert f"{draft}:5:12: T101 [error] 模板占位符：「××」（表格 1 第 2 行第 3 列）" in text
    assert "5 | 基本支出 10.00 ××" in text
    english = run_cli("check", "--no-context", "--lang", "en", str(draft)).stdout.decode("utf-8")
    assert "(table 1, row 2, column 3)" in english
    sarif = json.loads(run_cli("check", "--format", "sarif", str(draft)).stdout)
    cells = [r["properties"].get("cell") for r in sarif["runs"][0]["results"]]
    assert {"table": 1, "row": 2, "column": 3} in cells


def _paragraph(xml_runs: str):
    return parse_xml(f"<w:p {W}>{xml_runs}</w:p>")


def _run(text: str) -> str:
    return f"<w:r><w:t xml:space=\"preserve\">{text}</w:t></w:r>"


def test_pages_follow_typed_breaks_and_word_s_last_layout(tmp_path):
    """A typed break and the break Word rendered after it are one new page;
    a rendered break inside a paragraph puts the next one on the next page."""
    document = docx.Document()
    document.add_paragraph("一、主要职能")  # page 1
    document.add_paragraph("负责就业。").add_run().add_break(WD_BREAK.PAGE)
    body = document.element.body
    section = body[-1]  # the document's own section properties stay last
    for element in (
        _paragraph("<w:r><w:lastRenderedPageBreak/></w:r>" + _run("二、机构设置")),  # page 2 (one break)
        _paragraph(_run("本单位下设 2 个科室，分别是") + "<w:r><w:lastRenderedPageBreak/></w:r>" + _run("办公室、业务科。")),
        _paragraph(_run("三、收入支出情况")),  # page 3: the break came inside the paragraph before
        parse_xml(f'<w:p {W}><w:pPr><w:pageBreakBefore/></w:pPr>{_run("四、其他")}</w:p>'),  # page 4
        parse_xml(f'<w:p {W}><w:pPr><w:sectPr/></w:pPr>{_run("第一节末尾。")}</w:p>'),  # section ends
        _paragraph(_run("五、名词解释")),  # page 5
    ):
        section.addprevious(element)
    document.save(str(tmp_path / "pages.docx"))
    text = read_docx(str(tmp_path / "pages.docx")).text
    assert text.split("\n")[:-1] == [
        "一、主要职能", "负责就业。", " 二、机构设置", "本单位下设 2 个科室，分别是办公室、业务科。",
        " 三、收入支出情况", " 四、其他", "第一节末尾。", " 五、名词解释",
    ]
    assert [line.page for line in split_lines(text)] == [1, 1, 2, 2, 3, 4, 4, 5]


def test_deleted_text_field_codes_and_text_boxes_are_not_body_text(tmp_path):
    document = docx.Document()
    section = document.element.body[-1]
    section.addprevious(
        _paragraph(
            _run("本年支出")
            + '<w:del w:id="1" w:author="a"><w:r><w:delText>10.00</w:delText></w:r></w:del>'
            + '<w:ins w:id="2" w:author="a">' + _run("12.00") + "</w:ins>"
            + _run(" 万元，见第")
            + '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGEREF _Toc1 </w:instrText></w:r>'
            + '<w:r><w:fldChar w:fldCharType="separate"/></w:r>' + _run("3")
            + '<w:r><w:fldChar w:fldCharType="end"/></w:r>' + _run("页。")
            + '<w:r><w:pict><w:txbxContent><w:p><w:r><w:t>文本框</w:t></w:r></w:p></w:txbxContent></w:pict></w:r>'
        )
    )
    document.save(str(tmp_path / "edits.docx"))
    assert read_docx(str(tmp_path / "edits.docx")).text == "本年支出12.00 万元，见第3页。\n"


def test_extract_prints_a_docx_as_its_paragraphs(tmp_path):
    """What _draft wrote, one paragraph or table row per line: the empty
    paragraph stays an empty line, a row's cells are joined by one space and
    the merged header cell is printed once."""
    draft = _draft(tmp_path / "draft.docx")
    result = run_cli("extract", str(draft))
    assert result.returncode == 0
    assert result.stdout.decode("utf-8").split("\n") == [
        "一、主要职能",
        "负责全市就业服务和职业培训工作，组织实施人才评价。",
        "",
        "项目 备注",
        "基本支出 10.00 ××",
        "项目支出 5.00 已完成",
        "三、机构设置及人员情况",
        "",
    ]


def test_files_that_are_not_docx_are_one_line_issues(tmp_path):
    folder = tmp_path / "drafts"
    folder.mkdir()
    (folder / "renamed.docx").write_text("一、主要职能\n", encoding="utf-8")
    (folder / "locked.docx").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504))
    (folder / "empty.docx").write_bytes(b"")
    _draft(folder / "good.docx")
    result = run_cli("check", "--format", "json", str(folder))
    assert not result.stderr, result.stderr
    files = {f["path"].rsplit("/", 1)[-1]: f["issues"] for f in json.loads(result.stdout)["files"]}
    assert sorted(i["rule"] for i in files["good.docx"]) == ["S101", "T101"]
    assert [i["rule"] for i in files["empty.docx"]] == ["E002"]
    (renamed,) = files["renamed.docx"]
    (locked,) = files["locked.docx"]
    assert renamed["rule"] == locked["rule"] == "E001"
    assert renamed["message"].startswith(f"{folder / 'renamed.docx'}：DOCX 文件已损坏或格式无效")
    assert "密码" in locked["message"] and ".doc" in locked["message"]
    english = run_cli("check", "--no-context", "--lang", "en", str(folder)).stdout.decode("utf-8")
    assert re.search(r"locked\.docx:1:1: E001 \[error\] .*password-protected Word document or an old \.doc", english)


def test_readme_docx_example_is_what_disclint_prints(tmp_path):
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    _draft(tmp_path / "draft.docx")
    checked = run_cli("check", "draft.docx", cwd=tmp_path).stdout.decode("utf-8")
    assert f"$ disclint check draft.docx\n{checked}```" in readme
