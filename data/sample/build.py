#!/usr/bin/env python3
"""Render the sample corpus (stories/*.yaml) into a static site, labels and a sources file.

Usage::

    python data/sample/build.py                       # stories/ -> site/, labels.json, sources.yaml
    python data/sample/build.py --stories DIR --out DIR
    python data/sample/build.py --lenient             # skip invalid story files with a warning

The output is deterministic: the same stories and outlets give byte-identical files (no
"now" timestamps; everything derives from the stories' own dates). See FORMAT.md for the
story format and outlets.yaml for every outlet's feed format, page family and quirks.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import shutil
import sys
import uuid
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta, timezone
from email.utils import format_datetime
from pathlib import Path
from typing import Any
from urllib.parse import quote
from xml.sax.saxutils import escape as _xml_escape

import yaml
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

ORIGIN = "https://sample.firstwire.invalid"
HERE = Path(__file__).resolve().parent
TRACKING_QUERY = "utm_source=rss&utm_medium=feed"
SPLITS = (
    "tune",
    "heldout",
    "heldout2",
    "heldout3",
    "dev2",
    "heldout4",
    "heldout5",
    "heldout6",
    "dev3",
    "dev4",
)
ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
FEED_MIME = {
    "rss2": "application/rss+xml",
    "atom": "application/atom+xml",
    "rdf": "application/rdf+xml",
}
TZ_LABELS = {"Z": "GMT", "+00:00": "GMT", "-04:00": "EDT", "-07:00": "PDT", "+08:00": "GMT+8"}
ABBREVIATIONS = set(
    "mr mrs ms dr prof inc corp co ltd jr sr st vs etc jan feb mar apr jun jul aug sep sept"
    " oct nov dec no u.s u.k e.g i.e approx est".split()
)


class BuildError(Exception):
    """A story or outlet file is invalid."""


# --------------------------------------------------------------------------- model


@dataclass
class Feed:
    """One feed of an outlet."""

    path: str
    format: str
    title: str
    links: str = "absolute"
    encoding: str = "UTF-8"
    dates: bool = True
    guid: str = ""
    sections: list[str] = field(default_factory=list)

    @property
    def url(self) -> str:
        return ORIGIN + self.path

    @property
    def mime(self) -> str:
        return FEED_MIME[self.format]


@dataclass
class Outlet:
    """An invented outlet (one entry of outlets.yaml)."""

    name: str
    slug: str
    aliases: list[str]
    homepage: str
    kind: str
    tagline: str
    template: str
    date_style: str
    utc_offset: str
    title_separator: str
    url_pattern: str
    page_encoding: str
    feeds: list[Feed]
    articles: list[Article] = field(default_factory=list)

    @property
    def tz(self) -> timezone:
        if self.utc_offset == "Z":
            return UTC
        sign = -1 if self.utc_offset.startswith("-") else 1
        hours, minutes = self.utc_offset[1:].split(":")
        return timezone(sign * timedelta(hours=int(hours), minutes=int(minutes)))

    @property
    def home_url(self) -> str:
        return ORIGIN + self.homepage


@dataclass
class Article:
    """One article of a story, with everything the renderer derives from it."""

    id: str
    story: str
    split: str
    outlet: Outlet
    published: datetime  # aware, UTC
    slug: str
    title: str
    author: str
    section: str
    paragraphs: list[str]
    path: str = ""

    @property
    def url(self) -> str:
        return ORIGIN + self.path

    @property
    def local(self) -> datetime:
        return self.published.astimezone(self.outlet.tz)

    @property
    def iso_local(self) -> str:
        """Full ISO 8601 time in the outlet's own offset ("Z" for outlets writing UTC that way)."""
        text = self.local.isoformat(timespec="seconds")
        if self.outlet.utc_offset == "Z":
            text = text.replace("+00:00", "Z")
        return text

    @property
    def published_utc(self) -> str:
        return self.published.strftime("%Y-%m-%dT%H:%M:%SZ")

    @property
    def blocks(self) -> list[dict[str, str]]:
        out = []
        for para in self.paragraphs:
            if para.startswith("## "):
                out.append({"kind": "h2", "text": para[3:].strip()})
            else:
                out.append({"kind": "p", "text": para})
        return out

    @property
    def summary(self) -> str:
        return summarize(self.paragraphs)

    @property
    def section_slug(self) -> str:
        return slugify(self.section)


# --------------------------------------------------------------------------- helpers


def slugify(text: str) -> str:
    """Lowercase, hyphen-separated ASCII slug."""
    text = text.lower().replace("&", " and ")
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-") or "news"


def split_sentences(text: str) -> list[str]:
    """Split plain text into sentences (good enough for feed summaries)."""
    sentences: list[str] = []
    start = 0
    for match in re.finditer(r"(?<=[.!?])[\"”’)]?\s+(?=[\"“‘(]?[A-Z0-9])", text):
        candidate = text[start : match.start()].strip()
        last_word = candidate.rsplit(None, 1)[-1].rstrip(".").lower() if candidate else ""
        if last_word in ABBREVIATIONS or re.fullmatch(r"[a-z]", last_word):
            continue
        end = match.end()
        sentences.append(text[start:end].strip())
        start = end
    tail = text[start:].strip()
    if tail:
        sentences.append(tail)
    return sentences


def summarize(paragraphs: list[str]) -> str:
    """The first one or two sentences of the body (two when the first is short)."""
    for para in paragraphs:
        if para.startswith("## ") or not para.strip():
            continue
        sentences = split_sentences(para)
        summary = sentences[0]
        if len(summary) < 120 and len(sentences) > 1:
            summary += " " + sentences[1]
        return summary
    return ""


def stable_int(*parts: str, modulo: int = 10**9) -> int:
    """A deterministic integer derived from strings."""
    digest = hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()
    return int(digest[:12], 16) % modulo


def xml_escape(text: str) -> str:
    """Escape text for XML element content and double-quoted attributes."""
    return _xml_escape(text, {'"': "&quot;"})


def jsonable(value: Any) -> Any:
    """Turn YAML-loaded values (dates!) into JSON-safe ones."""
    if isinstance(value, datetime):
        if value.tzinfo is None:
            value = value.replace(tzinfo=UTC)
        return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [jsonable(v) for v in value]
    return value


def parse_published(value: Any, where: str) -> datetime:
    """Parse a story `published` value (string or YAML timestamp) into an aware UTC datetime."""
    if isinstance(value, datetime):
        dt = value
    elif isinstance(value, str):
        try:
            dt = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
        except ValueError as exc:
            raise BuildError(f"{where}: bad published time {value!r}") from exc
    else:
        raise BuildError(f"{where}: published must be an ISO 8601 string, got {value!r}")
    if dt.tzinfo is None:
        raise BuildError(f"{where}: published time {value!r} has no UTC offset")
    return dt.astimezone(UTC)


def visible_date(article: Article, family: str) -> str:
    """The human-readable date line a page of `family` shows (in the outlet's local time)."""
    local = article.local
    label = TZ_LABELS.get(article.outlet.utc_offset, "UTC" + article.outlet.utc_offset)
    hour12 = local.strftime("%I").lstrip("0") or "12"
    ampm = local.strftime("%p")
    month = local.strftime("%B")
    if family == "broadsheet":
        return f"{month} {local.day}, {local.year} {hour12}:{local:%M} {ampm} {label}"
    if family == "newsroom":
        return f"{local:%a} {month} {local.day}, {local.year} {hour12}:{local:%M} {ampm} {label}"
    if family == "blog":
        return f"{month} {local.day}, {local.year}"
    if article.outlet.utc_offset in ("Z", "+00:00"):
        return f"Posted on {month} {local.day}, {local.year} at {hour12}:{local:%M} {ampm} {label}"
    return f"{local.day} {month} {local.year}, {local:%H:%M} ({label})"


# --------------------------------------------------------------------------- loading


def load_outlets(path: Path) -> dict[str, Outlet]:
    """Load outlets.yaml, keyed by outlet name."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    outlets: dict[str, Outlet] = {}
    for raw in data["outlets"]:
        feeds = []
        for f in raw["feeds"]:
            fmt = f["format"]
            if fmt not in FEED_MIME:
                raise BuildError(f"outlet {raw['name']}: unknown feed format {fmt!r}")
            feeds.append(
                Feed(
                    path=f["path"],
                    format=fmt,
                    title=f["title"],
                    links=f.get("links", "absolute"),
                    encoding=f.get("encoding", "UTF-8"),
                    dates=bool(f.get("dates", True)),
                    guid=f.get("guid") or ("tag" if fmt == "atom" else "permalink"),
                    sections=[str(s).lower() for s in f.get("sections", [])],
                )
            )
        outlet = Outlet(
            name=raw["name"],
            slug=raw["slug"],
            aliases=list(raw.get("aliases") or []),
            homepage=raw["homepage"],
            kind=str(raw.get("kind", "")),
            tagline=raw.get("tagline", ""),
            template=raw["template"],
            date_style=raw["date_style"],
            utc_offset=str(raw["utc_offset"]),
            title_separator=raw["title_separator"],
            url_pattern=raw["url_pattern"],
            page_encoding=raw["page_encoding"],
            feeds=feeds,
        )
        outlets[outlet.name] = outlet
    return outlets


REQUIRED_ARTICLE_KEYS = (
    "id",
    "outlet",
    "published",
    "slug",
    "title",
    "author",
    "section",
    "paragraphs",
)


def load_story(path: Path, outlets: dict[str, Outlet]) -> tuple[dict[str, Any], list[Article]]:
    """Load and check one story file; return the raw story and its articles."""
    where = path.name
    try:
        story = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        raise BuildError(f"{where}: not valid YAML/UTF-8: {exc}") from exc
    if not isinstance(story, dict):
        raise BuildError(f"{where}: not a mapping")
    for key in ("story", "split", "summary", "articles"):
        if not story.get(key):
            raise BuildError(f"{where}: missing {key!r}")
    story_id = str(story["story"])
    if not ID_RE.match(story_id):
        raise BuildError(f"{where}: story id {story_id!r} is not kebab-case")
    if story["split"] not in SPLITS:
        raise BuildError(f"{where}: split must be one of {SPLITS}")
    if not isinstance(story["articles"], list):
        raise BuildError(f"{where}: articles must be a list")
    articles = []
    for i, raw in enumerate(story["articles"]):
        awhere = f"{where}: article #{i + 1}"
        if not isinstance(raw, dict):
            raise BuildError(f"{awhere}: not a mapping")
        missing = [k for k in REQUIRED_ARTICLE_KEYS if not raw.get(k)]
        if missing:
            raise BuildError(f"{awhere}: missing {', '.join(missing)}")
        awhere = f"{where}: article {raw['id']}"
        if raw["outlet"] not in outlets:
            raise BuildError(f"{awhere}: unknown outlet {raw['outlet']!r}")
        if not ID_RE.match(str(raw["slug"])):
            raise BuildError(f"{awhere}: slug {raw['slug']!r} is not lowercase-hyphenated")
        paragraphs = raw["paragraphs"]
        if not isinstance(paragraphs, list) or not all(
            isinstance(p, str) and p.strip() for p in paragraphs
        ):
            raise BuildError(f"{awhere}: paragraphs must be a list of non-empty strings")
        articles.append(
            Article(
                id=str(raw["id"]),
                story=story_id,
                split=story["split"],
                outlet=outlets[raw["outlet"]],
                published=parse_published(raw["published"], awhere),
                slug=str(raw["slug"]),
                title=str(raw["title"]).strip(),
                author=str(raw["author"]).strip(),
                section=str(raw["section"]).strip(),
                paragraphs=[p.strip() for p in paragraphs],
            )
        )
    check_labels(story, articles, where)
    return story, articles


def check_labels(story: dict[str, Any], articles: list[Article], where: str) -> None:
    """Details and citations must refer to the story's articles and quote them verbatim."""
    by_id = {a.id: a for a in articles}

    def body(article_id: str) -> str:
        return "\n".join(p.removeprefix("## ") for p in by_id[article_id].paragraphs)

    for detail in story.get("details") or []:
        dwhere = f"{where}: detail {detail.get('id')!r}"
        stated = detail.get("stated_in") or {}
        if not stated:
            raise BuildError(f"{dwhere}: empty stated_in")
        for article_id, sentence in stated.items():
            if article_id not in by_id:
                raise BuildError(f"{dwhere}: stated_in names unknown article {article_id!r}")
            if str(sentence) not in body(article_id):
                raise BuildError(f"{dwhere}: sentence not verbatim in {article_id}: {sentence!r}")
        first = detail.get("first_reporter")
        if first not in stated:
            raise BuildError(f"{dwhere}: first_reporter {first!r} not in stated_in")
        earliest = min(by_id[a].published for a in stated)
        if by_id[first].published != earliest:
            raise BuildError(f"{dwhere}: first_reporter {first!r} is not the earliest of stated_in")
        for conflict in detail.get("conflicts") or []:
            for article_id in conflict.get("articles") or []:
                if article_id not in by_id:
                    raise BuildError(f"{dwhere}: conflict names unknown article {article_id!r}")
    for cite in story.get("citations") or []:
        article_id = cite.get("article")
        if article_id not in by_id:
            raise BuildError(f"{where}: citation names unknown article {article_id!r}")
        if str(cite.get("sentence", "")) not in body(article_id):
            raise BuildError(
                f"{where}: citation sentence not verbatim in {article_id}: {cite.get('sentence')!r}"
            )


def load_corpus(
    stories_dir: Path, outlets: dict[str, Outlet], lenient: bool
) -> tuple[list[dict[str, Any]], list[Article], list[str]]:
    """Load every story file; in lenient mode bad files are skipped and reported."""
    stories: list[dict[str, Any]] = []
    articles: list[Article] = []
    problems: list[str] = []
    seen_stories: set[str] = set()
    seen_articles: set[str] = set()
    for path in sorted(stories_dir.glob("*.yaml")):
        try:
            story, story_articles = load_story(path, outlets)
            if story["story"] in seen_stories:
                raise BuildError(f"{path.name}: duplicate story id {story['story']!r}")
            for a in story_articles:
                if a.id in seen_articles:
                    raise BuildError(f"{path.name}: duplicate article id {a.id!r}")
                seen_articles.add(a.id)
        except BuildError as exc:
            if not lenient:
                raise
            problems.append(str(exc))
            continue
        seen_stories.add(story["story"])
        stories.append(story)
        articles.extend(story_articles)
    return stories, articles, problems


def assign_paths(articles: list[Article]) -> None:
    """Fill in every article's URL path from its outlet's url_pattern; paths must be unique."""
    seen: dict[str, str] = {}
    for a in articles:
        local = a.local
        a.path = a.outlet.url_pattern.format(
            slug=a.slug,
            section=a.section_slug,
            yyyy=f"{local.year:04d}",
            mm=f"{local.month:02d}",
            dd=f"{local.day:02d}",
        )
        if a.path in seen:
            raise BuildError(f"articles {seen[a.path]!r} and {a.id!r} map to the same URL {a.url}")
        seen[a.path] = a.id


# --------------------------------------------------------------------------- pages


def make_env(templates_dir: Path) -> Environment:
    """Jinja environment with HTML autoescaping for every template."""
    env = Environment(
        loader=FileSystemLoader(str(templates_dir)),
        autoescape=True,
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["urlquote"] = lambda s: quote(str(s), safe="")
    return env


def json_ld(article: Article) -> Markup:
    """A JSON-LD NewsArticle block, safe inside <script> in any page encoding (ASCII only)."""
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article.title,
        "description": article.summary,
        "datePublished": article.iso_local,
        "dateModified": article.iso_local,
        "articleSection": article.section,
        "author": [{"@type": "Person", "name": article.author}],
        "publisher": {
            "@type": "Organization",
            "name": article.outlet.name,
            "url": article.outlet.home_url,
        },
        "mainEntityOfPage": {"@type": "WebPage", "@id": article.url},
        "url": article.url,
    }
    text = json.dumps(data, ensure_ascii=True, indent=2, sort_keys=False)
    return Markup(text.replace("</", "<\\/"))


def outlet_nav(outlet: Outlet) -> list[dict[str, str]]:
    """Main menu: home, the outlet's sections, about."""
    items = [{"label": "Home", "url": outlet.homepage}]
    sections = sorted({a.section for a in outlet.articles})
    for section in sections[:6]:
        items.append({"label": section, "url": f"{outlet.homepage}#{slugify(section)}"})
    items.append({"label": "About", "url": f"{outlet.homepage}about/"})
    return items


def sidebars(article: Article) -> tuple[list[Article], list[Article]]:
    """(trending, related): other articles of the same outlet, chosen deterministically."""
    others = [o for o in article.outlet.articles if o.id != article.id]
    trending = sorted(others, key=lambda o: (stable_int(article.id, o.id), o.id))[:5]
    related = sorted(
        others, key=lambda o: (abs((o.published - article.published).total_seconds()), o.id)
    )[:3]
    return trending, related


def copyright_year(outlet: Outlet) -> int:
    return max((a.local.year for a in outlet.articles), default=2026)


def encode_page(text: str, encoding: str) -> bytes:
    """Encode a page; characters the encoding lacks become numeric character references."""
    return text.encode(encoding, errors="xmlcharrefreplace")


def render_article(env: Environment, article: Article) -> bytes:
    outlet = article.outlet
    trending, related = sidebars(article)
    context = {
        "origin": ORIGIN,
        "outlet": outlet,
        "article": article,
        "charset": outlet.page_encoding,
        "page_title": f"{article.title}{outlet.title_separator}{outlet.name}",
        "visible_date": visible_date(article, outlet.template),
        "nav": outlet_nav(outlet),
        "trending": trending,
        "related": related,
        "year": copyright_year(outlet),
        "json_ld": json_ld(article) if outlet.template == "newsroom" else "",
        "comment_count": stable_int("comments", article.id, modulo=40),
    }
    text = env.get_template(f"{outlet.template}.html").render(**context)
    return encode_page(text, outlet.page_encoding)


def render_outlet_page(env: Environment, outlet: Outlet, template: str) -> bytes:
    articles = sorted(outlet.articles, key=lambda a: (a.published, a.id), reverse=True)
    text = env.get_template(template).render(
        origin=ORIGIN,
        outlet=outlet,
        articles=articles,
        charset=outlet.page_encoding,
        nav=outlet_nav(outlet),
        year=copyright_year(outlet),
        dates={a.id: visible_date(a, "blog") for a in articles},
    )
    return encode_page(text, outlet.page_encoding)


# --------------------------------------------------------------------------- feeds


def feed_items(outlet: Outlet, feed: Feed) -> list[Article]:
    """The feed's entries, newest first. A feed with `sections` is a category feed."""
    items = sorted(outlet.articles, key=lambda a: (a.published, a.id), reverse=True)
    if not feed.sections:
        return items
    wanted = {s.lower() for s in feed.sections} | {slugify(s) for s in feed.sections}
    chosen = [a for a in items if a.section.lower() in wanted or a.section_slug in wanted]
    if not chosen or len(chosen) == len(items):
        # Sections did not split the outlet's articles: take every other one, so that the
        # category feed still shares some (but not all) entries with the "all" feed.
        chosen = items[::2] if len(items) > 1 else items
    return chosen


def entry_link(article: Article, feed: Feed) -> str:
    if feed.links == "relative":
        return article.path
    if feed.links == "tracking":
        return f"{article.url}?{TRACKING_QUERY}"
    return article.url


def entry_guid(article: Article, feed: Feed) -> tuple[str, bool]:
    """(guid, is_permalink) for an entry."""
    if feed.guid == "permalink":
        return article.url, True
    if feed.guid == "wp":
        return (
            f"{ORIGIN}{article.outlet.homepage}?p={10000 + stable_int(article.id, modulo=90000)}",
            False,
        )
    if feed.guid == "uuid":
        return f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, article.url)}", False
    year = article.local.year
    return f"tag:sample.firstwire.invalid,{year}:{article.outlet.slug}/{article.id}", False


def rfc822(dt: datetime, outlet: Outlet) -> str:
    local = dt.astimezone(outlet.tz)
    return format_datetime(local, usegmt=outlet.utc_offset == "Z")


def xml_prolog(feed: Feed) -> str:
    return f'<?xml version="1.0" encoding="{feed.encoding}"?>\n'


def render_rss2(outlet: Outlet, feed: Feed, items: list[Article]) -> str:
    year = copyright_year(outlet)
    out = [
        xml_prolog(feed),
        '<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom">\n',
        "<channel>\n",
        f"  <title>{xml_escape(feed.title)}</title>\n",
        f"  <link>{xml_escape(outlet.home_url)}</link>\n",
        f'  <atom:link href="{xml_escape(feed.url)}" rel="self" type="application/rss+xml"/>\n',
        f"  <description>{xml_escape(outlet.tagline)}</description>\n",
        "  <language>en-us</language>\n",
        f"  <copyright>\u00a9 {year} {xml_escape(outlet.name)}</copyright>\n",
    ]
    if feed.dates and items:
        out.append(f"  <lastBuildDate>{rfc822(items[0].published, outlet)}</lastBuildDate>\n")
    out.append("  <generator>firstwire sample builder</generator>\n")
    for a in items:
        guid, permalink = entry_guid(a, feed)
        out.append("  <item>\n")
        out.append(f"    <title>{xml_escape(a.title)}</title>\n")
        out.append(f"    <link>{xml_escape(entry_link(a, feed))}</link>\n")
        out.append(f"    <description>{xml_escape(a.summary)}</description>\n")
        out.append(f"    <dc:creator>{xml_escape(a.author)}</dc:creator>\n")
        out.append(f"    <category>{xml_escape(a.section)}</category>\n")
        if permalink:
            out.append(f"    <guid>{xml_escape(guid)}</guid>\n")
        else:
            out.append(f'    <guid isPermaLink="false">{xml_escape(guid)}</guid>\n')
        if feed.dates:
            out.append(f"    <pubDate>{rfc822(a.published, outlet)}</pubDate>\n")
        out.append("  </item>\n")
    out.append("</channel>\n</rss>\n")
    return "".join(out)


def render_atom(outlet: Outlet, feed: Feed, items: list[Article]) -> str:
    updated = items[0].iso_local if items else f"{copyright_year(outlet)}-01-01T00:00:00Z"
    out = [
        xml_prolog(feed),
        '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">\n',
        f"  <title>{xml_escape(feed.title)}</title>\n",
        f"  <subtitle>{xml_escape(outlet.tagline)}</subtitle>\n",
        f'  <link rel="self" type="application/atom+xml" href="{xml_escape(feed.url)}"/>\n',
        f'  <link rel="alternate" type="text/html" href="{xml_escape(outlet.home_url)}"/>\n',
        f"  <id>{xml_escape(outlet.home_url)}</id>\n",
        f"  <updated>{updated}</updated>\n",
        f"  <rights>\u00a9 {copyright_year(outlet)} {xml_escape(outlet.name)}</rights>\n",
    ]
    for a in items:
        guid, _ = entry_guid(a, feed)
        out.append("  <entry>\n")
        out.append(f'    <title type="text">{xml_escape(a.title)}</title>\n')
        link = xml_escape(entry_link(a, feed))
        out.append(f'    <link rel="alternate" type="text/html" href="{link}"/>\n')
        out.append(f"    <id>{xml_escape(guid)}</id>\n")
        if feed.dates:
            out.append(f"    <published>{a.iso_local}</published>\n")
            out.append(f"    <updated>{a.iso_local}</updated>\n")
        out.append(f"    <author><name>{xml_escape(a.author)}</name></author>\n")
        out.append(f'    <category term="{xml_escape(a.section)}"/>\n')
        out.append(f'    <summary type="text">{xml_escape(a.summary)}</summary>\n')
        out.append("  </entry>\n")
    out.append("</feed>\n")
    return "".join(out)


def render_rdf(outlet: Outlet, feed: Feed, items: list[Article]) -> str:
    out = [
        xml_prolog(feed),
        '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"'
        ' xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">\n',
        f'  <channel rdf:about="{xml_escape(feed.url)}">\n',
        f"    <title>{xml_escape(feed.title)}</title>\n",
        f"    <link>{xml_escape(outlet.home_url)}</link>\n",
        f"    <description>{xml_escape(outlet.tagline)}</description>\n",
        "    <dc:language>en</dc:language>\n",
        f"    <dc:rights>\u00a9 {copyright_year(outlet)} {xml_escape(outlet.name)}</dc:rights>\n",
    ]
    if feed.dates and items:
        out.append(f"    <dc:date>{items[0].iso_local}</dc:date>\n")
    out.append("    <items>\n      <rdf:Seq>\n")
    for a in items:
        out.append(f'        <rdf:li rdf:resource="{xml_escape(entry_link(a, feed))}"/>\n')
    out.append("      </rdf:Seq>\n    </items>\n  </channel>\n")
    for a in items:
        link = xml_escape(entry_link(a, feed))
        out.append(f'  <item rdf:about="{link}">\n')
        out.append(f"    <title>{xml_escape(a.title)}</title>\n")
        out.append(f"    <link>{link}</link>\n")
        out.append(f"    <description>{xml_escape(a.summary)}</description>\n")
        out.append(f"    <dc:creator>{xml_escape(a.author)}</dc:creator>\n")
        out.append(f"    <dc:subject>{xml_escape(a.section)}</dc:subject>\n")
        if feed.dates:
            out.append(f"    <dc:date>{a.iso_local}</dc:date>\n")
        out.append("  </item>\n")
    out.append("</rdf:RDF>\n")
    return "".join(out)


FEED_RENDERERS = {"rss2": render_rss2, "atom": render_atom, "rdf": render_rdf}


def render_feed(outlet: Outlet, feed: Feed) -> bytes:
    items = feed_items(outlet, feed)
    text = FEED_RENDERERS[feed.format](outlet, feed, items)
    return text.encode(feed.encoding, errors="xmlcharrefreplace")


# --------------------------------------------------------------------------- labels


def build_labels(stories: list[dict[str, Any]], articles: list[Article]) -> dict[str, Any]:
    """labels.json: canonical URL -> story/split; story summaries, details and citations."""
    url_of = {a.id: a.url for a in articles}
    labels: dict[str, Any] = {"articles": {}, "stories": {}, "details": {}, "citations": {}}
    for a in articles:
        labels["articles"][a.url] = {
            "id": a.id,
            "story": a.story,
            "split": a.split,
            "outlet": a.outlet.name,
            "published": a.published_utc,
        }
    for story in stories:
        sid = story["story"]
        labels["stories"][sid] = {"split": story["split"], "summary": str(story["summary"]).strip()}
        details = []
        for raw in story.get("details") or []:
            detail = jsonable(raw)
            detail["stated_in_urls"] = {
                url_of[k]: v for k, v in (detail.get("stated_in") or {}).items()
            }
            detail["first_reporter_url"] = url_of.get(detail.get("first_reporter"))
            conflicts = []
            for conflict in detail.get("conflicts") or []:
                conflict = dict(conflict)
                conflict["urls"] = [url_of[k] for k in conflict.get("articles") or []]
                conflicts.append(conflict)
            detail["conflicts"] = conflicts
            details.append(detail)
        labels["details"][sid] = details
        citations = []
        for raw in story.get("citations") or []:
            cite = jsonable(raw)
            cite["article_url"] = url_of[cite["article"]]
            citations.append(cite)
        labels["citations"][sid] = citations
    return labels


def build_sources(outlets: dict[str, Outlet]) -> str:
    """sources.yaml for the demo: every outlet's feeds on the sample origin."""
    lines = [
        "# GENERATED by data/sample/build.py from outlets.yaml -- do not edit by hand.",
        "# The sample server rewrites https://sample.firstwire.invalid to its own http://127.0.0.1:PORT.",
        "settings:",
        "  allow_private_hosts: true",
        "sources:",
    ]

    def flow(values: list[str]) -> str:
        return "[" + ", ".join(json.dumps(v, ensure_ascii=False) for v in values) + "]"

    for outlet in outlets.values():
        lines.append(f"  - name: {json.dumps(outlet.name, ensure_ascii=False)}")
        lines.append(f"    feeds: {flow([f.url for f in outlet.feeds])}")
        lines.append(f"    aliases: {flow(outlet.aliases)}")
        lines.append(f"    homepage: {json.dumps(outlet.home_url)}")
        if outlet.kind:
            lines.append(f"    kind: {json.dumps(outlet.kind)}")
    return "\n".join(lines) + "\n"


# --------------------------------------------------------------------------- build


def write(path: Path, data: bytes | str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(data)


def page_file(site: Path, url_path: str) -> Path:
    """site/<path>/index.html for a directory-style URL path."""
    rel = url_path.strip("/")
    return site / rel / "index.html" if rel else site / "index.html"


def build(
    stories_dir: Path, out_dir: Path, outlets_file: Path, templates_dir: Path, lenient: bool = False
) -> list[str]:
    """Render everything; return the problems skipped in lenient mode."""
    outlets = load_outlets(outlets_file)
    stories, articles, problems = load_corpus(stories_dir, outlets, lenient)
    assign_paths(articles)
    articles.sort(key=lambda a: (a.published, a.id))
    for a in articles:
        a.outlet.articles.append(a)

    site = out_dir / "site"
    if site.exists():
        shutil.rmtree(site)
    env = make_env(templates_dir)

    for a in articles:
        write(page_file(site, a.path), render_article(env, a))
    for outlet in outlets.values():
        write(page_file(site, outlet.homepage), render_outlet_page(env, outlet, "home.html"))
        write(
            page_file(site, outlet.homepage + "about/"),
            render_outlet_page(env, outlet, "about.html"),
        )
        for feed in outlet.feeds:
            write(site / feed.path.lstrip("/"), render_feed(outlet, feed))
    root = env.get_template("root.html").render(origin=ORIGIN, outlets=list(outlets.values()))
    write(site / "index.html", root)
    write(site / "private" / "index.html", env.get_template("private.html").render())
    write(site / "robots.txt", "User-agent: *\nDisallow: /private/\nAllow: /\n")

    labels = build_labels(stories, articles)
    write(
        out_dir / "labels.json",
        json.dumps(labels, indent=2, sort_keys=True, ensure_ascii=False) + "\n",
    )
    write(out_dir / "sources.yaml", build_sources(outlets))
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--stories", type=Path, default=HERE / "stories", help="directory of story YAML files"
    )
    parser.add_argument(
        "--out",
        type=Path,
        default=HERE,
        help="output directory (gets site/, labels.json, sources.yaml)",
    )
    parser.add_argument("--outlets", type=Path, default=HERE / "outlets.yaml", help="outlets file")
    parser.add_argument(
        "--templates", type=Path, default=HERE / "templates", help="jinja2 templates directory"
    )
    parser.add_argument(
        "--lenient", action="store_true", help="skip invalid story files instead of failing"
    )
    args = parser.parse_args(argv)
    try:
        problems = build(args.stories, args.out, args.outlets, args.templates, lenient=args.lenient)
    except BuildError as exc:
        print(f"build.py: error: {exc}", file=sys.stderr)
        return 1
    for problem in problems:
        print(f"build.py: skipped: {problem}", file=sys.stderr)
    labels = json.loads((args.out / "labels.json").read_text(encoding="utf-8"))
    print(
        f"built {len(labels['articles'])} articles in {len(labels['stories'])} stories"
        f" -> {args.out / 'site'}" + (f" ({len(problems)} story files skipped)" if problems else "")
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
