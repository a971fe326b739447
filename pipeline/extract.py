"""Turn an article page (bytes) into text, headline, author, language and page date.

Pure: takes content, never URLs to fetch. Runs in worker processes during ingest, so it
keeps no state beyond module-level constants.

Dates: htmldate (inside trafilatura) returns a day without the time of day, so the
page's explicit published-time metadata (``article:published_time``, JSON-LD
``datePublished``, ``<time datetime>``) is read here first and only the bare day from
trafilatura is used when the page carries nothing better.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from datetime import UTC, datetime

import lxml.html
from lxml import etree

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)""", re.I)
_DATE_META_KEYS = (
    "article:published_time",
    "og:article:published_time",
    "datepublished",
    "publish-date",
    "publish_date",
    "pubdate",
    "parsely-pub-date",
    "sailthru.date",
    "dc.date.issued",
    "dc.date",
    "dcterms.created",
    "date",
)
_TITLE_META_KEYS = ("og:title", "twitter:title", "headline", "dc.title")
_TITLE_SEPARATORS = (" | ", " - ", " — ", " – ", " :: ", " · ", " » ", ": ")


@dataclass(frozen=True)
class Extracted:
    title: str | None
    author: str | None
    language: str | None
    text: str | None
    page_date: datetime | None
    page_date_kind: str | None  # 'time' (explicit timestamp) | 'day' (date only)
    canonical_url: str | None
    site_name: str | None
    content_hash: str | None
    note: str | None = None


# WHATWG: browsers decode these labels as windows-1252, a superset
_AS_CP1252 = {
    "iso-8859-1",
    "iso8859-1",
    "latin-1",
    "latin1",
    "l1",
    "us-ascii",
    "ascii",
    "iso_8859-1",
    "cp819",
    "ibm819",
}
_BOMS = ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"))


def decode_html(body: bytes, content_type: str | None = None) -> str:
    """Decode page bytes as a browser would: a byte-order mark wins, then the HTTP
    charset, then <meta charset>, then UTF-8, then windows-1252."""
    for bom, enc in _BOMS:
        if body.startswith(bom):
            return body[len(bom) :].decode(enc, errors="replace")
    candidates: list[str] = []
    if content_type:
        m = re.search(r"charset\s*=\s*[\"']?([A-Za-z0-9_\-:.]+)", content_type, re.I)
        if m:
            candidates.append(m.group(1))
    m2 = _META_CHARSET.search(body[:4096])
    if m2:
        candidates.append(m2.group(1).decode("ascii", "ignore"))
    candidates = ["cp1252" if c.lower() in _AS_CP1252 else c for c in candidates]
    candidates += ["utf-8"]
    for enc in candidates:
        try:
            return body.decode(enc)
        except (LookupError, UnicodeDecodeError):
            continue
    return body.decode("cp1252", errors="replace")


def parse_datetime(value: str | None) -> tuple[datetime, str] | None:
    """Parse an ISO-8601-ish timestamp; returns (UTC datetime, 'time'|'day')."""
    if not value:
        return None
    text = value.strip()
    if not text:
        return None
    text = text.replace("Z", "+00:00").replace("z", "+00:00")
    # "2026-04-03 13:05:00+0000" and "+0800" offsets
    text = re.sub(r"([+-]\d{2})(\d{2})$", r"\1:\2", text)
    try:
        dt = datetime.fromisoformat(text)
    except ValueError:
        m = re.match(r"(\d{4})-(\d{2})-(\d{2})", text)
        if not m:
            return None
        try:
            dt = datetime(int(m[1]), int(m[2]), int(m[3]), tzinfo=UTC)
        except ValueError:
            return None
        return dt, "day"
    has_time = bool(re.search(r"\d[T ]\d{1,2}:\d{2}", text))
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=UTC)
    return dt.astimezone(UTC), ("time" if has_time else "day")


def _meta_map(tree: lxml.html.HtmlElement) -> dict[str, str]:
    meta: dict[str, str] = {}
    for el in tree.iter("meta"):
        key = (el.get("property") or el.get("name") or el.get("itemprop") or "").strip().lower()
        content = el.get("content")
        if key and content and key not in meta:
            meta[key] = content.strip()
    return meta


def _json_ld(tree: lxml.html.HtmlElement) -> list[dict[str, object]]:
    out: list[dict[str, object]] = []
    for el in tree.iter("script"):
        if (el.get("type") or "").lower() != "application/ld+json" or not el.text:
            continue
        try:
            data = json.loads(el.text)
        except ValueError:
            continue
        stack = data if isinstance(data, list) else [data]
        while stack:
            item = stack.pop(0)
            if isinstance(item, dict):
                out.append(item)
                graph = item.get("@graph")
                if isinstance(graph, list):
                    stack.extend(graph)
    return out


def _page_timestamp(
    tree: lxml.html.HtmlElement, meta: dict[str, str], ld: list[dict[str, object]]
) -> tuple[datetime, str] | None:
    """The page's explicit published time, best source first."""
    for key in _DATE_META_KEYS:
        parsed = parse_datetime(meta.get(key))
        if parsed:
            return parsed
    for item in ld:
        value = item.get("datePublished") or item.get("dateCreated")
        if isinstance(value, str):
            parsed = parse_datetime(value)
            if parsed:
                return parsed
    for el in tree.iter("time"):
        value = el.get("datetime")
        if value and (
            el.get("itemprop") in (None, "datePublished") or el.get("pubdate") is not None
        ):
            parsed = parse_datetime(value)
            if parsed:
                return parsed
    return None


def clean_title(title: str | None, site_names: tuple[str, ...] = ()) -> str | None:
    """Strip ' | Site Name' / ' - Outlet' suffixes (and 'Site: ' prefixes) from a headline."""
    if not title:
        return None
    title = re.sub(r"\s+", " ", title).strip()
    names = {n.casefold() for n in site_names if n}
    for sep in _TITLE_SEPARATORS:
        if sep not in title:
            continue
        head, _, tail = title.rpartition(sep)
        if tail.strip().casefold() in names or (
            sep != ": " and not names and len(tail) < 30 and len(head) > 20
        ):
            title = head.strip()
            break
        start, _, rest = title.partition(sep)
        if start.strip().casefold() in names:
            title = rest.strip()
            break
    return title or None


def _language(tree: lxml.html.HtmlElement, meta: dict[str, str]) -> str | None:
    lang = tree.get("lang") or meta.get("og:locale") or meta.get("content-language")
    if not lang:
        return None
    return lang.replace("_", "-").split("-")[0].lower() or None


def _canonical(tree: lxml.html.HtmlElement, meta: dict[str, str]) -> str | None:
    for el in tree.iter("link"):
        if "canonical" in (el.get("rel") or "").lower().split() and el.get("href"):
            return el.get("href", "").strip()
    return meta.get("og:url")


def _ld_author(ld: list[dict[str, object]]) -> str | None:
    for item in ld:
        author = item.get("author")
        if isinstance(author, list) and author:
            author = author[0]
        if isinstance(author, dict) and isinstance(author.get("name"), str):
            return str(author["name"])
        if isinstance(author, str):
            return author
    return None


def _without_headline(text: str | None, titles: tuple[str | None, ...]) -> str | None:
    """The body without its headline: trafilatura keeps a page's h1 as the first line on
    many templates, and the title is stored apart. Read as body text, a headline became a
    sentence of its own ("Broadcom Adds $150 Billion in a Day on OpenAI Chip Pact.") and a
    detail in title case."""
    if not text:
        return text
    first, _, rest = text.partition("\n")
    norm = " ".join(first.split()).casefold()
    if rest.strip() and any(t and " ".join(t.split()).casefold() == norm for t in titles):
        return rest.strip()
    return text


def text_hash(text: str) -> str:
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()[:32]


def extract_article(
    body: bytes,
    url: str,
    *,
    content_type: str | None = None,
    source_names: tuple[str, ...] = (),
) -> Extracted:
    """Extract one page. Never raises on bad HTML: returns an Extracted with a note."""
    import trafilatura  # heavy-ish import, kept local so the CLI starts fast

    html = decode_html(body, content_type)
    try:
        tree = lxml.html.fromstring(html)
    except (etree.ParserError, ValueError) as exc:
        return Extracted(
            None, None, None, None, None, None, None, None, None, f"unparseable: {exc}"
        )
    meta = _meta_map(tree)
    ld = _json_ld(tree)
    stamp = _page_timestamp(tree, meta, ld)
    site_name = meta.get("og:site_name") or meta.get("application-name")
    raw_title = None
    for key in _TITLE_META_KEYS:
        if meta.get(key):
            raw_title = meta[key]
            break
    if raw_title is None:
        for item in ld:
            if isinstance(item.get("headline"), str):
                raw_title = str(item["headline"])
                break
    language = _language(tree, meta)
    canonical = _canonical(tree, meta)
    author = meta.get("author") or meta.get("article:author") or _ld_author(ld)

    # no url: htmldate would read the date out of it, and a URL date is not a page date
    doc = trafilatura.bare_extraction(
        html,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        deduplicate=False,
        # markup only: no guessing from copyright lines or free text
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    text = None
    note = None
    if doc is not None:
        data = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)  # type: ignore[call-overload]
        text = (data.get("text") or "").strip() or None
        author = author or data.get("author")
        if stamp is None and data.get("date"):
            stamp = parse_datetime(str(data["date"]))
            if stamp:
                stamp = (stamp[0], "day")
        site_name = site_name or data.get("sitename")
        language = language or data.get("language")
    if text is None:
        note = "no article text found in page"
    if raw_title is None:
        title_el = tree.find(".//title")
        raw_title = title_el.text_content() if title_el is not None else None
    if raw_title is None and doc is not None:
        raw_title = data.get("title")
    title = clean_title(raw_title, tuple(n for n in (site_name, *source_names) if n))
    text = _without_headline(text, (title, raw_title))
    return Extracted(
        title=title,
        author=author.strip() if isinstance(author, str) and author.strip() else None,
        language=language,
        text=text,
        page_date=stamp[0] if stamp else None,
        page_date_kind=stamp[1] if stamp else None,
        canonical_url=canonical,
        site_name=site_name,
        content_hash=text_hash(text) if text else None,
        note=note,
    )
