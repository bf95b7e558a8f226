"""The class-and-id vocabulary extraction reads markup by: one home, grouped by the role a word plays.

Every test here is on tokens (``related-stories__item`` is the words ``related``, ``stories``,
``item``), never on substrings, so ``share`` does not match ``shareable-item`` and ``ad`` does not
match ``header``. A :class:`Tokens` group holds single words and multi-word phrases; a phrase
matches consecutive tokens inside one class or id value (``most-read``, ``mostRead``, ``most_read``).
"""

from __future__ import annotations

from .dom import name_tokens


class Tokens:
    """A named group of class/id words and phrases with one meaning."""

    __slots__ = ("name", "words", "phrases", "unless_followed_by", "unless_head", "prefixes", "_memo",
                 "_phrase_starts")

    def __init__(self, name: str, words: frozenset, phrases: tuple = (), unless_followed_by: frozenset = frozenset(),
                 prefix_length: int = 0, unless_head: frozenset = frozenset()):
        if not words and not phrases:
            raise ValueError(f"token group {name!r} is empty")
        self.name = name
        self.words = words
        self.phrases = phrases
        # A word is not this role when a layout word follows it in the same value: a "sidebar-grid"
        # is the grid that holds the story and its sidebar, not a sidebar.
        self.unless_followed_by = unless_followed_by
        # A compound class name says what its element is in its last word (its head): the
        # "leadArtWithAds__LeadArtWrapperFigure" is a figure that sits beside ads, not an ad.
        self.unless_head = unless_head
        # Words this long also count at the start of a compound written without separators
        # ("authorphoto", "relatedposts"); shorter ones would catch ordinary words ("shareable").
        self.prefixes = tuple(sorted((w for w in words if prefix_length and len(w) >= prefix_length),
                                     key=len, reverse=True))
        self._memo: dict = {}  # sites repeat their class names: each is judged once per process
        self._phrase_starts: dict = {}
        for phrase in phrases:
            self._phrase_starts.setdefault(phrase[0], []).append(phrase)

    def __repr__(self) -> str:
        return f"Tokens({self.name!r})"

    def find(self, names: str | tuple) -> str | None:
        """The word or phrase of this group in a class-and-id string (or its ``dom.name_tokens``)."""
        try:
            return self._memo[names]
        except KeyError:
            pass
        found = self._search(name_tokens(names) if isinstance(names, str) else names)
        if len(self._memo) < 65536:
            self._memo[names] = found
        return found

    def _search(self, words: tuple) -> str | None:
        for tokens in words:
            for index, token in enumerate(tokens):
                if token in self.words:
                    word = token
                elif self.prefixes and token.startswith(self.prefixes):
                    word = self._compound_head(token)
                else:
                    for phrase in self._phrase_starts.get(token, ()):
                        if tokens[index:index + len(phrase)] == phrase:
                            return "-".join(phrase)
                    continue
                if index and tokens[index - 1] in _STATE_WORDS:
                    continue  # "has-sharing", "no-caption": what the element has, not what it is
                if word and not (self.unless_followed_by and self.unless_followed_by.intersection(tokens[index + 1:])) \
                        and not (self.unless_head and _head(tokens, index) in self.unless_head):
                    return word
        return None

    def _compound_head(self, token: str) -> str | None:
        return next((w for w in self.prefixes if token.startswith(w) and len(token) > len(w)), None)


# Words that make the next one a state of the element, not its role
_STATE_WORDS = frozenset({"has", "with", "without", "no", "hide", "show"})


def _head(tokens: tuple, index: int) -> str | None:
    """The last real word after ``index`` (not a build hash such as "sc", "1gmzpqh", "1")."""
    for token in reversed(tokens[index + 1:]):
        if token.isalpha() and len(token) > 2:
            return token
    return None


def _group(name: str, words: str, phrases: str = "", unless: str = "", prefix_length: int = 0,
           unless_head: str = "") -> Tokens:
    return Tokens(name, frozenset(words.split()),
                  tuple(tuple(p.split("-")) for p in phrases.split()),
                  frozenset(unless.split()), prefix_length, frozenset(unless_head.split()))


# The box that names the story's writer (chrome by its class, but the byline in it is the story's)
AUTHOR_BOX = _group("author box", "author authors byline bylines autor autoren autorin auteur auteurs autore autori")

# Navigation among pages: page chrome, and never the story's content, whatever a page's other
# classes say (the NAVIGATION group below).
_NAVIGATION_WORDS = "nav navigation navbar navbox menu breadcrumb breadcrumbs pagination pager"

# Page furniture around the story. An image under one of these is not an article image.
CHROME = _group(
    "chrome",
    # related and recommended stories, onward journeys
    "related relateds relates relate recommend recommended recommendation recommendations onward further weitere "
    "empfehlung empfehlungen mostread mostpopular popular trending latest readmore teaserlist playlist "
    "storylines outbrain taboola relacionadas relacionados recomendados recomendadas meistgelesen "
    "lesetipp lesetipps "
    # advertising and promotion
    "ad ads adslot adunit adcontainer advert adverts advertisement advertising dfp sponsor sponsored adsense "
    "adsbygoogle adv publicidad publicite publicité pubblicita pubblicità werbung anzeige reklame "
    "promo promos "
    # sharing (Korean and Japanese sites say "SNS" for social networks; Chinese ones share to WeChat and
    # Weibo), comments, newsletters, subscriptions (also in the languages of the corpora)
    "social socials share shares sharing sharebar sharetools sns wechat weibo comment comments newsletter "
    "newsletters "
    "subscribe subscription signup partager partage compartir teilen condividi delen kommentare "
    "commentaires comentarios kiosk "
    # asking for money: donation, membership and payment boxes
    "donate donation donations donor pay membership spenden "
    # people and brand: author portraits, bylines, logos
    "author authors autor autoren autorin auteur auteurs autore autori byline bylines avatar avatars writer "
    "bio biography "
    "logo logos "
    # navigation and page frame
    "sidebar sidebars rail " + _NAVIGATION_WORDS + " footer "
    "masthead topbar cookie cookies consent toolbar",
    "most-read most-popular read-more more-stories more-from also-read next-article next-story "
    "site-header page-header top-bar sign-up tag-list tags-list topic-list topics-list card-list "
    "headlines-list article-list list-articles also-in in-case you-may dont-miss video-list "
    "mehr-zum lesen-sie ad-slot ultimas-noticias mas-leidas mas-vistas lo-ultimo lire-aussi a-lire "
    "articles-lies plus-lus support-us become-member",
    unless="grid layout columns cols row template",
    prefix_length=6,
    unless_head="figure",
)

# (a subset of CHROME)
NAVIGATION = _group("navigation", _NAVIGATION_WORDS, prefix_length=6)

# Weaker signs: AP calls its lead image a "gallery-teaser"; such images stay when they carry a credit.
WEAK_CHROME = _group("weak-chrome", "teaser teasers widget widgets")

# Embedded posts from social networks and video platforms: quoted material, not the story's
# figures, and agency names inside them are not the story's attributions.
EMBED = _group(
    "embed",
    "tweet tweets twitter instagram tiktok facebook fb youtube vimeo oembed reddit bluesky mastodon "
    "telegram dailymotion",
    "social-embed embed-social",
)

# Video players: the picture in one is a video's poster frame, credited with the video.
VIDEO = _group("video", "video videos kaltura jwplayer brightcove vjs videojs")

# Wrappers that frame one picture: figure units, slides, picture boxes.
FIGURE_LIKE = _group(
    "figure-like",
    "figure figures image images img photo photos picture pictures pic pics picbox media foto fotos bild "
    "bilder caption visual hero illustration gallery slide slides slideshow carousel asset graphic "
    "graphics leadart artwork",
    "lead-art wp-caption",
)

# Elements that hold a picture's credit.
CREDIT_ROLE = _group(
    "credit",
    "credit credits copyright copyrightholder bildquelle bildnachweis attribution photographer fotograf "
    "fotografo fotógrafo rights courtesy credito crédito creditos créditos urheber license licence "
    "distributor fotocredit photocredit",
    "photo-by image-source",
)

# Weaker credit signs: a byline or "source" element is the credit only where no element says
# "credit" or "copyright" (a video box's "byline" beside its "copyright" line is not the credit).
CREDIT_HINT = _group(
    "credit-hint",
    "source sources quelle author autor autorin byline provider agency fuente signature firma copy contributor",
)

# Elements that hold a picture's caption.
CAPTION_ROLE = _group(
    "caption",
    "caption captions figcaption legend legende légende leyenda cutline unterschrift bildunterschrift "
    "bu description desc subtitle epigraph didascalia piede beschreibung bildtext imagetext "
    "bildbeschreibung podpis",
    "figure-text image-text img-text media-text photo-text picture-text caption-text text-caption "
    "pie-de-foto pie-foto",
)

# Elements marked as the story's body.
BODY_HINT = _group(
    "body",
    "articlebody storybody longtext artikel richtext bodytext postcontent entrycontent",
    "article-body story-body post-content entry-content article-text article-content story-content "
    "body-text content-body rich-text text-body paywall-content article-main",
)

# Inside the story's container, but never story text.
NOT_TEXT = _group(
    "not-text",
    "caption captions figcaption credit credits copyright picbox gallery embed media photo image "
    "twitter tweet instagram",
)

# Sign-off containers, which are story text even when their class sounds like page furniture.
SIGNOFF = _group("sign-off", "signoff attribution", "sign-off")
# A line after the story marked as its signature: the sign-off, whatever its wording (folha's
# ``div.c-signature`` "UOL").
SIGNATURE = _group("signature", "signature signoff attribution", "sign-off")

# An element that titles what it belongs to (a video's "Video: …" line in ``p.atm-video-title``).
TITLE = _group("title", "title headline heading titel titre titulo título titolo nadpis")

# Paragraphs before the body that introduce the story.
STANDFIRST = _group("standfirst", "intro teaser standfirst lead summary dek description subtitle abstract kicker "
                    "lede excerpt")
