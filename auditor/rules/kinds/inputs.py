from __future__ import annotations

import re

from ..base import Hit, Rule, register


@register
class Input(Rule):
    """Problems with the input itself rather than its content.

    ``condition: unreadable`` fires when the file could not be read as an HTML page (missing, empty,
    binary, undecodable, too large); the message can use ``{error}``. ``condition: no-article`` fires
    when the page parsed but no article text was found (no headline and no paragraphs), or the page
    calls itself something else in its own metadata (``og:type`` "product": a shop's product page), or
    it lists stories instead of telling one (a blog's front page, an archive: three or more headings
    that each link to another page, each with an opening, hold most of its text, and its metadata does
    not call it an article).
    ``condition: figures-unread`` fires when the page shows pictures (its own metadata names a lead
    image that stands in the markup, or the story's body holds images) but auditor read no article
    figure from them: without it, a page in unfamiliar markup would pass every credit rule unchecked.
    ``condition: encoding`` fires when reading the page lost or changed text: bytes that are not in
    the charset the page declares (they show as "\ufffd"), NUL bytes; at the first line concerned.
    """

    kind = "input"
    options = {"condition": {"enum": ["unreadable", "no-article", "figures-unread", "encoding"]}}
    required = ("condition",)
    placeholders = ("error",)

    def check(self, document):
        condition = self.spec["condition"]
        if condition == "unreadable":
            for error in document.errors:
                yield Hit(1, None, {"error": error})
        elif condition == "encoding":
            for warning in document.input_warnings:
                line = re.search(r"\bline (\d+)", warning)
                yield Hit(int(line.group(1)) if line else 1, None, {"error": warning})
        elif condition == "figures-unread":
            if not document.errors and not document.figures and document.unread:
                yield Hit(1, None, {"error": "; ".join(document.unread)})
        elif not document.errors and document.not_article:
            yield Hit(1, None, {"error": document.not_article})
        elif not document.errors and not any(b.part in ("headline", "body") for b in document.text):
            yield Hit(1, None, {"error": "no headline and no paragraphs found"})
