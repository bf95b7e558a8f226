"""How much of auditor's extraction rests on the words of a page's class names, and on <figure>?

    python tests/tools/perturb_eval.py [hashed-classes|no-figure-elements|none ...]

A metamorphic check on the development labels (``tests/corpus_eval.py``): each page's markup is
rewritten the way many sites write theirs, and the labels stay true, since a reader sees the same
page. Unseen sites name their elements with hashes (CSS modules, styled-components: ``sc-fUnMCh``)
or not at all; a mechanism that reads structure and text survives that, one that matches a
site's words does not. Prints dev recall per rewrite, beside the unchanged pages' (``none``).
Held-out pages are never read here.

- ``hashed-classes``: every class and id token becomes a hash of consonants (no vowels, so a hash
  never spells a vocabulary word such as "ad").
- ``no-figure-elements``: ``<figure>`` and ``<figcaption>`` become ``<div>``.
- ``wrapped-captions``: each ``<figcaption>``'s content is wrapped in one more ``<div>`` (component
  frameworks add such wrappers freely).
- ``wrapped-images``: each ``<img>`` stands in two more ``<div>``s.
- ``div-paragraphs``: every ``<p>`` becomes a ``<div>`` (page builders and some CMSs type the story's
  text in ``<div>``s).
- ``lazy-images``: each ``<img>``'s ``src`` moves to ``data-src`` and a blank ``data:`` picture takes
  its place, as lazy-loading scripts write it.
- ``linked-images``: each ``<img>`` not in a link stands in a link to its own file (a lightbox's); the
  page is re-serialised by lxml, which alone moves no figure (compare ``none``).
- ``srcset-only``: each plain ``<img>`` (not lazy, not in a ``<picture>``) names its file in a
  one-entry ``srcset`` instead of ``src``.
"""

from __future__ import annotations

import hashlib
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

import corpus_eval  # noqa: E402

_CONSONANTS = "bcdfghjklmnpqrstvwxz"
_NAMES = re.compile(r"(\s(?:class|id)=)([\"'])(.*?)\2", re.S | re.I)
# (end tags as a script's JSON writes them too, "<\/figure>", so that no element is left open)
_FIGURE_TAGS = re.compile(r"<(\\?/?)(?:figcaption|figure)\b", re.I)


def _hash(token: str) -> str:
    return "sc-" + "".join(_CONSONANTS[b % len(_CONSONANTS)] for b in hashlib.md5(token.encode()).digest()[:6])


def hashed_classes(text: str) -> str:
    return _NAMES.sub(lambda m: m.group(1) + m.group(2) + " ".join(_hash(t) for t in m.group(3).split())
                      + m.group(2), text)


def no_figure_elements(text: str) -> str:
    return _FIGURE_TAGS.sub(lambda m: f"<{m.group(1)}div", text)


_CAPTION_OPEN = re.compile(r"(<figcaption\b[^>]*>)", re.I)
_CAPTION_CLOSE = re.compile(r"(<\\?/figcaption\s*>)", re.I)  # (and "<\/figcaption>" in a script's JSON)
_IMG = re.compile(r"<img\b[^>]*>", re.I)
_IMG_SRC = re.compile(r"(<img\b[^>]*?\s)src=([\"'])", re.I)  # (one tag at a time)
_BLANK = "data:image/gif;base64,R0lGODlhAQABAAAAACw="


def wrapped_captions(text: str) -> str:
    return _CAPTION_CLOSE.sub(r"</div>\1", _CAPTION_OPEN.sub(r"\1<div>", text))


_PARAGRAPH_TAGS = re.compile(r"<(\\?/?)p(?=[\s>])", re.I)


def div_paragraphs(text: str) -> str:
    return _PARAGRAPH_TAGS.sub(lambda m: f"<{m.group(1)}div", text)


def wrapped_images(text: str) -> str:
    return _IMG.sub(lambda m: f"<div><div>{m.group(0)}</div></div>", text)


def lazy_images(text: str) -> str:
    def lazy(img: re.Match) -> str:
        tag = img.group(0)
        if re.search(r"\sdata-src\s*=", tag, re.I):
            return tag  # lazy already
        return _IMG_SRC.sub(lambda m: f'{m.group(1)}src="{_BLANK}" data-src={m.group(2)}', tag, count=1)
    return _IMG.sub(lazy, text)


def _tree(text: str):
    import lxml.html

    return lxml.html.document_fromstring(text.encode("utf-8"), parser=lxml.html.HTMLParser(encoding="utf-8"))


def _serialised(root) -> str:
    import lxml.html

    return lxml.html.tostring(root, encoding="unicode", doctype="<!DOCTYPE html>")


def linked_images(text: str) -> str:
    """Each <img> not already in a link stands in a link to its own file, as lightbox plugins write
    it (WordPress's "Link to: Media File"). A tree rewrite: a link nested in a link is not the same
    page (the parser closes the outer one), so images inside links are left alone."""
    from lxml import etree

    root = _tree(text)
    for img in list(root.iter("img")):
        src = (img.get("src") or "").strip()
        if not src or src.startswith("data:") or any(a.tag == "a" for a in img.iterancestors()):
            continue
        link = etree.Element("a", href=src)
        img.addprevious(link)
        link.tail, img.tail = img.tail, None
        link.append(img)
    return _serialised(root)


_PLACEHOLDER_SRC = re.compile(r"blank|placeholder|spacer|pixel|lazy|loading", re.I)


def srcset_only(text: str) -> str:
    """Each plain <img> (no lazy-loading attribute, not in a <picture>) gives its file as a one-entry
    ``srcset`` and no ``src``, which browsers show alike."""
    root = _tree(text)
    for img in root.iter("img"):
        src = (img.get("src") or "").strip()
        if not src or src.startswith("data:") or img.get("srcset") or _PLACEHOLDER_SRC.search(src) \
                or any(name.startswith("data-") for name in img.attrib) \
                or any(a.tag == "picture" for a in img.iterancestors()):
            continue
        del img.attrib["src"]
        img.set("srcset", f"{src} 1x")
    return _serialised(root)


REWRITES = {"none": None, "hashed-classes": hashed_classes, "no-figure-elements": no_figure_elements,
            "wrapped-captions": wrapped_captions, "wrapped-images": wrapped_images, "lazy-images": lazy_images,
            "div-paragraphs": div_paragraphs, "linked-images": linked_images,
            "srcset-only": srcset_only}


def main(argv: list[str]) -> int:
    names = argv or list(REWRITES)
    unknown = [n for n in names if n not in REWRITES]
    if unknown:
        print(f"unknown rewrite {unknown[0]!r}: choose from {', '.join(REWRITES)}", file=sys.stderr)
        return 2
    if not corpus_eval.CORPUS.is_dir():
        print(f"corpus not found at {corpus_eval.CORPUS}", file=sys.stderr)
        return 1
    for name in names:
        totals = corpus_eval.totals(corpus_eval.evaluate(split="dev", transform=REWRITES[name]))
        print(f"{name:20s} " + corpus_eval.summary_line("dev", totals))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
