"""Rule packs and config files: loading, extending, strict validation, hostile input."""

from __future__ import annotations

import time

import pytest
import yaml

from auditor.api import build_ruleset
from auditor.config import find_config, load_config
from auditor.rules import shipped_packs
from auditor.rules.examples import run_examples
from auditor.yamlio import DataFileError, load_yaml

RULE_IDS = {"caption-missing", "credit-missing", "alt-missing", "credit-format", "credit-inconsistent",
            "credit-unlicensed", "credit-structured-mismatch", "agency-alias", "signoff-missing", "signoff-format",
            "signoff-uncited-agency", "signoff-unused-agency", "dateline-signoff-mismatch", "caption-unmatched",
            "caption-duplicate", "input-unreadable", "input-encoding", "input-no-article", "figures-unread"}


@pytest.mark.parametrize("name", ["default", "dw", "ap", "reuters"])
def test_shipped_packs_load_with_every_rule_id(name):
    ruleset = build_ruleset([name])
    assert {rule.id for rule in ruleset.rules} == RULE_IDS
    assert ruleset.warnings == []
    for rule in ruleset.rules:
        assert rule.spec.get("description"), rule.id
        assert rule.spec.get("rationale"), rule.id


def test_shipped_pack_names():
    assert {"default", "dw", "ap", "reuters"} <= set(shipped_packs())


@pytest.mark.parametrize("name", ["default", "dw", "ap", "reuters"])
def test_rule_examples(name):
    """Every rule's `examples` run as tests: bad snippets fire, good ones do not."""
    results = run_examples(build_ruleset([name]))
    failures = [(r.rule, r.label) for r in results if not r.ok]
    assert failures == []
    with_examples = {r.rule for r in results}
    assert RULE_IDS - with_examples <= {"input-unreadable", "signoff-missing"}


def test_pack_schema_file_is_current():
    import json

    from auditor.resources import schema
    from auditor.rules.packs import pack_schema

    assert schema("pack-1") == json.loads(json.dumps(pack_schema())), "run python -m auditor.rules.schema"


def write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def load_error(tmp_path, text) -> DataFileError:
    with pytest.raises(DataFileError) as error:
        build_ruleset([write(tmp_path, "house.yaml", text)])
    return error.value


def test_house_pack_extends_and_tunes(tmp_path):
    path = write(tmp_path, "house.yaml", "name: house\nextends: dw\nrules:\n"
                 "  - id: caption-unmatched\n    severity: off\n"
                 "  - id: credit-missing\n    message: 'Bild {figure} ohne Quelle'\n")
    ruleset = build_ruleset([path])
    assert ruleset.packs == ["default", "dw", "house"]
    assert ruleset.get("caption-unmatched").spec["severity"] == "off"
    assert ruleset.get("credit-missing").spec["message"] == "Bild {figure} ohne Quelle"
    assert ruleset.get("credit-missing").spec["kind"] == "required"
    assert ruleset.settings["signoff_required"] is True


@pytest.mark.parametrize("text, line, words", [
    ("name: h\nrules:\n  - id: x\n    kind: requird\n    field: figure.caption\n", 4, "did you mean 'required'"),
    ("name: h\nrules:\n  - id: x\n    kind: required\n    fild: figure.caption\n", 5, "did you mean 'field'"),
    ("name: h\nrulez: []\n", 2, "did you mean 'rules'"),
    ("name: h\nrules:\n  - id: x\n    kind: required\n    field: figure.captoin\n", 5, "did you mean 'figure.caption'"),
    ("name: h\nrules:\n  - id: x\n    kind: required\n    field: figure.caption\n    message: '{captoin}'\n", 6,
     "did you mean 'caption'"),
    ("name: h\nrules:\n  - id: x\n    kind: required\n    field: figure.caption\n    severity: fatal\n", 6,
     "not one of"),
    ("name: h\nrules:\n  - id: x\n    kind: forbidden\n    field: figure.caption\n    pattern: '(unclosed'\n", 6,
     "invalid regular expression"),
    ("name: h\nsettings:\n  wire_supplier: [AP]\n", 3, "did you mean 'wire_suppliers'"),
    ("name: h\nextends: dww\n", 2, "did you mean 'dw'"),
    ("name: h\nrules:\n  - id: x\n    field: figure.caption\n", 3, "has no kind"),
    ("name: h\nrules:\n  - id: x\n    kind: chain\n    last_in: house_list\n", 5, "does not define"),
    ("name: [oops\n", 2, "invalid YAML"),
])
def test_bad_packs_say_where_and_what(tmp_path, text, line, words):
    error = load_error(tmp_path, text)
    assert error.line == line, str(error)
    assert words in str(error)
    assert str(error).startswith(str(tmp_path / "house.yaml") + f":{line}:")


def test_a_house_file_reads_as_pyyaml_reads_it():
    # libyaml refuses a plain scalar ending in ':' inside a flow list, which PyYAML reads (as a one-key
    # mapping, which the schema then reports), and accepts a tab as spacing, which PyYAML refuses
    text = "name: h\nsettings:\n  credit_prefixes: [Bild:, 'Foto:']\n"
    marked = load_yaml(text, "house.yaml")
    assert marked.data == yaml.load(text, Loader=yaml.SafeLoader)
    assert marked.data["settings"]["credit_prefixes"] == [{"Bild": None}, "Foto:"]
    assert marked.where(("settings", "credit_prefixes", 1)) == (3, 28)
    with pytest.raises(DataFileError, match="invalid YAML"):
        load_yaml("name: Foo\t\n", "house.yaml")


def test_yaml_nested_thousands_deep_is_an_error_with_the_file_name():
    with pytest.raises(DataFileError, match="nesting is too deep") as error:
        load_yaml("a: " + "[" * 5000 + "]" * 5000, "house.yaml")
    assert str(error.value).startswith("house.yaml:")


def test_every_shipped_data_file_reads_the_same_with_libyaml():
    # (libyaml composes the shipped files: 0.4 s less at every start)
    from auditor.resources import rules_dir

    files = sorted(rules_dir().rglob("*.yaml"))
    assert len(files) >= 5
    for path in files:
        raw = path.read_bytes()
        fast, slow = load_yaml(raw, str(path), fast=True), load_yaml(raw, str(path))
        assert (fast.data, fast.positions, fast.key_positions) == (slow.data, slow.positions, slow.key_positions), path


def test_never_firing_rule_is_reported(tmp_path):
    path = write(tmp_path, "house.yaml", "name: h\nrules:\n  - id: x\n    kind: required\n    field: signoff\n"
                                         "    when: ['setting:house_flag']\n")
    warnings = build_ruleset([path]).warnings
    assert len(warnings) == 1
    assert warnings[0].startswith(f"{path}:6:") and "can never fire" in warnings[0] and "house_flag" in warnings[0]


def test_hostile_files_fail_fast_and_cleanly(tmp_path):
    bomb = "name: b\na: &a [x,x,x,x,x,x,x,x,x,x]\n" + "".join(
        f"{c}: &{c} [{', '.join(['*' + p] * 10)}]\n" for p, c in zip("abcdefg", "bcdefgh", strict=True))
    started = time.monotonic()
    assert "alias bomb" in str(load_error(tmp_path, bomb))
    huge = "name: big\n# " + "x" * 10_000_000 + "\n"
    assert "limit" in str(load_error(tmp_path, huge))
    slow = ("name: s\nrules:\n  - id: slow\n    kind: forbidden\n    field: figure.caption\n"
            "    pattern: '(a+)+$'\n")
    assert "takes too long" in str(load_error(tmp_path, slow))
    code = "name: p\nrules: !!python/object/apply:os.system ['touch pwned']\n"
    load_error(tmp_path, code)
    assert not (tmp_path / "pwned").exists()
    assert time.monotonic() - started < 10


def test_config_file(tmp_path):
    (tmp_path / "sub").mkdir()
    write(tmp_path, "house-agencies.yaml", "agencies:\n  - name: Weserland Bild\n    aliases: [WB-Foto]\n")
    write(tmp_path, ".auditor.yaml", "packs: [dw]\nrules:\n  caption-unmatched: off\n  alt-missing: error\n"
                                     "agencies: house-agencies.yaml\nexclude: ['drafts/*']\nfail_on: warning\n")
    found = find_config(tmp_path / "sub")
    assert found == tmp_path / ".auditor.yaml"
    config = load_config(found)
    ruleset = build_ruleset(config=config)
    assert ruleset.packs == ["default", "dw"]
    assert ruleset.get("caption-unmatched").spec["severity"] == "off"
    assert ruleset.get("alt-missing").spec["severity"] == "error"
    assert ruleset.registry.canonical("wb-foto") == "Weserland Bild"
    assert config.exclude == ["drafts/*"] and config.fail_on == "warning"


def test_config_errors(tmp_path):
    path = write(tmp_path, ".auditor.yaml", "packs: [dw]\nrulez: {}\n")
    with pytest.raises(DataFileError, match=r"\.auditor\.yaml:2:1: unknown key 'rulez'.*did you mean 'rules'"):
        load_config(path)
    path = write(tmp_path, ".auditor.yaml", "rules:\n  caption-unmatchd: off\n")
    with pytest.raises(DataFileError, match="did you mean 'caption-unmatched'"):
        build_ruleset(config=load_config(path))


def test_readme_examples_are_true(tmp_path):
    """The house pack and config shown in the README load, and the pack's examples hold."""
    import re

    from conftest import ROOT

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    pack_text = re.search(r"```yaml\n(name: weserland.*?)```", readme, re.S).group(1)
    config_text = re.search(r"```yaml\n(packs: \[dw, house-rules.yaml\].*?)```", readme, re.S).group(1)
    pack_path = write(tmp_path, "house-rules.yaml", pack_text)
    write(tmp_path, "house-agencies.yaml", "agencies:\n  - name: Weserland Bild\n    aliases: [WB-Foto]\n")
    ruleset = build_ruleset([pack_path])
    assert ruleset.registry.canonical("WB-Foto") == "Weserland Bild"
    assert [(r.rule, r.label) for r in run_examples(ruleset) if not r.ok] == []
    config = load_config(write(tmp_path, ".auditor.yaml", config_text))
    assert build_ruleset(config=config).packs == ["default", "dw", "weserland"]
