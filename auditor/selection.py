"""Which rules run, at which severity: ``--select``, ``--extend-select``, ``--ignore``, ``--severity``.

Rule ids or id prefixes (``credit-`` is every credit rule), as ruff takes them. ``--select`` keeps
``input-unreadable`` on: a page that cannot be read never passes silently. The result is a map of
per-rule severities that goes where a config file's ``rules:`` goes, so that worker processes build
the same rule set.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .yamlio import did_you_mean

LEVELS = ("error", "warning", "suggestion", "off")
# A page that cannot be read must never pass silently: --select leaves this on (--ignore can turn it off).
ALWAYS_SELECTED = ("input-unreadable",)


class SelectionError(ValueError):
    """A selector or severity that names no rule; the message says what to write instead."""


@dataclass
class Selection:
    select: list[str] = field(default_factory=list)
    extend_select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    severity: list[str] = field(default_factory=list)  # "RULE=LEVEL"

    def __bool__(self) -> bool:
        return bool(self.select or self.extend_select or self.ignore or self.severity)

    def severities(self, rules: dict[str, str]) -> dict[str, str]:
        """The severity changes for ``rules`` (id -> severity as the packs set it)."""
        ids = list(rules)
        changes: dict[str, str] = {}
        if self.select:
            chosen = _matching(_split(self.select), ids, "--select")
            chosen |= {i for i in ALWAYS_SELECTED if i in rules}
            for rule_id in ids:
                if rule_id not in chosen:
                    changes[rule_id] = "off"
        else:
            chosen = set(ids)
        for rule_id in _matching(_split(self.extend_select), ids, "--extend-select"):
            chosen.add(rule_id)
            changes.pop(rule_id, None)
        for rule_id in chosen:
            if rules[rule_id] == "off" and (self.select or self.extend_select):
                changes[rule_id] = "warning"  # selected by name: a rule its pack turns off runs
        for rule_id in _matching(_split(self.ignore), ids, "--ignore"):
            changes[rule_id] = "off"
        for item in self.severity:
            target, sep, level = item.partition("=")
            if not sep or level not in LEVELS:
                raise SelectionError(f"--severity takes RULE=LEVEL with LEVEL one of {', '.join(LEVELS)} "
                                     f"(got '{item}')")
            for rule_id in _matching([target], ids, "--severity"):
                changes[rule_id] = level
        return changes


def _split(values: list[str]) -> list[str]:
    """``--select a,b --select c`` -> ``[a, b, c]``."""
    return [part.strip() for value in values for part in value.split(",") if part.strip()]


def _matching(selectors: list[str], ids: list[str], option: str) -> set[str]:
    found: set[str] = set()
    for selector in selectors:
        if selector.upper() == "ALL":
            found.update(ids)
            continue
        matches = {i for i in ids if i == selector or (selector.endswith("-") and i.startswith(selector))
                   or (not selector.endswith("-") and i.startswith(selector + "-"))}
        if not matches:
            prefixes = {i.split("-", 1)[0] + "-" for i in ids}
            raise SelectionError(f"{option}: no rule '{selector}'{did_you_mean(selector, [*prefixes, *ids])}; "
                                 "give rule ids or prefixes such as 'credit-' ('auditor rules' lists them)")
        found.update(matches)
    return found
