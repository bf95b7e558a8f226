from __future__ import annotations

from ..base import WHEN_PATTERN, Hit, Rule, RuleError, register
from ..regex_guard import Pattern, PatternError
from ._util import figure_values, shorten

_OPTIONS = {
    "field": {"type": "string"},
    "pattern": {"type": "string", "minLength": 1, "maxLength": 2000},
    "ignore_case": {"type": "boolean"},
    "when": {"type": "array", "items": {"type": "string", "pattern": WHEN_PATTERN}},
    # the text that replaces a value that fails (``--fix``): one string, or one per language
    # ({de: "Bild:", "*": "Image:"}); only where the right text is certain
    "replacement": {"oneOf": [{"type": "string"},
                              {"type": "object", "additionalProperties": {"type": "string"}}]},
}


class _Regex(Rule):
    options = _OPTIONS
    required = ("field", "pattern")
    placeholders = ("field", "value", "match", "pattern", "figure", "caption", "credit", "src")
    subject_keys = ("value",)
    fixable = True
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
            new = self._replacement(document.language)
            yield Hit(line, number, values, replace=(value, new) if new and new != value else None)

    def _replacement(self, language: str | None) -> str | None:
        replacement = self.spec.get("replacement")
        if not isinstance(replacement, dict):
            return replacement
        language = (language or "").lower()
        for key, text in replacement.items():
            if key != "*" and language.startswith(key.lower()):
                return text
        return replacement.get("*")


@register
class PatternRule(_Regex):
    """A field, where present, must match a regular expression (``regex`` syntax, time-limited).

    Options: ``field``, ``pattern``, ``ignore_case``, ``when``, ``replacement`` (what ``--fix``
    writes instead of a value that fails: a string, or one per language, ``{de: "Bild:", "*": "Image:"}``).
    """

    kind = "pattern"


@register
class Forbidden(_Regex):
    """A field, where present, must not match a regular expression (``regex`` syntax, time-limited).

    Options: ``field``, ``pattern``, ``ignore_case``, ``when``, ``replacement`` (as for ``pattern``).
    """

    kind = "forbidden"
    must_match = False
