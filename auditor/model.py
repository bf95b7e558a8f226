"""The plain data model that extraction produces and rules consume.

Nothing here knows about HTML parsing or output formats: these are dataclasses with a
``to_dict`` that gives the JSON shape of ``auditor/extract-1``.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from urllib.parse import unquote

#: Flags a credit or caption can carry, in the order outputs list them.
FLAGS = ("file", "handout", "pool")

# (a bare number of two digits is a series' number, "fest-01.jpg" and "fest-02.jpg" two pictures; a
# size has three or four, a letter before it, or a height)
_SIZE_SUFFIX = re.compile(r"(?:[-_.](?:(?:[swh]|w_|h_)\d{2,4}|\d{3,4}|\d{2,4}x\d{2,4})(?:-c\d+)?|"
                          r"[-_](?:large|medium|small|thumb\w*))$",
                          re.IGNORECASE)

_INNER_EXTENSION = re.compile(r"\.(?:jpe?g|png|gif|webp|avif)(?=\.|$)", re.IGNORECASE)


def url_file_name(url: str | None) -> str:
    """The last path segment of a URL, without query or fragment: ``/img/a.jpg?w=640`` -> ``a.jpg``."""
    return (url or "").split("?")[0].split("#")[0].rstrip("/").rsplit("/", 1)[-1]


def picture_identity(url: str | None) -> str | None:
    """A picture's identity across its sizes: ``photo-s1100-c50.jpg`` and ``photo-s1200.jpg`` are one."""
    if not url or url.startswith("data:"):
        return None
    name = url_file_name(url)
    name = name.rsplit(".", 1)[0] if "." in name else name
    # a rendition named after its original: "photo.jpg.3453064.jpg", "photo.jpg.webp" are "photo"
    name = _INNER_EXTENSION.split(name, 1)[0] or name
    for _ in range(3):
        shorter = _SIZE_SUFFIX.sub("", name)
        if shorter == name or len(shorter) < 6 or _SERIES.match(name):
            break  # (a number after a long number is a series', not a size: P03-261205-319, -320)
        name = shorter
    variant = name.lower() in _VARIANT_NAMES
    if variant or len(name.strip("_-")) < 6:
        # "image", "thumb", "public": the name says nothing. A script that serves pictures names the
        # picture in its query ("image.jpg?guid=c4e8f1a2-…&w=744", "thumb.php?src=https://…/melamchi.jpg")
        named = _picture_in_query(url)
        if named:
            return named
    if variant or _ONLY_SIZE.fullmatch(name):
        # ".../m/e6ay2q4d/1280x720.jpg", ".../a402e8b1c9d3/3x2/960@80.jpg": a size (and quality) for
        # a name, or a rendition's name (Cloudflare Images' ".../<image id>/public"); the nearest folder
        # not named as a size names the picture
        path = url.split("?")[0].split("#")[0].rstrip("/")
        path = path.split("://", 1)[1].partition("/")[2] if "://" in path else path
        for folder in reversed(path.split("/")[-4:-1]):
            if not _ONLY_SIZE.fullmatch(folder):
                if len(folder) >= 6:
                    return folder.lower()
                break
    if len(name) < 6:
        # (and with no picture in its query) the path does, without the sizes a CMS writes into it
        # ("…/id/158666/width/515/height/337.png" is "…/id/158666.png" in another size)
        path = url.split("?")[0].split("#")[0].rstrip("/")
        sized = _SIZE_SEGMENTS.sub("", path)
        last = sized.rsplit("/", 1)[-1].rsplit(".", 1)[0]
        name = last if sized != path and len(last) >= 6 else path
    return name.lower() or None


def _picture_in_query(url: str) -> str | None:
    """The picture a script's query names: the address of the picture it resizes (``src=…/a.jpg``),
    or its id (``guid=c4e8f1a2-…``, ``id=158666``). Not any value: a key or a campaign name shared by
    every picture of the page names none of them."""
    query = url.partition("?")[2].partition("#")[0]
    if not query:
        return None
    for pair in query.split("&"):
        key, _, value = pair.partition("=")
        key, value = key.lower(), unquote(value)
        if key in _ADDRESS_KEYS and ("/" in value or _PICTURE_FILE.search(value)):
            return picture_identity(value) if "/" in value else value.rsplit(".", 1)[0].lower()
        if key in _GUID_KEYS and len(value) >= 8 or key in _ID_KEYS and _AN_ID.fullmatch(value):
            return value.lower()
    return None


# query keys whose value is the picture's address or file, its unique id, or its number in the CMS
_ADDRESS_KEYS = frozenset({"src", "url", "href", "file", "image", "img", "photo", "path"})  # (href: Astro's /_image)
_GUID_KEYS = frozenset({"guid", "uuid"})
_ID_KEYS = frozenset({"id", "imageid", "image_id", "mediaid", "media_id", "fileid", "file_id", "photoid", "photo_id"})
_PICTURE_FILE = re.compile(r"\.(?:jpe?g|png|webp|gif|avif)$", re.IGNORECASE)
_AN_ID = re.compile(r"\d{4,}|[0-9a-fA-F-]{8,}")


# a page's code, a date and a number: a picture's place in a series, as printing systems name their
# pictures (Taipei Times' P03-261205-319), not its size (DW's 47985084_404 is one picture's size 404)
_SERIES = re.compile(r"^[A-Za-z]{1,4}\d{0,3}[-_.]\d{6,8}[-_.]\d{3,4}$")
# a size, an aspect ratio or a size and a quality: 1280x720, 3x2, 960@80
_ONLY_SIZE = re.compile(r"\d{1,4}(?:[x@]\d{1,4})+")
# a rendition's name where the picture's would be: image services name the variant, not the picture
_VARIANT_NAMES = frozenset({"public", "original", "default", "thumbnail", "thumb", "large", "medium", "small", "full",
                            "fullsize", "hero", "preview"})
_SIZE_SEGMENTS = re.compile(r"/(?:width|height|w|h|crop|quality|q|resize|size|fit)/[^/]+", re.IGNORECASE)


@dataclass
class Source:
    """One link of a credit chain: ``Jane Doe`` in ``Jane Doe/AFP via Getty Images``."""

    name: str
    agency: str | None = None  # canonical registry name, or None for a person or unknown body
    role: str = "unknown"
    via: bool = False


@dataclass
class Credit:
    """A photo credit as printed, without its prefix, split into its chain of sources."""

    text: str
    prefix: str | None = None  # "Image:", "Foto:", "Photograph:", "©" ... as printed
    line: int | None = None
    sources: list[Source] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)
    origin: str = "visible"  # visible | alt | attribute | json-ld | microdata

    @property
    def agencies(self) -> list[str]:
        """Canonical agency names in chain order, without repeats."""
        seen: list[str] = []
        for source in self.sources:
            if source.agency and source.agency not in seen:
                seen.append(source.agency)
        return seen


@dataclass
class StructuredImage:
    """What JSON-LD or microdata says about an image (schema.org ImageObject)."""

    url: str | None
    origin: str  # json-ld | microdata | attribute (a component's JSON in an attribute)
    line: int | None = None
    caption: str | None = None
    credit_text: str | None = None
    copyright_holder: str | None = None
    creator: str | None = None
    copyright_notice: str | None = None
    license: str | None = None

    @property
    def credit_line(self) -> str | None:
        """The best credit the structured data offers, in schema.org's order of precedence."""
        return self.credit_text or self.copyright_holder or self.creator or self.copyright_notice


@dataclass
class Figure:
    """An image that belongs to the article, with its caption and credit."""

    line: int | None
    src: str | None
    alt: str | None = None
    caption: str | None = None
    caption_line: int | None = None
    credit: Credit | None = None
    structured: StructuredImage | None = None
    flags: list[str] = field(default_factory=list)
    #: where the caption was read: "visible" (on the page), "alt" (the image's alt or title),
    #: "attribute" (data-caption), "json-ld", "microdata" or "script"
    caption_origin: str | None = None
    #: "markup" (an image element), "placeholder" (an element standing for a picture a script builds:
    #: a gallery slide's data attributes, an empty captioned <figure>) or "script" (the page's script
    #: state); only "markup" has an alt attribute to read
    origin: str = "markup"
    #: "picture", or "video" for a video player's poster frame (credited with the video, not as a photo)
    media: str = "picture"
    #: names the caption links to on their own site ("Wandfarbe von <a href=farrow-ball.com>Farrow &
    #: Ball</a>"): the maker or source of the picture, not someone it reports on
    caption_links: list[str] = field(default_factory=list)

    @property
    def identity(self) -> str:
        """The picture this figure shows, the same across sizes and line moves."""
        return picture_identity(self.src) or "caption:" + " ".join((self.caption or self.alt or "").split())[:60]


@dataclass
class ImageDecision:
    """Why an image-like element was taken as a figure or left out (``auditor extract --why``)."""

    element: str  # "img.lead line 40"
    line: int | None
    taken: bool
    reason: str
    unit: str | None = None  # the figure unit it was read in
    details: list[str] = field(default_factory=list)


@dataclass
class SignOff:
    """The agency sign-off that ends a story: ``zc/wd (AP, AFP, Reuters)``."""

    text: str
    line: int | None
    initials: list[str] = field(default_factory=list)
    agencies: list[str] = field(default_factory=list)
    style: str = "agencies"  # initials | reuters | ap | material | agencies


@dataclass
class Dateline:
    """A wire dateline: ``PARIS (AP) —``."""

    text: str
    agency: str | None
    line: int | None


@dataclass
class Mention:
    """An agency named in the article's own text."""

    agency: str
    text: str
    line: int | None


@dataclass
class TextBlock:
    """A paragraph of the article's own text, kept for rules that match captions to the story."""

    text: str
    line: int | None
    part: str = "body"  # headline | standfirst | body


@dataclass
class Suppression:
    """An in-page instruction to silence rules: comments or ``data-auditor-ignore``."""

    kind: str  # disable | enable | disable-next-line | ignore-element
    rules: list[str]
    line: int
    end_line: int | None = None  # for ignore-element: the last line the element covers
    column: int | None = None  # where the comment stands, on a long line (a one-line page)


@dataclass
class Document:
    """Everything auditor reads out of one article page."""

    path: str
    title: str | None = None
    language: str | None = None
    url: str | None = None
    published: str | None = None
    headline: str | None = None
    figures: list[Figure] = field(default_factory=list)
    signoff: SignOff | None = None
    datelines: list[Dateline] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    text: list[TextBlock] = field(default_factory=list)
    suppressions: list[Suppression] = field(default_factory=list)
    encoding: str | None = None
    #: what reading the file lost or changed (bytes not in the declared charset, NUL bytes)
    input_warnings: list[str] = field(default_factory=list)
    # Images the page shows that auditor could not read as figures ("figures-unread"): why, each.
    unread: list[str] = field(default_factory=list)
    profile: str | None = None  # the site profile that was applied
    #: why the page is no article, as its own metadata says ("og:type product"): nothing is read from it
    not_article: str | None = None
    decisions: list[ImageDecision] = field(default_factory=list)  # only with extract(..., why=True)

    def to_dict(self) -> dict:
        """The ``auditor/extract-1`` JSON shape of this document."""
        data = {
            "path": self.path,
            "title": self.title,
            "language": self.language,
            "url": self.url,
            "published": self.published,
            "encoding": self.encoding,
            "headline": self.headline,
            "figures": [asdict(f) for f in self.figures],
            "signoff": asdict(self.signoff) if self.signoff else None,
            "datelines": [asdict(d) for d in self.datelines],
            "mentions": [asdict(m) for m in self.mentions],
            "errors": list(self.errors),
            "input_warnings": list(self.input_warnings),
            "unread": list(self.unread),
            "profile": self.profile,
            "not_article": self.not_article,
        }
        if self.decisions:
            data["why"] = [asdict(d) for d in self.decisions]
        return data


SEVERITIES = ("error", "warning", "suggestion")
SEVERITY_RANK = {"suggestion": 1, "warning": 2, "error": 3}


@dataclass
class Finding:
    """One problem a rule found in one document."""

    rule: str
    severity: str
    message: str
    line: int | None = None
    column: int | None = None
    figure: int | None = None  # 1-based index of the figure it concerns
    fix: str | None = None
    #: what the finding is about, stable when lines move: the picture, the agency, the names
    subject: str | None = None
    #: a machine-applicable fix: {"old", "new"}, and where "old" stands once located in the source
    #: ("line", "column", "end_column": 1-based, columns in characters)
    edit: dict | None = None

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass
class FileReport:
    """The findings for one input file, in line order."""

    path: str
    findings: list[Finding] = field(default_factory=list)
    #: the page's address: the crawled one for an archive record, else its canonical URL
    url: str | None = None
    #: what the page credits (auditor.facts.page_facts), for the formats that need it (jsonl, parquet)
    facts: dict | None = None
    #: what was read from the page, kept only for formats that show it (``needs_documents``, the
    #: HTML report); None otherwise, so that worker processes send back findings alone
    document: Document | None = field(default=None, repr=False, compare=False)

    def counts(self) -> dict[str, int]:
        counts = dict.fromkeys(SEVERITIES, 0)
        for finding in self.findings:
            counts[finding.severity] += 1
        return counts


@dataclass
class Summary:
    files: int = 0
    errors: int = 0
    warnings: int = 0
    suggestions: int = 0

    def add(self, report: FileReport) -> None:
        counts = report.counts()
        self.files += 1
        self.errors += counts["error"]
        self.warnings += counts["warning"]
        self.suggestions += counts["suggestion"]

    def at_or_above(self, severity: str) -> int:
        """How many findings are at or above ``severity`` (``never`` counts none)."""
        if severity not in SEVERITY_RANK:
            return 0
        rank = SEVERITY_RANK[severity]
        return sum(count for name, count in (("error", self.errors), ("warning", self.warnings),
                                             ("suggestion", self.suggestions)) if SEVERITY_RANK[name] >= rank)

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass
class Report:
    """What ``auditor check`` produces: per-file findings and the totals."""

    files: list[FileReport] = field(default_factory=list)
    summary: Summary = field(default_factory=Summary)

    def add(self, report: FileReport) -> None:
        self.files.append(report)
        self.summary.add(report)

    def to_dict(self) -> dict:
        return {
            "schema": "auditor/report-1",
            "files": [{"path": f.path, "findings": [x.to_dict() for x in f.findings]} for f in self.files],
            "summary": self.summary.to_dict(),
        }
