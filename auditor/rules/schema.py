"""Write the rule-pack JSON Schema generated from the registered kinds: ``python -m auditor.rules.schema``."""

import json
from pathlib import Path

from .packs import pack_schema

TARGET = Path(__file__).resolve().parent.parent / "schemas" / "pack-1.json"

if __name__ == "__main__":
    TARGET.write_text(json.dumps(pack_schema(), indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {TARGET}")
