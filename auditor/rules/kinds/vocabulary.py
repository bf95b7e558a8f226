from __future__ import annotations

from ...registry import alias_key
from ..base import Hit, Rule, register

_PLACES = ("credit", "signoff", "dateline", "mentions")


def agency_spellings(document, registry, places):
    """``(place, surface, agency, line, figure)`` for every agency spelling in the chosen places."""
    if "credit" in places:
        for number, figure in enumerate(document.figures, 1):
            credit = figure.credit
            if credit is None or credit.origin in ("json-ld", "microdata"):
                continue
            for source in credit.sources:
                if source.agency:
                    agency = registry.get(source.agency)
                    for match in registry.scan(source.name):
                        if match.agency is agency:
                            yield "credit", match.surface, agency, credit.line or figure.line, number
    if "signoff" in places and document.signoff:
        for match in registry.scan(document.signoff.text):
            yield "signoff", match.surface, match.agency, document.signoff.line, None
    if "dateline" in places:
        for dateline in document.datelines:
            head, _, rest = dateline.text.rpartition("(")
            for match in registry.scan(rest):
                yield "dateline", match.surface, match.agency, dateline.line, None
    if "mentions" in places:
        for mention in document.mentions:
            agency = registry.get(mention.agency)
            yield "mentions", mention.text, agency, mention.line, None


@register
class Vocabulary(Rule):
    """Agency names in the house's canonical form (``dpa``, ``picture alliance``, ``AP``), with the
    fix in the finding.

    By default only misspellings of an agency's own name are flagged: ``DPA``, ``Picture-Alliance``,
    ``XinHua``; other names of an agency (``Associated Press``, ``AP Photo``, ``Getty``) pass, and so
    do capitals (``REUTERS/Jane Doe``) unless the canonical name is lower-case. Options: ``places``
    (any of ``credit``, ``signoff``, ``dateline``, ``mentions``; default credit, signoff, dateline);
    ``accept`` (spellings that always pass); ``strict`` (every spelling but the canonical name is
    flagged); ``uppercase_ok`` (default true); ``lowercase_ok_in`` (places where an all-lower-case
    spelling passes, default ``[signoff]``: German sign-offs write ``(dpa, afp)``).
    """

    kind = "vocabulary"
    options = {
        "places": {"type": "array", "items": {"enum": list(_PLACES)}, "uniqueItems": True},
        "accept": {"type": "array", "items": {"type": "string"}},
        "strict": {"type": "boolean"},
        "uppercase_ok": {"type": "boolean"},
        "lowercase_ok_in": {"type": "array", "items": {"enum": list(_PLACES)}, "uniqueItems": True},
    }
    placeholders = ("agency", "found", "place", "figure")
    subject_keys = ("found", "place")
    fixable = True

    def setup(self):
        self.places = self.spec.get("places", ["credit", "signoff", "dateline"])
        self.accept = set(self.spec.get("accept", []))
        self.strict = self.spec.get("strict", False)
        self.uppercase_ok = self.spec.get("uppercase_ok", True)
        self.lowercase_ok_in = set(self.spec.get("lowercase_ok_in", ["signoff"]))

    def acceptable(self, surface: str, agency, place: str) -> bool:
        canonical = agency.name
        if surface == canonical or surface in self.accept:
            return True
        if place in self.lowercase_ok_in and surface == surface.lower():
            return True
        if self.uppercase_ok and surface == surface.upper() and canonical != canonical.lower():
            return True
        if self.strict:
            return False
        # Not strict: only misspellings of the canonical or full name count.
        key = alias_key(surface)
        own = {alias_key(canonical)}
        if agency.full_name:
            own.add(alias_key(agency.full_name))
            if surface == agency.full_name:
                return True
        return key not in own

    def check(self, document):
        registry = self.context.registry
        for place, surface, agency, line, number in agency_spellings(document, registry, self.places):
            surface = " ".join(surface.split())
            if self.acceptable(surface, agency, place):
                continue
            yield Hit(line, number, {"agency": agency.name, "found": surface, "place": place,
                                     "figure": number or ""},
                      fix=f"write '{agency.name}' instead of '{surface}'", replace=(surface, agency.name))
