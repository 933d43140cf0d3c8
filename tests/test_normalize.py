"""Normalization: both extraction styles, wrapped headings, page breaks,
contents pages, table cells."""

from __future__ import annotations

from linter.pipeline import parse_text


def paragraphs(document):
    return [p.text for p in document.paragraphs()]


def test_wrapped_lines_without_blank_lines_are_joined():
    text = (
        "一、收入支出决算总体情况说明\n"
        "2024年度收入总计434.50万元，其中：本年收入合计430.23万元，使用非财政拨款结余0.00万元，\n"
        "年初结转和结余4.27万元。\n"
        "2024年度支出总计434.50万元。\n"
    )
    document = parse_text(text)
    assert paragraphs(document) == [
        "2024年度收入总计434.50万元，其中:本年收入合计430.23万元，使用非财政拨款结余0.00万元，年初结转和结余4.27万元。",
        "2024年度支出总计434.50万元。",
    ]


def test_number_and_unit_split_across_a_page_break_become_whole():
    text = (
        "一、收入决算情况说明\n\n本年收入合计很多很多很多很多很多很多很多很多很多很多很多430.23\n\n"
        " 万元，使用非财政拨款结余（含专用结余）0.00 万元。\n"
    )
    document = parse_text(text)
    (paragraph,) = document.paragraphs()
    assert "430.23万元" in paragraph.text
    # ...and the amount is located on line 3, the unit on the next page.
    start = paragraph.text.index("430.23")
    loc = document.location(type(paragraph.span)(paragraph.span.start + start, paragraph.span.start + start + 8))
    assert (loc.line, loc.end_line, loc.page) == (3, 5, 1)
    assert document.sourcemap.position(paragraph.span.start + start + 7).page == 2


def test_heading_split_over_two_lines_is_one_heading():
    text = (
        "一、 关于某某市人力资源和社会保障服务中心某某某某某某某某 2024年收支预算\n\n情况总体说明\n\n"
        "按照全口径预算的原则，所有收入和支出均纳入部门预算管理。\n"
    )
    document = parse_text(text)
    (section,) = document.sections()
    assert section.title.endswith("2024年收支预算情况总体说明")
    assert paragraphs(document) == ["按照全口径预算的原则，所有收入和支出均纳入部门预算管理。"]


def test_full_width_forms_are_folded_for_parsing_but_reported_as_written():
    document = parse_text("（一）机关运行经费支出情况\n\n支出５．００万元，占１００．００％。\n")
    (section,) = document.sections()
    assert section.level == "subsection" and section.label == "一"
    assert section.raw_title == "机关运行经费支出情况"
    assert paragraphs(document) == ["支出5.00万元，占100.00%。"]
    assert document.raw_text(document.paragraphs()[0].span) == "支出５．００万元，占１００．００％。"


def test_numbering_in_the_middle_of_a_sentence_is_text():
    text = "一、机构设置\n\n本单位下设科室，人员分布在二个地点、分别为很多很多很多很多很多很多很多很多很多很多\n\n（三）号楼和（四）号楼。\n"
    document = parse_text(text)
    assert [s.label for s in document.sections()] == ["一"]


def test_enumerations_are_not_headings():
    document = parse_text("一、主要职能\n\n负责培训。\n\n二、三年级学生资助\n\n一、二、三\n")
    assert [s.label for s in document.sections()] == ["一"]


def test_table_of_contents_is_kept_apart_from_the_body():
    text = (
        "目  录\n"
        "第一部分 部门概况…………………………3\n"
        "一、主要职能……………………………………3\n"
        "二、机构设置…………………………………4\n"
        "第二部分 部门决算情况说明…………………5\n"
        "第一部分 部门概况\n"
        "一、主要职能\n负责就业。\n"
        "二、机构设置\n下设 2 个科室。\n"
    )
    document = parse_text(text)
    toc = document.children[0]
    assert toc.kind == "toc"
    assert [(e.text, e.page) for e in toc.entries] == [
        ("第一部分 部门概况", 3),
        ("一、主要职能", 3),
        ("二、机构设置", 4),
        ("第二部分 部门决算情况说明", 5),
    ]
    assert [(s.level, s.label) for s in document.sections()] == [("part", "一"), ("section", "一"), ("section", "二")]


def test_unnumbered_known_heading_is_a_section():
    document = parse_text("部门概况\n\n主要职能\n\n负责就业服务。\n\n机构设置及人员情况\n\n下设 2 个科室。\n")
    assert [(s.level, s.label, s.title) for s in document.sections()] == [
        ("part", None, "部门概况"),
        ("section", None, "主要职能"),
        ("section", None, "机构设置及人员情况"),
    ]


def test_table_block_ends_at_the_next_section_of_the_outline():
    text = (
        "十一、预算绩效的情况说明\n\n具体附项目支出绩效自评表。\n"
        " 项目支出绩效自评表\n\n(2024 年度)\n\n年度资金总额 18.00 6.92 6.92 10 100.00% 10.00 分\n\n"
        "二、三年级\n\n一、二\n\n总分 100 91.21 分\n"
        " 十二、其他需说明的事项\n\n本单位无其他需说明的事项。\n"
    )
    document = parse_text(text)
    assert [s.label for s in document.sections()] == ["十一", "十二"]
    (table,) = document.tables()
    assert [c.text for c in table.rows[2].cells] == ["年度资金总额", "18.00", "6.92", "6.92", "10", "100.00%", "10.00", "分"]
    assert len(table.rows) == 6


def test_grammar_never_fails_on_odd_outlines():
    text = "（3）孤立的子项\n\n1.孤立的条目\n\n（二）孤立的小节\n\n第二部分 说明\n\n三、节\n\n（一）小节\n"
    document = parse_text(text)
    assert [s.level for s in document.sections()] == ["subitem", "item", "subsection", "part", "section", "subsection"]


def test_page_numbers_without_page_breaks_are_found_by_their_sequence():
    """A footer "12" between the lines of a sentence, with no form feed or
    indent to mark the page, is a page number when "13" follows a page later;
    glued in, "下设4" / "12" / "个科室" would read as 412 offices."""
    filler = "".join(f"第{i}行说明文字，用于填满一页。\n" for i in range(12))
    text = "一、机构设置\n本局下设4\n12\n个科室。\n" + filler + "因公出国（境）费1.14万\n13\n元。\n"
    document = parse_text(text)
    assert "下设4个科室" in document.text.replace("\n", "")
    assert "1.14万元" in document.text.replace("\n", "")
    # a lone number with no successor is left alone (it may be a figure)
    assert "12" in parse_text("一、机构设置\n本局下设4\n12\n个科室。\n").text


def test_contents_without_leaders_or_page_numbers():
    """After "目录", headings up to the one that repeats the first entry are
    the contents; the body's parts then number 1, 2 from the start."""
    text = (
        "某局2025年部门预算\n目录\n第一部分 部门概况\n第二部分 部门预算表\n第三部分 名词解释\n"
        "第一部分 部门概况\n一、主要职能\n负责就业工作。\n第二部分 部门预算表\n表1 收支总表\n第三部分 名词解释\n说明。\n"
    )
    document = parse_text(text)
    kinds = [type(node).__name__ for node in document.children]
    assert "Toc" in kinds
    parts = [section.raw_title for section in document.sections() if section.level == "part"]
    assert parts == ["部门概况", "部门预算表", "名词解释"]
    # headings after "目录" that never repeat are the document's own
    plain = parse_text("目录\n第一部分 部门概况\n一、主要职能\n负责就业工作。\n")
    assert [s.raw_title for s in plain.sections()][:2] == ["部门概况", "主要职能"]


def test_contents_whose_entries_end_in_page_numbers_without_leaders():
    text = (
        "目录\n第一部分 部门概况 3\n一、主要职能 3\n第二部分 名词解释 5\n"
        "第一部分 部门概况\n一、主要职能\n负责就业工作。\n第二部分 名词解释\n说明。\n"
    )
    document = parse_text(text)
    assert [s.raw_title for s in document.sections() if s.level == "part"] == ["部门概况", "名词解释"]


def test_a_run_in_headings_sentence_goes_on_past_a_number_cut_at_the_line_end():
    """Found by re-wrapping consistent documents: "…工程预算28.6" / "4万元，…"
    under a run-in heading read as 4 万元."""
    text = (
        "（二）政府采购预算情况。2025年本部门政府采购预算总额117.58万元，其中：政府采\n"
        "购货物预算18.63万元，占15.84%；政府采购工程预算28.6\n4万元，占24.36%；政府采购服务预算70.30万元，占59.7\n9%。\n"
    )
    assert "28.64万元" in parse_text(text).text.replace("\n", "")


def test_a_line_ending_in_a_colon_goes_on():
    text = "一、说明\n差异原因是：\n本单位固定资产车辆与公务用车保有量一致无差异。\n"
    document = parse_text(text)
    assert len(document.paragraphs()) == 1
