"""Load and validate ``sources.yaml``: the outlets to follow and the run settings.

Errors name the file, the entry and the problem, because the person reading them is
usually editing YAML by hand at the time.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

DEFAULT_MODEL = "all-MiniLM-L6-v2"


class SourcesError(ValueError):
    """sources.yaml is missing, unreadable or invalid."""


class Settings(BaseModel):
    """Run settings; every key is optional."""

    model_config = ConfigDict(extra="forbid")

    allow_private_hosts: bool = False
    model: str = Field(
        DEFAULT_MODEL,
        description="sentence-transformers model name or path; the default is bundled offline",
    )
    user_agent: str | None = None
    concurrency: int = Field(16, ge=1, le=256)
    per_host: int = Field(4, ge=1, le=64)
    timeout_s: float = Field(20.0, gt=0, le=300)
    max_body_bytes: int = Field(10_000_000, ge=10_000)
    respect_robots: bool = True
    extract_workers: int | None = Field(None, ge=1, le=64)
    story_window_days: int = Field(14, ge=1, le=365)


class Source(BaseModel):
    """One outlet."""

    model_config = ConfigDict(extra="forbid")

    name: str = Field(min_length=1)
    feeds: list[str] = Field(min_length=1)
    aliases: list[str] = Field(default_factory=list)
    homepage: str | None = None
    kind: str | None = Field(None, description="trade press, wire, general tech, vendor, blog…")
    weight: float = Field(1.0, ge=0, le=10, description="ranking weight in the digest")
    since: date | None = Field(
        None, description="ISO date the feed started; earlier dates are suspect"
    )

    @field_validator("feeds")
    @classmethod
    def _feeds_are_urls(cls, feeds: list[str]) -> list[str]:
        for url in feeds:
            parts = urlsplit(url)
            if parts.scheme not in ("http", "https") or not parts.netloc:
                raise ValueError(f"feed {url!r} is not an http(s) URL")
        return feeds

    def all_names(self) -> list[str]:
        return [self.name, *self.aliases]


class SourcesConfig(BaseModel):
    model_config = ConfigDict(extra="forbid")

    settings: Settings = Field(default_factory=Settings)
    sources: list[Source] = Field(min_length=1)
    executives: dict[str, str] = Field(
        default_factory=dict,
        description="people quoted by name alone and the company they speak for "
        '("Jensen Huang said" credits Nvidia); added to the built-in list',
    )

    @field_validator("executives")
    @classmethod
    def _executives_are_names(cls, executives: dict[str, str]) -> dict[str, str]:
        for person, company in executives.items():
            if len(person.split()) < 2 or not company.strip():
                raise ValueError(
                    f"executive {person!r}: give the full name and a company (Jensen Huang: Nvidia)"
                )
        return {person.strip(): company.strip() for person, company in executives.items()}

    def source_by_name(self, name: str) -> Source | None:
        key = name.casefold()
        for source in self.sources:
            if any(n.casefold() == key for n in source.all_names()):
                return source
        return None


def _describe_location(data: Any, loc: tuple[Any, ...]) -> str:
    """Turn a pydantic error location into 'sources[3] (Reuters): feeds[0]'."""
    parts: list[str] = []
    node = data
    for i, key in enumerate(loc):
        if isinstance(key, int):
            parts[-1] = f"{parts[-1]}[{key}]" if parts else f"[{key}]"
            try:
                node = node[key]
            except (IndexError, KeyError, TypeError):
                node = None
            if i == 1 and loc[0] == "sources" and isinstance(node, dict) and node.get("name"):
                parts[-1] += f" ({node['name']})"
        else:
            parts.append(str(key))
            node = node.get(key) if isinstance(node, dict) else None
    return ".".join(parts) or "(top level)"


def parse_sources(text: str, origin: str = "sources.yaml") -> SourcesConfig:
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise SourcesError(f"{origin}: not valid YAML{where}: {problem}") from exc
    if not isinstance(data, dict):
        raise SourcesError(
            f"{origin}: expected a mapping with 'sources:' (and optional 'settings:')"
        )
    try:
        config = SourcesConfig.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = _describe_location(data, tuple(first["loc"]))
        more = f" (and {exc.error_count() - 1} more problems)" if exc.error_count() > 1 else ""
        raise SourcesError(f"{origin}: {where}: {first['msg']}{more}") from exc
    seen: dict[str, str] = {}
    for index, source in enumerate(config.sources):
        for name in source.all_names():
            key = name.casefold()
            if key in seen:
                raise SourcesError(
                    f"{origin}: sources[{index}] ({source.name}): name or alias {name!r} is "
                    f"already used by {seen[key]!r}"
                )
            seen[key] = source.name
    return config


def load_sources(path: Path) -> SourcesConfig:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise SourcesError(f"{path}: file not found (pass --sources PATH)") from exc
    except OSError as exc:
        raise SourcesError(f"{path}: cannot read: {exc.strerror}") from exc
    return parse_sources(text, str(path))
