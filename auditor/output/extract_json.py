"""``auditor extract --format json``: ``{"schema": "auditor/extract-1", "documents": [...]}``.

Documents are written as they come, so a large run does not hold them all in memory.
"""

from __future__ import annotations

import json

from . import register_extract

SCHEMA_ID = "auditor/extract-1"


@register_extract("json")
class ExtractJsonWriter:
    def __init__(self, stream, color: bool = False):
        self.stream = stream
        self.count = 0

    def begin(self) -> None:
        self.stream.write(f'{{"schema": "{SCHEMA_ID}", "documents": [')

    def document(self, document) -> None:
        self.stream.write(",\n  " if self.count else "\n  ")
        self.stream.write(json.dumps(document.to_dict(), ensure_ascii=False))
        self.count += 1

    def end(self) -> None:
        self.stream.write("\n]}\n" if self.count else "]}\n")
