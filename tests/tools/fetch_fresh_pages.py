"""Fetch the "fresh" evaluation pages: real article pages from newspaper4k's test data on PyPI.

    python tests/tools/fetch_fresh_pages.py [DIR]

The pages are not in this repository (they are other people's pages) and not in the shared corpora;
``pip download`` fetches the newspaper4k source release from the package registry and this script
unpacks the labelled pages (``tests/corpus_labels/n4kf-*.json``) into DIR, by default
``tests/.cache/newspaper4k``, where ``tests/corpus_eval.py`` looks for them.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent
RELEASE = "newspaper4k==0.9.6"
PREFIX = "n4kf-"  # page file names: the prefix, then the name in newspaper4k's tests/data/html/


def wanted_pages() -> list[str]:
    names = []
    for path in sorted((HERE / "corpus_labels").glob(f"{PREFIX}*.json")):
        label = json.loads(path.read_text(encoding="utf-8"))
        if label.get("corpus") == "newspaper4k":
            names.append(label["page"])
    return names


def main(argv: list[str]) -> int:
    target = Path(argv[0]) if argv else HERE / ".cache" / "newspaper4k"
    pages = wanted_pages()
    missing = [p for p in pages if not (target / p).is_file()]
    if not missing:
        print(f"all {len(pages)} pages already in {target}")
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        done = subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "--no-binary", ":all:",
                               "--quiet", "--dest", tmp, RELEASE], check=False)
        if done.returncode != 0:
            print(f"cannot download {RELEASE} from the package registry", file=sys.stderr)
            return 1
        archive = next(Path(tmp).glob("newspaper4k-*.tar.gz"), None)
        if archive is None:
            print(f"the download of {RELEASE} holds no source archive", file=sys.stderr)
            return 1
        target.mkdir(parents=True, exist_ok=True)
        with tarfile.open(archive) as tar:
            members = {Path(m.name).name: m for m in tar.getmembers()
                       if m.isfile() and "/tests/data/html/" in m.name}
            for page in missing:
                member = members.get(page.removeprefix(PREFIX))
                if member is None:
                    print(f"{page}: not in {RELEASE}", file=sys.stderr)
                    continue
                source = tar.extractfile(member)
                (target / page).write_bytes(source.read() if source else b"")
    print(f"{len(pages)} pages in {target}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
