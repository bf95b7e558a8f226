"""Compare auditor's extraction with the hand labels in tests/corpus_labels/.

Used by tests/test_corpus.py; run it directly to see every miss:

    python tests/corpus_eval.py [-v] [PAGE ...]
"""

from __future__ import annotations

import json
import os
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
LABELS = HERE / "corpus_labels"
CORPUS = Path(os.environ.get("AUDITOR_CORPUS", HERE.parent.parent / "shared" / "corpus" / "real"))

_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)


def norm(text: str | None) -> str:
    """Whitespace-normalised text, as the labels are written."""
    if text is None:
        return ""
    return re.sub(r"\s+", " ", text.translate(_INVISIBLE).replace("\u00a0", " ")).strip()


def loose(text: str | None) -> str:
    return norm(text).strip(" .,;:–—-()[]").casefold()


@dataclass
class PageScore:
    page: str
    captions: int = 0
    captions_found: int = 0
    credits: int = 0
    credits_found: int = 0
    extra_figures: int = 0
    signoff_ok: bool = True
    datelines_ok: bool = True
    mentions_ok: bool = True
    misses: list = field(default_factory=list)


def load_labels() -> dict[str, dict]:
    return {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in sorted(LABELS.glob("*.json"))}


def score_page(label: dict, document) -> PageScore:
    score = PageScore(label["page"])
    got_captions = {norm(f.caption) for f in document.figures if f.caption}
    got_credits = {norm(f.credit.text) for f in document.figures if f.credit}
    loose_captions = {loose(c) for c in got_captions}
    loose_credits = {loose(c) for c in got_credits}
    for figure in label["figures"]:
        caption, credit = norm(figure.get("caption")), norm(figure.get("credit"))
        if caption:
            score.captions += 1
            if caption in got_captions or loose(caption) in loose_captions:
                score.captions_found += 1
            else:
                score.misses.append(("caption", caption))
        if credit:
            score.credits += 1
            if credit in got_credits or loose(credit) in loose_credits:
                score.credits_found += 1
            else:
                score.misses.append(("credit", credit))
    want_signoff, got_signoff = norm(label.get("signoff")), norm(document.signoff.text if document.signoff else None)
    score.signoff_ok = loose(want_signoff) == loose(got_signoff)
    if not score.signoff_ok:
        score.misses.append(("signoff", f"want {want_signoff!r} got {got_signoff!r}"))
    want_datelines = [loose(d) for d in label.get("datelines", [])]
    got_datelines = [loose(d.text) for d in document.datelines]
    score.datelines_ok = want_datelines == got_datelines
    if not score.datelines_ok:
        score.misses.append(("datelines", f"want {want_datelines} got {got_datelines}"))
    want_mentions = sorted(set(label.get("mentions", [])))
    got_mentions = sorted({m.agency for m in document.mentions})
    score.mentions_ok = want_mentions == got_mentions
    if not score.mentions_ok:
        score.misses.append(("mentions", f"want {want_mentions} got {got_mentions}"))
    labelled = {loose(f.get("caption")) for f in label["figures"]} | {loose(f.get("credit")) for f in label["figures"]}
    for figure in document.figures:
        if loose(figure.caption) not in labelled and (figure.credit is None or loose(figure.credit.text) not in labelled):
            score.extra_figures += 1
            score.misses.append(("extra", f"line {figure.line}: {figure.caption!r} / "
                                          f"{figure.credit.text if figure.credit else None!r}"))
    return score


def evaluate(pages: list[str] | None = None):
    from auditor.api import extract_file

    labels = load_labels()
    scores = []
    for stem, label in labels.items():
        if pages and stem not in pages:
            continue
        document = extract_file(str(CORPUS / label["page"]))
        scores.append((score_page(label, document), label, document))
    return scores


def main(argv: list[str]) -> int:
    verbose = "-v" in argv
    pages = [a.removesuffix(".html").removesuffix(".json") for a in argv if not a.startswith("-")]
    if not CORPUS.is_dir():
        print(f"corpus not found at {CORPUS}")
        return 1
    totals = [0, 0, 0, 0, 0]
    other = {"signoff": 0, "datelines": 0, "mentions": 0, "pages": 0}
    for score, label, document in evaluate(pages):
        totals[0] += score.captions
        totals[1] += score.captions_found
        totals[2] += score.credits
        totals[3] += score.credits_found
        totals[4] += score.extra_figures
        other["pages"] += 1
        other["signoff"] += score.signoff_ok
        other["datelines"] += score.datelines_ok
        other["mentions"] += score.mentions_ok
        bad = score.captions_found < score.captions or score.credits_found < score.credits or score.extra_figures \
            or not (score.signoff_ok and score.datelines_ok and score.mentions_ok)
        if bad or verbose:
            print(f"{score.page}: captions {score.captions_found}/{score.captions}, credits "
                  f"{score.credits_found}/{score.credits}, extra {score.extra_figures}")
            for kind, text in score.misses:
                print(f"    {kind}: {text[:150]}")
            if verbose or bad:
                for f in label["figures"]:
                    print(f"      want: cap={(f.get('caption') or '')[:90]!r} cred={f.get('credit')!r}")
                for f in document.figures:
                    print(f"      got L{f.line}: cap={(f.caption or '')[:90]!r} cred={(f.credit.text if f.credit else None)!r}")
    print(f"captions {totals[1]}/{totals[0]} = {totals[1] / max(totals[0], 1):.1%}; "
          f"credits {totals[3]}/{totals[2]} = {totals[3] / max(totals[2], 1):.1%}; extra figures {totals[4]}; "
          f"pages right: sign-off {other['signoff']}/{other['pages']}, datelines {other['datelines']}/{other['pages']}, "
          f"mentions {other['mentions']}/{other['pages']}")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(HERE.parent))
    raise SystemExit(main(sys.argv[1:]))
