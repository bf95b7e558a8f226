"""What every rule kind shares: its spec from the YAML file, the house settings, and what a hit is.

A rule kind is a small class with a ``kind`` name, an ``options`` JSON Schema for its own keys, and a
docstring that is its documentation. ``@register`` puts it in :data:`KINDS`; the engine looks rules up
there and has no special case for any rule id.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import ClassVar

from ..model import Document, Figure
from ..registry import AgencyRegistry
from .fields import FIELDS, Field

KINDS: dict[str, type[Rule]] = {}


def register(cls):
    KINDS[cls.kind] = cls
    return cls


class RuleError(ValueError):
    """A rule that cannot work as written; ``pointer`` is the key path inside the rule."""

    def __init__(self, message: str, pointer: tuple = ()):
        super().__init__(message)
        self.pointer = pointer


@dataclass
class Hit:
    """A place where a rule fires, with the values its message template can use."""

    line: int | None
    figure: int | None = None
    values: dict = field(default_factory=dict)
    fix: str | None = None
    column: int | None = None
    #: a certain, machine-applicable fix: replace this text (as the page prints it) with that one
    replace: tuple[str, str] | None = None


@dataclass
class Context:
    """What a rule may read besides the document: house settings and the agency registry."""

    settings: dict
    registry: AgencyRegistry

    def names(self, value) -> set[str]:
        """A list of source names (or the name of a setting holding one), case-folded and canonical."""
        if isinstance(value, str):
            value = self.settings.get(value, [])
        names = set()
        for name in value or ():
            names.add(name.casefold())
            agency = self.registry.lookup(name)
            if agency:
                names.add(agency.name.casefold())
        return names


class Rule:
    """Base class of rule kinds."""

    kind: ClassVar[str] = ""
    #: JSON Schema ``properties`` of the kind's own options (all optional unless in ``required``)
    options: ClassVar[dict] = {}
    required: ClassVar[tuple[str, ...]] = ()
    #: placeholders this kind provides to message templates
    placeholders: ClassVar[tuple[str, ...]] = ()
    #: the hit values that say what a finding is about (with the figure's picture: its subject)
    subject_keys: ClassVar[tuple[str, ...]] = ()
    #: whether the kind can give a machine-applicable fix (``auditor check --fix``)
    fixable: ClassVar[bool] = False

    def __init__(self, spec: dict, context: Context):
        self.spec = spec
        self.id: str = spec["id"]
        self.context = context
        self.setup()

    @property
    def settings(self) -> dict:
        return self.context.settings

    def setup(self) -> None:
        """Check and prepare options; raise :class:`RuleError` for a rule that cannot work."""

    def check(self, document: Document) -> Iterator[Hit]:
        raise NotImplementedError

    # -- helpers shared by kinds -----------------------------------------------------------
    def field(self, key: str = "field") -> Field:
        """The field named by option ``key``."""
        return self.lookup_field(self.spec[key], (key,))

    @staticmethod
    def lookup_field(name: str, pointer: tuple) -> Field:
        found = FIELDS.get(name)
        if found is None:
            from ..yamlio import did_you_mean

            raise RuleError(f"unknown field '{name}'{did_you_mean(name, FIELDS)}; "
                            f"fields: {', '.join(FIELDS)}", pointer)
        return found

    def values(self, document: Document, field: Field) -> Iterator[tuple[str | None, int | None, int | None, Figure | None]]:
        """``(value, line, figure_number, figure)`` for every occurrence of a field."""
        if field.scope == "figure":
            for number, figure in enumerate(document.figures, 1):
                for value, line in field.get(document, figure):
                    yield value, line, number, figure
        else:
            for value, line in field.get(document, None):
                yield value, line, None, None

    def when_holds(self, document: Document) -> bool:
        """The rule's ``when`` conditions: named settings that must be true, and page facts."""
        for condition in self.spec.get("when", ()):
            if condition.startswith("setting:"):
                if not self.settings.get(condition.split(":", 1)[1]):
                    return False
            elif condition == "wire-copy":
                if not uses_wire_copy(document, self.context):
                    return False
            elif condition == "has-figures":
                if not document.figures:
                    return False
            elif condition.startswith("language:"):
                wanted = condition.split(":", 1)[1].lower()
                if not (document.language or "").lower().startswith(wanted):
                    return False
        return True


WHEN_PATTERN = r"^(wire-copy|has-figures|setting:[A-Za-z_][\w-]*|language:[a-zA-Z-]+)$"


def uses_wire_copy(document: Document, context: Context) -> bool:
    """The story carries wire copy: a wire supplier's dateline, or text that attributes to one."""
    suppliers = context.names("wire_suppliers")
    if any(d.agency and d.agency.casefold() in suppliers for d in document.datelines):
        return True
    return any(m.agency.casefold() in suppliers for m in document.mentions)


def attributed_suppliers(document: Document, context: Context) -> list:
    """Mentions of the house's wire suppliers in the story text, in order."""
    suppliers = context.names("wire_suppliers")
    return [m for m in document.mentions if m.agency.casefold() in suppliers]
