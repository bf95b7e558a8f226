"""``auditor init``: a commented ``.auditor.yaml``, with a house pack suggested from a few pages.

It reads up to twenty pages of the repository and looks at what a house pack decides: the language,
the sign-off style, the credit prefixes and the agencies in credit chains. It never overwrites a file.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from .api import extract_file
from .loader import discover
from .registry import default_registry

SAMPLE_SIZE = 20


@dataclass
class HouseStyle:
    pages: int = 0
    languages: Counter = field(default_factory=Counter)
    signoffs: Counter = field(default_factory=Counter)
    prefixes: Counter = field(default_factory=Counter)
    agencies: Counter = field(default_factory=Counter)

    def pack(self) -> tuple[str, str]:
        """The shipped pack these pages look like, and why."""
        prefixes = {p.rstrip(" :").casefold() for p in self.prefixes}
        if self.signoffs.get("initials") and prefixes & {"image", "bild"}:
            return "dw", "sign-offs like 'ab/cd (AGENCIES)' and credits introduced by Image:/Bild:"
        if self.agencies.get("AP") and self.agencies.most_common(1)[0][0] == "AP":
            return "ap", "most credit chains name AP"
        if self.agencies.get("Reuters") and self.agencies.most_common(1)[0][0] == "Reuters":
            return "reuters", "most credit chains name Reuters"
        return "default", "no house style of a shipped pack stands out"


def survey(paths: list[str]) -> HouseStyle:
    style = HouseStyle()
    registry = default_registry()
    for path in discover(paths):
        if style.pages >= SAMPLE_SIZE:
            break
        document = extract_file(path, registry)
        if document.errors:
            continue
        style.pages += 1
        if document.language:
            style.languages[document.language.split("-")[0].lower()] += 1
        if document.signoff:
            style.signoffs[document.signoff.style] += 1
        for figure in document.figures:
            if figure.credit and figure.credit.prefix:
                style.prefixes[figure.credit.prefix] += 1
            for source in figure.credit.sources if figure.credit else ():
                if source.agency:
                    style.agencies[source.agency] += 1
    return style


def _top(counter: Counter, n: int = 3) -> str:
    return ", ".join(f"{key} ({count})" for key, count in counter.most_common(n)) or "none seen"


def config_text(style: HouseStyle) -> str:
    pack, why = style.pack()
    prefixes = [p for p, _ in style.prefixes.most_common(2)]
    return f"""\
# auditor configuration, written by `auditor init` from {style.pages} page(s) of this repository.
# Every key is explained in the README ("Configuration"); `auditor rules` lists the active rules.
#
# What the pages showed:
#   languages:       {_top(style.languages)}
#   sign-off styles: {_top(style.signoffs)}
#   credit prefixes: {_top(style.prefixes)}
#   agencies in credits: {_top(style.agencies, 5)}

# The house pack: {pack} ({why}).
packs: [{pack}]

# Per-rule severity, or off:
rules: {{}}
#   caption-unmatched: off
#   alt-missing: error

# Which files to check inside the folders given (gitignore-style globs):
include: ["**/*.html"]
exclude: []

# Fail the check (exit 1) on findings at or above: error, warning, suggestion, never.
fail_on: error

# Settings for some folders, e.g. an archive that should only warn:
# overrides:
#   - files: ["archive/**"]
#     rules:
#       credit-missing: warning
#   - files: ["desk/de/**"]
#     settings:
#       credit_prefixes: {prefixes or ["Bild:"]}
"""
