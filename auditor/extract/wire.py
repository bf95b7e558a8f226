"""Wire-copy markers in the article text: the sign-off, datelines, and agency mentions."""

from __future__ import annotations

import re

from ..model import Dateline, Mention, SignOff
from ..registry import AgencyRegistry
from .article import Block
from .dom import clean

# -- sign-offs -------------------------------------------------------------------------------

_INITIALS = r"[a-zäöüéèç]{1,5}"
_DW_SIGNOFF = re.compile(
    r"^(?P<initials>" + _INITIALS + r"(?:\s*/\s*" + _INITIALS + r")*)\s*\((?P<agencies>[^()]{2,120})\)\s*\.?$"
)
_INITIALS_ONLY = re.compile(r"^(?P<initials>" + _INITIALS + r"(?:\s*/\s*" + _INITIALS + r")+)\s*$")
_TRAILING_PAREN = re.compile(r"\((?P<inner>[^()]{2,60})\)\s*\.?\s*$")
_REUTERS = re.compile(
    r"^\(?\s*(?:\(?(?:additional\s+)?reporting(?:\s+and\s+writing)?|writing|editing|compiled|"
    r"reporting\s+by[^;]*;\s*writing)\s+by\b.*",
    re.IGNORECASE | re.DOTALL,
)
_AP = re.compile(r"^(?:the\s+)?associated\s+press\s+(?:writers?|reporters?|correspondents?|"
                 r"photographers?|videographers?|researchers?)\b.*\bcontributed\b", re.IGNORECASE | re.DOTALL)
_CONTRIBUTED = re.compile(r"\bcontributed\s+(?:reporting|to\s+(?:this|the)\s+(?:report|story))\b", re.IGNORECASE)
_MATERIAL = re.compile(
    r"^\(?\s*(?:(?:[A-ZÄÖÜ]{2,5}\s+)?mit\s+material\s+(?:von|der|aus)|[A-ZÄÖÜ]{2,5}\s+mit|"
    r"material\s+(?:from|von)|with\s+(?:reporting\s+from|files\s+from)|"
    r"avec|with|con\s+informaci[oó]n\s+de|con|quelle\s*:|source\s*:|sources?\s*:|fuente\s*:|agenturen\s*:?)"
    r"\s+(?P<agencies>.{2,120}?)\s*\)?\.?$",
    re.IGNORECASE | re.DOTALL,
)
_CONTRIBUTING = re.compile(r"^(?:contributing|contributors?|with\s+reporting\s+by|additional\s+reporting)\s*:",
                           re.IGNORECASE)
_AGENCIES_GENERIC = re.compile(r"^\(?\s*(?:agenturen|agences|agencias|news\s+agencies|agencies|wires?)\s*\)?\.?$",
                               re.IGNORECASE)
_COPYRIGHT = re.compile(r"^(?:©|\(c\)|copyright)", re.IGNORECASE)
_SPLIT_AGENCIES = re.compile(r"\s*(?:,|/|;|&|\+|\band\b|\bund\b|\bet\b|\by\b|\be\b)\s*", re.IGNORECASE)
# Lines that can follow the sign-off at the end of a story without being it.
_TRAILER = re.compile(r"^(?:_{2,}|—{2,}|-{3,}|\*{3}|our standards|©|\(c\)|copyright|all rights reserved|"
                      r"follow\b|read more|mehr zum thema|lesen sie|related|see also|dw sends|this story|"
                      r"this article|correction|update|share|teilen|subscribe|sign up|more from)",
                      re.IGNORECASE)
_SIGNOFF_WINDOW = 8


def _agency_list(text: str, registry: AgencyRegistry) -> tuple[list[str], list[str]] | None:
    """``"AP, AFP, Reuters"`` -> ([AP, AFP, Reuters], []); ``"dpa/gem"`` -> ([dpa], [gem]).

    None when a part is neither an agency nor a set of initials.
    """
    agencies, initials = [], []
    for part in _SPLIT_AGENCIES.split(text.strip()):
        part = part.strip(" .")
        if not part:
            continue
        agency = registry.lookup(part)
        if agency is not None:
            if agency.name not in agencies:
                agencies.append(agency.name)
        elif re.fullmatch(r"[a-zäöü]{1,5}", part):
            initials.append(part)
        else:
            return None
    return agencies, initials


def find_signoff(blocks: list[Block], registry: AgencyRegistry) -> tuple[SignOff | None, Block | None]:
    """The sign-off among the last paragraphs of the story, and the paragraph it is in.

    The window ends a few blocks after the story's own paragraphs (comment forms and newsletter
    boxes often follow inside the same article element). A wire agency's copyright line
    (``© Thomson Reuters 2020``) counts only when no other sign-off is there.
    """
    body = [b for b in blocks if b.part == "body"]
    story = [b for b in body if b.in_body] or body
    window = story[-_SIGNOFF_WINDOW:]
    fallback = None
    for block in reversed(window):
        text = block.text
        signoff = match_signoff(text, block, registry)
        if signoff is not None:
            return signoff, block
        if fallback is None:
            copyright_line = _COPYRIGHT.match(text)
            if copyright_line:
                agencies = list(dict.fromkeys(m.agency.name for m in registry.scan(text)))
                if agencies:
                    fallback = (SignOff(text, block.line, [], agencies, "copyright"), block)
    return fallback or (None, None)


def match_signoff(text: str, block: Block, registry: AgencyRegistry) -> SignOff | None:
    line = block.line
    if len(text) <= 60 and not text.startswith("("):
        # A bare agency line closing the story: "AFP", "DPA", "dpa/AFP"
        parsed = _agency_list(text, registry)
        if parsed and parsed[0] and not parsed[1]:
            return SignOff(text, line, [], parsed[0], "agencies")
    if _AGENCIES_GENERIC.match(text):
        return SignOff(text, line, [], [], "agencies")
    if _CONTRIBUTING.match(text) and len(text) <= 300:
        agencies = list(dict.fromkeys(m.agency.name for m in registry.scan(text)))
        return SignOff(text, line, [], agencies, "contributors")
    if len(text) <= 160:
        match = _DW_SIGNOFF.match(text)
        if match:
            parsed = _agency_list(match.group("agencies"), registry)
            if parsed and parsed[0]:
                initials = [i.strip() for i in match.group("initials").split("/")]
                return SignOff(text, line, initials, parsed[0], "initials")
        match = _INITIALS_ONLY.match(text)
        if match:
            return SignOff(text, line, [i.strip() for i in match.group("initials").split("/")], [], "initials")
        match = re.fullmatch(r"\((?P<inner>[^()]{2,80})\)\.?", text)
        if match:
            parsed = _agency_list(match.group("inner"), registry)
            if parsed and parsed[0]:
                return SignOff(text, line, parsed[1], parsed[0], "agencies")
        match = _MATERIAL.match(text)
        if match:
            parsed = _agency_list(match.group("agencies"), registry)
            if parsed and parsed[0]:
                return SignOff(text, line, parsed[1], parsed[0], "material")
            found = [m.agency.name for m in registry.scan(match.group("agencies"))]
            if found or re.match(r"^\(?\s*(?:source|quelle|fuente)", text, re.IGNORECASE):
                return SignOff(text, line, [], list(dict.fromkeys(found)), "material")
    if _REUTERS.match(text) and len(text) <= 600:
        return SignOff(text, line, [], ["Reuters"], "reuters")
    if _AP.match(text) and len(text) <= 600:
        return SignOff(text, line, [], ["AP"], "ap")
    if _CONTRIBUTED.search(text) and len(text) <= 400:
        agencies = list(dict.fromkeys(m.agency.name for m in registry.scan(text)))
        return SignOff(text, line, [], agencies, "contributors")
    # "... last sentence of the story. (dpa/gem)"
    match = _TRAILING_PAREN.search(text)
    if match and match.start() > 0:
        inner = match.group("inner")
        parsed = _agency_list(inner, registry)
        material = _MATERIAL.match(inner)
        if material and not (parsed and parsed[0]):
            parsed = _agency_list(material.group("agencies"), registry)
        source_note = re.match(r"^(?:quelle|source|fuente|fonte|bron|źródło|zdroj)\s*:\s*\S", inner, re.IGNORECASE)
        if (parsed and parsed[0] and len(parsed[1]) <= 3) or source_note:
            # "(dpa/gem)", and "(Quelle: SWR)": a source named as such closes the story even when
            # it is no agency in the registry
            tail = match.group().strip()
            offset = block.raw.rfind(tail.rstrip("."))
            tail_line = line + block.raw[:offset].count("\n") if offset >= 0 and line else line
            agencies = parsed[0] if parsed and parsed[0] else [m.agency.name for m in registry.scan(inner)]
            return SignOff(tail, tail_line, parsed[1] if parsed else [], list(dict.fromkeys(agencies)),
                           "agencies" if parsed and parsed[0] else "material")
    return None


# -- datelines -------------------------------------------------------------------------------

_DATELINE = re.compile(
    # Read as the reader sees it: "KATHMANDU,⏎ April 25 (Reuters) -" is one dateline.
    r"^\s*(?P<place>[^()]{0,90}?)\s*\((?P<agencies>[^()]{2,40})\)\s*(?P<dash>[-–—‒―]+|:)\s*",
)
_DATELINE_WINDOW = 4


def find_datelines(blocks: list[Block], registry: AgencyRegistry) -> list[tuple[Dateline, Block, int]]:
    """Datelines that open the story's first paragraphs, with the block and the dateline's length."""
    found = []
    candidates = [b for b in blocks if b.part in ("body", "standfirst")][:_DATELINE_WINDOW]
    for block in candidates:
        match = _DATELINE.match(block.raw)
        if not match:
            continue
        place = clean(match.group("place"))
        if place and (len(place.split()) > 8 or re.search(r"[.!?]\s+[a-z]", place) or place.endswith(".") and
                      len(place.split()) > 4):
            continue
        parsed = _agency_list(match.group("agencies"), registry)
        if not parsed or not parsed[0]:
            continue
        text = clean(match.group())
        offset = len(block.raw) - len(block.raw.lstrip())
        line = block.line + block.raw[:offset].count("\n") if block.line else None
        found.append((Dateline(text, parsed[0][0], line), block, match.end()))
    return found


# -- mentions --------------------------------------------------------------------------------

_CONTEXT_BEFORE = re.compile(
    r"(?:news\s+agency|press\s+agency|wire\s+service|agency|agentur|nachrichtenagentur|agence|agencia|"
    r"agenzia|told|tells|telling|according\s+to|reported|reports|quoted\s+by|interview\s+with|"
    r"spoke\s+to|speaking\s+to|laut|zufolge|sagte\s+(?:der|die|dem)|selon|a\s+indiqu[ée]|seg[uú]n|dijo\s+a|"
    r"declar[oó]\s+a|informó|by|via)\s+(?:the\s+|der\s+|die\s+|l['’]|la\s+|el\s+)?$",
    re.IGNORECASE,
)
_CONTEXT_AFTER = re.compile(
    r"^(?:\s+(?:news\s+agency|wire|reported|reports|said|says|has\s+learned|learned|reporters?|"
    r"correspondents?|photographers?|journalists?|poll|analysis|review|tally|count|obtained|"
    r"interview|report|story|berichtete|meldete|zufolge|a\s+rapport[ée]|informó)|['’]s\s+\w+|\s*\))",
    re.IGNORECASE,
)


def _in_address(text: str, start: int, end: int) -> bool:
    """Part of a URL, domain, e-mail address or handle: ``reuters.com``, ``afp@afp.com``, ``@AP``."""
    before = text[start - 1:start] if start else ""
    after = text[end:end + 2]
    if before in ("/", "@", ".", "#", "_") or after[:1] in ("@", "/", "_"):
        return True
    if after[:1] == "." and after[1:2].isalnum():
        return True  # reuters.com
    if before == ":" or (start >= 3 and text[start - 3:start] == "://"):
        return True
    # inside a longer URL token: look back to the last space for a scheme or "www."
    token_start = max(text.rfind(" ", 0, start), text.rfind("\n", 0, start)) + 1
    token = text[token_start:start]
    return "://" in token or token.startswith("www.")


def find_mentions(blocks: list[Block], registry: AgencyRegistry, skip: dict) -> list[Mention]:
    """Agencies named in headline, standfirst and body. ``skip`` maps a block's element to the
    character ranges of its raw text that are not prose (dateline, sign-off)."""
    mentions: list[Mention] = []
    for block in blocks:
        ranges = skip.get(block.element, ())
        if ranges == "all":
            continue
        text = block.raw
        for match in registry.scan_prose(text):
            if any(start <= match.start < end for start, end in ranges):
                continue
            if _in_address(text, match.start, match.end):
                continue
            if match.ambiguous and not _has_agency_context(text, match.start, match.end):
                continue
            if _inside_credit(text, match.start, match.end):
                continue
            line = block.line + text[:match.start].count("\n") if block.line else None
            mentions.append(Mention(match.agency.name, clean(match.surface), line))
    return mentions


def _has_agency_context(text: str, start: int, end: int) -> bool:
    before = text[max(0, start - 40):start]
    after = text[end:end + 40]
    if before.endswith("(") and after.startswith(")"):
        return True
    return bool(_CONTEXT_BEFORE.search(before) or _CONTEXT_AFTER.match(after))


def _inside_credit(text: str, start: int, end: int) -> bool:
    """``(AP Photo/Jane Doe)`` or ``REUTERS/John Smith`` inside a paragraph is a credit, not prose."""
    after = text[end:end + 2]
    before = text[max(0, start - 1):start]
    if after.startswith("/") or before == "/":
        return True
    window = text[max(0, start - 12):start].lower()
    return bool(re.search(r"(?:photo|foto|credit|bild|image|©)\s*[:]?\s*\(?$", window))
