from __future__ import annotations

import re
from collections import Counter

from ...registry import alias_key
from ..base import Hit, Rule, register
from .vocabulary import agency_spellings

_ASPECTS = ("prefix", "separator", "agency-casing")
_SEPARATOR = re.compile(r"\s*(/|\||,|\s[–—-]\s)\s*")


@register
class Consistency(Rule):
    """One style across the article: the same credit prefix on every visible credit (not ``Foto:`` on
    one and ``Bild:`` on the next), the same separator in credit chains, one spelling per agency.

    Options: ``aspects``, any of ``prefix``, ``separator``, ``agency-casing`` (default all). The
    findings are on the credits that differ from the style most of the article uses.
    """

    kind = "consistency"
    options = {"aspects": {"type": "array", "items": {"enum": list(_ASPECTS)}, "uniqueItems": True}}
    placeholders = ("aspect", "found", "expected", "figure", "credit")
    subject_keys = ("aspect", "found")

    def setup(self):
        self.aspects = self.spec.get("aspects", list(_ASPECTS))

    def check(self, document):
        visible = [(n, f) for n, f in enumerate(document.figures, 1) if f.credit and f.credit.origin == "visible"]
        if "prefix" in self.aspects:
            # Only explicit prefixes are compared: a credit without one may stand in a credit element.
            items = [(n, f, _prefix(f.credit.prefix)) for n, f in visible if f.credit.prefix]
            yield from self._odd_ones(items, "prefix", lambda v: v or "no prefix")
        if "separator" in self.aspects:
            items = []
            for n, f in visible:
                match = _SEPARATOR.search(f.credit.text)
                if match:
                    items.append((n, f, match.group(1).strip() or match.group(1)))
            yield from self._odd_ones(items, "separator", lambda v: f"'{v}'")
        if "agency-casing" in self.aspects:
            spellings: dict[str, list] = {}
            # Credits only: datelines and sign-offs have conventions of their own ("(Reuters)" over
            # "REUTERS/Jane Doe" is house style, not inconsistency).
            for _place, surface, agency, line, number in agency_spellings(
                    document, self.context.registry, ("credit",)):
                spellings.setdefault(agency.name, []).append((surface, line, number))
            for uses in spellings.values():
                # only spellings of the same name count ("AP" and "Associated Press" are two names)
                groups: dict[str, list] = {}
                for surface, line, number in uses:
                    groups.setdefault(alias_key(surface), []).append((surface, line, number))
                for group in groups.values():
                    counts = Counter(surface for surface, _, _ in group)
                    if len(counts) < 2:
                        continue
                    expected = counts.most_common(1)[0][0]
                    for surface, line, number in group:
                        if surface != expected:
                            yield Hit(line, number, {"aspect": "agency spelling", "found": surface,
                                                     "expected": expected, "figure": number or "",
                                                     "credit": surface},
                                      fix=f"write '{expected}' as elsewhere in the article")

    def _odd_ones(self, items, aspect, show):
        counts = Counter(value for _, _, value in items)
        if len(counts) < 2:
            return
        expected = counts.most_common(1)[0][0]
        for number, figure, value in items:
            if value != expected:
                yield Hit(figure.credit.line or figure.line, number,
                          {"aspect": f"credit {aspect}", "found": show(value), "expected": show(expected),
                           "figure": number, "credit": figure.credit.text},
                          fix=f"use {show(expected)} as the other credits do")


def _prefix(prefix: str | None) -> str | None:
    if not prefix:
        return None
    return " ".join(prefix.replace(" :", ":").split()).casefold()
