from __future__ import annotations

from ..base import Hit, Rule, RuleError, register
from ._util import figure_values

_NAMES = {"oneOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}]}


@register
class Chain(Rule):
    """Order and end of the credit chain.

    Options (each a list of source names, or the name of a house setting that holds one):
    ``last_in``: the source that licenses the picture must be one of these, e.g. the distributors
    the house licenses. The chain's parts are judged by their roles: a licensed distributor anywhere
    in it licenses the picture (``imago/UIG``, ``.../AP/picture alliance``); a chain that starts
    with a licensed agency and ends in a name no registry knows is that agency's photographer's
    (``picture alliance/dpa/K-D.Gabbert`` passes as ``picture-alliance/dpa/L. Schwedes`` does,
    however the name is written); otherwise the last link that is not a photographer must be licensed.
    ``forbid``: no source may be one of these (``Instagram``, ``Facebook``). Names match canonical
    agency names and their spellings, case-insensitively. Credits found only in structured data are
    checked too.
    """

    kind = "chain"
    options = {"last_in": _NAMES, "forbid": _NAMES}
    placeholders = ("source", "allowed", "figure", "caption", "credit")
    subject_keys = ("source",)

    def setup(self):
        if "last_in" not in self.spec and "forbid" not in self.spec:
            raise RuleError("a chain rule needs 'last_in' or 'forbid' (or both)")
        for key in ("last_in", "forbid"):
            value = self.spec.get(key)
            if isinstance(value, str) and value not in self.settings:
                raise RuleError(f"'{key}' names the setting '{value}', which the pack does not define; "
                                "add it under settings or give a list", (key,))

    def check(self, document):
        registry = self.context.registry
        last_in = self.context.names(self.spec["last_in"]) if "last_in" in self.spec else None
        forbid = self.context.names(self.spec["forbid"]) if "forbid" in self.spec else set()
        allowed = self.spec.get("last_in")
        allowed_text = ", ".join(self.settings.get(allowed, [])) if isinstance(allowed, str) else \
            ", ".join(allowed or [])
        for number, figure in enumerate(document.figures, 1):
            credit = figure.credit
            if credit is None or not credit.sources:
                continue
            names = [(s, {s.name.casefold(), (s.agency or "").casefold()} - {""}) for s in credit.sources]
            bad = next((s for s, keys in names if keys & forbid), None)
            if bad is not None:
                values = figure_values(figure, number)
                values.update({"source": bad.name, "allowed": allowed_text})
                yield Hit(credit.line or figure.line, number, values,
                          fix=f"replace {bad.name} with a licensed source")
                continue
            if last_in is None:
                continue
            ending = [(s, keys) for s, keys in names if s.role != "photographer"]
            if not ending:
                continue  # a photographer's own credit
            if any(s.role == "distributor" and keys & last_in for s, keys in names):
                continue
            first, last = credit.sources[0], credit.sources[-1]
            if first.agency and not last.agency and len(credit.sources) > 1 and names[0][1] & last_in:
                continue  # licensor first, then the photographer: "dpa/K-D.Gabbert"
            source, keys = ending[-1]
            agency = registry.lookup(source.name)
            if agency is not None:
                keys = keys | {agency.name.casefold()}
            if not keys & last_in:
                values = figure_values(figure, number)
                values.update({"source": source.name, "allowed": allowed_text})
                yield Hit(credit.line or figure.line, number, values,
                          fix=f"end the credit with a licensed source ({allowed_text})")
