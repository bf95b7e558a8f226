"""``--format sarif``: SARIF 2.1.0 for GitHub code scanning and other static-analysis dashboards.

Results are written as files are checked (the ``results`` array comes before ``tool`` in the
object, which JSON allows), so a large run does not hold them in memory.
"""

from __future__ import annotations

import json
import os
from urllib.parse import quote

from .. import __version__
from . import register_report
from ._common import (
    FINGERPRINT_NAME,
    Occurrences,
    fingerprint,
    is_record,
    relative_path,
    repository_root,
    rule_text,
)

LEVELS = {"error": "error", "warning": "warning", "suggestion": "note"}
SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
#: GitHub code scanning reads at most this many results per run.
MAX_RESULTS = 25_000
HELP_URI = "https://github.com/auditor-news/auditor#rule-ids"


@register_report("sarif")
class SarifWriter:
    def __init__(self, stream, ruleset=None, color: bool = False, fail_on: str = "error"):
        self.stream = stream
        self.ruleset = ruleset
        self.count = 0
        self.occurrences = Occurrences()
        self.rule_index = {rule.id: i for i, rule in enumerate(ruleset.rules)} if ruleset else {}
        self.root = repository_root()
        self.dropped = 0

    def begin(self) -> None:
        self.stream.write(f'{{"$schema": "{SCHEMA_URI}", "version": "2.1.0", "runs": [{{"results": [')

    def _location(self, path: str) -> dict:
        """A percent-encoded URI reference relative to the repository root (``%SRCROOT%``); a file
        outside it gets an absolute ``file:`` URI, standard input the name ``stdin``."""
        if path == "-":
            return {"uri": "stdin"}
        relative = relative_path(path, self.root)
        if relative is None:
            return {"uri": "file://" + quote(os.path.abspath(path).replace(os.sep, "/"), safe="/")}
        return {"uri": quote(relative, safe="/"), "uriBaseId": "%SRCROOT%"}

    def file(self, report) -> None:
        record = is_record(report)
        if record:
            # an archive record: the archive is the artifact; the record's offset and URL are properties
            archive, offset = report.path.rsplit("#", 1)
            location = self._location(archive)
            uri = location["uri"] + "#" + offset  # fingerprints tell the records of one archive apart
        else:
            location = self._location(report.path)
            uri = location["uri"]
        for finding in report.findings:
            if self.count >= MAX_RESULTS:
                self.dropped += 1
                continue
            region = {"startLine": finding.line or 1}
            if finding.column:
                region["startColumn"] = finding.column
            result = {
                "ruleId": finding.rule,
                "level": LEVELS[finding.severity],
                "message": {"text": finding.message + (f" (fix: {finding.fix})" if finding.fix else "")},
                "locations": [{"physicalLocation": {"artifactLocation": location, "region": region}}],
                "partialFingerprints": {FINGERPRINT_NAME: fingerprint(uri, finding, self.occurrences(uri, finding))},
            }
            if finding.rule in self.rule_index:
                result["ruleIndex"] = self.rule_index[finding.rule]
            if finding.figure:
                result["properties"] = {"figure": finding.figure}
            if record:
                result.setdefault("properties", {}).update(recordOffset=int(offset))
                if report.url:
                    result["properties"]["url"] = report.url
            if finding.edit and finding.edit.get("locations"):
                # SARIF fixes: what `auditor check --fix` would write, for tools that apply them
                result["fixes"] = [{
                    "description": {"text": finding.fix or f"write '{finding.edit['new']}'"},
                    "artifactChanges": [{"artifactLocation": location, "replacements": [
                        {"deletedRegion": {"startLine": at["line"], "startColumn": at["column"],
                                           "endColumn": at["end_column"]},
                         "insertedContent": {"text": finding.edit["new"]}}
                        for at in finding.edit["locations"]]}],
                }]
            self.stream.write((",\n" if self.count else "\n") + json.dumps(result, ensure_ascii=False))
            self.count += 1

    def end(self, summary) -> None:
        rules = []
        for rule in self.ruleset.rules if self.ruleset else []:
            severity = rule.spec.get("severity", "warning")
            description = rule_text(self.ruleset, rule.id, "description") or rule.id
            rationale = rule_text(self.ruleset, rule.id, "rationale")
            help_text = f"{description}\n\nWhy: {rationale}\n\nSee: auditor explain {rule.id}" if rationale else description
            rules.append({
                "id": rule.id,
                "name": "".join(part.capitalize() for part in rule.id.split("-")),
                "shortDescription": {"text": description.split(". ")[0].rstrip(".") + "."},
                "fullDescription": {"text": description},
                "help": {"text": help_text, "markdown": help_text.replace("\n\n", "\n\n")},
                "helpUri": HELP_URI,
                "defaultConfiguration": {"level": LEVELS.get(severity, "none") if severity != "off" else "none",
                                         "enabled": severity != "off"},
                "properties": {"tags": ["credits", rule.kind]},
            })
        tool = {"driver": {"name": "auditor", "version": __version__, "semanticVersion": __version__,
                           "informationUri": "https://github.com/auditor-news/auditor", "rules": rules}}
        run = {
            "tool": tool,
            # one category per tool: a later run that checks only changed files does not close
            # the alerts of files it did not look at
            "automationDetails": {"id": "auditor/"},
            "originalUriBaseIds": {"%SRCROOT%": {"uri": "file://" + quote(self.root.replace(os.sep, "/").rstrip("/")
                                                                           + "/", safe="/")}},
        }
        if self.dropped:
            run["invocations"] = [{"executionSuccessful": True, "toolExecutionNotifications": [{
                "level": "warning",
                "message": {"text": f"{self.dropped} more results were left out: GitHub reads at most "
                                    f"{MAX_RESULTS:,} per run; see the JSON report for all of them"}}]}]
        body = json.dumps(run, ensure_ascii=False)
        self.stream.write("\n], " + body[1:] + "]}\n")
