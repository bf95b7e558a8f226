"""``--format sarif``: SARIF 2.1.0 for GitHub code scanning and other static-analysis dashboards.

Results are written as files are checked (the ``results`` array comes before ``tool`` in the
object, which JSON allows), so a large run does not hold them in memory.
"""

from __future__ import annotations

import json

from .. import __version__
from . import register_report
from ._common import Occurrences, fingerprint, rule_text

LEVELS = {"error": "error", "warning": "warning", "suggestion": "note"}
SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"


@register_report("sarif")
class SarifWriter:
    def __init__(self, stream, ruleset=None, color: bool = False, fail_on: str = "error"):
        self.stream = stream
        self.ruleset = ruleset
        self.count = 0
        self.occurrences = Occurrences()
        self.rule_index = {rule.id: i for i, rule in enumerate(ruleset.rules)} if ruleset else {}

    def begin(self) -> None:
        self.stream.write(f'{{"$schema": "{SCHEMA_URI}", "version": "2.1.0", "runs": [{{"results": [')

    def file(self, report) -> None:
        uri = report.path.replace("\\", "/").removeprefix("./")
        for finding in report.findings:
            region = {"startLine": finding.line or 1}
            if finding.column:
                region["startColumn"] = finding.column
            result = {
                "ruleId": finding.rule,
                "level": LEVELS[finding.severity],
                "message": {"text": finding.message + (f" (fix: {finding.fix})" if finding.fix else "")},
                "locations": [{"physicalLocation": {"artifactLocation": {"uri": uri}, "region": region}}],
                "partialFingerprints": {"auditor/v1": fingerprint(uri, finding, self.occurrences(uri, finding))},
            }
            if finding.rule in self.rule_index:
                result["ruleIndex"] = self.rule_index[finding.rule]
            if finding.figure:
                result["properties"] = {"figure": finding.figure}
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
                "defaultConfiguration": {"level": LEVELS.get(severity, "none") if severity != "off" else "none",
                                         "enabled": severity != "off"},
                "properties": {"tags": ["credits", rule.kind]},
            })
        tool = {"driver": {"name": "auditor", "version": __version__, "semanticVersion": __version__,
                           "informationUri": "https://github.com/auditor-news/auditor", "rules": rules}}
        self.stream.write("\n], " + '"tool": ' + json.dumps(tool, ensure_ascii=False) + "}]}\n")
