"""``auditor summarize RESULTS.jsonl``: who credits which agency, per host, from the JSONL that
``auditor check --format jsonl`` writes (one line per page).

Three tables: per host (pages, pictures, pictures without a credit, findings by rule), per host and
agency (pictures crediting the agency, and how many of those name no photographer, as in a bare
"AP Photo"), and per rule. Lines are read one at a time; memory grows with the number of hosts,
not of pages.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from .facts import agency_only


@dataclass
class HostTotals:
    pages: int = 0
    images: int = 0
    uncredited: int = 0
    findings: Counter = field(default_factory=Counter)
    agencies: Counter = field(default_factory=Counter)  # pictures crediting each agency
    agency_only: Counter = field(default_factory=Counter)  # ... with no photographer named
    signoff: Counter = field(default_factory=Counter)  # pages whose sign-off or dateline names it
    mentioned: Counter = field(default_factory=Counter)  # pages whose text names it


@dataclass
class CreditSummary:
    hosts: dict[str, HostTotals] = field(default_factory=lambda: defaultdict(HostTotals))
    rules: Counter = field(default_factory=Counter)
    rule_pages: Counter = field(default_factory=Counter)
    pages: int = 0
    skipped: list[str] = field(default_factory=list)  # "file:line: why" for lines that are not pages

    def add(self, page: dict) -> None:
        host = page.get("host") or "(no host)"
        totals = self.hosts[host]
        self.pages += 1
        totals.pages += 1
        for figure in page.get("figures") or []:
            if figure.get("media") == "video":
                continue  # a video's poster is credited with the video, not as a photo
            totals.images += 1
            if not figure.get("credit"):
                totals.uncredited += 1
            for agency in figure.get("agencies") or []:
                totals.agencies[agency] += 1
                if agency_only(figure):
                    totals.agency_only[agency] += 1
        cited = set((page.get("signoff") or {}).get("agencies") or [])
        cited.update(d["agency"] for d in page.get("datelines") or [] if d.get("agency"))
        totals.signoff.update(cited)
        totals.mentioned.update(set(page.get("mentions") or []))
        rules = Counter(f["rule"] for f in page.get("findings") or [])
        totals.findings.update(rules)
        self.rules.update(rules)
        self.rule_pages.update(rules.keys())

    def to_dict(self) -> dict:
        return {
            "pages": self.pages,
            "hosts": {host: {"pages": t.pages, "images": t.images, "uncredited": t.uncredited,
                             "agencies": dict(t.agencies), "agency_only": dict(t.agency_only),
                             "signoff": dict(t.signoff), "mentioned": dict(t.mentioned),
                             "findings": dict(t.findings)}
                      for host, t in sorted(self.hosts.items())},
            "rules": {rule: {"findings": count, "pages": self.rule_pages[rule]}
                      for rule, count in self.rules.most_common()},
            "skipped": self.skipped,
        }


def summarize(lines: Iterable[tuple[str, int, str]], agency: str | None = None) -> CreditSummary:
    """Aggregate ``(file, line number, text)`` JSONL lines; ``agency`` keeps only pages that credit,
    cite or mention it (canonical name, any case)."""
    summary = CreditSummary()
    wanted = agency.casefold() if agency else None
    for source, number, text in lines:
        if not text.strip():
            continue
        try:
            page = json.loads(text)
        except ValueError:
            summary.skipped.append(f"{source}:{number}: not a JSON line")
            continue
        if not isinstance(page, dict) or not str(page.get("schema", "")).startswith("auditor/page-"):
            summary.skipped.append(f"{source}:{number}: not a page of 'auditor check --format jsonl'")
            continue
        if wanted and wanted not in _agencies_of(page):
            continue
        summary.add(page)
    return summary


def _agencies_of(page: dict) -> set[str]:
    names = {a for f in page.get("figures") or [] for a in f.get("agencies") or []}
    names.update((page.get("signoff") or {}).get("agencies") or [])
    names.update(d["agency"] for d in page.get("datelines") or [] if d.get("agency"))
    names.update(page.get("mentions") or [])
    return {n.casefold() for n in names}


def tables(summary: CreditSummary, top: int = 20, agency: str | None = None) -> list[tuple[str, list[str], list[list]]]:
    """``(title, headers, rows)`` for the three tables, the largest first; ``top`` rows each (0: all)."""
    def cut(rows):
        return rows[:top] if top else rows

    hosts = sorted(summary.hosts.items(), key=lambda kv: (-kv[1].pages, kv[0]))
    host_rows = [[host, t.pages, t.images, t.uncredited,
                  ", ".join(f"{rule} {n}" for rule, n in t.findings.most_common(3))] for host, t in hosts]
    pairs = []
    for host, t in summary.hosts.items():
        for name in set(t.agencies) | set(t.signoff) | set(t.mentioned):
            if agency and name.casefold() != agency.casefold():
                continue
            pairs.append([host, name, t.agencies[name], t.agency_only[name], t.signoff[name], t.mentioned[name]])
    pairs.sort(key=lambda row: (-row[2], -row[4], row[0], row[1]))
    rule_rows = [[rule, count, summary.rule_pages[rule]] for rule, count in summary.rules.most_common()]
    return [
        ("hosts", ["host", "pages", "images", "no credit", "top findings"], cut(host_rows)),
        ("agencies by host", ["host", "agency", "images crediting", "of those, no photographer",
                              "pages citing (sign-off, dateline)", "pages naming (text)"], cut(pairs)),
        ("findings by rule", ["rule", "findings", "pages"], cut(rule_rows)),
    ]


def sentences(summary: CreditSummary, agency: str, top: int = 10) -> list[str]:
    """For one agency, a line per host in words: "host X: 1,204 of 1,530 images credit AP (12 without a
    photographer); 37 images have no credit"."""
    out = []
    key = agency.casefold()
    hosts = sorted(summary.hosts.items(),
                   key=lambda kv: (-max((n for a, n in kv[1].agencies.items() if a.casefold() == key), default=0), kv[0]))
    for host, t in hosts[:top] if top else hosts:
        name = next((a for a in t.agencies if a.casefold() == key), agency)
        out.append(f"{host}: {t.agencies[name]:,} of {t.images:,} image{'s' if t.images != 1 else ''} credit {name} "
                   f"({t.agency_only[name]:,} without a photographer); {t.uncredited:,} have no credit")
    return out
