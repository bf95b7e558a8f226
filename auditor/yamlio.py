"""Safe YAML loading that remembers where every value came from.

Rule files and registries are data from strangers. They are read with PyYAML's safe composer only
(no Python tags), limited in size and in how far aliases may expand, and every mapping key and
value keeps its ``line:column`` so that schema errors can point at the spot.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from pathlib import Path

import jsonschema
import yaml

#: A rule file larger than this is refused before parsing.
MAX_YAML_BYTES = 1_000_000
#: Values produced by expanding the node graph; stops "billion laughs" alias bombs.
MAX_YAML_NODES = 200_000
# libyaml's composer when PyYAML was built with it (its wheels are), for the files auditor ships: the
# pure-Python composer took most of a CLI run's start (0.4 s for the shipped packs and registry). Not for
# users' files: libyaml accepts some YAML that PyYAML refuses (a tab as spacing, "|#note"), and refuses
# some it reads ("[Bild:]"), so a house pack's validity would depend on how PyYAML was installed.
# The shipped files read the same either way (tests/test_packs.py checks every one).
_FAST_COMPOSER = getattr(yaml, "CSafeLoader", None)


class DataFileError(Exception):
    """A data file (rule pack, registry, config) is unusable; the message says where and why."""

    def __init__(self, path: str, line: int | None, column: int | None, message: str):
        self.path, self.line, self.column, self.message = path, line, column, message
        where = path if line is None else f"{path}:{line}:{column or 1}"
        super().__init__(f"{where}: {message}")


Pointer = tuple  # a JSON path: ("rules", 3, "severity")


@dataclass
class Marked:
    """A loaded YAML document with the source position of every value and key."""

    data: object
    path: str
    positions: dict  # Pointer -> (line, column) of the value
    key_positions: dict  # Pointer -> (line, column) of the mapping key that names it

    def where(self, pointer: Pointer, key: bool = False) -> tuple[int | None, int | None]:
        """Line and column of the value at ``pointer`` (or of its key), or of its nearest parent."""
        table = self.key_positions if key else self.positions
        pointer = tuple(pointer)
        while pointer:
            if pointer in table:
                return table[pointer]
            if pointer in self.positions:
                return self.positions[pointer]
            pointer = pointer[:-1]
        return self.positions.get((), (1, 1))

    def error(self, pointer: Pointer, message: str, key: bool = False) -> DataFileError:
        line, column = self.where(pointer, key=key)
        return DataFileError(self.path, line, column, message)


class _Builder:
    """Turns a composed node graph into plain Python values, counting alias expansion."""

    def __init__(self, path: str):
        self.path = path
        self.positions: dict = {}
        self.key_positions: dict = {}
        self.count = 0
        self.constructor = yaml.SafeLoader("")  # only for scalar resolution (ints, bools, ...)

    def build(self, node, pointer: Pointer):
        self.count += 1
        if self.count > MAX_YAML_NODES:
            raise DataFileError(
                self.path, node.start_mark.line + 1, node.start_mark.column + 1,
                f"the file expands to more than {MAX_YAML_NODES} values (alias bomb?); "
                "write the values out instead of repeating anchors",
            )
        self.positions[pointer] = (node.start_mark.line + 1, node.start_mark.column + 1)
        if isinstance(node, yaml.MappingNode):
            result = {}
            for key_node, value_node in node.value:
                if key_node.tag == "tag:yaml.org,2002:merge":
                    raise DataFileError(self.path, key_node.start_mark.line + 1, key_node.start_mark.column + 1,
                                        "YAML merge keys ('<<') are not supported; write the keys out")
                key = self.constructor.construct_object(key_node)
                if not isinstance(key, (str, int, float, bool)) or key is None:
                    raise DataFileError(self.path, key_node.start_mark.line + 1, key_node.start_mark.column + 1,
                                        "mapping keys must be plain strings")
                key = str(key)
                if key in result:
                    raise DataFileError(self.path, key_node.start_mark.line + 1, key_node.start_mark.column + 1,
                                        f"duplicate key '{key}'")
                self.key_positions[pointer + (key,)] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
                result[key] = self.build(value_node, pointer + (key,))
            return result
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, pointer + (i,)) for i, item in enumerate(node.value)]
        value = self.constructor.construct_object(node)
        if isinstance(value, bool) and node.value.lower() not in ("true", "false"):
            # YAML 1.1 reads off/on/yes/no as booleans; rule authors mean the words ("severity: off").
            return node.value
        return value


def _compose(text: str, fast: bool):
    if fast and _FAST_COMPOSER is not None:
        try:
            return yaml.compose(text, Loader=_FAST_COMPOSER)
        except (yaml.YAMLError, UnicodeError):
            pass  # the pure-Python composer says what is wrong, as it always has
    return yaml.compose(text, Loader=yaml.SafeLoader)


def load_yaml(text: str | bytes, path: str, fast: bool = False) -> Marked:
    """Parse one YAML document safely; raise :class:`DataFileError` with a position on any problem.
    ``fast`` lets libyaml compose it: only for the files auditor ships."""
    if isinstance(text, bytes):
        if len(text) > MAX_YAML_BYTES:
            raise DataFileError(path, None, None,
                                f"file is {len(text):,} bytes, larger than the {MAX_YAML_BYTES:,}-byte limit "
                                "for rule and registry files; split it into several packs")
        try:
            text = text.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise DataFileError(path, None, None, f"not UTF-8 text ({exc.reason} at byte {exc.start}); "
                                "save the file as UTF-8") from None
    if len(text) > MAX_YAML_BYTES:
        raise DataFileError(path, None, None, f"file is larger than the {MAX_YAML_BYTES:,}-byte limit")
    try:
        node = _compose(text, fast)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (None, None)
        problem = exc.problem or exc.context or "invalid YAML"
        raise DataFileError(path, line, column, f"invalid YAML: {problem}") from None
    except yaml.YAMLError as exc:
        raise DataFileError(path, None, None, f"invalid YAML: {exc}") from None
    except RecursionError:
        raise DataFileError(path, None, None, "YAML nesting is too deep; is this really a rule file?") from None
    if node is None:
        return Marked({}, path, {(): (1, 1)}, {})
    builder = _Builder(path)
    try:
        data = builder.build(node, ())
    except yaml.constructor.ConstructorError as exc:
        mark = exc.problem_mark
        raise DataFileError(path, mark.line + 1 if mark else None, mark.column + 1 if mark else None,
                            f"unsupported YAML value: {exc.problem}") from None
    except RecursionError:
        raise DataFileError(path, None, None, "YAML nesting is too deep") from None
    return Marked(data, path, builder.positions, builder.key_positions)


def read_yaml_file(path: str | Path) -> Marked:
    """Read and parse a YAML file; unreadable files become :class:`DataFileError`."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_YAML_BYTES:
            raise DataFileError(str(path), None, None,
                                f"file is {size:,} bytes, larger than the {MAX_YAML_BYTES:,}-byte limit "
                                "for rule and registry files; split it into several packs")
        raw = path.read_bytes()
    except DataFileError:
        raise
    except OSError as exc:
        raise DataFileError(str(path), None, None, f"cannot read file: {exc.strerror or exc}") from None
    return load_yaml(raw, str(path), fast=_shipped(path))


def _shipped(path: Path) -> bool:
    from .resources import rules_dir

    try:
        return path.resolve().is_relative_to(rules_dir())
    except OSError:  # (rules_dir raises FileNotFoundError on a broken install)
        return False


def validate(marked: Marked, schema: dict, what: str) -> None:
    """Validate against a JSON Schema; the first error (in file order) becomes a positioned message."""
    validator = jsonschema.Draft202012Validator(schema)
    errors = list(validator.iter_errors(marked.data))
    if not errors:
        return
    errors.sort(key=lambda e: marked.where(tuple(e.absolute_path)))
    raise schema_error(marked, errors[0], what)


def schema_error(marked: Marked, error: jsonschema.ValidationError, what: str) -> DataFileError:
    """Turn a jsonschema error into a sentence a rule author can act on."""
    pointer = tuple(error.absolute_path)
    location = _describe(pointer)
    if error.validator == "additionalProperties":
        allowed = sorted((error.schema.get("properties") or {}).keys())
        extra = sorted(set(error.instance) - set(allowed)) if isinstance(error.instance, dict) else []
        if extra:
            key = extra[0]
            hint = did_you_mean(key, allowed)
            return marked.error(
                pointer + (key,),
                f"unknown key '{key}' in {location or what}{hint}; allowed keys: {', '.join(allowed)}",
                key=True,
            )
    if error.validator == "required":
        return marked.error(pointer, f"{location or what}: {error.message}")
    if error.validator == "enum":
        choices = ", ".join(repr(c) for c in error.validator_value)
        hint = did_you_mean(str(error.instance), [str(c) for c in error.validator_value])
        return marked.error(pointer, f"{location}: {error.instance!r} is not one of {choices}{hint}")
    if error.validator in ("oneOf", "anyOf") and error.context:
        best = min(error.context, key=lambda e: len(list(e.absolute_path)))
        return marked.error(pointer, f"{location}: {best.message}")
    return marked.error(pointer, f"{location or what}: {error.message}")


def did_you_mean(word: str, choices) -> str:
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""


def _describe(pointer: Pointer) -> str:
    parts = []
    for item in pointer:
        parts.append(f"[{item}]" if isinstance(item, int) else (f".{item}" if parts else str(item)))
    return "".join(parts)
