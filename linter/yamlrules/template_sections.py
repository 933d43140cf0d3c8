"""The ``template-sections`` kind: the required parts of the document's own
template family, where one is recognised.

A fixed list of required sections is right for one template and wrong for
every other (Shanghai has no 第X部分, Beijing's tables are a second file,
Jiangsu's cities have no 项目支出 section).  This kind asks
:func:`linter.templates.recognise` which family the document follows and checks
the parts and sections of that family's profile, with the matching of the
``required-sections`` kind.  Where no profile fits it reports nothing: an
unknown template is checked only by what holds for every disclosure (the
contents page against the body, the nationally required items).  A file of
tables only is not asked for its narrative, nor a narrative whose tables are
in another file for its tables.
"""

from __future__ import annotations

from linter.tree import Document
from linter.yamlrules.base import YamlRule
from linter.yamlrules.required_sections import RequiredSections


class TemplateSections(YamlRule):
    """Required sections of the recognised template family."""

    def __init__(self, spec: dict):
        super().__init__(spec)
        self._checkers: dict[str, RequiredSections] = {}

    def _checker(self, profile) -> RequiredSections:
        checker = self._checkers.get(profile.name)
        if checker is None:
            params = {"sections": list(profile.sections)}
            if profile.captions:
                params["captions"] = profile.captions
            checker = RequiredSections({**self.spec, "params": params})
            self._checkers[profile.name] = checker
        return checker

    def check(self, document: Document):
        profile = document.facts.template()
        if profile is None or not profile.sections:
            return
        half = document.facts.half()
        if half == "tables":
            return  # a file of tables: its narrative is the other file
        yield from self._checker(profile).check_sections(document, skip_tables=half == "narrative")
