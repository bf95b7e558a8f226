"""auditor: check image captions, photo credits, agency sign-offs and agency mentions in article HTML.

The flow runs one way: :mod:`auditor.loader` and :mod:`auditor.archive` (files, web archives,
encodings) -> :mod:`auditor.extract` (HTML to the plain data model in :mod:`auditor.model`) -> rules
-> :mod:`auditor.output` (report formats).
"""

from __future__ import annotations

__version__ = "0.1.0"

from .api import build_ruleset, check_archive, check_html, check_paths, extract_html  # noqa: E402

__all__ = ["__version__", "build_ruleset", "check_archive", "check_html", "check_paths", "extract_html"]
