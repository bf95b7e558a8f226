"""Rule packs: YAML files of house settings and rules, validated strictly, merged through ``extends``.

A pack names other packs in ``extends`` (shipped packs by name, others by path relative to the
pack). Later packs override earlier ones: settings key by key, rules by ``id`` (a house pack can
write just ``- {id: caption-unmatched, severity: off}``), agencies by name.
"""

from __future__ import annotations

import string
from dataclasses import dataclass, field
from pathlib import Path

import jsonschema

from ..registry import AgencyRegistry, default_registry
from ..resources import rules_dir, schema
from ..yamlio import DataFileError, Marked, did_you_mean, read_yaml_file, validate
from . import kinds as _kinds  # noqa: F401 - registers the rule kinds
from .base import KINDS, Context, Rule, RuleError

COMMON_KEYS = ("id", "kind", "severity", "message", "description", "rationale", "examples")
SEVERITIES = ("error", "warning", "suggestion", "off")
#: House facts rules read. Chain rules may name further settings of their own.
KNOWN_SETTINGS = {
    "wire_suppliers": "agencies whose copy the house buys: the text citing them asks for them in the sign-off",
    "licensed_sources": "sources (agencies, distributors, the house itself) the house licenses pictures from",
    "unlicensed_sources": "sources that must never appear in a credit (social networks, search engines)",
    "credit_prefixes": "the credit prefixes house style allows (documentation for credit-format)",
    "signoff_required": "stories with wire copy must end with a sign-off",
}
COMMON_PLACEHOLDERS = ("rule", "severity")


@dataclass
class RuleSource:
    """Where a rule was last defined, for messages about it."""

    path: str
    line: int | None
    column: int | None


@dataclass
class RuleSet:
    """The active rules, in definition order, with the settings and registry they read."""

    rules: list[Rule] = field(default_factory=list)
    settings: dict = field(default_factory=dict)
    registry: AgencyRegistry | None = None
    packs: list[str] = field(default_factory=list)
    sources: dict[str, RuleSource] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    sites: object = None  # the SiteProfiles extraction applies (auditor.sites), or None

    def get(self, rule_id: str) -> Rule | None:
        return next((r for r in self.rules if r.id == rule_id), None)


def shipped_packs() -> list[str]:
    return sorted(p.stem for p in rules_dir().glob("*.yaml") if p.stem != "agencies")


def resolve_pack(reference: str, relative_to: Path | None = None) -> Path:
    """A pack by shipped name (``dw``) or by path (``house/rules.yaml``)."""
    looks_like_path = reference.endswith((".yaml", ".yml")) or "/" in reference or "\\" in reference
    if looks_like_path:
        path = Path(reference)
        if not path.is_absolute() and relative_to is not None and not path.exists():
            path = relative_to / path
        return path
    path = rules_dir() / f"{reference}.yaml"
    if reference == "agencies" or not path.exists():
        raise FileNotFoundError(reference)
    return path


def load_ruleset(references: list[str], overrides: dict | None = None, agencies_files: list[str] = (),
                 config_path: str | None = None, house_settings: dict | None = None) -> RuleSet:
    """Load packs (names or paths) in order, then apply per-rule severity ``overrides`` and the
    config's ``house_settings`` (from its ``overrides:`` entries) over the packs' settings.

    Raises :class:`DataFileError` with ``path:line:col`` for any problem in any file.
    """
    merged_specs: dict[str, dict] = {}
    sources: dict[str, RuleSource] = {}
    marks: dict[str, tuple[Marked, tuple]] = {}
    pack_marks: list[Marked] = []
    settings: dict = {}
    registry = default_registry()
    loaded: list[str] = []
    for reference in references:
        try:
            path = resolve_pack(reference, Path(config_path).parent if config_path else None)
        except FileNotFoundError:
            raise DataFileError(config_path or "<command line>", None, None,
                                f"no rule pack '{reference}'{did_you_mean(reference, shipped_packs())}; "
                                f"shipped packs: {', '.join(shipped_packs())}, or give a path to a .yaml file"
                                ) from None
        registry = _load_pack(path, merged_specs, sources, marks, settings, registry, loaded, pack_marks, stack=())
    for path in agencies_files:
        registry = AgencyRegistry.load(path) if registry is default_registry() else \
            AgencyRegistry.from_marked(read_yaml_file(path), base=registry)
    for name in house_settings or {}:
        if name not in KNOWN_SETTINGS and name not in settings:
            known = sorted({*KNOWN_SETTINGS, *settings})
            raise DataFileError(config_path or "<command line>", None, None,
                                f"overrides: unknown setting '{name}'{did_you_mean(name, known)}; "
                                f"settings: {', '.join(known)}")
    settings.update(house_settings or {})
    for rule_id, severity in (overrides or {}).items():
        if rule_id not in merged_specs:
            raise DataFileError(config_path or "<command line>", None, None,
                                f"no rule '{rule_id}' to set to {severity}{did_you_mean(rule_id, merged_specs)}")
        merged_specs[rule_id]["severity"] = severity
    ruleset = RuleSet(settings=settings, registry=registry, packs=loaded, sources=sources)
    context = Context(settings, registry)
    _check_settings(settings, merged_specs, pack_marks)
    for rule_id, spec in merged_specs.items():
        marked, pointer = marks[rule_id]
        if "kind" not in spec:
            raise marked.error(pointer, f"rule '{rule_id}' has no kind and extends no rule of that id; "
                                        f"add 'kind:' ({', '.join(sorted(KINDS))})")
        _validate_rule(spec, marked, pointer)
        try:
            rule = KINDS[spec["kind"]](spec, context)
        except RuleError as exc:
            raise marked.error(pointer + exc.pointer, f"rule '{rule_id}': {exc}") from None
        _check_message(rule, marked, pointer)
        for condition in spec.get("when", ()):
            if condition.startswith("setting:") and condition.split(":", 1)[1] not in settings:
                line, column = marked.where(pointer + ("when",))
                ruleset.warnings.append(f"{marked.path}:{line}:{column}: warning: rule '{rule_id}' can never fire: "
                                        f"setting '{condition.split(':', 1)[1]}' is not defined")
        ruleset.rules.append(rule)
    return ruleset


def _load_pack(path: Path, specs, sources, marks, settings, registry, loaded, pack_marks, stack) -> AgencyRegistry:
    key = str(path.resolve())
    if key in stack:
        raise DataFileError(str(path), None, None, "the pack extends itself (directly or through others)")
    if key in pack_keys(pack_marks):
        return registry  # already loaded through another pack: its rules are in place
    marked = read_yaml_file(path)
    if not isinstance(marked.data, dict):
        raise DataFileError(str(path), 1, 1, "a rule pack is a mapping with 'name' and 'rules'")
    validate(marked, schema("pack-1"), "rule pack")
    data = marked.data
    extends = data.get("extends", [])
    for index, parent in enumerate([extends] if isinstance(extends, str) else extends):
        try:
            parent_path = resolve_pack(parent, path.parent)
        except FileNotFoundError:
            raise marked.error(("extends", index) if not isinstance(extends, str) else ("extends",),
                               f"no rule pack '{parent}'{did_you_mean(parent, shipped_packs())}") from None
        if not parent_path.exists():
            raise marked.error(("extends",), f"cannot find the pack '{parent}' (looked at {parent_path})")
        registry = _load_pack(parent_path, specs, sources, marks, settings, registry, loaded, pack_marks,
                              stack + (key,))
    if data.get("agencies"):
        # The pack's own positions still point at the right lines: the sub-document has the same keys.
        sub = Marked({"agencies": data["agencies"]}, marked.path, marked.positions, marked.key_positions)
        registry = AgencyRegistry.from_marked(sub, base=registry)
    settings.update(data.get("settings") or {})
    for index, rule in enumerate(data.get("rules") or []):
        rule_id = rule["id"]
        pointer = ("rules", index)
        if rule_id in specs and rule.get("kind", specs[rule_id].get("kind")) == specs[rule_id].get("kind"):
            specs[rule_id] = {**specs[rule_id], **rule}  # tune the inherited rule
        else:
            specs[rule_id] = dict(rule)
        marks[rule_id] = (marked, pointer)
        line, column = marked.where(pointer)
        sources[rule_id] = RuleSource(marked.path, line, column)
    loaded.append(data.get("name") or path.stem)
    pack_marks.append(marked)
    return registry


def pack_keys(pack_marks: list[Marked]) -> set[str]:
    return {str(Path(m.path).resolve()) for m in pack_marks}


def _validate_rule(spec: dict, marked: Marked, pointer: tuple) -> None:
    kind = KINDS.get(spec["kind"])
    if kind is None:
        raise marked.error(pointer + ("kind",), f"unknown rule kind '{spec['kind']}'"
                                                f"{did_you_mean(spec['kind'], KINDS)}; kinds: {', '.join(sorted(KINDS))}")
    allowed = set(COMMON_KEYS) | set(kind.options)
    for key in spec:
        if key not in allowed:
            raise marked.error(pointer + (key,), f"unknown key '{key}' for a {kind.kind} rule"
                                                 f"{did_you_mean(key, allowed)}; allowed: {', '.join(sorted(allowed))}",
                               key=True)
    for key in kind.required:
        if key not in spec:
            raise marked.error(pointer, f"rule '{spec['id']}' ({kind.kind}) needs '{key}'")
    option_schema = {"type": "object", "properties": kind.options}
    errors = sorted(jsonschema.Draft202012Validator(option_schema).iter_errors(spec),
                    key=lambda e: list(e.absolute_path))
    if errors:
        error = errors[0]
        raise marked.error(pointer + tuple(error.absolute_path),
                           f"rule '{spec['id']}': {'.'.join(map(str, error.absolute_path))}: {error.message}")


def _check_message(rule: Rule, marked: Marked, pointer: tuple) -> None:
    allowed = set(rule.placeholders) | set(COMMON_PLACEHOLDERS)
    try:
        parsed = list(string.Formatter().parse(rule.spec.get("message", "")))
    except ValueError as exc:
        raise marked.error(pointer + ("message",), f"rule '{rule.id}': bad message template: {exc}") from None
    for _, name, spec, conversion in parsed:
        if name is None:
            continue
        if name not in allowed:
            raise marked.error(pointer + ("message",),
                               f"rule '{rule.id}': the message uses {{{name}}}{did_you_mean(name, allowed)}; "
                               f"a {rule.kind} rule offers {', '.join('{' + p + '}' for p in sorted(allowed))}")
        if conversion or (spec and not spec.isdigit()):
            raise marked.error(pointer + ("message",), f"rule '{rule.id}': only plain {{name}} placeholders "
                                                       "are allowed in messages")


def _check_settings(settings: dict, specs: dict, pack_marks: list[Marked]) -> None:
    referenced = set(KNOWN_SETTINGS)
    for spec in specs.values():
        for key in ("last_in", "forbid"):
            if isinstance(spec.get(key), str):
                referenced.add(spec[key])
        for condition in spec.get("when", ()):
            if condition.startswith("setting:"):
                referenced.add(condition.split(":", 1)[1])
    unknown = [name for name in settings if name not in referenced]
    if unknown:
        name = unknown[0]
        marked = next((m for m in reversed(pack_marks) if name in (m.data.get("settings") or {})), None)
        if marked is not None:
            raise marked.error(("settings", name), f"unknown setting '{name}'{did_you_mean(name, referenced)}; "
                                                   f"settings: {', '.join(sorted(KNOWN_SETTINGS))} "
                                                   "(or a name a chain rule refers to)", key=True)


def pack_schema() -> dict:
    """The JSON Schema of rule packs, built from the registered kinds (shipped as ``pack-1.json``)."""
    agency = schema("agencies-1")["$defs"]["agency"]
    examples = {"oneOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}]}
    common = {
        "id": {"type": "string", "pattern": "^[a-z][a-z0-9-]*$", "description": "stable rule id"},
        "kind": {"enum": sorted(KINDS)},
        "severity": {"enum": list(SEVERITIES)},
        "message": {"type": "string", "description": "template over the kind's placeholders, e.g. {agency}"},
        "description": {"type": "string"},
        "rationale": {"type": "string"},
        "examples": {"type": "object", "additionalProperties": False,
                     "properties": {"good": examples, "bad": examples}},
    }
    branches = []
    for name in sorted(KINDS):
        kind = KINDS[name]
        branches.append({
            "if": {"properties": {"kind": {"const": name}}, "required": ["kind"]},
            "then": {"properties": {**common, **kind.options}, "additionalProperties": False,
                     "required": list(kind.required)},
        })
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://auditor.invalid/schemas/pack-1.json",
        "title": "auditor rule pack",
        "description": "House settings and rules (rules/*.yaml). Generated from the registered rule kinds "
                       "by `python -m auditor.rules.schema`.",
        "type": "object",
        "additionalProperties": False,
        "required": ["name"],
        "properties": {
            "name": {"type": "string", "pattern": "^[A-Za-z0-9][A-Za-z0-9_.-]*$"},
            "description": {"type": "string"},
            "extends": {"oneOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}]},
            "agencies": {"type": "array", "items": agency},
            "settings": {
                "type": "object",
                "properties": {
                    "wire_suppliers": {"type": "array", "items": {"type": "string"}},
                    "licensed_sources": {"type": "array", "items": {"type": "string"}},
                    "unlicensed_sources": {"type": "array", "items": {"type": "string"}},
                    "credit_prefixes": {"type": "array", "items": {"type": "string"}},
                    "signoff_required": {"type": "boolean"},
                },
                "additionalProperties": {"oneOf": [{"type": "array", "items": {"type": "string"}},
                                                   {"type": "boolean"}]},
            },
            "rules": {
                "type": "array",
                "items": {"type": "object", "required": ["id"], "properties": common, "allOf": branches},
            },
        },
    }
