from __future__ import annotations

from ..base import WHEN_PATTERN, Hit, Rule, register
from ._util import figure_values, story_end_line


@register
class Required(Rule):
    """A field is present and not empty: a figure's caption, credit or alt text, the sign-off.

    Options: ``field`` (e.g. ``figure.caption``, ``figure.credit``, ``figure.alt``, ``signoff``);
    ``empty_ok`` (an empty value counts as present, e.g. ``alt=""``); ``when``, conditions that must all
    hold for the rule to apply: ``wire-copy`` (a wire supplier's dateline, or text attributed to one),
    ``has-figures``, ``setting:NAME`` (a true house setting), ``language:CODE``.
    """

    kind = "required"
    options = {
        "field": {"type": "string", "description": "the field that must be present"},
        "empty_ok": {"type": "boolean", "description": "an empty value (alt=\"\") counts as present"},
        "when": {"type": "array", "items": {"type": "string", "pattern": WHEN_PATTERN}},
    }
    required = ("field",)
    placeholders = ("field", "figure", "caption", "credit", "src")
    subject_keys = ("field",)

    def setup(self):
        self._field = self.field()
        self.empty_ok = self.spec.get("empty_ok", False)

    def check(self, document):
        if not self.when_holds(document):
            return
        for value, line, number, figure in self.values(document, self._field):
            present = value is not None and (self.empty_ok or str(value).strip() != "")
            if present:
                continue
            values = {"field": self._field.name}
            if figure is not None:
                values.update(figure_values(figure, number))
                yield Hit(line or figure.line, number, values)
            else:
                yield Hit(line or story_end_line(document), None, values)
