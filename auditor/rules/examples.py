"""Running the ``examples`` of rules: every ``bad`` snippet must make its rule fire, every ``good``
snippet must not. Used by the test suite and by ``auditor rules --test`` for house packs."""

from __future__ import annotations

from dataclasses import dataclass

from ..api import extract_html
from .engine import Engine
from .packs import RuleSet

_PAGE = ("<!doctype html><html lang='{lang}'><head><title>Example</title>{head}</head><body><article>"
         "<h1>Council agrees budget after night of talks</h1>{body}</article></body></html>")


def example_page(snippet: str, language: str = "en") -> str:
    """A snippet as a whole page; a snippet that is a whole page already is left as it is."""
    if "<html" in snippet.lower():
        return snippet
    head = ""
    body = snippet
    if "application/ld+json" in snippet:  # structured data belongs in the head
        start = snippet.index("<script")
        end = snippet.index("</script>", start) + len("</script>")
        head, body = snippet[start:end], snippet[:start] + snippet[end:]
    return _PAGE.format(lang=language, head=head, body=body)


@dataclass
class ExampleResult:
    rule: str
    label: str  # good | bad
    snippet: str
    fired: bool

    @property
    def ok(self) -> bool:
        return self.fired == (self.label == "bad")


def run_examples(ruleset: RuleSet) -> list[ExampleResult]:
    engine = Engine(ruleset)
    results = []
    for rule in ruleset.rules:
        if rule.spec.get("severity") == "off":
            continue  # switched off: its examples cannot fire
        examples = rule.spec.get("examples") or {}
        for label in ("good", "bad"):
            snippets = examples.get(label) or []
            for snippet in [snippets] if isinstance(snippets, str) else snippets:
                document = extract_html(example_page(snippet), f"<example {rule.id} {label}>", ruleset.registry)
                fired = any(f.rule == rule.id for f in engine.check(document).findings)
                results.append(ExampleResult(rule.id, label, snippet, fired))
    return results
