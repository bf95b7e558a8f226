from __future__ import annotations

import re

from ...extract.credits import parse_credit
from ..base import Hit, Rule, attributed_suppliers, register
from ._util import figure_values

_RELATIONS = ("mentions-in-signoff", "dateline-in-signoff", "signoff-in-text", "credit-matches-structured")


@register
class CrossReference(Rule):
    """Set relations between extracted facts.

    ``relation`` is one of:

    - ``mentions-in-signoff``: every wire supplier (setting ``wire_suppliers``) the story text
      attributes facts to is in the sign-off. Quoting state media (KCNA, Xinhua) asks nothing of the
      sign-off unless the house lists them as suppliers. Fires at the sign-off, once per agency.
    - ``dateline-in-signoff``: a dateline's agency is in the sign-off. Fires at the dateline.
    - ``signoff-in-text``: every agency of a sign-off that names several appears somewhere: text,
      datelines or credits. A sign-off naming one agency is not checked: the story may be that
      agency's copy alone (stern's "DPA"), which names its agency nowhere else.
    - ``credit-matches-structured``: a visible credit and the structured-data credit of the same
      image name the same agencies (or, with no agencies, the same text).

    The sign-off relations apply only when there is a sign-off that lists agencies; ``styles``
    limits them to sign-off styles (default: ``initials``, ``agencies``, ``material``).
    """

    kind = "crossref"
    options = {
        "relation": {"enum": list(_RELATIONS)},
        "styles": {"type": "array", "items": {"enum": ["initials", "reuters", "ap", "material", "agencies",
                                                        "contributors", "copyright"]}},
    }
    required = ("relation",)
    placeholders = ("agency", "signoff", "dateline", "mention_line", "visible", "structured", "figure",
                    "caption", "credit", "agencies")
    subject_keys = ("agency",)

    def setup(self):
        self.relation = self.spec["relation"]
        self.styles = set(self.spec.get("styles", ["initials", "agencies", "material"]))

    def check(self, document):
        yield from getattr(self, "_" + self.relation.replace("-", "_"))(document)

    def _signoff(self, document):
        signoff = document.signoff
        if signoff is None or signoff.style not in self.styles or not signoff.agencies:
            return None
        return signoff

    def _mentions_in_signoff(self, document):
        signoff = self._signoff(document)
        if signoff is None:
            return
        cited = set(signoff.agencies)
        reported = set()
        for mention in attributed_suppliers(document, self.context):
            if mention.agency in cited or mention.agency in reported:
                continue
            reported.add(mention.agency)
            yield Hit(signoff.line, None, {"agency": mention.agency, "signoff": signoff.text,
                                           "mention_line": mention.line, "agencies": ", ".join(signoff.agencies)},
                      fix=f"add {mention.agency} to the sign-off")

    def _dateline_in_signoff(self, document):
        signoff = self._signoff(document)
        if signoff is None:
            return
        for dateline in document.datelines:
            if dateline.agency and dateline.agency not in signoff.agencies:
                yield Hit(dateline.line, None, {"agency": dateline.agency, "dateline": dateline.text,
                                                "signoff": signoff.text, "agencies": ", ".join(signoff.agencies)},
                          fix=f"add {dateline.agency} to the sign-off or correct the dateline")

    def _signoff_in_text(self, document):
        signoff = self._signoff(document)
        if signoff is None or len(signoff.agencies) < 2:
            return
        used = {m.agency for m in document.mentions} | {d.agency for d in document.datelines if d.agency}
        for figure in document.figures:
            if figure.credit:
                used.update(figure.credit.agencies)
        for agency in signoff.agencies:
            if agency not in used:
                yield Hit(signoff.line, None, {"agency": agency, "signoff": signoff.text,
                                               "agencies": ", ".join(signoff.agencies)},
                          fix=f"remove {agency} from the sign-off if no {agency} material was used")

    def _credit_matches_structured(self, document):
        registry = self.context.registry
        for number, figure in enumerate(document.figures, 1):
            credit, structured = figure.credit, figure.structured
            if credit is None or structured is None or not structured.credit_line or structured.origin == "attribute":
                continue  # (a component's JSON attribute is the page's own script data, not its metadata)
            if credit.origin in ("json-ld", "microdata", "attribute"):
                continue  # the credit came from the structured data: nothing to compare
            if _RUNNING_TIME.match(credit.text):
                continue  # "02:12 - Source: CNN": a video player's credit, not its poster picture's
            other_credit = parse_credit(structured.credit_line, registry)
            visible, other = set(credit.agencies), set(other_credit.agencies) if other_credit else set()
            if visible or other:
                agree = bool(visible & other) if (visible and other) else False
            else:
                # names, not labels: "(Image: @GardaTraffic)" names what "@GardaTraffic" does
                agree = _words(credit.text) & _words(other_credit.text if other_credit else "") != set()
            if agree and other_credit:
                # same agency, different photographer ("John Smith/Reuters" against "Jane Doe/Reuters")
                people = {s.name.casefold() for s in credit.sources if s.role == "photographer"}
                other_people = {s.name.casefold() for s in other_credit.sources if s.role == "photographer"}
                agree = not (people and other_people) or bool(people & other_people)
            if not agree:
                values = figure_values(figure, number)
                values.update({"visible": credit.text, "structured": structured.credit_line})
                yield Hit(credit.line or figure.line, number, values,
                          fix=f"make the structured credit match '{credit.text}'")


_RUNNING_TIME = re.compile(r"^\d{1,2}:\d{2}\b")


def _words(text: str) -> set[str]:
    return {w.casefold().strip("()[].,;:") for w in text.replace("/", " ").split() if len(w) > 2}
