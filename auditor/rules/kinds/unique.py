from __future__ import annotations

import re

from ..base import Hit, Rule, RuleError, register
from ._util import figure_values

_WHAT = {"figure.caption": "caption", "figure.visible_caption": "caption", "figure.src": "picture", "figure.credit": "credit", "figure.alt": "alt text"}


@register
class Unique(Rule):
    """No two figures share a value: the same caption under two pictures, the same picture twice.

    Options: ``fields``, a list of figure fields (default ``[figure.caption]``). The finding is on the
    later figure and names the earlier one.
    """

    kind = "unique"
    options = {"fields": {"type": "array", "items": {"type": "string"}, "minItems": 1}}
    placeholders = ("field", "what", "value", "first_line", "first_figure", "figure", "caption", "credit", "src")
    subject_keys = ("what",)

    def setup(self):
        names = self.spec.get("fields", ["figure.caption"])
        self._fields = []
        for index, name in enumerate(names):
            field = self.lookup_field(name, ("fields", index))
            if field.scope != "figure":
                raise RuleError(f"field '{name}' is not a figure field; unique compares figures",
                                ("fields", index))
            self._fields.append(field)

    def check(self, document):
        for field in self._fields:
            seen: dict[str, tuple[int, int]] = {}
            for value, _line, number, figure in self.values(document, field):
                if not value:
                    continue
                key = re.sub(r"\W+", " ", value).strip().casefold()
                if key in seen:
                    first_number, first_line = seen[key]
                    values = figure_values(figure, number)
                    values.update({"field": field.name, "what": _WHAT.get(field.name, field.name), "value": value,
                                   "first_line": first_line, "first_figure": first_number})
                    yield Hit(figure.line, number, values)
                else:
                    seen[key] = (number, figure.line)
