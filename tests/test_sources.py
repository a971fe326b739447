"""sources.yaml validation: good files load; every error names the file, the entry and the
problem, in one line, because the reader is editing YAML by hand at the time."""

from __future__ import annotations

import importlib.util
import re
import sys
from datetime import date
from pathlib import Path
from textwrap import dedent

import pytest

from pipeline.sources import DEFAULT_MODEL, SourcesConfig, SourcesError, load_sources

ROOT = Path(__file__).resolve().parents[1]

GOOD = """\
settings:
  allow_private_hosts: false
  concurrency: 8
  timeout_s: 5
sources:
  - name: Reuters
    feeds: [https://example.org/reuters/tech.rss, "http://example.org/reuters/chips.rss"]
    aliases: [Reuters News, Thomson Reuters]
    kind: wire
    weight: 2
  - name: The Information
    feeds:
      - https://example.org/theinformation/feed.xml
    since: "2024-01-01"
  - name: Tom's Hardware
    feeds: [https://example.org/toms/feed]
"""


def write(tmp_path: Path, text: str, name: str = "sources.yaml") -> Path:
    path = tmp_path / name
    path.write_text(dedent(text), encoding="utf-8")
    return path


def load_error(tmp_path: Path, text: str) -> str:
    path = write(tmp_path, text)
    with pytest.raises(SourcesError) as info:
        load_sources(path)
    message = str(info.value)
    assert message.startswith(f"{path}: "), message  # names the file first
    assert "\n" not in message  # one line
    return message


# ---------------------------------------------------------------------------- good files


def test_good_file_loads(tmp_path: Path) -> None:
    config = load_sources(write(tmp_path, GOOD))

    assert isinstance(config, SourcesConfig)
    assert [s.name for s in config.sources] == ["Reuters", "The Information", "Tom's Hardware"]
    reuters = config.sources[0]
    assert reuters.feeds == [
        "https://example.org/reuters/tech.rss",
        "http://example.org/reuters/chips.rss",
    ]
    assert reuters.aliases == ["Reuters News", "Thomson Reuters"]
    assert reuters.all_names() == ["Reuters", "Reuters News", "Thomson Reuters"]
    assert reuters.kind == "wire" and reuters.weight == 2.0
    assert config.sources[1].since == date(2024, 1, 1)
    assert config.sources[2].aliases == []
    assert config.settings.allow_private_hosts is False
    assert config.settings.concurrency == 8
    assert config.settings.timeout_s == 5.0
    assert config.settings.model == DEFAULT_MODEL  # untouched settings keep their defaults
    assert config.settings.respect_robots is True


def test_settings_are_optional_and_private_hosts_default_off(tmp_path: Path) -> None:
    config = load_sources(
        write(
            tmp_path,
            """\
        sources:
          - name: Reuters
            feeds: [https://example.org/r.rss]
        """,
        )
    )
    assert config.settings.allow_private_hosts is False
    assert config.settings.max_body_bytes == 10_000_000


def test_source_lookup_by_name_or_alias_ignores_case(tmp_path: Path) -> None:
    config = load_sources(write(tmp_path, GOOD))
    reuters = config.sources[0]
    assert config.source_by_name("reuters news") is reuters
    assert config.source_by_name("THOMSON REUTERS") is reuters
    assert config.source_by_name("tom's hardware") is config.sources[2]
    assert config.source_by_name("Bloomberg") is None


def test_executives_credit_their_company(tmp_path: Path) -> None:
    from pipeline.timeline import make_finder

    config = load_sources(
        write(tmp_path, GOOD + "executives:\n  Ada Kowalczyk: Rackwise\n  Lisa Su: Acme\n")
    )
    assert config.executives == {"Ada Kowalczyk": "Rackwise", "Lisa Su": "Acme"}
    finder = make_finder({}, config.executives)
    text = "Ada Kowalczyk said the racks ship in May. Lisa Su said demand is strong."
    got = [
        c.cited_outlet
        for sentence in text.split(". ")
        for c in finder.find(sentence, date(2026, 4, 6), "ChipBrief", article_text=text)
    ]
    # a new name, and an entry that overrides the built-in list (people change jobs)
    assert got == ["Rackwise", "Acme"]
    # without the entry the built-in list still speaks for Lisa Su
    plain = make_finder({})
    assert [c.cited_outlet for c in plain.find("Lisa Su said so.", date(2026, 4, 6), None)] == [
        "AMD"
    ]


def test_an_executive_needs_a_full_name_and_a_company(tmp_path: Path) -> None:
    message = load_error(tmp_path, GOOD + "executives:\n  Huang: Nvidia\n")
    assert "executives" in message and "full name" in message


# ---------------------------------------------------------------------------- errors


def test_missing_feeds_names_entry_index_and_name(tmp_path: Path) -> None:
    message = load_error(
        tmp_path,
        """\
        sources:
          - name: Reuters
            feeds: [https://example.org/r.rss]
          - name: The Information
            aliases: [TheInfo]
        """,
    )
    assert "sources[1] (The Information)" in message
    assert "feeds" in message
    assert "Field required" in message


def test_empty_feed_list_is_an_error(tmp_path: Path) -> None:
    message = load_error(
        tmp_path,
        """\
        sources:
          - name: Reuters
            feeds: []
        """,
    )
    assert "sources[0] (Reuters).feeds" in message
    assert "at least 1" in message


@pytest.mark.parametrize(
    "feed", ["ftp://example.org/t.rss", "example.org/t.rss", "file:///etc/passwd", "https://"]
)
def test_non_http_feed_names_the_url(tmp_path: Path, feed: str) -> None:
    message = load_error(
        tmp_path,
        f"""\
        sources:
          - name: Reuters
            feeds: [https://example.org/r.rss]
          - name: Tom's Hardware
            feeds: [https://example.org/a.rss, "{feed}"]
        """,
    )
    assert "sources[1] (Tom's Hardware).feeds" in message
    assert repr(feed) in message
    assert "not an http(s) URL" in message


def test_unknown_key_in_an_entry(tmp_path: Path) -> None:
    message = load_error(
        tmp_path,
        """\
        sources:
          - name: Reuters
            feeds: [https://example.org/r.rss]
          - name: AnandTech
            feeds: [https://example.org/a.rss]
            feed_url: https://example.org/x.rss
        """,
    )
    assert "sources[1] (AnandTech).feed_url" in message
    assert "Extra inputs are not permitted" in message


def test_unknown_setting(tmp_path: Path) -> None:
    message = load_error(
        tmp_path,
        """\
        settings:
          allow_private: true
        sources:
          - name: Reuters
            feeds: [https://example.org/r.rss]
        """,
    )
    assert "settings.allow_private" in message
    assert "Extra inputs are not permitted" in message


def test_out_of_range_setting(tmp_path: Path) -> None:
    message = load_error(
        tmp_path,
        """\
        settings:
          concurrency: 0
        sources:
          - name: Reuters
            feeds: [https://example.org/r.rss]
        """,
    )
    assert "settings.concurrency" in message
    assert "greater than or equal to 1" in message


def test_entry_without_name_names_the_index(tmp_path: Path) -> None:
    message = load_error(
        tmp_path,
        """\
        sources:
          - feeds: [https://example.org/r.rss]
        """,
    )
    assert "sources[0].name" in message
    assert "Field required" in message


def test_entry_that_is_not_a_mapping(tmp_path: Path) -> None:
    message = load_error(
        tmp_path,
        """\
        sources:
          - Reuters
        """,
    )
    assert "sources[0]" in message
    assert "dictionary" in message


def test_several_problems_are_counted(tmp_path: Path) -> None:
    message = load_error(
        tmp_path,
        """\
        sources:
          - name: Reuters
          - name: Bloomberg
        """,
    )
    assert "sources[0] (Reuters).feeds: Field required" in message
    assert "1 more" in message


def _duplicate_alias(tmp_path: Path) -> str:
    return load_error(
        tmp_path,
        """\
        sources:
          - name: Reuters
            feeds: [https://example.org/r.rss]
            aliases: [Reuters News]
          - name: Thomson
            feeds: [https://example.org/t.rss]
            aliases: [reuters news]
        """,
    )


def test_duplicate_alias_names_both_sources_and_the_alias(tmp_path: Path) -> None:
    message = _duplicate_alias(tmp_path)
    assert "(Thomson)" in message
    assert "'reuters news'" in message
    assert "'Reuters'" in message
    assert "already used" in message


def test_duplicate_alias_names_the_entry_index(tmp_path: Path) -> None:
    assert "sources[1] (Thomson)" in _duplicate_alias(tmp_path)


def test_duplicate_source_name_ignores_case(tmp_path: Path) -> None:
    message = load_error(
        tmp_path,
        """\
        sources:
          - name: Reuters
            feeds: [https://example.org/r.rss]
          - name: REUTERS
            feeds: [https://example.org/t.rss]
        """,
    )
    assert "(REUTERS)" in message
    assert "already used by 'Reuters'" in message


def test_not_yaml(tmp_path: Path) -> None:
    message = load_error(
        tmp_path,
        """\
        sources:
          - name: [Reuters
            feeds: x
        """,
    )
    assert "not valid YAML" in message
    assert re.search(r"\bline [23]\b", message), message  # where to look


@pytest.mark.parametrize("text", ["", "- Reuters\n- Bloomberg\n", "just a string\n"])
def test_not_a_mapping(tmp_path: Path, text: str) -> None:
    message = load_error(tmp_path, text)
    assert "expected a mapping with 'sources:'" in message


def test_no_sources(tmp_path: Path) -> None:
    message = load_error(tmp_path, "sources: []\n")
    assert "sources" in message and "at least 1" in message


def test_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "nope" / "sources.yaml"
    with pytest.raises(SourcesError) as info:
        load_sources(path)
    assert str(info.value) == f"{path}: file not found (pass --sources PATH)"


def test_directory_instead_of_file(tmp_path: Path) -> None:
    with pytest.raises(SourcesError) as info:
        load_sources(tmp_path)
    assert str(info.value).startswith(f"{tmp_path}: cannot read")


def test_unquoted_since_date_loads(tmp_path: Path) -> None:
    config = load_sources(
        write(
            tmp_path,
            """\
        sources:
          - name: Reuters
            feeds: [https://example.org/r.rss]
            since: 2024-01-01
        """,
        )
    )
    assert str(config.sources[0].since) == "2024-01-01"


def test_invalid_since_is_an_error(tmp_path: Path) -> None:
    message = load_error(
        tmp_path,
        """\
        sources:
          - name: Reuters
            feeds: [https://example.org/r.rss]
            since: yesterday
        """,
    )
    assert "sources[0] (Reuters).since" in message


# ---------------------------------------------------------------------------- real files


def test_repo_sources_yaml_loads() -> None:
    path = ROOT / "sources.yaml"
    if not path.exists():
        pytest.skip("no sources.yaml at the repository root yet")
    config = load_sources(path)
    assert config.sources
    assert config.settings.allow_private_hosts is False  # the real file fetches the internet
    for source in config.sources:
        assert all(url.startswith("https://") or url.startswith("http://") for url in source.feeds)


def _sample_build_module() -> object:
    path = ROOT / "data" / "sample" / "build.py"
    spec = importlib.util.spec_from_file_location("sample_build_for_sources", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses resolve annotations through sys.modules
    spec.loader.exec_module(module)
    return module


def test_sample_sources_yaml_loads(tmp_path: Path) -> None:
    """data/sample/sources.yaml is generated by build.py from outlets.yaml: check the file if
    it has been built, and in any case what build.py generates."""
    build = _sample_build_module()
    outlets = build.load_outlets(ROOT / "data" / "sample" / "outlets.yaml")  # type: ignore[attr-defined]
    generated = write(tmp_path, build.build_sources(outlets))  # type: ignore[attr-defined]
    paths = [generated]
    built = ROOT / "data" / "sample" / "sources.yaml"
    if built.exists():
        paths.append(built)
    for path in paths:
        config = load_sources(path)
        assert config.settings.allow_private_hosts is True
        assert {s.name for s in config.sources} == set(outlets)
        assert all(s.feeds for s in config.sources)
