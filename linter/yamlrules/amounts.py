"""Kinds that compare amounts the fact store holds: ``equal`` and
``declared-zero``.  They read facts, never text, for their figures; text is
read only for the wording that excuses or declares (差异原因, 为空表)."""

from __future__ import annotations

from linter.tree import Document
from linter.yamlrules.base import YamlRule
from linter.yamlrules.patterns import compile_pattern


class Equal(YamlRule):
    """Two figures that state the same quantity in different words
    (公务用车保有量 and 固定资产车辆) must be equal, within rounding — unless
    the paragraph explains the difference (``unless``, e.g. 差异原因是：…)."""

    def __init__(self, spec: dict):
        super().__init__(spec)
        self.left = compile_pattern(self.params["left"]["label"])
        self.right = compile_pattern(self.params["right"]["label"])
        self.unless = compile_pattern(self.params["unless"]) if self.params.get("unless") else None

    def _explained(self, document: Document, amount) -> bool:
        if self.unless is None:
            return False
        for paragraph in document.paragraphs():
            if paragraph.span.start <= amount.span.start < paragraph.span.end:
                return bool(self.unless.search(paragraph.text))
        return False

    def check(self, document: Document):
        from linter.facts.model import Amount

        amounts = [fact for fact in document.facts if isinstance(fact, Amount)]
        lefts = [a for a in amounts if self.left.search(a.label)]
        rights = [a for a in amounts if self.right.search(a.label)]
        for left in lefts[:1]:
            for right in rights:
                if right.quantity.unit != left.quantity.unit or right.quantity.interval.intersects(left.quantity.interval):
                    continue
                if self._explained(document, right):
                    continue
                yield self.finding(
                    right.span,
                    f"「{right.label}」为 {right.quantity.text}，与「{left.label}」{left.quantity.text} 不一致",
                    f"「{right.label}」 is {right.quantity.text} but 「{left.label}」 is {left.quantity.text}",
                    expected=left.quantity.text,
                    actual=right.quantity.text,
                )


class DeclaredZero(YamlRule):
    """What the text declares absent ("政府性基金预算财政拨款收入支出决算表为空表",
    "本单位没有使用政府性基金") must not carry an amount elsewhere: every
    figure whose label names the declared subject must be zero."""

    def __init__(self, spec: dict):
        super().__init__(spec)
        self.declarations = [compile_pattern(pattern) for pattern in self.params["declarations"]]

    def check(self, document: Document):
        from linter.facts.model import Amount

        declared: dict[str, str] = {}
        for paragraph in document.paragraphs():
            for pattern in self.declarations:
                for match in pattern.finditer(paragraph.text):
                    declared.setdefault(match.group("subject"), match.group(0))
        if not declared:
            return
        for fact in document.facts:
            if not isinstance(fact, Amount) or fact.quantity.interval.contains_zero():
                continue
            for subject, statement in declared.items():
                if subject in fact.label:
                    yield self.finding(
                        fact.span,
                        f"文中称“{statement}”，此处「{fact.label}」却为 {fact.quantity.text}",
                        f"the text says \"{statement}\", yet 「{fact.label}」 is {fact.quantity.text} here",
                        expected="0",
                        actual=fact.quantity.text,
                    )
                    break
