"""Wire-copy markers in the article text: the sign-off, datelines, and agency mentions."""

from __future__ import annotations

import itertools
import re
from dataclasses import replace
from typing import NamedTuple

from lxml import etree

from ..model import Dateline, Mention, SignOff
from ..registry import AgencyRegistry
from .article import Block, text_runs
from .credits import SOURCE_LABEL, looks_like_person, names_only
from .dom import clean, element_tokens, tag_of, text_content
from .vocab import SIGNATURE

# -- sign-offs -------------------------------------------------------------------------------

_INITIALS = r"[a-zäöüéèç]{1,5}"
_DW_SIGNOFF = re.compile(
    r"^(?P<initials>" + _INITIALS + r"(?:\s*/\s*" + _INITIALS + r")*)\s*\((?P<agencies>[^()]{2,120})\)\s*\.?$"
)
# (PAP closes its copy with the editors' codes, each followed by a slash: "mle/ par/")
_INITIALS_ONLY = re.compile(r"^(?P<initials>" + _INITIALS + r"(?:\s*/\s*" + _INITIALS + r")+)\s*/?\s*$")
_TRAILING_PAREN = re.compile(r"\((?P<inner>[^()]{2,60})\)\s*\.?\s*$")
# The editors' codes glued to the story's last sentence, as dpa-AFX writes them: "… verloren./jr/mis/jha/"
_TRAILING_DESK = re.compile(r"(?<=[.!?…\"“”»«])\s*(?P<codes>(?:/" + _INITIALS + r"){2,6}/?)\s*$")
_HAN_NAME = re.compile(r"[\u4e00-\u9fff]{2,4}")
# notes in brackets that close a Chinese or Japanese text without naming anyone: honorifics
# omitted, to be continued, the full text ends, file picture, picture source
_HAN_NOTES = frozenset({"敬称略", "待续", "未完待续", "全文完", "资料图", "資料圖", "资料照片", "图片来源", "全文"})
_HAN_SENTENCE_END = re.compile(r"[。！？”」』]\s*$")
_REUTERS = re.compile(
    r"^\(?\s*(?:\(?(?:additional\s+)?reporting(?:\s+and\s+writing)?|writing|editing|compiled|"
    r"reporting\s+by[^;]*;\s*writing)\s+by\b.*",
    re.IGNORECASE | re.DOTALL,
)
# Reuters' sign-off in its other services' languages, in brackets: "(Bericht von …, redigiert von …)",
# "(Reportage …, version française …, édité par …)", "(Reporte de …; Editado en español por …)"
_REUTERS_ABROAD = re.compile(
    r"^\(\s*(?:bericht(?:et)?\s+von|redigiert\s+von|geschrieben\s+von|reportage\s|r[ée]dig[ée]\s+par|"
    r"version\s+fran[çc]aise|reporte\s+de|reportaje\s+de|editado\s+(?:en\s+espa[ñn]ol\s+)?por|"
    r"reportagem\s+(?:adicional\s+)?de|edi[çc][ãa]o\s+de)\b.{3,500}\)\s*\.?$",
    re.IGNORECASE | re.DOTALL,
)
# ... which names an editor too, as Reuters always does
_EDITED = re.compile(r"\b(?:redigiert|bearbeitet|[ée]dit[ée]|editado|edi[çc][ãa]o|edici[oó]n|version\s+fran[çc]aise)\b",
                     re.IGNORECASE)
# dpa's story id after its text: "dpa-infocom, dpa:240503-99-123456/3"
_DPA_ID = re.compile(r"^(?:©\s*)?dpa(?:-infocom)?\s*,\s*dpa:\d{6}-\d{2}-\d+/\d+\s*$", re.IGNORECASE)
# AFP's desk codes before the editors' initials: "bur-jd/ach", "str-jd/dl", "burs-mlm/bc"
_AFP_DESK = re.compile(r"^(?:bur|burs|str|sst)-" + _INITIALS + r"(?:\s*/\s*" + _INITIALS + r")+\s*$")
_AP = re.compile(r"^(?:the\s+)?associated\s+press\s+(?:writers?|reporters?|correspondents?|"
                 r"photographers?|videographers?|researchers?)\b.*\bcontributed\b", re.IGNORECASE | re.DOTALL)
_CONTRIBUTED = re.compile(r"\bcontributed\s+(?:reporting|to\s+(?:this|the)\s+(?:report|story))\b|"
                          r"\band\s+the\s+associated\s+press\s+contributed\.?$|"
                          r"^(?:information|material)\s+from\s+.{2,80}\s+was\s+used\s+in\s+this\s+(?:report|story)",
                          re.IGNORECASE)
_MATERIAL = re.compile(
    r"^\(?\s*(?:(?:[A-ZÄÖÜ]{2,5}\s+)?mit\s+material\s+(?:von|der|aus)|[A-ZÄÖÜ]{2,5}\s+mit|material\s*:|"
    r"material\s+(?:from|von)|with\s+(?:reporting\s+from|files\s+from|inputs\s+from)|"
    r"com\s+informa[cç][oõ]es\s+d[aoe]s?|по\s+материалам|theo|με\s+πληροφορίες\s+από|"
    r"avec|with|mit|con\s+informaci[oó]n\s+de|con|com|" + SOURCE_LABEL + r"\s*:|"
    r"agenturen\s*:?|agencias\s*:?|agences\s*:?|agenzie\s*:?|ag[eê]ncias\s*:?)"
    r"\s+(?P<agencies>.{2,120}?)\s*\)?\.?$",
    re.IGNORECASE | re.DOTALL,
)
# The Canadian Press's closing line on its copy in every paper: "This report by The Canadian Press
# was first published Dec. 4, 2026."
_FIRST_PUBLISHED = re.compile(r"This (?:report|story|article) (?:by|from) (?P<by>[^.]{2,60}?) was first published\b",
                              re.IGNORECASE)
# "Contributing: …", "Con información de …", "Mitarbeit: …": the colleagues who reported with the writer
_CONTRIBUTING = re.compile(r"^(?:(?:contributing|contributors?|with\s+reporting\s+by|additional\s+reporting|"
                           r"mitarbeit|unter\s+mitarbeit\s+von|collaboration)\s*:|con\s+(?:informaci[oó]n|reportes?|"
                           r"la\s+colaboraci[oó]n)\s+de\s|com\s+informa[cç][oõ]es\s+d[aoe]s?\s|avec\s+la\s+collaboration\s+de\s|"
                           # Bloomberg's "—With assistance from …"
                           r"with\s+assistance\s+(?:from|by)\s)",
                           re.IGNORECASE)
# "Auteur : Kossivi Tiassou", "Autorin: Anna Muster", "Redaktion: …": the writer or editor named by role
# on a line of their own at the end of the story
_ROLE_LINE = re.compile(r"^(?:auteure?|autrice|autor(?:in|a)?|authors?|text|texte|texto|redaktion|r[ée]daction|"
                        r"redacci[oó]n|[ée]dition|edici[oó]n|editing|editor(?:a|in)?|redakteur(?:in)?|reporter(?:in)?|"
                        r"recherche)\s*:\s*(?P<name>[^:;!?\d]{2,100})$", re.IGNORECASE)
# "Quelle: SWR", "Unsere Quellen: …", "Fuente: …": the story's source named as such
_SOURCE_NOTE = re.compile(r"^\(?\s*" + SOURCE_LABEL + r"\s*:\s*\S", re.IGNORECASE)
_COPYRIGHT = re.compile(r"^(?:©|\(c\)|copyright)", re.IGNORECASE)
_LEADING_DASH = re.compile(r"^(?:(?:[-–—]{1,2}|\*)\s*)(?=\S)")  # (and "*Con información de AP")
_DESK_CODES = re.compile(r"^(?P<agency>[A-Z]{2,5})(?P<codes>(?:\s+[A-Z]{2,4}){2,6})\s*$")
# a date that closes a sign-off's list: derStandard's "(red, APA, 5.12.2026)"
_LIST_DATE = re.compile(r"\d{1,2}\.\s?\d{1,2}\.\s?\d{4}")
_DESK_LINE = re.compile(r"[A-Z]{2,4}(?:\s*/{1,2}\s*[A-Z]{2,4}){0,5}")  # "ACC // JAP"
# the same standing alone as the story's last line, where it must look more like initials: two or
# three, slashed, none of them a country's code ("EF/MA", not "US/UK")
_DESK_INITIALS = re.compile(r"(?!(?:US|UK|EU|UN)/)[A-Z]{2,3}(?:/(?!(?:US|UK|EU|UN)$)[A-Z]{2,3}){1,2}")
_CODE_SEPARATOR = re.compile(r"\s*/{1,2}\s*")


def _codes(text: str) -> list[str]:
    """Initials or desk codes written between slashes: "zc/wd", "ACC // JAP", "/jr/mis/jha/"."""
    return [code for code in _CODE_SEPARATOR.split(text.strip()) if code]
_LISTED = re.compile(r"[\w.-]+(?:\s*,\s*[\w.-]+)+")  # "kro, ČTK": the editor's initials, then the agency
_SLASHED = re.compile(r"[\w.-]+(?:\s*/\s*[\w.-]+)+")  # "AFP/dpa/fw": parts joined by slashes alone
_SPLIT_AGENCIES = re.compile(r"\s*(?:,|/|;|&|\+|\band\b|\bund\b|\bet\b|\by\b|\be\b)\s*", re.IGNORECASE)
# Lines that can follow the sign-off at the end of a story without being it.
_TRAILER = re.compile(r"^(?:_{2,}|—{2,}|-{3,}|\*{3}|our standards|©|\(c\)|copyright|all rights reserved|"
                      r"follow\b|read more|mehr zum thema|lesen sie|related|see also|dw sends|this story|"
                      r"this article|correction|update|share|teilen|subscribe|sign up|more from)",
                      re.IGNORECASE)
_SIGNOFF_WINDOW = 8
# "（评论员 罗博 萧海川）", "（記者 山田太郎）": a Chinese or Japanese story closes with its writers in
# parentheses, introduced by their role.
# Taiwan's CNA adds its date code after them: "（編輯：張雅婷）1150503".
_BYLINE_PAREN = re.compile(r"[（(]\s*(?:责任|責任)?(?:记者|記者|评论员|評論員|通讯员|通訊員|编辑|編輯|編集|编译|編譯|撰稿)"
                           r"[\s：:]*[^（）()]{1,40}[）)]\s*[。.]?\s*(?:\d{6,8}\s*)?$")
# "-- By Michael Russell": the writer named after a dash on the story's last lines (what follows the
# name, a "Follow @…" button, is not part of it)
_DASHED_BYLINE = re.compile(r"^[-–—]{1,2}\s+(?:by|von|par|por)\s+(?P<name>[^\W\d_][\w'’.-]*(?:\s+[^\W\d_][\w'’.-]*){1,3}?)"
                            r"(?=\s+(?:follow|folgen|suivre|seguir|@|https?://)|\s*$)", re.IGNORECASE)
# Days and times after "by": "— By Sunday night" is a deadline, not a writer
_NOT_BYLINE = re.compile(r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|tonight|tomorrow|morning|"
                         r"night|noon|midnight)\b", re.IGNORECASE)
# A label for onward reading after the story, in the languages of the packs
_READ_ON = re.compile(r"^(?:[àa]\s+lire\s+aussi|lire\s+aussi|(?:lesen\s+sie|lies)\s+(?:auch|mehr)|mehr\s+zum\s+thema|"
                      r"zum\s+thema|read\s+more|read\s+also|see\s+also|more\s+on\s+this|leia\s+tamb[ée]m|"
                      r"lea\s+tambi[ée]n|lee\s+tambi[ée]n|leggi\s+anche|czytaj\s+(?:też|także)|čtěte\s+také)\b.{0,20}:\s*$",
                      re.IGNORECASE)
# Parenthesised words that look like initials but are not a sign-off
_NOT_INITIALS = frozenset({"sic", "sic!", "ebd", "ibid", "lacht", "lol", "ok", "etc", "usw", "ua", "bzw"})


class _Parts(NamedTuple):
    agencies: list[str]
    initials: list[str]
    generic: bool  # "Agenturen", "agencies": wire copy from agencies the line does not name


_GENERIC_AGENCIES = re.compile(r"(?:agenturen|agences|agencias|agenzie|agências|news\s+agencies|agencies|wires?)",
                               re.IGNORECASE)
# a line of two or three small letters alone that is a word, not an editor's initials
_LONE_WORDS = frozenset({"ok", "end", "fin", "top", "new", "neu", "yes", "oui", "non", "nein", "ja", "si", "sí",
                         "mas", "más", "ps", "pd"}) | _NOT_INITIALS


_TWO_OR_THREE_LETTERS = re.compile(r"[a-zäöüéèç]{2,3}")


def _lone_initials(text: str) -> bool:
    """An editor's initials alone on the story's last line ("kb", "as"): two or three small letters."""
    return _TWO_OR_THREE_LETTERS.fullmatch(text) is not None and text not in _LONE_WORDS


# "(A.H.)", "(J.-M. D.)": a French or Spanish editor's initials, capitals with dots
_DOTTED_INITIALS = re.compile(r"[A-ZÀ-Þ](?:\.\s?-?[A-ZÀ-Þ]){1,3}\.?")
_WEB_ADDRESS = re.compile(r"(?:[\w-]+\.)+[a-z]{2,6}", re.IGNORECASE)


_END_WORDS = frozenset({"fim", "fin", "ende", "end"})
# The house's own desk named beside the agency in a sign-off: "Redacción / EFE", "Redaktion/dpa"
_NEWSROOM = frozenset({"redacción", "redaccion", "redação", "redacao", "redaktion", "rédaction", "redazione",
                       "redakcja", "redakce", "redactie", "newsroom", "staff"})


def _agencies_in(text: str, registry: AgencyRegistry) -> list[str]:
    """The agencies a text names, each once, in order."""
    return list(dict.fromkeys(m.agency.name for m in registry.scan(text)))


def _agency_list(text: str, registry: AgencyRegistry) -> _Parts | None:
    """``"AP, AFP, Reuters"`` -> ([AP, AFP, Reuters], []); ``"dpa/gem"`` -> ([dpa], [gem]);
    ``"red, wien.ORF.at/Agenturen"`` -> ([], [red], generic).

    None when a part is neither an agency, a set of initials, the word "agencies" nor the house's
    own web address.
    """
    agencies, initials, codes, generic = [], [], [], False
    for part in _SPLIT_AGENCIES.split(text.strip()):
        part = part.strip(" .")
        if not part:
            continue
        agency = registry.lookup(part)
        if agency is not None:
            if agency.name not in agencies:
                agencies.append(agency.name)
        elif re.fullmatch(r"[a-zäöü]{1,5}", part) or _DOTTED_INITIALS.fullmatch(part):
            initials.append(part)
        elif part.casefold() in _END_WORDS:
            continue  # Lusa's "Lusa/Fim": the story's end, said after the agency
        elif agencies and initials and (_LIST_DATE.fullmatch(part) or re.fullmatch(r"(?:19|20)\d\d", part)):
            continue  # "(red, APA, 5.12.2026)", CMC's "CMC/jn/ir/2026": the day or year after editors and agency
        elif part.casefold() in _NEWSROOM:
            codes.append(part)  # "Redacción / EFE": the house's desk, beside an agency only
        elif _GENERIC_AGENCIES.fullmatch(part):
            generic = True
        elif re.fullmatch(r"[A-ZÄÖÜ]{2,5}", part):
            codes.append(part)
        elif not _WEB_ADDRESS.fullmatch(part):
            return None
    if codes and not agencies:
        return None  # "(USA)", "EU/NATO": capitals name a house ("FMW/Bloomberg") only beside an agency
    return _Parts(agencies, initials + codes, generic)


# a wire's copyright notice under the story: "<저작권자(c) 연합뉴스, 무단 전재-재배포 금지>",
# "ⓒ 매일경제 & mk.co.kr", "© Thomson Reuters 2026"
_COPYRIGHT_NOTICE = re.compile(r"^[<〈]?\s*(?:©|ⓒ|\(c\)|copyright\b|저작권자)", re.IGNORECASE)


def _lines(element) -> list[str]:
    """The lines of a story typed as runs between <br>s, empty ones left out (none when the element
    has no <br>)."""
    if element.find("br") is None:
        return []
    return [run for run in text_runs(element) if run]


def _address_over_notice(lines: list[str]) -> tuple[str, str] | None:
    """The writer's address on the line over the wire's copyright notice that closes a story typed
    between <br>s, and the notice ("kimjh@yna.co.kr⏎<저작권자(c) 연합뉴스, …>")."""
    if len(lines) >= 2 and _COPYRIGHT_NOTICE.match(lines[-1]) and "@" in lines[-2]:
        return lines[-2], lines[-1]
    return None


def _onward(block: Block) -> bool:
    """A paragraph that only links on (its whole text is one link's: a headline), or a short label
    for such links ("Lesen Sie auch:", "Aus dem Datencenter:")."""
    text = block.text
    if len(text) <= 40 and text.endswith(":"):
        return True
    links = [a for a in block.element.iter("a") if a.get("href")]
    # a headline, not a name: the writer's name linked to their page can be the sign-off
    return len(links) == 1 and len(text.split()) >= 4 and clean(text_content(links[0])) == text


_EMBEDS = ("iframe", "img", "picture", "table", "svg", "canvas", "figure")


def _under_an_embed(element) -> bool:
    """Does the element stand in a small box (a few children, not the story's body) with a chart, a
    table, a frame or a picture?"""
    box = element.getparent()
    return box is not None and len(box) <= 4 and next(box.iter(*_EMBEDS), None) is not None


def _story_goes_on(story: list[Block], block: Block) -> bool:
    """Do two or more paragraphs of the story's own length come after ``block``?"""
    after = itertools.dropwhile(lambda b: b is not block, story)
    next(after, None)
    return sum(len(b.text) >= 100 for b in after) >= 2


def find_signoff(blocks: list[Block], registry: AgencyRegistry,
                 closing=tuple) -> tuple[SignOff | None, Block | None]:
    """The sign-off among the last paragraphs of the story, and the paragraph it is in.

    The window ends a few blocks after the story's own paragraphs (comment forms and newsletter
    boxes often follow inside the same article element). ``closing`` gives the short lines after the
    story (its footer, a source line), found only when no paragraph is a sign-off, and read only for a
    sign-off that names agencies, initials or a source, or from an element marked as the
    story's signature. The last paragraph may be the writer's name alone ("author"). A wire agency's copyright line
    (``© Thomson Reuters 2020``) counts only when no other sign-off is there.
    """
    body = [b for b in blocks if b.part == "body"]
    story = [b for b in body if b.in_body] or body
    # the story's last paragraph before a label for onward reading ("A lire aussi :") ends it
    before_label = {id(story[i - 1]) for i in range(1, len(story)) if _READ_ON.match(story[i].text)}
    # the paragraphs under a label ("Media contact:"), which the onward filter below leaves out
    labelled = {id(story[i]) for i in range(1, len(story)) if story[i - 1].text.endswith((":", "："))}
    # onward links after the story ("Lesen Sie auch:" and a list of headlines) do not push its
    # last paragraphs out of the window
    story = [b for b in story if not _onward(b)] or story
    window = story[-_SIGNOFF_WINDOW:]
    fallback = None
    writer = None  # the writer named by role ("Auteur : …"): the sign-off only when no other is there
    address = None  # the writer's e-mail address as the last line: the same
    for index in range(len(window) - 1, -1, -1):
        block = window[index]
        if block is story[0] and len(story) > 2:
            continue  # a short story's first paragraph opens it (a dateline line of its own), never closes it
        text = block.text
        if writer is None and _role_line(text):
            first = window[index - 1] if index and _role_line(window[index - 1].text) else None
            # "Auteur : …" over "Edition : …": one sign-off over two lines
            writer = (SignOff(f"{first.text} {text}" if first else text, (first or block).line, [],
                              _agencies_in(text, registry), "byline"), block)
            continue
        signoff = match_signoff(text, block, registry)
        if signoff is None and block is story[-1]:
            signoff = _closing_byline(text, block, registry)
            # a story typed as text runs between <br>s ends in its sign-off's run
            lines = _lines(block.element) if signoff is None else []
            last = lines[-1] if lines else ""
            if last and last != text:
                signoff = match_signoff(last, block, registry) or _closing_byline(last, block, registry)
                if signoff is None and _author_line(last) and not _BY.match(last):
                    signoff = SignOff(last, block.line, [], [], "author")  # "Max Lee, KBS World Radio News."
                codes = text[:-len(last)].strip() if signoff is not None and text.endswith(last) else ""
                if _DESK_LINE.fullmatch(codes):
                    # the desk's codes on the line before: "ACC // JAP⏎Lusa/Fim"
                    signoff = replace(signoff, text=text, initials=_codes(codes) + signoff.initials)
            over = _address_over_notice(lines) if signoff is None and address is None else None
            found = _closing_address(over[0], block, registry) if over else None
            if found is not None:
                # "kimjh@yna.co.kr" over "<저작권자(c) 연합뉴스, …>": the writer's line, the notice's agency
                address = (replace(found, agencies=found.agencies or _agencies_in(over[1], registry)), block)
        if signoff is None:
            # (any of the last paragraphs: a subscription box may follow the story's end in its element)
            signoff = _slashed_end(text, block, registry)
        if signoff is None and id(block) in before_label and _BY.match(text) and _author_line(text):
            signoff = SignOff(text, block.line, [], [], "author")  # "Par Jacques Munier": said to be the writer
        if signoff is None and block is story[-1] and _author_line(text) \
                and (_emphasised(block.element) or _name_paragraph(block.element) and not _BY.match(text)):
            signoff = SignOff(text, block.line, [], [], "author")
        if signoff is None and len(text) <= 80 and SIGNATURE.find(element_tokens(block.element)):
            signoff = _signature(block, registry)  # "J.-M. C." in the story's p.signature
        if signoff is None and block is story[-1] and _lone_initials(text):
            signoff = SignOff(text, block.line, [text], [], "initials")  # "kb": the story's last line
        if signoff is None and block is story[-1] and _DESK_INITIALS.fullmatch(text) and not registry.scan(text):
            signoff = SignOff(text, block.line, text.split("/"), [], "initials")  # "EF/MA", Tehran Times' desk
        if signoff is None and block is story[-1] and address is None and id(block) not in labelled:
            # ("With files from The Canadian Press⏎klachance@postmedia.com": the line above is it; an
            # address under "Media contact:" is a contact's)
            found = _closing_address(text, block, registry)
            if found is not None:
                address = (found, block)
                continue
        if signoff is None and block is story[-1] and _reporter_in_brackets(text, registry):
            # a Japanese paper closes a story with its reporter's name in brackets on a line of its
            # own: "（田村真理子）" (an agency's, "（共同）", is read above)
            signoff = SignOff(text, block.line, [], [], "byline")
        if signoff is not None and signoff.style == "initials" and not signoff.agencies and index:
            # "Con información de AP y Notimex⏎ksh": the agencies' line, then the editor's initials
            # on a line of their own: the sign-off is the agencies', the initials its editor's
            above = match_signoff(window[index - 1].text, window[index - 1], registry)
            if above is not None and above.agencies and above.style in ("material", "agencies", "contributors"):
                # slashed codes are the sign-off's own second line, as DW prints them on one
                # ("zc/wd (AP, AFP)") and PAP on two ("Marta Lewandowska (PAP)⏎mle/ par/")
                joined = f"{above.text} {signoff.text}" if "/" in signoff.text else above.text
                return replace(above, text=joined, initials=above.initials + signoff.initials), window[index - 1]
        if signoff is not None and signoff.style == "material" and not signoff.agencies and not signoff.initials \
                and _under_an_embed(block.element) and _story_goes_on(story, block):
            # "Source : entreprises, ministère de l'Industrie" under a chart, the story going on after
            # it: the chart's source, not the line that closes the story ("Quelle: Polizei" closing a
            # story before a newsletter box stays its sign-off)
            signoff = None
        if signoff is not None:
            return signoff, block
        if fallback is None:
            fallback = _copyright(text, block, registry)
    for place, block in enumerate(closing()):
        if writer is None and place < 3 and _role_line(block.text):
            # "Autor: …" in its own element just after the story
            writer = (SignOff(block.text, block.line, [], _agencies_in(block.text, registry), "byline"), block)
            continue
        if block.part == "signature" and len(block.text) <= 80:
            return _signature(block, registry), block
        if place == 0 and _lone_initials(block.text):
            return SignOff(block.text, block.line, [block.text], [], "initials"), block  # "as" just after the story
        # "(Agenturen) | Stand: 05/08/2019, 5:30": a meta line's fields are separated by bars
        text = block.text.split(" | ")[0].strip()
        signoff = match_signoff(text, block, registry)
        if signoff is not None and (signoff.agencies or signoff.initials
                                    or signoff.style in ("material", "byline", "contributors")
                                    or _GENERIC_AGENCIES.search(text)):
            return signoff, block
        if fallback is None:
            fallback = _copyright(text, block, registry)
    if fallback is not None and fallback[0].agencies and address is not None:
        address = None  # "© 2026 The Associated Press" over a desk's address: the agency's line is it
    return writer or address or fallback or _defined_signoff(blocks, registry) or (None, None)


# An agency's name, a slash, and its staff by role in brackets: Agerpres's "AGERPRES/(A - autor: …, editor: …)"
_AGENCY_THEN_STAFF = re.compile(r"(?P<agency>[^\W\d_][\w.\- ]{1,30}?)\s*/\s*\((?P<staff>[^()]*?\b(?:autor|author|auteur|"
                                r"editor|redactor|rédacteur|redakteur|redaktor)\w*\s*:[^()]*)\)\.?", re.IGNORECASE)


_PICTURE_WORD = re.compile(r"\b(?:photos?|fotos?|bild(?:er)?|images?|pictures?)\b", re.IGNORECASE)


# The agency glued to the story's last word ("… under lördagen/TT"), or an editor's initials after its
# last sentence ("… end of the month. /cb")
_SLASHED_END = re.compile(r"(?:(?<=[^\W\d_])|(?<=[.!?…\"”]\s))/(?P<code>[A-Za-z]{2,5})\s*$")


def _slashed_end(text: str, block: Block, registry: AgencyRegistry) -> SignOff | None:
    if "/" not in text[-8:]:
        return None  # (most paragraphs: no search over the whole text)
    match = _SLASHED_END.search(text, max(0, len(text) - 8))
    if match is None:
        return None
    code = match.group("code")
    agency = registry.lookup(code) if code.isupper() or code == "dpa" else None
    if agency is not None:
        if looks_like_person(text[:match.start()].strip()):
            # "Erik Lindqvist/TT": the writer and the agency, the whole line (a Swedish paper's signature)
            return SignOff(text.strip(), block.line, [], [agency.name], "agencies")
        return SignOff(match.group().strip(), block.line, [], [agency.name], "agencies")
    if code.islower() and text[match.start() - 1:match.start()].isspace():
        return SignOff(match.group().strip(), block.line, [code], [], "initials")
    return None


_LONE_ABBREVIATION = re.compile(r"\(?(?P<abbr>[A-Z][A-Za-z]{1,7})\)?\.?")


def _defined_signoff(blocks: list[Block], registry: AgencyRegistry) -> tuple[SignOff, Block] | None:
    """The story's last paragraph when it is an abbreviation alone, "(NAN)", that the story itself
    defined as an agency's: "… told the News Agency of Nigeria (NAN) …". (The registry cannot know
    every agency's short name: many are words or first names, and it lists those by full name only.)"""
    story = [b for b in blocks if b.part == "body"]
    match = _LONE_ABBREVIATION.fullmatch(story[-1].text) if story else None
    if match is None:
        return None
    abbr = match.group("abbr")
    for block in story[:-1]:
        at = block.text.find(f"({abbr})")
        if at > 0:
            before = block.text[:at].rstrip()
            named = [m for m in registry.scan(before) if m.end == len(before)]
            if named:
                last = story[-1]
                return SignOff(last.text, last.line, [], [named[-1].agency.name], "agencies"), last
    return None


def _signature(block: Block, registry: AgencyRegistry) -> SignOff:
    """A line marked as the story's signature is its sign-off, whatever its wording."""
    return match_signoff(block.text, block, registry) \
        or SignOff(block.text, block.line, [], _agencies_in(block.text, registry), "author")


_NAME_JOINERS = frozenset({"und", "and", "et", "y", "e", "&", "/"})


def _role_line(text: str) -> bool:
    """"Autorin: Anna Muster", "Edition : M-A. Pioerron": a role word, then names only (not "Text: Die
    Rede im Wortlaut")."""
    match = _ROLE_LINE.match(text)
    if not match:
        return False
    # the names, then perhaps the house they work for: "Autor: Steffen PACHE, Sächsische
    # Landesanstalt für Landwirtschaft, Köllitsch (D)"
    names, _, house = match.group("name").partition(",")
    words = names.split()
    if not (1 <= len(words) <= 8 and all(w.lower() in _NAME_JOINERS or w in _PARTICLES or w[0].isupper()
                                         for w in words)):
        return False
    # the house: capitalised words, but for a few joining ones ("für", "of")
    words = house.replace(",", " ").replace("(", " ").replace(")", " ").split()
    return len(words) <= 10 and sum(1 for w in words if not w[0].isupper()) <= len(words) // 3


_BY = re.compile(r"^(?:by|von|par|por|di|door|av|af|od|de|от|von der)\s+", re.IGNORECASE)
_PARTICLES = frozenset({"de", "da", "del", "della", "der", "den", "van", "von", "le", "la", "di", "du", "dos",
                        "das", "y", "e", "zu", "ten", "ter", "bin", "al", "el"})
# Capitalised pairs that close a page without naming anyone
_NOT_NAMES = frozenset({"mehr", "weitere", "weiterlesen", "informationen", "read", "more", "related", "share",
                        "anzeige", "advertisement", "kommentare", "comments", "fotos", "photos", "video", "videos",
                        "top", "news", "lesen", "sie", "auch", "voir", "aussi", "lire", "plus", "leer", "más",
                        "ver", "también", "newsletter", "podcast", "zum", "thema", "the", "end", "ende"})


def _author_line(text: str) -> bool:
    """The story's last paragraph is its writer's name: "Stefan Wasmer", "Par Jacques Munier",
    "Max Lee, KBS World Radio News."."""
    if len(text) > 70 or re.search(r"[!?:;\d\"“”«»()]", text):
        return False
    name, _, house = _BY.sub("", text.rstrip(". ")).partition(",")
    words = name.split()
    if not 2 <= len(words) <= 4 or "," in house:
        return False
    if house and not all(w[0].isupper() or w in _PARTICLES for w in house.split()):
        return False  # "President Trump, ever the victim" is prose; "Max Lee, KBS World Radio News" a name
    capitalised = 0
    for word in words:
        if word.lower() in _NOT_NAMES:
            return False
        if word[0].isupper() and not word.isupper() and word.replace("-", "").replace("'", "").replace("’", "") \
                .replace(".", "").isalpha():
            capitalised += 1
        elif word not in _PARTICLES:
            return False
    return capitalised >= 2


_EMPHASIS = etree.XPath("(.//b|.//strong|.//i|.//em)[not(ancestor::b or ancestor::strong or ancestor::i or "
                        "ancestor::em)]")


def _name_paragraph(element) -> bool:
    """A paragraph of one line that links nowhere: a name closing the story, not a heading over the
    next box ("Recent Posts"), a list of topics, a link ("Zur Übersicht") or a letter's signature
    (name, then town)."""
    return tag_of(element) == "p" and element.find(".//a") is None and element.find(".//br") is None


def _emphasised(element) -> bool:
    """A paragraph set in bold or italics from end to end: a name closing the story, not a sentence."""
    if tag_of(element) != "p":
        return False
    inner = "".join(text_content(e) for e in _EMPHASIS(element))
    return bool(inner.strip()) and clean(inner) == clean(text_content(element))


def _copyright(text: str, block: Block, registry: AgencyRegistry):
    if _COPYRIGHT.match(text):
        agencies = _agencies_in(text, registry)
        if agencies:
            return SignOff(text, block.line, [], agencies, "copyright"), block
    return None


# A wire story's end mark, after the reporter's address: "kokobj@yna.co.kr (END)", "(끝)"
# and the Spanish and Portuguese wires' "(FIN)", "(FIM)", perhaps with the desk's codes: "(FIN) NDP/LZD"
# ... or glued to the story's last sentence: "…建成投运。（完）"
_GLUED_END = re.compile(r"[.!?…。！？”」』]\s*(?P<mark>[(（](?:END|FIN|FIM|끝|完)[)）])\s*$")
_END_MARK = re.compile(r"^(?:[\w.+-]+@[\w-]+(?:\.[\w-]+)+\s*)?[(（](?:END|FIN|FIM|끝|完)[)）]"
                       r"(?P<codes>\s*[A-Z]{2,4}(?:\s*/\s*[A-Z]{2,4})*)?\s*$")


# "BY SEO JI-WON [seo.jiwon@joongang.co.kr]": the writer and their address, the story's last line
_BY_WITH_ADDRESS = re.compile(r"^by\s+[^\W\d_][\w.'’ -]{2,40}?\s*[\[(<]\s*[\w.+-]+@[\w-]+(?:\.[\w-]+)+\s*[\])>]\s*$",
                              re.IGNORECASE)
# The reporter's line that closes a Korean, Japanese or Chinese story: "최윤호 기자 uknow@donga.com",
# "홍길동 특파원", "山田太郎記者": a name, the word for reporter or correspondent, the reporter's address.
_REPORTER_LINE = re.compile(r"^(?:[\uac00-\ud7af]{2,4}|[\u4e00-\u9fff]{2,5}|[\u4e00-\u9fff]{2,5}\s+[\u4e00-\u9fff]{2,4})"
                            r"\s*(?:기자|특파원|記者|记者|特派員|特派员)"
                            r"(?:\s*[=/·,]?\s*[\w.+-]+@[\w-]+(?:\.[\w-]+)+)?\s*$"
                            # "新华社记者 才扬": the agency's reporter, then the names
                            r"|^[\u4e00-\u9fff]{0,5}(?:记者|記者)\s*[\u4e00-\u9fff]{2,4}(?:[\s、，,]+[\u4e00-\u9fff]{2,4}){0,3}\s*$")


# one to four names in Han or kana, in full-width brackets
_NAME_IN_CJK_BRACKETS = re.compile(r"（[\u3040-\u30ff\u4e00-\u9fff々]{2,8}(?:[、・ ][\u3040-\u30ff\u4e00-\u9fff々]{2,8}){0,3}）")
# editors' notes in the same brackets: something left out (敬称略, 中略), to be continued, the end, a
# compiled or this paper's report, foreign wires, a file or a picture
_BRACKETED_NOTE = re.compile(r"略|続く|つづく|続き|おわり|終わり|綜合|综合|本報|本报|外電|外电|資料|资料|写真|寫真|圖|图|報道|报道")


def _reporter_in_brackets(text: str, registry: AgencyRegistry) -> bool:
    """"（田村真理子）": a reporter's name in full-width brackets, not an editor's note ("（敬称略）")."""
    return len(text) <= 40 and _NAME_IN_CJK_BRACKETS.fullmatch(text) is not None \
        and not _BRACKETED_NOTE.search(text) and not registry.scan(text)


# The writer's e-mail address alone on the story's last line, perhaps after their name or the agency's
# motto, perhaps with their phone number: "kms@yna.co.kr", "– penda@namibcourier.com.na",
# "— Evelyn Marchetti; emarchetti@cascadianlive.com; 503-294-7715", "◎공감언론 뉴시스 jek@newsis.com"
_ADDRESS_LINE = re.compile(r"^(?:[-–—]{1,2}\s*)?(?:(?P<lead>[^@;:!?\d]{2,40}?)\s*[;,]?\s+)?[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
                           r"(?:\s*[;,|]\s*\+?\d[\d ()./-]{6,20})?"
                           # and the writer's handle: "…@post-gazette.com; Twitter @Ashley__Murray."
                           r"(?:\s*[;,|]\s*(?:Twitter|X|Bluesky|Threads|Instagram)\s*:?\s*@[\w.]{1,40}?)?\s*\.?$")


def _closing_address(text: str, block: Block, registry: AgencyRegistry) -> SignOff | None:
    """The story's last line when it is its writer's address: alone, or after the writer's name or
    an agency's name (a line that says more, "Send tips to tips@…", is no sign-off)."""
    match = _ADDRESS_LINE.match(text) if len(text) <= 100 and "@" in text else None
    if match is None:
        return None
    lead = match.group("lead")
    if lead and not _address_lead(lead, text[:match.start("lead")], text[match.end("lead"):].lstrip()[:1], registry):
        return None
    # (the agencies are the lead's, never the address's: "sana.khan@…" names no SANA)
    return SignOff(text, block.line, [], _agencies_in(lead, registry) if lead else [], "byline")


def _address_lead(lead: str, before: str, after: str, registry: AgencyRegistry) -> bool:
    """What may stand before the writer's address: the agency's name with its motto ("◎공감언론 뉴시스"),
    or, after a dash, the writer's name set apart by a semicolon or a comma ("— Evelyn Marchetti;
    emarchetti@…"). No lower-case word ("Send news tips to AP at …" is a call to readers); without the
    dash, a name before an address is a contact's ("Jane Doe, jdoe@company.com" under "Media contact:")."""
    if re.search(r"(?<![^\W\d_])[a-zà-ÿ]", lead):
        return False
    if _agencies_in(lead, registry):
        return len(lead.split()) <= 3
    # ("Reach Jane Doe: jdoe@…" or "Colin Reinholt: creinholt@…", a name and a colon, is a contact line:
    # labels call it none, so neither does auditor)
    return bool(before.strip()) and looks_like_person(lead) and _author_line(lead) and len(lead.split()) <= 3 \
        and after in (";", ",")


def _closing_byline(text: str, block: Block, registry: AgencyRegistry) -> SignOff | None:
    """The writer named on the story's very last line: a reporter's line ("최윤호 기자
    uknow@donga.com", "新华社记者 才扬" keeps its agency, "BY SEO JI-WON [seo.jiwon@…]") or a name
    after a dash ("-- By Michael Russell")."""
    if len(text) <= 80 and (_REPORTER_LINE.match(text) or _BY_WITH_ADDRESS.match(text)):
        return SignOff(text, block.line, [], _agencies_in(text, registry), "byline")
    match = _DASHED_BYLINE.match(text)
    if match and _author_line(match.group("name")) and not _NOT_BYLINE.search(match.group("name")):
        return SignOff(match.group().strip(), block.line, [], [], "byline")
    return None


def match_signoff(text: str, block: Block, registry: AgencyRegistry) -> SignOff | None:
    line = block.line
    match = _END_MARK.match(text)
    if match:
        codes = match.group("codes")
        return SignOff(text, line, _codes(codes or ""), [], "byline")
    match = _GLUED_END.search(text) if text.endswith((")", "）")) else None
    if match:
        return SignOff(match.group("mark"), line, [], [], "byline")
    # (a dash before the line is its typography: "— AFP", "— With files from The Canadian Press")
    bare = _LEADING_DASH.sub("", text)
    if len(bare) <= 60 and not bare.startswith("("):
        # A bare agency line closing the story: "AFP", "DPA", "dpa/AFP", "red, wien.ORF.at/Agenturen",
        # and an agency with its editors' initials, "AFP/dpa/fw", "dpa/tmn"
        parsed = _agency_list(bare, registry)
        if parsed and (parsed.agencies and (all(i.isupper() for i in parsed.initials)
                                            or len(parsed.initials) <= 3
                                            and (_SLASHED.fullmatch(bare) or _LISTED.fullmatch(bare)))
                       or parsed.generic and len(parsed.initials) <= 2):
            return SignOff(text, line, parsed.initials, parsed.agencies, "agencies")
        # the agency, then its desk's codes in capitals: PTI's "PTI ABK RSN RT"
        codes = _DESK_CODES.match(bare)
        agency = registry.lookup(codes.group("agency")) if codes else None
        if agency is not None:
            return SignOff(text, line, codes.group("codes").split(), [agency.name], "agencies")
    match = _AGENCY_THEN_STAFF.fullmatch(bare) if len(bare) <= 300 else None
    agency = registry.lookup(match.group("agency")) if match else None
    if agency is not None:
        # "AGERPRES/(A - autor: Ioana Dumitrescu, editor: Marius Enache)": the agency, then its staff
        return SignOff(text, line, [], [agency.name], "agencies")
    match = _BYLINE_PAREN.search(text)
    if match:
        return SignOff(match.group().strip(), line, [], [], "byline")
    match = _FIRST_PUBLISHED.match(bare) if len(bare) <= 200 else None
    if match:
        agencies = _agencies_in(match.group("by"), registry)
        if agencies:
            return SignOff(text, line, [], agencies, "material")
    if _CONTRIBUTING.match(bare) and len(text) <= 300:
        agencies = _agencies_in(text, registry)
        return SignOff(text, line, [], agencies, "contributors")
    if len(text) <= 160:
        match = _DW_SIGNOFF.match(text)
        if match:
            parsed = _agency_list(match.group("agencies"), registry)
            if parsed and parsed.agencies:
                initials = _codes(match.group("initials"))
                return SignOff(text, line, initials, parsed.agencies, "initials")
        match = _INITIALS_ONLY.match(text)
        if match:
            return SignOff(text, line, _codes(match.group("initials")), [], "initials")
        # (these two forms are read without a leading dash: "— (AFP)", "— With files from …")
        # ("(©NTB)": the agency's copyright sign inside the brackets, before wire services alone; "(© Getty
        # Images)", "(©red)" are a picture's or the house's)
        match = re.fullmatch(r"\((?P<sign>©|ⓒ|\(c\))?\s*(?P<inner>[^()]{2,80})\)\.?", bare)
        parsed = _agency_list(match.group("inner"), registry) if match else None
        if parsed and match.group("sign") and (parsed.initials or parsed.generic or not parsed.agencies or not all(
                registry.lookup(name).has_kind("wire") for name in parsed.agencies) or _PICTURE_WORD.search(bare)):
            match = None
        if match:
            if parsed and (parsed.agencies or parsed.generic):
                return SignOff(bare, line, parsed.initials, parsed.agencies, "agencies")
            if parsed and 0 < len(parsed.initials) <= 3 and match.group("inner").lower() not in _NOT_INITIALS:
                return SignOff(bare, line, parsed.initials, [], "initials")  # "(red)" on a line of its own
        match = _MATERIAL.match(bare)
        if match:
            parsed = _agency_list(match.group("agencies"), registry)
            if parsed and parsed.agencies:
                return SignOff(text, line, parsed.initials, parsed.agencies, "material")
            found = _agencies_in(match.group("agencies"), registry)
            if found or _SOURCE_NOTE.match(bare) or parsed and parsed.generic and not parsed.initials:
                # ("Avec agences": the wires, unnamed)
                return SignOff(text, line, [], found, "material")
    if _REUTERS.match(bare) and len(text) <= 600 or _REUTERS_ABROAD.match(text) and _EDITED.search(text):
        # Reuters' own form; another agency named in it is the one that reported ("- Additional
        # reporting by AFP", as News24 closes a story)
        named = _agencies_in(text, registry)
        if named and "Reuters" not in named:
            return SignOff(text, line, [], named, "contributors")
        return SignOff(text, line, [], ["Reuters"], "reuters")
    if _DPA_ID.match(text):
        return SignOff(text, line, [], ["dpa"], "agencies")
    if _AFP_DESK.match(text):
        return SignOff(text, line, _codes(text.split("-", 1)[1]), [], "initials")
    if _AP.match(text) and len(text) <= 600:
        return SignOff(text, line, [], ["AP"], "ap")
    if len(text) <= 400 and _CONTRIBUTED.search(text):  # (the length first: the search reads it all)
        agencies = _agencies_in(text, registry)
        return SignOff(text, line, [], agencies, "contributors")
    # "... last sentence of the story. (dpa/gem)"
    match = _TRAILING_PAREN.search(text)
    if match and match.start() > 0:
        inner = match.group("inner")
        parsed = _agency_list(inner, registry)
        material = _MATERIAL.match(inner)
        if material and not (parsed and parsed.agencies):
            parsed = _agency_list(material.group("agencies"), registry)
        source_note = _SOURCE_NOTE.match(inner)
        # "... zurück. (grh)": an editor's initials alone close a story only after a full sentence
        initials_only = (parsed and not parsed.agencies and not parsed.generic and 0 < len(parsed.initials) <= 3
                         and inner.strip().lower() not in _NOT_INITIALS
                         and re.search(r"[.!?…\"“”»«)]\s*$", text[:match.start()]))
        if (parsed and (parsed.agencies or parsed.generic) and len(parsed.initials) <= 3) or source_note \
                or initials_only:
            # "(dpa/gem)", and "(Quelle: SWR)": a source named as such closes the story even when
            # it is no agency in the registry
            # the writer's name before it is part of the line: "Như Tâm (Theo Reuters, AFP)"
            tail = text if _author_line(text[:match.start()].strip()) else match.group().strip()
            offset = block.raw.rfind(tail.rstrip("."))
            tail_line = line + block.raw[:offset].count("\n") if offset >= 0 and line else line
            agencies = parsed.agencies if parsed and parsed.agencies else _agencies_in(inner, registry)
            style = ("initials" if initials_only else "agencies" if parsed and (parsed.agencies or parsed.generic)
                     else "material")
            return SignOff(tail, tail_line, parsed.initials if parsed else [], agencies, style)
        # "…这种平台。”(唐风)": a Chinese story closes with its writer's or editor's name in brackets
        if _HAN_NAME.fullmatch(inner.strip()) and inner.strip() not in _HAN_NOTES \
                and _HAN_SENTENCE_END.search(text[:match.start()]) and not _agencies_in(inner, registry):
            return SignOff(match.group().strip(), line, [], [], "byline")
    match = _TRAILING_DESK.search(text)
    if match:
        codes = match.group("codes")
        return SignOff(codes, line, _codes(codes), [], "initials")
    return None


# -- datelines -------------------------------------------------------------------------------

_DATELINE = re.compile(
    # Read as the reader sees it: "KATHMANDU,⏎ April 25 (Reuters) -" is one dateline.
    # (matched from the block's first visible character: a leading "\s*" backtracks over a long indent)
    r"(?P<place>[^()]{0,90}?)\s*\((?P<agencies>[^()]{2,40})\)\s*"
    # a dash or colon; EFE's ".-"; epd's "." and KNA's or IANS's nothing at all before the story's
    # first capital (those two only after a short place: see find_datelines)
    # (Hindi ends it with a danda: "नई दिल्ली, 5 दिसंबर (आईएएनएस)।")
    # (or the paragraph's end: Europa Press' "MÁLAGA, 3 (EUROPA PRESS)" on a line of its own)
    r"(?P<dash>[-–—‒―·]+|:|।|\.\s*[-–—]+|(?P<weak>\.?)(?=\s*[A-ZÀ-Þ„“\"«])|(?=\s*$))\s*",
)
# The Chinese agencies' dispatch line: "新华社北京11月17日电" (Xinhua, Beijing, 17 November, by wire),
# "中新社香港3月2日电": the agency, the place, the date and 电, no brackets and no dash.
_CJK_DATELINE = re.compile(r"(?P<agencies>[\u4e00-\u9fff]{2,5}?[社网網])(?P<place>[\u4e00-\u9fff]{1,10}?)"
                           r"(?:\d{4}年)?\d{1,2}月\d{1,2}日(?:\d{1,2}时)?电")
# Other agencies' own forms: Yonhap's "(서울=연합뉴스) 홍길동 기자 =", Kyodo's "【ワシントン共同】", TASS's
# "МОСКВА, 3 мая. /ТАСС/.", RIA's "МОСКВА, 3 мая — РИА Новости." (the agency after a dash, then a stop)
_OTHER_DATELINES = (
    re.compile(r"[(（](?P<place>[^()（）=＝]{1,20})[=＝](?P<agencies>[^()（）=＝]{2,20})[)）](?:\s*\S{2,4}\s*기자\s*=)?\s*"),
    re.compile(r"【(?P<place>[^】]{1,20}?)(?P<agencies>共同|時事|新華社|聯合|ロイター|AFP)】\s*"),
    re.compile(r"〔(?P<place>)(?P<agencies>[^〔〕\s]{2,8})〕\s*"),  # Liberty Times' "〔中央社〕"
    # CNA's in Taiwan's papers: "（中央社記者陳怡君南投5日電）", "（中央社台北5日綜合外電報導）"
    re.compile(r"[(（](?P<agencies>[\u4e00-\u9fff]{2,4}社)(?:記者[\u4e00-\u9fff]{2,4}?)?(?P<place>[\u4e00-\u9fff]{1,10}?)"
               r"(?:\d{1,2}日)(?:綜合)?(?:外電|專電)?(?:電|報導)[)）]\s*"),
    # the place, the date, then the agency and a dash: "Sefwi Wiawso, Oct. 04, GNA -", "BRIDGETOWN,
    # Barbados, May 12, CMC –"
    re.compile(r"(?P<place>[^,()]{2,40},(?:[^,()]{2,30},)?\s*[^,()]{3,20}),\s*(?P<agencies>[A-Z]{2,6})\s*[-–—]+\s*"),
    # (the agency tight between its slashes, a space before them: "Mandel Ngan / AFP / Getty Images"
    # and "Jane Doe/AFP/Getty Images" are credits)
    re.compile(r"(?P<place>[^/()]{2,40}?)\s+/(?P<agencies>[^/()\s][^/()]{0,23}(?<=\S))/(?:\.\s*|\s+)"),
    re.compile(r"(?P<place>[^/()—–]{2,40}?)\s+[—–-]\s+(?P<agencies>[^/().—–]{2,25})\.\s+"),
)
_DATELINE_WINDOW = 4
# a place's date with its month cut short: "SANTIAGO DE COMPOSTELA, 5 Dic." (its stop is no sentence's end)
_DAY_AND_SHORT_MONTH = re.compile(r",\s*\d{1,2}\s+[^\W\d_]{3,5}\.$")
_PLACE_AFTER = re.compile(r"[A-ZÀ-Þ][A-ZÀ-Þ'’ .-]{1,30},\s*\d{1,2}\s+[A-ZÀ-Þ]{3,4}\.?\s*[-–—]+\s*")


def _short_place(place: str) -> bool:
    """A dateline's place and date and nothing else: "Bonn", "Frankfurt a.M.", "New Delhi, May 3",
    "Madrid, 3 may"; not "Die Deutsche Presse-Agentur" or "Laut einem Bericht der Agentur"."""
    head, _, date = place.partition(",")
    words = head.split()
    if not words or len(words) > 3 or words[0].lower() in _NOT_PLACE_WORDS:
        return False
    if not all(w[0].isupper() or _PLACE_PARTICLE.fullmatch(w) for w in words):
        return False
    return not date.strip() or _PLACE_DATE.fullmatch(date.strip()) is not None


_NOT_PLACE_WORDS = frozenset({"die", "der", "das", "den", "dem", "des", "ein", "eine", "the", "a", "an", "laut",
                              "nach", "wie", "le", "la", "les", "el", "los", "las", "il", "lo", "según", "selon"})
_PLACE_PARTICLE = re.compile(r"[a-z]{1,2}\.(?:[A-Z]\.)?|am|an|upon|sur|on|de|del|do|da|im|ob")
# (Europa Press gives the day alone: "MADRID, 3 (EUROPA PRESS)")
# (Lithuanian dates end in "d.": "gegužės 3 d.")
_PLACE_DATE = re.compile(r"(?:\d{1,2}\.?\s*[^\W\d_]{3,9}\.?|[^\W\d_]{3,9}\.?\s*\d{1,2}(?:\s*d\.)?|\d{1,2})(?:,?\s*\d{4})?")


def find_datelines(blocks: list[Block], registry: AgencyRegistry) -> list[tuple[Dateline, Block, int]]:
    """Datelines that open the story's first paragraphs, with the block and the dateline's length."""
    found = []
    candidates = [b for b in blocks if b.part in ("body", "standfirst")][:_DATELINE_WINDOW]
    for block in candidates:
        offset = len(block.raw) - len(block.raw.lstrip())
        match = _DATELINE.match(block.raw, offset) or _CJK_DATELINE.match(block.raw, offset) \
            or next((m for pattern in _OTHER_DATELINES if (m := pattern.match(block.raw, offset))), None)
        if not match:
            continue
        place = clean(match.group("place"))
        # (a sentence's end, not an ordinal's dot: "Brno 3. prosince (ČTK) -")
        if place and (len(place.split()) > 8 or re.search(r"(?<!\d)[.!?]\s+[a-z]", place) or place.endswith(".") and
                      len(place.split()) > 4 and not _DAY_AND_SHORT_MONTH.search(place)):
            continue
        if match.groupdict().get("dash") == "" and match.groupdict().get("weak") is None \
                and not re.search(r"[^\W\d_]{3}", place):
            continue  # a line of its own names a place ("MÁLAGA, 3 (EUROPA PRESS)"), not a time ("3. 5. 2026 9:45 (ČTK)")
        if match.groupdict().get("weak") is not None and (not _short_place(place) or registry.scan(place)):
            continue  # "Berlin (epd). Die …", "Bonn (KNA) Die …": a place of a few words, its date, no more
        parsed = _agency_list(match.group("agencies"), registry)
        if not parsed or not parsed.agencies:
            continue
        end = match.end()
        if not place:
            # the agency first, then the place and date: ANSA's "(ANSA) - BOLOGNA, 03 MAG -"
            after = _PLACE_AFTER.match(block.raw, end)
            end = after.end() if after else end
        text = clean(block.raw[match.start():end])
        line = block.line + block.raw[:offset].count("\n") if block.line else None
        found.append((Dateline(text, parsed.agencies[0], line), block, end))
    return found


# -- mentions --------------------------------------------------------------------------------

_CONTEXT_BEFORE = re.compile(
    r"(?:news\s+agency|press\s+agency|wire\s+service|agency|agentur|nachrichtenagentur|agence|agencia|"
    r"agenzia|told|tells|telling|according\s+to|reported|reports|quoted\s+by|interview\s+with|"
    r"spoke\s+to|speaking\s+to|laut|zufolge|sagte\s+(?:der|die|dem)|selon|a\s+indiqu[ée]|seg[uú]n|dijo\s+a|"
    r"declar[oó]\s+a|informó|by|via|"
    # it, pt, nl: "secondo l'ANSA", "segundo a Lusa", "à agência", "volgens het ANP", "aldus het ANP"
    r"secondo|segundo(?:\s+a)?|de\s+acordo\s+com(?:\s+a)?|disse\s+à|ag[eê]ncia|volgens|aldus|zei\s+tegen|"
    r"meldt|meldde|"
    # pl, cs, ru, bg, hu: "powiedział PAP", "według PAP", "сообщает ТАСС", "според БТА", "az MTI"
    r"agencj[aię]|agencją|powiedzia[łl]a?|poda[łl]a|według|cytowan[ya]\s+przez|agentur[ay]|podle|"
    r"агентств[оау]|агенци[яи]|сообщает|сообщило|по\s+данным|со\s+ссылкой\s+на|според|"
    # lt, tr: "naujienų agentūrai BNS", "ajansı"
    r"agent[uúū]r\w*|ajans\w*|"
    # de, hi: "berichtete die APA", "समाचार एजेंसी पीटीआई"
    r"berichtete|berichtet|meldete|meldet|एजेंसी|"
    # id, fa: "dikutip dari Antara", "به نقل از ایرنا"
    r"dikutip\s+dari|dilansir(?:\s+dari)?|menurut|به\s+نقل\s+از|"
    r"据|"
    # nl, sv, no, da, fi: "meldde persbureau ANP", "nyhetsbyrån TT", "nyhedsbureauet Ritzau"
    r"persbureau|nyhetsbyr[aå]\w*|nyhedsbureau\w*|uutistoimisto\w*|"
    # de, and the Nordic "told": the speaker between the verb and the agency, "sagte der Däne dem SID",
    # "sier byggeleder Kari Nymoen i Statens vegvesen til NTB"
    r"(?:sagte|sagten|erklärte|erklärten|bestätigte|betonte)\b[^.!?]{0,40}?|"
    r"(?:sier|sa|siger|sagde|säger|sade)\b[^.!?]{0,60}?\btill?|"
    # nl: "zegt een woordvoerder van de veiligheidsregio tegen het ANP"
    # ("tegen de AP" is against the Dutch data authority: a news agency is "het")
    r"(?:zegt|zei|zeggen|zeiden|vertelt|vertelde|verklaart|verklaarde)\b[^.!?]{0,60}?\btegen(?=\s+het\s))"
    r"\s*(?:the\s+|der\s+|die\s+|dem\s+|het\s+|de\s+|l['’]|la\s+|el\s+|o\s+|az?\s+)?"
    # "according to state-run APP", "the official IRNA": the agency's standing between them
    r"(?:(?:state-run|state-owned|state|official|government-run|semi-official)\s+)?$",
    re.IGNORECASE,
)
_POLL_WORDS = r"(?:polls?|surveys?|umfrage|sondage|encuesta|sondaggio)"
_CONTEXT_AFTER = re.compile(
    r"^(?:\s+(?:news\s+agency|wire|reported|reports|said|says|has\s+learned|learned|understands|reporters?|"
    r"correspondents?|photographers?|journalists?|poll|analysis|review|tally|count|obtained|"
    r"interview|report|story|berichtete|meldete|berichtet|meldet|schreibt|zufolge|a\s+rapport[ée]|rapporte|"
    r"informó|informa|reporta|riporta|riferisce|scrive|informou|noticiou|relatou|meldt|meldde|berichtte|"
    r"szerint|jelent(?:ette|ése)|közölte|hírügynökség|poda[łl]a|poinformowa[łl]a|informuje|uvedla|informovala|"
    r"сообщает|сообщило|передает|съобщи|muhabir\w*|ajans\w*|žiniomis|pranešė|praneša)|\s*(?:報道|报道|消息)|['’]s\s+\w+|\s*\)|"
    # a case ending on the name, as Hungarian, Finnish and Turkish write it: "az MTI-vel", "STT:lle",
    # "Reuters'a"
    r"(?:-|:|['’])[a-zäöüõőűéáíóúıçşğ]{1,5}\b|"
    # a poll the agency runs with a partner: "AP-NORC poll", "Reuters/Ipsos survey"
    r"[-/]\w+\s+" + _POLL_WORDS + ")",
    re.IGNORECASE,
)


def _in_address(text: str, start: int, end: int) -> bool:
    """Part of a URL, domain, e-mail address or handle: ``reuters.com``, ``afp@afp.com``, ``@AP``."""
    before = text[start - 1:start] if start else ""
    after = text[end:end + 2]
    if before in ("/", "@", ".", "#", "_") or after[:1] in ("@", "/", "_"):
        return not _POLL_AFTER.match(text, end)  # ("Reuters/Ipsos poll": a poll, no address)
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
        matches = registry.scan_prose(text)
        if not matches or _names_alone(block.text):
            continue  # (a credit line or a byline standing alone, "DPA", "dpa/Marius Becker, …": no prose)
        for match in matches:
            if any(start <= match.start < end for start, end in ranges):
                continue
            if match.agency.has_kind("stock"):
                continue  # a stock library named in prose is no source of the story's facts
            if _in_address(text, match.start, match.end):
                continue
            if match.ambiguous and not _has_agency_context(text, match.start, match.end):
                continue
            if _inside_credit(text, match.start, match.end):
                continue
            line = block.line + text[:match.start].count("\n") if block.line else None
            mentions.append(Mention(match.agency.name, clean(match.surface), line))
    return mentions


def _names_alone(text: str) -> bool:
    """A block of a few names and nothing else, no sentence (a credit line or a byline)."""
    return len(text) <= 200 and names_only(text)


def _has_agency_context(text: str, start: int, end: int) -> bool:
    before = text[max(0, start - 80):start]  # (a speaker's name and office may stand between "sier" and "til")
    after = text[end:end + 40]
    if before.endswith("(") and after.startswith(")"):
        # "(AP)" after a place is the agency's; after the words it abbreviates ("artificial general
        # intelligence (AGI)", "docosahexaenoic acid (DHA)") it is an abbreviation being introduced
        return not _spells_out(text[max(0, start - 120):start - 1], text[start:end])
    return bool(_CONTEXT_BEFORE.search(before) or _CONTEXT_AFTER.match(after))


def _spells_out(words: str, short: str) -> bool:
    """Do the words just before a bracket spell out ``short`` (its letters in order, the first at the
    start of a word, within as many words as it has letters and a few more; Schwartz and Hearst's test
    for an abbreviation's definition)?"""
    letters = [c for c in short.lower() if c.isalnum()]
    if len(letters) < 2:
        return False
    words = re.split(r"[.!?;:]\s", words)[-1]  # the same sentence, right before the bracket
    window = words.split()[-min(len(letters) + 5, 2 * len(letters)):]
    if short.lower() in (w.strip(",").lower() for w in window):
        return False  # "the AP reported (AP)": the short form itself, not its long one
    long = " ".join(window).lower()
    at = len(long) - 1
    for index in range(len(letters) - 1, -1, -1):
        letter = letters[index]
        while at >= 0 and (long[at] != letter or (index == 0 and at > 0 and long[at - 1].isalnum())):
            at -= 1
        if at < 0:
            return False
        at -= 1
    return True


_POLL_AFTER = re.compile(r"/\w+\s+" + _POLL_WORDS + r"\b", re.IGNORECASE)


def _inside_credit(text: str, start: int, end: int) -> bool:
    """``(AP Photo/Jane Doe)`` or ``REUTERS/John Smith`` inside a paragraph is a credit, not prose."""
    after = text[end:end + 2]
    before = text[max(0, start - 1):start]
    if (after.startswith("/") or before == "/") and not _POLL_AFTER.match(text, end):
        return True
    window = text[max(0, start - 12):start].lower()
    return bool(re.search(r"(?:photo|foto|credit|bild|image|©)\s*[:]?\s*\(?$", window))
