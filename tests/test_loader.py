"""Loading a corpus folder: every problem named by file, field path and expectation."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml
from jsonschema import Draft202012Validator

import negotiation as ng
from negotiation.corpus.loader import bundled_path, document_schema, dump, load, read_document, validate
from negotiation.errors import CorpusError, Problem
from tests.command_line import run_cli as cli

TAXONOMY_YAML = """\
poles:
  low: {en: Low, ar: منخفض}
  high: {en: High, ar: مرتفع}
areas:
  sec: {en: Security, ar: الأمن}
scales:
  abc:
    kind: ordinal
    levels:
      - {id: a, en: A, ar: أ}
      - {id: b, en: B, ar: ب}
      - {id: c, en: C, ar: ج}
issues:
  sec.level:
    en: Level
    ar: مستوى
    scale: {ref: abc}
  sec.army_cap:
    en: Army cap
    ar: سقف الجيش
    scale: {kind: numeric, unit: troops, lower: 1000, upper: 1000000, log: true, high_pole: lower}
  sec.guarantors:
    en: Guarantors
    ar: الضامنون
    scale: {kind: set, vocabulary: parties}
"""

PARTIES_YAML = (
    "RU: {en: Russia, ar: روسيا}\nUA: {en: Ukraine, ar: أوكرانيا}\nUS: {en: USA, ar: أمريكا}\n"
)

DOC_YAML = """\
id: x
title: X
date: 2022-01-01
kind: proposal
status: official
authors: [RU]
sources:
  - {id: s1, outlet: Outlet, title: Title, url: "https://example.org/a", date: 2022-01-01}
stances:
  sec.level:
    value: a
    source: s1
  sec.army_cap:
    value: 85000
    source: s1
"""


def make_corpus(root: Path, docs: dict[str, str] | None = None) -> Path:
    """A minimal corpus folder: taxonomy, parties, and ``documents/<name>`` files."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "taxonomy.yaml").write_text(TAXONOMY_YAML, encoding="utf-8")
    (root / "parties.yaml").write_text(PARTIES_YAML, encoding="utf-8")
    (root / "documents").mkdir(exist_ok=True)
    for name, text in (docs if docs is not None else {"x.yaml": DOC_YAML}).items():
        (root / "documents" / name).write_text(text, encoding="utf-8")
    return root


def problems_of(folder: Path) -> tuple[Problem, ...]:
    with pytest.raises(CorpusError) as info:
        load(folder)
    return info.value.problems


def only_problem(folder: Path) -> Problem:
    found = problems_of(folder)
    assert len(found) == 1, found
    return found[0]


def broken(tmp_path: Path, old: str, new: str) -> Path:
    assert old in DOC_YAML
    return make_corpus(tmp_path / "c", {"x.yaml": DOC_YAML.replace(old, new, 1)})


# --- a good corpus


def test_minimal_corpus_loads(tmp_path: Path) -> None:
    corpus = load(make_corpus(tmp_path / "c"))
    assert corpus.ids == ["x"]
    assert corpus["x"].stances["sec.army_cap"].value == 85000.0


def test_shared_scale_refs_are_resolved(tmp_path: Path) -> None:
    corpus = load(make_corpus(tmp_path / "c"))
    assert corpus.taxonomy.issues["sec.level"].scale.level_ids == ("a", "b", "c")  # type: ignore[union-attr]


def test_party_vocabulary_is_the_party_codes(tmp_path: Path) -> None:
    corpus = load(make_corpus(tmp_path / "c"))
    assert corpus.taxonomy.issues["sec.guarantors"].scale.vocabulary == ("RU", "UA", "US")  # type: ignore[union-attr]


def test_json_documents_load_by_suffix(tmp_path: Path) -> None:
    data = yaml.safe_load(DOC_YAML)
    text = json.dumps(data, default=str)
    corpus = load(make_corpus(tmp_path / "c", {"x.json": text}))
    assert corpus["x"].stances["sec.level"].value == "a"


def test_files_with_other_suffixes_are_ignored(tmp_path: Path) -> None:
    folder = make_corpus(tmp_path / "c", {"x.yaml": DOC_YAML, "notes.txt": "not: [a document"})
    assert load(folder).ids == ["x"]


def test_a_corpus_without_documents_folder_is_empty(tmp_path: Path) -> None:
    folder = make_corpus(tmp_path / "c", {})
    (folder / "documents").rmdir()
    assert len(load(folder)) == 0


def test_validate_returns_no_problems_for_a_good_corpus(tmp_path: Path) -> None:
    assert validate(make_corpus(tmp_path / "c")) == []


# --- one problem, named precisely


def test_invalid_yaml_names_the_file_and_the_line(tmp_path: Path) -> None:
    # the unclosed "[" on line 2 runs into the "date:" key on line 3
    p = only_problem(broken(tmp_path, "title: X", "title: [X"))
    assert p.file.endswith("x.yaml")
    assert p.line == 3
    assert "invalid YAML" in p.message


def test_invalid_json_names_the_file_and_the_line(tmp_path: Path) -> None:
    p = only_problem(make_corpus(tmp_path / "c", {"x.json": '{\n  "id": "x",\n  oops\n}'}))
    assert p.file.endswith("x.json")
    assert p.line == 3
    assert "invalid JSON" in p.message


def test_unknown_issue_id_suggests_the_near_id(tmp_path: Path) -> None:
    p = only_problem(broken(tmp_path, "sec.level:", "sec.levle:"))
    assert p.file.endswith("x.yaml")
    assert p.location == "stances.sec.levle"
    assert p.message == "unknown issue 'sec.levle' (did you mean sec.level?)"


def test_level_not_on_the_scale_lists_the_levels(tmp_path: Path) -> None:
    p = only_problem(broken(tmp_path, "value: a", "value: z"))
    assert p.location == "stances.sec.level.value"
    assert p.message == "expected one of a, b, c, got 'z'"


def test_word_on_a_numeric_scale_names_the_unit(tmp_path: Path) -> None:
    p = only_problem(broken(tmp_path, "value: 85000", "value: lots"))
    assert p.location == "stances.sec.army_cap.value"
    assert "expected a number (troops)" in p.message


def test_unknown_source_id_lists_the_document_sources(tmp_path: Path) -> None:
    p = only_problem(broken(tmp_path, "source: s1", "source: s9"))
    assert p.location == "stances.sec.level.source"
    assert "expected one of s1" in p.message


def test_alternatives_keyed_by_a_non_author_are_rejected(tmp_path: Path) -> None:
    p = only_problem(broken(tmp_path, "value: a", "alternatives: {RU: a, UA: c}"))
    assert p.location == "stances.sec.level.alternatives.UA"
    assert "keyed by the document's authors (RU)" in p.message


def test_alternative_off_the_scale_is_rejected(tmp_path: Path) -> None:
    p = only_problem(broken(tmp_path, "value: a", "alternatives: {RU: q}"))
    assert p.location == "stances.sec.level.alternatives.RU"
    assert "expected one of a, b, c" in p.message


def test_accepted_value_off_the_scale_is_rejected(tmp_path: Path) -> None:
    p = only_problem(broken(tmp_path, "value: a", "value: a\n    accepts: [b, q]"))
    assert p.location == "stances.sec.level.accepts[1]"


def test_unknown_party_among_the_authors_is_rejected(tmp_path: Path) -> None:
    p = only_problem(broken(tmp_path, "authors: [RU]", "authors: [RU, XX]"))
    assert p.location == "authors[1]"
    assert "unknown party 'XX'" in p.message


def test_unknown_guarantor_member_is_rejected(tmp_path: Path) -> None:
    p = only_problem(
        broken(
            tmp_path,
            "  sec.army_cap:",
            "  sec.guarantors:\n    value: [US, ZZ]\n    source: s1\n  sec.army_cap:",
        )
    )
    assert p.location == "stances.sec.guarantors.value"
    assert "ZZ" in p.message


def test_missing_required_field_is_named(tmp_path: Path) -> None:
    p = only_problem(broken(tmp_path, "title: X\n", ""))
    assert p.file.endswith("x.yaml")
    assert p.location == "title"
    assert p.message == "required field is missing"


def test_missing_source_of_a_stance_is_named(tmp_path: Path) -> None:
    p = only_problem(broken(tmp_path, "    value: a\n    source: s1\n", "    value: a\n"))
    assert p.location == "stances.sec.level.source"
    assert p.message == "required field is missing"


def test_unknown_top_level_field_is_named(tmp_path: Path) -> None:
    p = only_problem(broken(tmp_path, "title: X\n", "title: X\ncolour: red\n"))
    assert p.location == "colour"
    assert p.message.startswith("unknown field")


def test_unknown_stance_field_is_named_with_its_path(tmp_path: Path) -> None:
    p = only_problem(broken(tmp_path, "    value: a\n", "    value: a\n    colour: red\n"))
    assert p.location == "stances.sec.level.colour"
    assert p.message.startswith("unknown field")


def test_wrong_kind_names_the_allowed_kinds(tmp_path: Path) -> None:
    p = only_problem(broken(tmp_path, "kind: proposal", "kind: rumour"))
    assert p.location == "kind"
    assert "proposal" in p.message


def test_id_must_equal_the_file_name(tmp_path: Path) -> None:
    p = only_problem(broken(tmp_path, "id: x", "id: y"))
    assert p.file.endswith("x.yaml")
    assert p.location == "id"
    assert p.message == "id 'y' must equal the file name 'x'"


def test_id_must_be_lowercase_letters_digits_and_dashes(tmp_path: Path) -> None:
    folder = make_corpus(tmp_path / "c", {"X_1.yaml": DOC_YAML.replace("id: x", "id: X_1")})
    p = only_problem(folder)
    assert p.location == "id"
    assert "lowercase" in p.message


def test_duplicate_ids_are_reported(tmp_path: Path) -> None:
    as_json = json.dumps(yaml.safe_load(DOC_YAML), default=str)
    p = only_problem(make_corpus(tmp_path / "c", {"x.yaml": DOC_YAML, "x.json": as_json}))
    assert p.location == "id"
    assert p.message == "duplicate document id 'x'"


def test_missing_taxonomy_is_reported(tmp_path: Path) -> None:
    folder = make_corpus(tmp_path / "c")
    (folder / "taxonomy.yaml").unlink()
    p = only_problem(folder)
    assert p.file.endswith("taxonomy.yaml")
    assert "missing" in p.message


def test_missing_parties_is_reported(tmp_path: Path) -> None:
    folder = make_corpus(tmp_path / "c")
    (folder / "parties.yaml").unlink()
    assert only_problem(folder).file.endswith("parties.yaml")


def test_a_path_that_is_not_a_folder_is_reported(tmp_path: Path) -> None:
    p = only_problem(tmp_path / "nowhere")
    assert "not a folder" in p.message


def test_unknown_scale_ref_in_the_taxonomy_is_reported(tmp_path: Path) -> None:
    folder = make_corpus(tmp_path / "c")
    (folder / "taxonomy.yaml").write_text(
        TAXONOMY_YAML.replace("{ref: abc}", "{ref: abd}"), encoding="utf-8"
    )
    p = only_problem(folder)
    assert p.file.endswith("taxonomy.yaml")
    assert "abd" in p.message


def test_an_empty_document_file_is_reported(tmp_path: Path) -> None:
    p = only_problem(make_corpus(tmp_path / "c", {"x.yaml": ""}))
    assert p.file.endswith("x.yaml")
    assert p.message.startswith("expected a mapping")


def test_a_missing_scale_field_in_the_taxonomy_is_reported(tmp_path: Path) -> None:
    folder = make_corpus(tmp_path / "c")
    (folder / "taxonomy.yaml").write_text(
        TAXONOMY_YAML.replace("unit: troops, ", ""), encoding="utf-8"
    )
    p = only_problem(folder)
    assert p.file.endswith("taxonomy.yaml")
    assert p.location.startswith("issues.sec.army_cap.scale")
    assert p.location.endswith(".unit")
    assert p.message == "required field is missing"


def test_a_taxonomy_field_path_has_no_scale_kind_in_it(tmp_path: Path) -> None:
    folder = make_corpus(tmp_path / "c")
    (folder / "taxonomy.yaml").write_text(
        TAXONOMY_YAML.replace("unit: troops, ", ""), encoding="utf-8"
    )
    assert only_problem(folder).location == "issues.sec.army_cap.scale.unit"


def test_an_issue_in_an_unknown_area_is_reported(tmp_path: Path) -> None:
    folder = make_corpus(tmp_path / "c")
    (folder / "taxonomy.yaml").write_text(
        TAXONOMY_YAML.replace("  sec.army_cap:\n", "  mil.army_cap:\n"), encoding="utf-8"
    )
    p = only_problem(folder)
    assert p.file.endswith("taxonomy.yaml")
    assert "area 'mil' is not in areas" in p.message


def test_problem_text_reads_file_line_location_message(tmp_path: Path) -> None:
    p = only_problem(broken(tmp_path, "value: a", "value: z"))
    assert str(p) == f"{p.file}:11: stances.sec.level.value: expected one of a, b, c, got 'z'"


# --- every problem at once


def test_several_problems_in_one_file_are_all_reported(tmp_path: Path) -> None:
    text = (
        DOC_YAML.replace("authors: [RU]", "authors: [XX]")
        .replace("value: a", "value: z")
        .replace("value: 85000\n    source: s1", "value: 85000\n    source: s9")
    )
    locations = {p.location for p in problems_of(make_corpus(tmp_path / "c", {"x.yaml": text}))}
    assert locations == {"authors[0]", "stances.sec.level.value", "stances.sec.army_cap.source"}


def test_problems_in_several_files_are_all_reported(tmp_path: Path) -> None:
    folder = make_corpus(
        tmp_path / "c",
        {
            "x.yaml": DOC_YAML.replace("value: a", "value: z"),
            "y.yaml": DOC_YAML.replace("id: x", "id: y").replace("title: X\n", ""),
            "z.yaml": DOC_YAML.replace("id: x", "id: z").replace("title: X", "title: [X"),
        },
    )
    files = sorted(Path(p.file).name for p in problems_of(folder))
    assert files == ["x.yaml", "y.yaml", "z.yaml"]


def test_corpus_error_message_lists_every_problem(tmp_path: Path) -> None:
    folder = make_corpus(
        tmp_path / "c",
        {
            "x.yaml": DOC_YAML.replace("value: a", "value: z"),
            "y.yaml": DOC_YAML.replace("id: x", "id: y").replace("source: s1", "source: s9"),
        },
    )
    with pytest.raises(CorpusError) as info:
        load(folder)
    text = str(info.value)
    assert text.startswith("3 problems:")
    assert "x.yaml" in text and "y.yaml" in text
    assert f"(and 2 more; run `negotiation validate {folder}`)" in info.value.summary()


def test_one_broken_file_means_no_corpus_at_all(tmp_path: Path) -> None:
    folder = make_corpus(
        tmp_path / "c",
        {
            "x.yaml": DOC_YAML,
            "y.yaml": DOC_YAML.replace("id: x", "id: y").replace("value: a", "value: z"),
        },
    )
    result: Any = None
    with pytest.raises(CorpusError):
        result = load(folder)
    assert result is None


def test_validate_lists_the_problems_without_raising(tmp_path: Path) -> None:
    found = validate(broken(tmp_path, "value: a", "value: z"))
    assert [p.location for p in found] == ["stances.sec.level.value"]


def test_read_document_checks_one_file_against_a_taxonomy(tmp_path: Path) -> None:
    folder = broken(tmp_path, "value: a", "value: z")
    taxonomy = load(make_corpus(tmp_path / "good")).taxonomy
    with pytest.raises(CorpusError, match="expected one of a, b, c"):
        read_document(folder / "documents" / "x.yaml", taxonomy)


def test_broken_copy_of_the_bundled_corpus_names_the_file(tmp_path: Path) -> None:
    folder = tmp_path / "positions"
    shutil.copytree(bundled_path(), folder)
    victim = sorted((folder / "documents").glob("*.yaml"))[0]
    data = yaml.safe_load(victim.read_text(encoding="utf-8"))
    data["stances"]["no.such_issue"] = {"value": "x", "source": data["sources"][0]["id"]}
    victim.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    p = only_problem(folder)
    assert p.file == str(victim)
    assert p.location == "stances.no.such_issue"


# --- round trip, schema, bundled corpus


def test_dump_then_load_gives_an_equal_minimal_corpus(tmp_path: Path) -> None:
    corpus = load(make_corpus(tmp_path / "c"))
    assert load(dump(corpus, tmp_path / "out")) == corpus


def test_dump_then_load_gives_an_equal_bundled_corpus(tmp_path: Path) -> None:
    corpus = ng.load()
    assert load(dump(corpus, tmp_path / "out")) == corpus


def test_dump_keeps_the_kind_of_every_scale(tmp_path: Path) -> None:
    out = dump(ng.load(), tmp_path / "out")
    issues = yaml.safe_load((out / "taxonomy.yaml").read_text(encoding="utf-8"))["issues"]
    assert {i["scale"]["kind"] for i in issues.values()} == {"ordinal", "numeric", "set", "flag"}


def test_document_schema_is_valid_json_schema() -> None:
    Draft202012Validator.check_schema(document_schema())


def test_document_schema_declares_draft_2020_12() -> None:
    assert document_schema()["$schema"] == "https://json-schema.org/draft/2020-12/schema"


def _bundled_document_data() -> dict[str, Any]:
    file = sorted((bundled_path() / "documents").glob("*.yaml"))[0]
    # YAML reads dates as date objects; a JSON Schema sees them as strings.
    return json.loads(json.dumps(yaml.safe_load(file.read_text(encoding="utf-8")), default=str))


def test_document_schema_validates_a_real_document_file() -> None:
    Draft202012Validator(document_schema()).validate(_bundled_document_data())


def test_document_schema_rejects_a_document_without_a_title() -> None:
    data = _bundled_document_data()
    del data["title"]
    assert not Draft202012Validator(document_schema()).is_valid(data)


def test_document_schema_rejects_an_unknown_field() -> None:
    data = {**_bundled_document_data(), "colour": "red"}
    assert not Draft202012Validator(document_schema()).is_valid(data)


def test_bundled_path_exists_and_holds_a_corpus() -> None:
    path = bundled_path()
    assert (path / "taxonomy.yaml").is_file()
    assert (path / "parties.yaml").is_file()
    assert (path / "documents").is_dir()


def test_load_without_a_path_is_cached() -> None:
    assert ng.load() is ng.load()


def test_load_with_a_path_is_not_cached(tmp_path: Path) -> None:
    folder = make_corpus(tmp_path / "c")
    assert load(folder) is not load(folder)


def test_bundled_corpus_validates_without_errors() -> None:
    assert [p for p in validate() if p.severity == "error"] == []


def test_yaml_is_read_safely(tmp_path: Path) -> None:
    evil = DOC_YAML.replace("title: X", "title: !!python/object/apply:os.system ['true']")
    p = only_problem(make_corpus(tmp_path / "c", {"x.yaml": evil}))
    assert "invalid YAML" in p.message


# --- issue 8: each row of the table, tried on a copy of the bundled corpus through the CLI


def bundled_copy(tmp_path: Path) -> Path:
    folder = tmp_path / "copy"
    shutil.copytree(bundled_path(), folder)
    return folder


def problem_lines(err: str) -> list[str]:
    """The problem lines of validate's output (the last line is the count)."""
    return err.strip().splitlines()[:-1]


def a_document(folder: Path) -> Path:
    return folder / "documents" / "us-28-point-2025-11.yaml"


def test_a_stance_key_written_twice_is_one_error_naming_both_lines(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = bundled_copy(tmp_path)
    file = a_document(folder)
    text = file.read_text(encoding="utf-8")
    first = text.splitlines().index("  territory.crimea:") + 1
    text += "  territory.crimea:\n    value: ukrainian\n    source: rbc-ukraine-2025\n"
    file.write_text(text, encoding="utf-8")
    again = len(text.splitlines()) - 2
    code, _, err = cli(capsys, "--corpus", str(folder), "validate")
    assert code == 2
    assert problem_lines(err) == [
        f"{file}:{again}: duplicate key 'territory.crimea' (first at line {first}, again at line {again}): "
        "a key may be given only once"
    ]


def test_a_party_code_written_twice_is_an_error_in_parties_yaml(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = bundled_copy(tmp_path)
    parties = folder / "parties.yaml"
    text = parties.read_text(encoding="utf-8") + "RU: {en: Russian Federation}\n"
    parties.write_text(text, encoding="utf-8")
    code, _, err = cli(capsys, "--corpus", str(folder), "validate")
    assert code == 2
    [line] = problem_lines(err)
    assert line.startswith(f"{parties}:{len(text.splitlines())}: duplicate key 'RU' (first at line ")


def test_a_document_nested_5000_lists_deep_is_one_error_with_its_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = bundled_copy(tmp_path)
    file = a_document(folder)
    file.write_text(file.read_text(encoding="utf-8") + "extra: " + "[" * 5000 + "]" * 5000 + "\n", encoding="utf-8")
    code, _, err = cli(capsys, "--corpus", str(folder), "validate")
    assert code == 2
    [line] = problem_lines(err)
    assert re.match(rf"{re.escape(str(file))}:\d+:\d+: invalid YAML: nested too deep", line)


def _not_utf8(tmp_path: Path) -> tuple[Path, Path]:
    """A bundled copy with one byte that is not UTF-8 in a document's title: (folder, file)."""
    folder = bundled_copy(tmp_path)
    file = a_document(folder)
    file.write_bytes(file.read_bytes().replace(b"title: US", b"title: \xe9US", 1))
    return folder, file


def test_a_byte_that_is_not_utf8_is_one_error_with_line_and_column(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder, file = _not_utf8(tmp_path)
    code, _, err = cli(capsys, "--corpus", str(folder), "validate")
    assert code == 2
    assert problem_lines(err) == [f"{file}:2:8: not UTF-8: byte 0xe9 cannot be read (save the file as UTF-8)"]


def _redated(tmp_path: Path, date: str) -> tuple[Path, Path, int]:
    """A bundled copy whose document dated 2025-11-20 says ``date`` instead: (folder, file, line)."""
    folder = bundled_copy(tmp_path)
    file = a_document(folder)
    text = file.read_text(encoding="utf-8")
    at = text.splitlines().index("date: 2025-11-20") + 1
    file.write_text(text.replace("date: 2025-11-20", f"date: {date}", 1), encoding="utf-8")
    return folder, file, at


def test_a_day_out_of_range_is_one_error_naming_file_and_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder, file, at = _redated(tmp_path, "2025-02-30")
    code, _, err = cli(capsys, "--corpus", str(folder), "validate")
    assert code == 2
    assert problem_lines(err) == [
        f"{file}:{at}: date: expected a date YYYY-MM-DD, got '2025-02-30' (day value is outside expected range)"
    ]


def test_a_date_in_the_future_is_a_warning_and_exits_zero(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder, file, at = _redated(tmp_path, "2099-01-01")
    code, out, err = cli(capsys, "--corpus", str(folder), "validate")
    assert code == 0
    assert f"{file}:{at}: warning: date: 2099-01-01 is in the future" in err.splitlines()
    assert out.startswith("ok:")


def test_a_corpus_without_documents_is_a_warning_and_exits_zero(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "copy"
    folder.mkdir()
    for name in ("taxonomy.yaml", "parties.yaml"):
        shutil.copy(bundled_path() / name, folder / name)
    code, out, err = cli(capsys, "--corpus", str(folder), "validate")
    assert code == 0
    assert err.splitlines() == [f"{folder / 'documents'}: warning: empty corpus: documents/ is missing"]
    assert out.startswith("ok: 0 documents")


def test_other_commands_on_a_broken_corpus_print_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder, file = _not_utf8(tmp_path)
    code, out, err = cli(capsys, "--corpus", str(folder), "compare", "ru-draft-2022-03", "UA")
    assert (code, out) == (2, "")
    assert err == f"negotiation: error: {file}:2:8: not UTF-8: byte 0xe9 cannot be read (save the file as UTF-8)\n"


# --- YAML read as people write it


def test_no_on_yes_and_off_are_party_codes_not_booleans(tmp_path: Path) -> None:
    doc = DOC_YAML.replace("authors: [RU]", "authors: [NO, ON]").replace("value: a\n", "alternatives: {NO: a, ON: b}\n")
    folder = make_corpus(tmp_path / "c", {"x.yaml": doc})
    (folder / "parties.yaml").write_text(
        PARTIES_YAML + "NO: {en: Norway}\nON: {en: Ontario}\nYES: {en: Yes party}\noff: {en: Off}\n", encoding="utf-8"
    )
    corpus = load(folder)
    assert {"NO", "ON", "YES", "off"} <= set(corpus.taxonomy.parties)
    assert corpus["x"].authors == ("NO", "ON")
    assert corpus["x"].stances["sec.level"].alternatives == {"NO": "a", "ON": "b"}


def test_only_true_and_false_are_booleans(tmp_path: Path) -> None:
    from negotiation.corpus.yaml_reader import read_data

    file = tmp_path / "x.yaml"
    file.write_text("a: yes\nb: No\nc: true\nd: FALSE\ne: 600_000\nf: 0o17\ng: 1:30\nh: ~\n", encoding="utf-8")
    assert read_data(file, []).data == {
        "a": "yes", "b": "No", "c": True, "d": False, "e": "600_000", "f": 15, "g": "1:30", "h": None
    }


def test_a_duplicate_key_deep_inside_a_source_names_both_lines(tmp_path: Path) -> None:
    doc = DOC_YAML.replace("  - {id: s1, outlet: Outlet,", "  - {id: s1, outlet: Outlet, outlet: Other,")
    p = only_problem(make_corpus(tmp_path / "c", {"x.yaml": doc}))
    assert (p.line, p.message) == (8, "duplicate key 'outlet' (first at line 8, again at line 8): "
                                      "a key may be given only once")


def test_every_duplicate_key_in_a_file_is_reported(tmp_path: Path) -> None:
    doc = DOC_YAML.replace("title: X\n", "title: X\ntitle: Y\n")
    doc = doc.replace("    value: a\n", "    value: a\n    value: b\n")
    found = problems_of(make_corpus(tmp_path / "c", {"x.yaml": doc}))
    assert [(p.line, p.message.split(" (")[0]) for p in found] == [
        (3, "duplicate key 'title'"), (13, "duplicate key 'value'")
    ]


def test_a_duplicate_key_in_json_is_reported(tmp_path: Path) -> None:
    p = only_problem(make_corpus(tmp_path / "c", {"x.json": '{"id": "x",\n "id": "y"}'}))
    assert p.line == 2
    assert p.message == "duplicate key 'id' (first at line 1, again at line 2): a key may be given only once"


def test_a_byte_order_mark_and_crlf_line_ends_are_read(tmp_path: Path) -> None:
    doc = "\ufeff" + DOC_YAML.replace("\n", "\r\n")
    assert load(make_corpus(tmp_path / "c", {"x.yaml": doc})).ids == ["x"]


def test_a_file_over_the_size_limit_is_reported_not_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from negotiation.corpus import yaml_reader

    monkeypatch.setattr(yaml_reader, "MAX_FILE_BYTES", 5_000)
    big = DOC_YAML.replace("title: X", "title: X\nsummary: " + "x" * 5_000)
    p = only_problem(make_corpus(tmp_path / "c", {"x.yaml": big}))
    assert (Path(p.file).name, p.line) == ("x.yaml", 1)
    assert p.message == f"file is {len(big) + 0:,} bytes, over the 5,000-byte limit for a data file"


def test_deep_json_is_reported_not_a_recursion_error(tmp_path: Path) -> None:
    p = only_problem(make_corpus(tmp_path / "c", {"x.json": "[" * 100_000}))
    assert p.message == "invalid JSON: nested too deep"


def test_a_yaml_bomb_is_refused(tmp_path: Path) -> None:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 9)]
    bomb = "\n".join(lines) + "\n" + "b: [" + ", ".join(["*a8"] * 1200) + "]\n"
    p = only_problem(make_corpus(tmp_path / "c", {"x.yaml": bomb}))
    assert "aliases" in p.message


# --- problems carry the line of the key at fault, against the file they are in


def test_a_validation_problem_carries_the_line_of_its_key(tmp_path: Path) -> None:
    p = only_problem(broken(tmp_path, "kind: proposal", "kind: rumour"))
    assert (p.location, p.line) == ("kind", 4)


def test_a_missing_field_carries_the_line_of_its_mapping(tmp_path: Path) -> None:
    p = only_problem(broken(tmp_path, "    value: a\n    source: s1\n", "    value: a\n"))
    assert (p.location, p.line) == ("stances.sec.level.source", 10)


def test_a_party_problem_is_reported_against_parties_yaml(tmp_path: Path) -> None:
    folder = make_corpus(tmp_path / "c")
    (folder / "parties.yaml").write_text(PARTIES_YAML + "XX: {ar: اكس}\n", encoding="utf-8")
    p = only_problem(folder)
    assert (Path(p.file).name, p.location, p.line) == ("parties.yaml", "XX.en", 4)
    assert p.message == "required field is missing"


def test_english_labels_alone_are_enough(tmp_path: Path) -> None:
    folder = make_corpus(tmp_path / "c")
    (folder / "taxonomy.yaml").write_text(re.sub(r", ar: [^}]+}", "}", TAXONOMY_YAML).replace(
        "    ar: مستوى\n", "").replace("    ar: سقف الجيش\n", "").replace("    ar: الضامنون\n", ""), encoding="utf-8")
    (folder / "parties.yaml").write_text("RU: {en: Russia}\nUA: {en: Ukraine}\nUS: {en: USA}\n", encoding="utf-8")
    assert "ar:" not in (folder / "taxonomy.yaml").read_text(encoding="utf-8")
    assert load(folder).taxonomy.issues["sec.level"].label("ar") == "Level"


def test_problems_are_sorted_by_file_and_line(tmp_path: Path) -> None:
    text = DOC_YAML.replace("authors: [RU]", "authors: [XX]").replace("value: 85000", "value: lots")
    folder = make_corpus(tmp_path / "c", {"y.yaml": text.replace("id: x", "id: y"), "x.yaml": text})
    found = problems_of(folder)
    assert [(Path(p.file).name, p.line) for p in found] == sorted((Path(p.file).name, p.line or 0) for p in found)


def test_a_quote_missing_from_the_stored_text_is_a_warning(tmp_path: Path) -> None:
    folder = make_corpus(tmp_path / "c", {"x.yaml": DOC_YAML.replace(
        "date: 2022-01-01}", "date: 2022-01-01, text_file: sources/s1.txt}").replace(
        "    value: a\n", "    value: a\n    quote: level a\n").replace(
        "    value: 85000\n", "    value: 85000\n    quote: eighty-five thousand\n")})
    (folder / "sources").mkdir()
    (folder / "sources" / "s1.txt").write_text("They asked for\nlevel   a.", encoding="utf-8")
    [p] = validate(folder)
    assert (p.severity, p.location, p.line) == ("warning", "stances.sec.army_cap.quote", 16)
    assert p.message == "the quote does not occur in s1.txt, the text of 's1'"


def test_a_document_without_stances_is_a_warning(tmp_path: Path) -> None:
    doc = DOC_YAML[: DOC_YAML.index("stances:")]
    [p] = validate(make_corpus(tmp_path / "c", {"x.yaml": doc}))
    assert (p.severity, p.location) == ("warning", "stances")


def test_a_citation_names_outlet_title_date_and_url_never_a_seed_file() -> None:
    src = ng.Source(id="s", outlet="Al-Araby Al-Jadeed", title="Headline", date="2026-02-24",
                    seed="000_9c0425b4b54f0f0d.txt", url="https://example.org/a")
    assert src.cite() == 'Al-Araby Al-Jadeed, "Headline", 2026-02-24 <https://example.org/a>'


# --- which corpus, and saying so


def test_the_corpus_is_found_by_flag_then_env_then_working_folder_then_bundled(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from negotiation.corpus.locate import find_corpus

    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("NEGOTIATION_CORPUS", raising=False)
    assert find_corpus(None) == (bundled_path(), "bundled")
    (tmp_path / "positions").mkdir()
    assert find_corpus(None) == (Path("positions"), "working folder")
    monkeypatch.setenv("NEGOTIATION_CORPUS", "/elsewhere")
    assert find_corpus(None) == (Path("/elsewhere"), "NEGOTIATION_CORPUS")
    assert find_corpus("mine") == (Path("mine"), "--corpus")


def test_corpus_given_after_the_command_is_used(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = make_corpus(tmp_path / "c")
    code, out, _ = cli(capsys, "validate", "--corpus", str(folder))
    assert code == 0
    assert out == f"ok: 1 documents, 2 stances, 3 issues; corpus: {folder} (--corpus)\n"


def test_validate_json_lists_problems_with_counts(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = broken(tmp_path, "value: a", "value: z")
    code, out, _ = cli(capsys, "validate", str(folder), "--format", "json")
    data = json.loads(out)
    assert code == 2
    assert (data["corpus"], data["errors"], data["warnings"], data["ok"]) == (str(folder), 1, 0, False)
    assert data["problems"][0] == {
        "file": str(folder / "documents" / "x.yaml"), "line": 11, "column": None,
        "location": "stances.sec.level.value", "severity": "error", "message": "expected one of a, b, c, got 'z'",
    }


def test_the_hint_to_run_validate_names_the_corpus_that_failed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = make_corpus(tmp_path / "c", {"x.yaml": DOC_YAML.replace("value: a", "value: z").replace(
        "authors: [RU]", "authors: [XX]")})
    code, _, err = cli(capsys, "--corpus", str(folder), "list")
    assert code == 2
    assert err.rstrip().endswith(f"(and 1 more; run `negotiation validate {folder}`)")


# --- schemas


@pytest.mark.parametrize(("kind", "file"), [("taxonomy", "taxonomy.yaml"), ("parties", "parties.yaml")])
def test_the_schema_of_a_file_accepts_the_bundled_file(kind: str, file: str) -> None:
    from negotiation.corpus.schemas import schema

    data = json.loads(json.dumps(yaml.safe_load((bundled_path() / file).read_text(encoding="utf-8")), default=str))
    Draft202012Validator.check_schema(schema(kind))
    Draft202012Validator(schema(kind)).validate(data)


def test_the_parties_schema_rejects_a_party_without_an_english_name() -> None:
    from negotiation.corpus.schemas import parties_schema

    assert not Draft202012Validator(parties_schema()).is_valid({"NO": {"fr": "Norvège"}})


def test_schema_out_writes_the_three_schemas(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, _ = cli(capsys, "schema", "--out", str(tmp_path / "s"))
    assert code == 0
    assert sorted(p.name for p in (tmp_path / "s").iterdir()) == ["document.json", "parties.json", "taxonomy.json"]


def test_schema_kind_taxonomy_prints_the_taxonomy_schema(capsys: pytest.CaptureFixture[str]) -> None:
    from negotiation.corpus.schemas import taxonomy_schema

    code, out, _ = cli(capsys, "schema", "--kind", "taxonomy")
    assert (code, json.loads(out)) == (0, taxonomy_schema())


def test_a_problem_stays_one_short_line_whatever_the_value(tmp_path: Path) -> None:
    deep = "[" * 900 + "]" * 900
    p = only_problem(broken(tmp_path, "date: 2022-01-01\nkind", f"date: {deep}\nkind"))
    assert p.location == "date"
    assert "\n" not in str(p) and len(p.message) <= 240


def test_warnings_are_listed_beside_errors_in_one_pass(tmp_path: Path) -> None:
    folder = make_corpus(tmp_path / "c", {
        "x.yaml": DOC_YAML.replace("value: a", "value: z"),
        "y.yaml": DOC_YAML.replace("id: x", "id: y").replace("date: 2022-01-01\nkind", "date: 2099-01-01\nkind"),
    })
    found = validate(folder)
    assert [(Path(p.file).name, p.severity, p.location) for p in found] == [
        ("x.yaml", "error", "stances.sec.level.value"), ("y.yaml", "warning", "date")
    ]


def test_a_bad_date_does_not_hide_the_other_problems_of_its_document(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = bundled_copy(tmp_path)
    file = a_document(folder)
    text = file.read_text(encoding="utf-8").replace("date: 2025-11-20", "date: 2025-02-30", 1)
    text = text.replace("  security.army_cap:", "  security.army_kap:", 1)
    file.write_text(text, encoding="utf-8")
    code, _, err = cli(capsys, "--corpus", str(folder), "validate")
    assert code == 2
    lines = problem_lines(err)
    assert any("date: expected a date" in line for line in lines)
    assert any("unknown issue 'security.army_kap'" in line for line in lines)
    assert all(line.startswith(f"{file}:") for line in lines)
