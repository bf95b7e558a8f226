"""User regexes are untrusted: compile them with the ``regex`` package and bound every match.

``regex`` supports a per-call ``timeout``; a pattern that backtracks catastrophically (``(a+)+$`` on a
long caption) raises ``TimeoutError`` instead of hanging a publish pipeline. Patterns are also tried
once at load time against probe strings, so that most such patterns are refused before any page is read.
"""

from __future__ import annotations

import regex

#: Seconds one match may take on one field value.
MATCH_TIMEOUT = 0.05
_PROBES = ("a" * 3000 + "!", "A" * 3000 + "!", "1" * 3000 + "x", " " * 3000 + "x", "ab" * 1500 + "!",
           "Foto: " + "Jane Doe/" * 300 + "!")


class PatternError(ValueError):
    """The pattern does not compile, or is too slow to run safely."""


class Pattern:
    def __init__(self, source: str, ignore_case: bool = False):
        self.source = source
        flags = regex.VERSION1 | (regex.IGNORECASE if ignore_case else 0)
        try:
            self.compiled = regex.compile(source, flags)
        except regex.error as exc:
            raise PatternError(f"invalid regular expression {source!r}: {exc}") from None
        for probe in _PROBES:
            try:
                self.compiled.search(probe, timeout=MATCH_TIMEOUT)
            except TimeoutError:
                raise PatternError(
                    f"regular expression {source!r} takes too long on a {len(probe)}-character text "
                    "(catastrophic backtracking?); avoid nested quantifiers such as (a+)+") from None

    def search(self, text: str):
        """Search with a time limit; raises ``TimeoutError`` when the limit is hit."""
        return self.compiled.search(text, timeout=MATCH_TIMEOUT)
