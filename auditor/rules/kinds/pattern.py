from __future__ import annotations

from ..base import WHEN_PATTERN, Hit, Rule, RuleError, register
from ..regex_guard import Pattern, PatternError
from ._util import figure_values, shorten

_OPTIONS = {
    "field": {"type": "string"},
    "pattern": {"type": "string", "minLength": 1, "maxLength": 2000},
    "ignore_case": {"type": "boolean"},
    "when": {"type": "array", "items": {"type": "string", "pattern": WHEN_PATTERN}},
}


class _Regex(Rule):
    options = _OPTIONS
    required = ("field", "pattern")
    placeholders = ("field", "value", "match", "pattern", "figure", "caption", "credit", "src")
    subject_keys = ("value",)
    must_match = True

    def setup(self):
        self._field = self.field()
        try:
            self.pattern = Pattern(self.spec["pattern"], self.spec.get("ignore_case", False))
        except PatternError as exc:
            raise RuleError(str(exc), ("pattern",)) from None

    def check(self, document):
        if not self.when_holds(document):
            return
        for value, line, number, figure in self.values(document, self._field):
            if value is None or value == "":
                continue  # absence is the business of a `required` rule
            match = self.pattern.search(value)  # TimeoutError is handled by the engine
            if bool(match) == self.must_match:
                continue
            values = {"field": self._field.name, "value": shorten(value, 80), "pattern": self.pattern.source,
                      "match": match.group() if match else ""}
            if figure is not None:
                values.update(figure_values(figure, number))
            yield Hit(line, number, values)


@register
class PatternRule(_Regex):
    """A field, where present, must match a regular expression (``regex`` syntax, time-limited).

    Options: ``field``, ``pattern``, ``ignore_case``, ``when``.
    """

    kind = "pattern"


@register
class Forbidden(_Regex):
    """A field, where present, must not match a regular expression (``regex`` syntax, time-limited).

    Options: ``field``, ``pattern``, ``ignore_case``, ``when``.
    """

    kind = "forbidden"
    must_match = False
