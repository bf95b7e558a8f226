"""The rule engine: packs of YAML rules over a registry of rule kinds. No I/O beyond reading packs."""

from .base import KINDS, Context, Hit, Rule
from .engine import Engine
from .packs import RuleSet, load_ruleset, shipped_packs

__all__ = ["KINDS", "Context", "Engine", "Hit", "Rule", "RuleSet", "load_ruleset", "shipped_packs"]
