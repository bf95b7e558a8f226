"""Site profiles: a newsroom tells auditor where its CMS puts figures, captions, credits and sign-off.

A profile is a few selectors (CSS or XPath) in YAML, in the spirit of FiveFilters' site configs: the
generic extractor stays the fallback for everything a profile does not say. Profiles ship in
``rules/sites/`` and come from ``.auditor.yaml`` (``sites:``, inline or as files). Like rule packs
they are data from strangers: validated by ``site-1.json`` with ``file:line:col`` errors, selectors
compiled when the file loads, and every selector timed on a large synthetic page, so that a profile
cannot hang a run. Loading is I/O; matching and applying a profile are pure functions of a page.
"""

from __future__ import annotations

import fnmatch
import time
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit

from cssselect import HTMLTranslator
from cssselect import SelectorError as CSSError
from lxml import etree

from .resources import rules_dir, schema
from .rules.regex_guard import Pattern, PatternError
from .yamlio import DataFileError, Marked, read_yaml_file, validate

#: How long one selector may take on the synthetic test page before it is refused. Generous on
#: purpose: a reasonable selector takes a few milliseconds even on a busy machine, a pathological one
#: ('//' inside predicates) grows with the square or cube of the page and takes seconds.
SELECTOR_BUDGET = 0.25
_PAGE_KEYS = ("article", "headline", "figure", "signoff", "dateline")
_UNIT_KEYS = ("image",)
_LIST_UNIT_KEYS = ("caption", "credit")
_XPATH_START = ("/", "./", "(", "@", "xpath:")


@dataclass(frozen=True)
class Selector:
    """A compiled CSS or XPath selector, and where it was written."""

    text: str
    where: str
    xpath: etree.XPath = field(compare=False, repr=False)

    def __call__(self, node) -> list:
        """Elements, or attribute values as text, that the selector finds from ``node``."""
        try:
            found = self.xpath(node)
        except etree.XPathError:
            return []
        if isinstance(found, list):
            return found
        return [] if found is None or found is False else [found]

    def first(self, node):
        found = self(node)
        return found[0] if found else None

    def __str__(self) -> str:
        return self.text


@dataclass(frozen=True)
class SiteProfile:
    """One site's selectors. Keys a profile leaves out are None or empty."""

    name: str
    where: str  # "rules/sites/dw.yaml:12"
    description: str = ""
    hosts: tuple = ()
    paths: tuple = ()
    present: Selector | None = None
    article: Selector | None = None
    headline: Selector | None = None
    figure: Selector | None = None
    image: Selector | None = None
    caption: tuple = ()
    credit: tuple = ()
    credit_prefix: Pattern | None = field(default=None, compare=False)
    ignore: tuple = ()
    signoff: Selector | None = None
    dateline: Selector | None = None

    def matches(self, url: str | None, root) -> bool:
        """Does this profile apply to the page at ``url`` whose tree is ``root``?"""
        if self.hosts or self.paths:
            parts = _split(url)
            if parts is None:
                return False
            host = parts.hostname or ""
            if self.hosts and not any(host == h or host.endswith("." + h) for h in self.hosts):
                return False
            if self.paths and not any(fnmatch.fnmatchcase(parts.path or "/", p) for p in self.paths):
                return False
        return not (self.present is not None and not self.present(root))


@dataclass(frozen=True)
class SiteProfiles:
    """The profiles in force, in order of precedence: the first that matches a page applies."""

    profiles: tuple = ()

    def for_page(self, url: str | None, root) -> SiteProfile | None:
        for profile in self.profiles:
            if profile.matches(url, root):
                return profile
        return None

    def __len__(self) -> int:
        return len(self.profiles)

    def __add__(self, other: SiteProfiles) -> SiteProfiles:
        return SiteProfiles(self.profiles + other.profiles)


def _split(url: str | None):
    if not url:
        return None
    try:
        return urlsplit(url.strip())
    except ValueError:
        return None


# -- loading -----------------------------------------------------------------------------------

def load_site_file(path: str | Path, timed: bool = True) -> SiteProfiles:
    """Profiles from one YAML file (raises :class:`~auditor.yamlio.DataFileError`). ``timed=False``
    skips timing the selectors: for the shipped profiles, which the project's own tests check."""
    marked = read_yaml_file(path)
    validate(marked, schema("site-1"), "site profile file")
    return SiteProfiles(tuple(_profile(marked, ("profiles", i), spec, timed)
                              for i, spec in enumerate(marked.data["profiles"])))


def profiles_from_config(items, marked: Marked | None, base: Path) -> SiteProfiles:
    """The ``sites:`` list of a config file: paths of profile files, or profiles written inline."""
    found: list = []
    for index, item in enumerate(items or []):
        if isinstance(item, str):
            path = Path(item) if Path(item).is_absolute() else base / item
            if not path.is_file():
                raise (marked.error(("sites", index), f"no site profile file at {path}") if marked
                       else DataFileError(str(path), None, None, "no such site profile file"))
            found.extend(load_site_file(path).profiles)
        else:
            wrapper = Marked({"version": 1, "profiles": [item]}, marked.path if marked else "<config>",
                             _shift(marked, ("sites", index)), {}) if marked else None
            if wrapper is not None:
                validate(wrapper, schema("site-1"), "site profile")
            found.append(_profile(marked, ("sites", index), item))
    return SiteProfiles(tuple(found))


def _shift(marked: Marked, prefix: tuple) -> dict:
    """Positions of an inline profile as if it stood in a profile file, for schema errors."""
    size = len(prefix)
    shifted = {("profiles", 0) + pointer[size:]: value for pointer, value in marked.positions.items()
               if pointer[:size] == prefix}
    shifted[()] = marked.positions.get(prefix, (1, 1))
    return shifted


@lru_cache(maxsize=1)
def shipped_profiles() -> SiteProfiles:
    """The profiles in ``rules/sites/``, in file-name order."""
    folder = rules_dir() / "sites"
    profiles: list = []
    for path in sorted(folder.glob("*.yaml")) if folder.is_dir() else []:
        try:
            profiles.extend(load_site_file(path, timed=False).profiles)
        except DataFileError as exc:  # a broken installation, not a user error
            raise RuntimeError(f"a shipped site profile is invalid: {exc}") from exc
    return SiteProfiles(tuple(profiles))


def _profile(marked: Marked | None, pointer: tuple, spec: dict, timed: bool = True) -> SiteProfile:
    path = marked.path if marked else "<inline>"

    def where(*keys) -> str:
        if marked is None:
            return path
        line, _ = marked.where(pointer + keys)
        return f"{path}:{line}"

    def selector(key: str, value: str, relative: bool, index: int | None = None) -> Selector:
        keys = (key,) if index is None else (key, index)
        try:
            return compile_selector(value, relative=relative, where=where(*keys), timed=timed)
        except SelectorError as exc:
            if marked is None:
                raise DataFileError(path, None, None, f"profile '{spec.get('name')}': {key}: {exc}") from None
            raise marked.error(pointer + keys, f"profile '{spec['name']}', {key}: {exc}") from None

    def selectors(key: str, relative: bool) -> tuple:
        value = spec.get(key)
        if value is None:
            return ()
        if isinstance(value, str):
            return (selector(key, value, relative),)
        return tuple(selector(key, v, relative, i) for i, v in enumerate(value))

    match = spec.get("match") or {}
    present = None
    if match.get("present"):
        present = selector("match", match["present"], relative=False)
    prefix = None
    if spec.get("credit_prefix"):
        try:
            prefix = Pattern(spec["credit_prefix"], ignore_case=True)
        except PatternError as exc:
            if marked is None:
                raise DataFileError(path, None, None, str(exc)) from None
            raise marked.error(pointer + ("credit_prefix",), str(exc)) from None
    values = {key: selector(key, spec[key], relative=False) for key in _PAGE_KEYS if spec.get(key)}
    values.update({key: selector(key, spec[key], relative=True) for key in _UNIT_KEYS if spec.get(key)})
    return SiteProfile(
        name=spec["name"], where=where(), description=" ".join((spec.get("description") or "").split()),
        hosts=tuple(h.lower().removeprefix("www.") for h in match.get("hosts") or ()),
        paths=tuple(match.get("paths") or ()), present=present,
        caption=selectors("caption", relative=True), credit=selectors("credit", relative=True),
        credit_prefix=prefix, ignore=selectors("ignore", relative=False), **values,
    )


# -- selectors ---------------------------------------------------------------------------------

class SelectorError(ValueError):
    """A selector does not compile, or is too slow to run safely."""


def compile_selector(text: str, relative: bool = False, where: str = "", timed: bool = True) -> Selector:
    """Compile CSS or XPath. CSS finds descendants (and, at page level, the node itself)."""
    source = text.strip()
    if source.startswith(_XPATH_START):
        expression = source.removeprefix("xpath:").strip()
    else:
        try:
            expression = HTMLTranslator().css_to_xpath(
                source, prefix="descendant::" if relative else "descendant-or-self::")
        except CSSError as exc:
            raise SelectorError(f"invalid CSS selector {source!r}: {exc}") from None
    try:
        compiled = etree.XPath(expression)  # smart strings: a text or attribute knows its element
    except etree.XPathSyntaxError as exc:
        raise SelectorError(f"invalid XPath {source!r}: {exc}") from None
    if not timed:
        return Selector(text, where, compiled)
    elapsed = _time_on_test_page(compiled)
    if elapsed is None:
        raise SelectorError(f"XPath {source!r} cannot be evaluated (unknown function or variable?)")
    if elapsed > SELECTOR_BUDGET:
        raise SelectorError(
            f"selector {source!r} took {elapsed * 1000:.0f} ms on a test page of at most {_TEST_PAGE_SIZE:,} elements "
            f"(limit {SELECTOR_BUDGET * 1000:.0f} ms); avoid '//' inside predicates and count() over the page")
    return Selector(text, where, compiled)


_TEST_PAGE_SIZE = 4000
# Test pages grow step by step, so that a selector whose cost explodes with page size (nested '//'
# in predicates: quadratic, cubic) is caught on a small page before it can hang the check itself.
_TEST_PAGE_STEPS = (50, 400, _TEST_PAGE_SIZE)


@lru_cache(maxsize=len(_TEST_PAGE_STEPS))
def _test_page(size: int):
    """A page of about ``size`` nested and sibling elements with classes, attributes and text."""
    rows = []
    for i in range(max(1, size // 8)):
        rows.append(f'<div class="c{i % 7} row"><figure class="f"><picture><source srcset="a{i}.jpg">'
                    f'<img src="i{i}.jpg" data-credit="x"></picture><figcaption>Cap {i} <span class="credit">'
                    f'Foto: X/dpa</span></figcaption></figure><p>Text {i}</p></div>')
    return etree.fromstring("<html><body><article>" + "".join(rows) + "</article></body></html>",
                            etree.HTMLParser())


def _time_on_test_page(compiled: etree.XPath) -> float | None:
    """Seconds on the largest test page, or on the first one that already took too long."""
    elapsed = 0.0
    for size in _TEST_PAGE_STEPS:
        page = _test_page(size)
        start = time.perf_counter()
        try:
            compiled(page)
            compiled(page.find(".//figure"))
        except etree.XPathError:
            return None
        elapsed = time.perf_counter() - start
        if elapsed > SELECTOR_BUDGET:
            break
    return elapsed
