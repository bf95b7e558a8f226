"""The rule kinds, one small module each. Importing this package registers them in ``KINDS``."""

from . import chain, consistency, crossref, inputs, pattern, relevance, required, unique, vocabulary  # noqa: F401
