"""Pure tests of page extraction (pipeline.extract) and date resolution (pipeline.dates)."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta
from html import escape

import pytest

from pipeline.dates import resolve_published
from pipeline.extract import clean_title, decode_html, extract_article, parse_datetime

BODY = (
    "Engineers at the company spent the first quarter rewriting kernels for the new "
    "accelerator, people familiar with the matter said. The work covered attention, routing "
    "and communication libraries, and the first systems are due to reach customers in the "
    "third quarter, the company said in a statement to investors on Thursday."
)
URL = "http://news.example/chips/nvidia-ships/"


def page(
    *,
    title: str | None = None,
    head: str = "",
    body: str = "",
    lang: str | None = None,
    footer: str = "Contact us",
) -> bytes:
    """A page with one article paragraph; ``head`` and ``body`` add markup around it."""
    html_lang = f' lang="{lang}"' if lang else ""
    title_el = f"<title>{escape(title)}</title>" if title is not None else ""
    return f"""<!DOCTYPE html><html{html_lang}><head><meta charset="utf-8">{title_el}{head}
</head><body><nav><a href="/">Home</a></nav><main><article>{body}<p>{escape(BODY)}</p>
</article></main><footer><p>{escape(footer)}</p></footer></body></html>""".encode()


def json_ld(data: object) -> str:
    return f'<script type="application/ld+json">{json.dumps(data)}</script>'


# ---------------------------------------------------------------------------- extract_article


@pytest.mark.parametrize(
    ("raw", "names", "expected"),
    [
        (
            "Nvidia ships Blackwell Ultra to cloud buyers | The Compute Report",
            ("The Compute Report",),
            "Nvidia ships Blackwell Ultra to cloud buyers",
        ),
        (
            "Nvidia ships Blackwell Ultra to cloud buyers - Reuters",
            ("Reuters",),
            "Nvidia ships Blackwell Ultra to cloud buyers",
        ),
        (
            "Nvidia ships Blackwell Ultra to cloud buyers — Reuters",
            ("Reuters",),
            "Nvidia ships Blackwell Ultra to cloud buyers",
        ),
        pytest.param(
            "Reuters | Nvidia ships Blackwell Ultra to cloud buyers",
            ("Reuters",),
            "Nvidia ships Blackwell Ultra to cloud buyers",
        ),
        (
            "Nvidia ships Blackwell Ultra to cloud buyers | REUTERS NEWS",
            ("Reuters", "Reuters News"),
            "Nvidia ships Blackwell Ultra to cloud buyers",
        ),
    ],
    ids=["pipe-site", "dash-outlet", "emdash-outlet", "site-pipe-prefix", "alias-any-case"],
)
def test_extract_cleans_title_suffixes(raw: str, names: tuple[str, ...], expected: str) -> None:
    extracted = extract_article(page(title=raw), URL, source_names=names)
    assert extracted.title == expected


def test_extract_cleans_title_with_og_site_name() -> None:
    head = '<meta property="og:site_name" content="Tom\'s Hardware">'
    extracted = extract_article(
        page(title="AMD readies MI400 for a June launch | Tom's Hardware", head=head), URL
    )
    assert extracted.title == "AMD readies MI400 for a June launch"
    assert extracted.site_name == "Tom's Hardware"


def test_extract_cleans_site_colon_prefix() -> None:
    extracted = extract_article(
        page(title="Reuters: Nvidia ships Blackwell Ultra to cloud buyers"),
        URL,
        source_names=("Reuters",),
    )
    assert extracted.title == "Nvidia ships Blackwell Ultra to cloud buyers"


def test_og_title_is_preferred() -> None:
    head = '<meta property="og:title" content="The real headline about HBM4 qualification">'
    body = "<h1>A different H1 headline entirely</h1>"
    extracted = extract_article(
        page(
            title="Some SEO title | Outlet",
            head=head + json_ld({"headline": "LD headline"}),
            body=body,
        ),
        URL,
        source_names=("Outlet",),
    )
    assert extracted.title == "The real headline about HBM4 qualification"


def test_json_ld_headline_when_no_meta_title() -> None:
    extracted = extract_article(
        page(
            title="Some SEO title | Outlet",
            head=json_ld({"@type": "NewsArticle", "headline": "LD headline about chips"}),
        ),
        URL,
    )
    assert extracted.title == "LD headline about chips"


def test_json_ld_date_published_with_offset() -> None:
    ld = json_ld(
        {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "datePublished": "2026-04-03T09:30:00-04:00",
            "author": {"@type": "Person", "name": "Jane Doe"},
        }
    )
    extracted = extract_article(page(title="A headline", head=ld), URL)
    assert extracted.page_date == datetime(2026, 4, 3, 13, 30, tzinfo=UTC)
    assert extracted.page_date_kind == "time"
    assert extracted.author == "Jane Doe"


def test_json_ld_date_inside_graph() -> None:
    ld = json_ld(
        {
            "@context": "https://schema.org",
            "@graph": [
                {"@type": "WebPage", "name": "x"},
                {"@type": "NewsArticle", "datePublished": "2026-04-03T10:00:00Z"},
            ],
        }
    )
    extracted = extract_article(page(title="A headline", head=ld), URL)
    assert extracted.page_date == datetime(2026, 4, 3, 10, 0, tzinfo=UTC)


def test_time_element_datetime() -> None:
    body = '<time datetime="2026-04-03T08:00:00+02:00">3 April 2026</time>'
    extracted = extract_article(page(title="A headline", body=body), URL)
    assert extracted.page_date == datetime(2026, 4, 3, 6, 0, tzinfo=UTC)
    assert extracted.page_date_kind == "time"


def test_meta_published_time_beats_json_ld_and_time() -> None:
    head = '<meta property="article:published_time" content="2026-04-03T21:05:00+08:00">' + json_ld(
        {"datePublished": "2026-04-01T00:00:00Z"}
    )
    body = '<time datetime="2026-03-30T00:00:00Z">30 March</time>'
    extracted = extract_article(page(title="A headline", head=head, body=body), URL)
    assert extracted.page_date == datetime(2026, 4, 3, 13, 5, tzinfo=UTC)


def test_date_only_meta_is_a_day() -> None:
    head = '<meta name="date" content="2026-04-03">'
    extracted = extract_article(page(title="A headline", head=head), URL)
    assert extracted.page_date == datetime(2026, 4, 3, tzinfo=UTC)
    assert extracted.page_date_kind == "day"


def test_page_without_date_metadata_has_no_page_date() -> None:
    extracted = extract_article(page(title="A headline"), URL)
    assert extracted.page_date is None
    assert extracted.page_date_kind is None


def test_copyright_footer_is_not_a_page_date() -> None:
    extracted = extract_article(
        page(title="A headline", footer="Copyright 2026 News Example. All rights reserved."),
        URL,
    )
    assert extracted.page_date is None


def test_url_date_is_not_a_page_date() -> None:
    extracted = extract_article(page(title="A headline"), "http://news.example/2026/04/03/x/")
    assert extracted.page_date is None


@pytest.mark.parametrize(
    ("html_lang", "head", "expected"),
    [
        ("de-DE", "", "de"),
        ("en_US", "", "en"),
        ("EN", "", "en"),
        (None, '<meta property="og:locale" content="fr_FR">', "fr"),
    ],
)
def test_language(html_lang: str | None, head: str, expected: str) -> None:
    extracted = extract_article(page(title="A headline", head=head, lang=html_lang), URL)
    assert extracted.language == expected


def test_canonical_and_text() -> None:
    head = '<link rel="canonical" href="https://news.example/chips/nvidia-ships/">'
    extracted = extract_article(page(title="A headline", head=head), URL)
    assert extracted.canonical_url == "https://news.example/chips/nvidia-ships/"
    assert extracted.text is not None and "rewriting kernels" in extracted.text
    assert "Contact us" not in extracted.text and "Home" not in extracted.text
    assert extracted.content_hash is not None and extracted.note is None


@pytest.mark.parametrize(
    "body", [b"", b"\x00\xff\xfe garbage", b"<html><body></body></html>", b"<<<>>>"]
)
def test_unusable_pages_never_raise(body: bytes) -> None:
    extracted = extract_article(body, URL)
    assert extracted.text is None
    assert extracted.note
    assert extracted.content_hash is None


def test_extract_uses_the_http_charset() -> None:
    html = "<html><head><title>Café prices</title></head><body><article><p>500 € per card. "
    raw = (html + BODY + "</p></article></body></html>").encode("cp1252")
    extracted = extract_article(raw, URL, content_type="text/html; charset=windows-1252")
    assert extracted.text is not None and extracted.text.startswith("500 € per card.")
    assert extracted.title == "Café prices"


# ---------------------------------------------------------------------------- decode_html


def test_decode_meta_charset() -> None:
    raw = '<meta charset="windows-1252"><p>500 € café</p>'.encode("cp1252")
    assert decode_html(raw) == '<meta charset="windows-1252"><p>500 € café</p>'


def test_decode_meta_http_equiv_charset() -> None:
    text = '<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">€ é'
    assert decode_html(text.encode("cp1252")) == text


def test_decode_http_header_charset() -> None:
    raw = "<p>résumé</p>".encode("iso-8859-1")
    assert decode_html(raw, "text/html; charset=ISO-8859-1") == "<p>résumé</p>"
    assert decode_html(raw, 'text/html; charset="iso-8859-1"') == "<p>résumé</p>"


def test_decode_http_header_beats_meta() -> None:
    text = '<meta charset="utf-8"><p>café</p>'
    assert decode_html(text.encode("cp1252"), "text/html; charset=windows-1252") == text


def test_decode_defaults_to_utf8() -> None:
    assert decode_html("<p>500 € café 中文</p>".encode()) == "<p>500 € café 中文</p>"


def test_decode_falls_back_when_declared_charset_is_wrong_or_unknown() -> None:
    cp = "<p>500 € café</p>".encode("cp1252")
    assert decode_html(cp, "text/html; charset=utf-8") == "<p>500 € café</p>"
    assert decode_html(cp) == "<p>500 € café</p>"  # not UTF-8: cp1252
    assert decode_html("<p>é</p>".encode(), "text/html; charset=x-no-such") == "<p>é</p>"
    assert decode_html(b"\x81\x8d\x8f\x90\x9d") == "\ufffd" * 5  # never raises


def test_decode_iso_8859_1_label_as_windows_1252() -> None:
    raw = "<p>500 € café</p>".encode("cp1252")
    assert decode_html(raw, "text/html; charset=ISO-8859-1") == "<p>500 € café</p>"


def test_decode_utf8_bom_wins() -> None:
    raw = "\ufeff<p>500 € café</p>".encode()
    assert decode_html(raw, "text/html; charset=windows-1252") == "<p>500 € café</p>"


# ---------------------------------------------------------------------------- clean_title


@pytest.mark.parametrize(
    ("raw", "names", "expected"),
    [
        ("Headline that is long enough | Site", ("Site",), "Headline that is long enough"),
        ("Headline that is long enough | site", ("Site",), "Headline that is long enough"),
        ("Headline about the chips - Outlet", ("Outlet",), "Headline about the chips"),
        ("Headline about the chips – Outlet", ("Outlet",), "Headline about the chips"),
        ("Headline about the chips · Outlet", ("Outlet",), "Headline about the chips"),
        ("Site | Headline about the chips", ("Site",), "Headline about the chips"),
        ("Chips » Nvidia ships Blackwell", ("Chips",), "Nvidia ships Blackwell"),
        # no names known: a short tail after a long head is taken to be the site
        (
            "Nvidia ships Blackwell Ultra to cloud buyers - Reuters",
            (),
            "Nvidia ships Blackwell Ultra to cloud buyers",
        ),
        # ... but a long tail or a short head is kept
        (
            "Nvidia ships Blackwell | A rather long section name for sure",
            (),
            "Nvidia ships Blackwell | A rather long section name for sure",
        ),
        ("Short - Reuters", (), "Short - Reuters"),
        # a dash inside the headline is not a site suffix when the site is known
        (
            "AMD - Nvidia rivalry heats up as MI400 ships",
            ("Reuters",),
            "AMD - Nvidia rivalry heats up as MI400 ships",
        ),
        ("  Multiple   spaces\n here | Site", ("Site",), "Multiple spaces here"),
        ("Site", ("Site",), "Site"),
    ],
)
def test_clean_title(raw: str, names: tuple[str, ...], expected: str) -> None:
    assert clean_title(raw, names) == expected


@pytest.mark.parametrize("raw", [None, "", "   "])
def test_clean_title_empty(raw: str | None) -> None:
    assert clean_title(raw, ("Site",)) is None


@pytest.mark.parametrize(
    ("raw", "names"),
    [
        ("Reuters: Nvidia ships Blackwell Ultra", ("Reuters",)),
        ("The Register: Nvidia ships Blackwell Ultra", ("The Register",)),
    ],
)
def test_clean_title_site_colon_prefix(raw: str, names: tuple[str, ...]) -> None:
    assert clean_title(raw, names) == "Nvidia ships Blackwell Ultra"


def test_clean_title_keeps_colon_headlines() -> None:
    # "Exclusive: ..." is part of the headline, not a site name
    assert clean_title("Exclusive: Nvidia ships Blackwell Ultra", ("Reuters",)) == (
        "Exclusive: Nvidia ships Blackwell Ultra"
    )


# ---------------------------------------------------------------------------- parse_datetime


@pytest.mark.parametrize(
    ("value", "expected", "kind"),
    [
        ("2026-04-03T21:05:00+08:00", datetime(2026, 4, 3, 13, 5, tzinfo=UTC), "time"),
        ("2026-04-03T21:05:00+0800", datetime(2026, 4, 3, 13, 5, tzinfo=UTC), "time"),
        ("2026-04-03T09:05:00-04:00", datetime(2026, 4, 3, 13, 5, tzinfo=UTC), "time"),
        ("2026-04-03T05:35:00+05:30", datetime(2026, 4, 3, 0, 5, tzinfo=UTC), "time"),
        ("2026-04-03T01:00:00+08:00", datetime(2026, 4, 2, 17, 0, tzinfo=UTC), "time"),
        ("2026-04-03T13:05:00Z", datetime(2026, 4, 3, 13, 5, tzinfo=UTC), "time"),
        ("2026-04-03T13:05:00z", datetime(2026, 4, 3, 13, 5, tzinfo=UTC), "time"),
        ("2026-04-03 13:05:00+0000", datetime(2026, 4, 3, 13, 5, tzinfo=UTC), "time"),
        ("2026-04-03T13:05:00.123Z", datetime(2026, 4, 3, 13, 5, 0, 123000, tzinfo=UTC), "time"),
        ("2026-04-03T13:05:00", datetime(2026, 4, 3, 13, 5, tzinfo=UTC), "time"),  # naive: UTC
        ("2026-04-03T13:05", datetime(2026, 4, 3, 13, 5, tzinfo=UTC), "time"),
        ("  2026-04-03T13:05:00Z  ", datetime(2026, 4, 3, 13, 5, tzinfo=UTC), "time"),
        ("2026-04-03", datetime(2026, 4, 3, tzinfo=UTC), "day"),
        ("2026-04-03 (updated)", datetime(2026, 4, 3, tzinfo=UTC), "day"),
    ],
)
def test_parse_datetime(value: str, expected: datetime, kind: str) -> None:
    parsed = parse_datetime(value)
    assert parsed is not None
    assert parsed == (expected, kind)
    assert parsed[0].utcoffset() == timedelta(0)


@pytest.mark.parametrize("value", [None, "", "   ", "garbage", "April 3", "2026-02-30", "2026"])
def test_parse_datetime_rejects(value: str | None) -> None:
    assert parse_datetime(value) is None


# ---------------------------------------------------------------------------- resolve_published

NOW = datetime(2026, 4, 10, 12, 0, tzinfo=UTC)
FIRST_SEEN = datetime(2026, 4, 10, 11, 0, tzinfo=UTC)
FEED = datetime(2026, 4, 3, 10, 0, tzinfo=UTC)
PAGE = datetime(2026, 4, 3, 13, 5, tzinfo=UTC)
URL_DAY = date(2026, 4, 3)


@pytest.mark.parametrize(
    ("feed", "page_date", "url_day", "source", "expected"),
    [
        (FEED, PAGE, URL_DAY, "feed", FEED),
        (None, PAGE, URL_DAY, "page", PAGE),
        (None, None, URL_DAY, "url", datetime(2026, 4, 3, tzinfo=UTC)),
        (None, None, None, "first_seen", FIRST_SEEN),
    ],
)
def test_resolve_order(
    feed: datetime | None,
    page_date: datetime | None,
    url_day: date | None,
    source: str,
    expected: datetime,
) -> None:
    r = resolve_published(
        feed_date=feed, page_date=page_date, url_date=url_day, first_seen=FIRST_SEEN, now=NOW
    )
    assert (r.source, r.published_at) == (source, expected)
    assert r.suspect is False and r.note is None


def test_future_feed_date_gives_way_to_page_date() -> None:
    future = NOW + timedelta(days=30)
    r = resolve_published(
        feed_date=future, page_date=PAGE, url_date=None, first_seen=FIRST_SEEN, now=NOW
    )
    assert (r.source, r.published_at) == ("page", PAGE)
    assert r.suspect is True
    assert r.note is not None and "feed date suspect" in r.note and "future" in r.note


def test_feed_date_slightly_ahead_is_trusted() -> None:
    ahead = NOW + timedelta(hours=11)  # clock skew / time zones, within the 12 h slack
    r = resolve_published(
        feed_date=ahead, page_date=None, url_date=None, first_seen=FIRST_SEEN, now=NOW
    )
    assert (r.source, r.published_at, r.suspect) == ("feed", ahead, False)


def test_every_date_suspect_falls_back_to_first_seen_and_says_why() -> None:
    r = resolve_published(
        feed_date=NOW + timedelta(days=2),
        page_date=NOW + timedelta(days=3),
        url_date=date(2031, 1, 1),
        first_seen=FIRST_SEEN,
        now=NOW,
    )
    assert (r.source, r.published_at, r.suspect) == ("first_seen", FIRST_SEEN, True)
    assert r.note is not None
    assert all(f"{name} date suspect" in r.note for name in ("feed", "page", "url"))


def test_date_before_source_since_is_flagged() -> None:
    old = datetime(2023, 6, 1, 9, 0, tzinfo=UTC)
    r = resolve_published(
        feed_date=old,
        page_date=PAGE,
        url_date=None,
        first_seen=FIRST_SEEN,
        now=NOW,
        earliest=date(2024, 1, 1),
    )
    assert (r.source, r.published_at) == ("page", PAGE)
    assert r.suspect is True
    assert r.note is not None and "before the source's feed existed (2024-01-01)" in r.note

    alone = resolve_published(
        feed_date=old,
        page_date=None,
        url_date=None,
        first_seen=FIRST_SEEN,
        now=NOW,
        earliest=date(2024, 1, 1),
    )
    assert alone.suspect is True
    assert alone.source == "first_seen"

    # without a 'since' the same date is fine
    r2 = resolve_published(
        feed_date=old, page_date=None, url_date=None, first_seen=FIRST_SEEN, now=NOW
    )
    assert (r2.source, r2.published_at, r2.suspect) == ("feed", old, False)


def test_implausibly_old_date_is_suspect() -> None:
    r = resolve_published(
        feed_date=datetime(1970, 1, 1, tzinfo=UTC),
        page_date=PAGE,
        url_date=None,
        first_seen=FIRST_SEEN,
        now=NOW,
    )
    assert r.source == "page" and r.suspect is True
    assert r.note is not None and "implausibly old" in r.note


def test_feed_and_page_disagreeing_by_more_than_two_days_is_noted() -> None:
    page_date = FEED + timedelta(days=2, hours=1)
    r = resolve_published(
        feed_date=FEED, page_date=page_date, url_date=None, first_seen=FIRST_SEEN, now=NOW
    )
    assert (r.source, r.published_at) == ("feed", FEED)  # the feed still wins
    assert r.suspect is True
    assert r.note == "feed says 2026-04-03, page says 2026-04-05"


@pytest.mark.parametrize("delta", [timedelta(days=2), timedelta(days=-2), timedelta(hours=5)])
def test_feed_and_page_within_two_days_agree(delta: timedelta) -> None:
    r = resolve_published(
        feed_date=FEED, page_date=FEED + delta, url_date=None, first_seen=FIRST_SEEN, now=NOW
    )
    assert (r.source, r.suspect, r.note) == ("feed", False, None)


def test_the_headline_is_not_part_of_the_body_text() -> None:
    title = "Broadcom Adds $150 Billion in a Day on OpenAI Chip Pact"
    extracted = extract_article(
        page(title=f"{title} | Market Signal", body=f"<h1>{escape(title)}</h1>"),
        URL,
        source_names=("Market Signal",),
    )
    assert extracted.title == title
    assert extracted.text is not None and extracted.text.startswith("Engineers at the company")
    assert title not in extracted.text
    # a first line that only resembles the headline stays
    extracted = extract_article(page(title=title, body="<h2>Broadcom adds $150 billion</h2>"), URL)
    assert extracted.text is not None and extracted.text.startswith("Broadcom adds $150 billion")
