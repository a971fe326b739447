"""Ingest throughput and memory benchmark: fetch + extract + store, against bare trafilatura.

What it measures
----------------
1. A synthetic corpus is generated into a temporary directory (seeded: with the same
   ``--seed`` page i is the same in every run and for every N, apart from the test server's
   port in its URLs): N article pages of 30-60 KB each with a
   realistic amount of boilerplate (inline CSS/JS, JSON-LD, navigation with drop-downs,
   left and right rails, related stories, comments, newsletter box, footer, cookie banner)
   around 6-12 paragraphs of generated news prose, ``og:title`` and
   ``article:published_time`` metadata, spread over 20 outlets whose RSS 2.0 feeds carry
   N/20 entries each with ``pubDate``. Generating the corpus is *not* timed.
2. The corpus is served by a stdlib ``ThreadingHTTPServer`` on 127.0.0.1 in a background
   thread (HTTP/1.1 keep-alive, no access log, files read from disk on every request so the
   server holds no growing cache in the measured process).
3. ``Ingest(config, db_path, stages=[]).run()`` runs on a fresh DuckDB file with
   ``allow_private_hosts: true``: feeds, page fetches, extraction in the process pool and
   batched writes, no embedding or clustering. Reported: wall time of ``run()`` and
   articles/s; the peak RSS of the process tree (this process plus every descendant, i.e.
   the forkserver and the extraction workers), sampled with psutil every 50 ms and summed;
   and ``getrusage`` ``ru_maxrss`` for RUSAGE_SELF and RUSAGE_CHILDREN. RSS sums count pages
   shared between forked workers once per process, so they overstate the physical memory
   in use; RUSAGE_CHILDREN only covers descendants that have exited and been reaped *through
   this process* (the extraction workers are children of the forkserver, which is still
   alive), so it is usually small. CPU seconds are reported too, for this process (split
   into the ingest itself, the in-process test server's request handlers and the sampler
   thread) and for the workers: on a machine shared with other jobs they show where the
   time goes more reliably than wall time (the load average before the run is printed).
4. Baseline: ``trafilatura.bare_extraction(html, with_metadata=True)`` on the same N pages,
   read from disk, one after another in this process (after one untimed warm-up page).
5. After the run the database is checked: N articles, all with status ``ok``; also counted
   (reported, not asserted): extracted titles, publication times and first paragraph equal
   to what was generated, and pages whose text picked up sidebar or footer boilerplate.

Usage::

    python bench/ingest.py --n 2000
    python bench/ingest.py --scales 500,1000,2000     # one fresh process per N
    python bench/ingest.py --n 2000 --json
    python bench/ingest.py --n 500 --profile /tmp/ingest.prof   # cProfile of the main process

Note on concurrency: every outlet is served from the same host (127.0.0.1), so the fetcher's
per-host limit would cap the whole run; ``per_host`` defaults to ``concurrency`` here, which
is what 20 outlets on 20 real hosts would get.
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import html
import http.server
import io
import json
import os
import posixpath
import pstats
import random
import resource
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import psutil

# pipeline.* is imported inside the functions that use it: multiprocessing re-imports this
# script in every extraction worker (as __mp_main__), and the workers of a real
# ``firstwire ingest`` do not pay for duckdb, httpx and pydantic imports at start-up.

OUTLETS = 20
SAMPLE_INTERVAL_S = 0.05
CHILDREN_REFRESH = 5  # re-list descendants every 5th sample (250 ms); RSS is read every sample
BASE_DATE = datetime(2026, 1, 5, 6, 0, tzinfo=UTC)  # all articles fall in the 180 days after
MB = 1024 * 1024
# Phrases that only occur in boilerplate; finding one in extracted text is a leak.
BOILERPLATE_MARKERS = ("Sign up for the", "All rights reserved", "Most read", "We use cookies")

# ----------------------------------------------------------------------------- vocabulary

COMPANIES = (
    "Nvidia", "AMD", "Intel", "TSMC", "Samsung", "SK Hynix", "Micron", "Broadcom", "Marvell",
    "Cerebras", "Groq", "Tenstorrent", "Qualcomm", "Arm", "Google", "Microsoft", "Amazon",
    "Meta", "Lightmatter", "SambaNova", "Etched", "d-Matrix", "Rebellions", "FuriosaAI",
    "GlobalFoundries", "ASML", "Applied Materials", "Lam Research", "Supermicro", "Dell",
    "Oracle", "CoreWeave", "OpenAI", "Anthropic", "xAI", "Rapidus", "UMC", "ASE Technology",
)  # fmt: skip
PRODUCTS = (
    "accelerator", "HBM4 stack", "2nm wafer", "advanced packaging line", "inference chip",
    "GPU cluster", "photonic interconnect", "custom ASIC", "server rack", "memory controller",
    "training system", "networking switch", "CoWoS capacity", "chiplet design", "data centre",
    "liquid-cooled rack", "optical transceiver", "substrate supply", "test wafer", "NPU core",
)  # fmt: skip
NODES = ("N2", "N3P", "18A", "14A", "SF2", "N4X", "A16", "3nm", "5nm", "7nm")
PEOPLE = (
    "Maria Chen", "David Okafor", "Priya Raman", "Tomás Álvarez", "Hannah Müller",
    "Kenji Watanabe", "Sofia Rossi", "Liam O'Connor", "Aisha Bello", "Ji-woo Park",
    "Lucas Ferreira", "Emma Lindqvist", "Rahul Mehta", "Chloé Dubois", "Noah Goldberg",
)  # fmt: skip
ROLES = (
    "chief executive", "chief financial officer", "head of data-centre products",
    "senior vice president of engineering", "an analyst", "a spokesperson",
    "chief technology officer", "general manager of the foundry business",
)  # fmt: skip
BANKS = ("Morgan Stanley", "Bernstein", "TrendForce", "Jefferies", "Citi", "UBS", "Counterpoint")
REASONS = (
    "strong demand from cloud providers", "tight supply of high-bandwidth memory",
    "delays in advanced packaging", "export restrictions", "a weaker PC market",
    "higher wafer prices", "new orders for AI servers", "yield improvements",
    "a slowdown in smartphone sales", "longer qualification cycles",
)  # fmt: skip
METRICS = ("revenue", "gross margin", "capital spending", "shipments", "output", "bookings")
MOVES = ("rise", "fall", "grow", "climb", "slip", "jump", "ease")
QUARTERS = ("first quarter", "second quarter", "third quarter", "fourth quarter", "second half")
PLACES = (
    "Arizona", "Hsinchu", "Pyeongtaek", "Dresden", "Kumamoto", "Ohio", "Texas", "Penang",
    "Bengaluru", "Singapore", "Hiroshima", "Oregon", "Malta, New York", "Tainan",
)  # fmt: skip
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")
HEADLINE_VERBS = (
    "unveils", "delays", "expands", "wins order for", "cuts prices of", "ramps", "tests",
    "qualifies", "doubles output of", "bets on", "shelves", "ships first",
)  # fmt: skip
HEADLINE_TAILS = (
    "as AI demand surges", "amid supply crunch", "ahead of schedule", "for cloud customers",
    "in push to catch rivals", "after months of talks", "to meet hyperscaler orders",
    "despite export curbs", "in bid to cut costs", "for next-generation servers",
)  # fmt: skip
SECTIONS = (
    "Semiconductors", "Data Centres", "AI", "Cloud", "Memory", "Foundry", "Policy", "Markets",
    "Devices", "Networking", "Startups", "Opinion", "Podcasts", "Events",
)  # fmt: skip
TOPICS = (
    "HBM", "Chiplets", "Export controls", "Packaging", "Photonics", "RISC-V", "Inference",
    "Supercomputers", "Power", "Cooling", "EUV", "Earnings", "Funding", "Mergers",
)  # fmt: skip
OUTLET_WORDS_A = (
    "Chip", "Silicon", "Wafer", "Compute", "Node", "Die", "Fab", "Signal", "Core", "Gate",
)  # fmt: skip
OUTLET_WORDS_B = ("Ledger", "Dispatch", "Times", "Report", "Wire", "Journal", "Post", "Review")

SENTENCES: tuple[str, ...] = (
    "{company} said on {weekday} that it expects {metric} to {move} by about {pct}% in the "
    "{quarter}, citing {reason}.",
    "According to people familiar with the matter, {company} has reached an agreement with "
    "{company2} to supply {product}s for its {place} facility.",
    '"{quote}," said {person}, {role} at {company}.',
    "Analysts at {bank} estimate the arrangement could be worth ${amount} billion over "
    "{years} years, although neither company disclosed financial terms.",
    "The {product} is built on the {node} process and pairs {n} memory stacks with {bw} TB/s "
    "of bandwidth, {company} said in a filing.",
    "{company2} declined to comment, while a representative for {company} pointed to "
    "remarks made at an investor event in {place} last month.",
    "Shares of {company} {move_past} {pct}% in early trading after the report.",
    "The company plans to start volume production in {place} by the {quarter} of {year}, "
    "a timeline that has slipped at least once before.",
    "Industry executives have warned for months that {reason} could weigh on {metric}.",
    "{person}, who joined {company} from {company2} in {year}, has pushed the group to "
    "move faster on {product}s.",
    "Supply of {product}s remains tight, with lead times stretching to {weeks} weeks for "
    "some customers, according to {bank}.",
    "{company} did not say how many {product}s it would buy, but said the first systems "
    "would be installed in {place}.",
    "The move follows a similar announcement by {company2}, which said in {month} that it "
    "would double {metric} for its {product} business.",
    "Regulators in {place} are reviewing the plan, a process that could take {weeks} weeks.",
    "Customers have been testing early samples since {month}, and {company} said yields "
    "were improving faster than expected.",
    "The {node} node promises roughly {pct}% better performance per watt than the "
    "previous generation, the company said.",
)
QUOTES = (
    "We are seeing demand that is well beyond what we planned for",
    "This is a long-term commitment and we are confident in the roadmap",
    "Our customers want more memory bandwidth, and they want it now",
    "We will not comment on individual customers or orders",
    "The constraint today is packaging, not wafers",
    "It is too early to say how this will affect pricing",
)  # fmt: skip
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August")


def _sentence(rng: random.Random) -> str:
    company, company2 = rng.sample(COMPANIES, 2)
    return rng.choice(SENTENCES).format(
        company=company,
        company2=company2,
        weekday=rng.choice(WEEKDAYS),
        metric=rng.choice(METRICS),
        move=rng.choice(MOVES),
        move_past=rng.choice(("rose", "fell", "jumped", "slid", "gained", "dropped")),
        pct=rng.randint(2, 45),
        quarter=rng.choice(QUARTERS),
        reason=rng.choice(REASONS),
        product=rng.choice(PRODUCTS),
        place=rng.choice(PLACES),
        quote=rng.choice(QUOTES),
        person=rng.choice(PEOPLE),
        role=rng.choice(ROLES),
        bank=rng.choice(BANKS),
        amount=f"{rng.uniform(0.4, 40):.1f}",
        years=rng.randint(2, 8),
        node=rng.choice(NODES),
        n=rng.choice((4, 6, 8, 12)),
        bw=f"{rng.uniform(2, 16):.1f}",
        year=rng.randint(2024, 2028),
        weeks=rng.randint(6, 52),
        month=rng.choice(MONTHS),
    )


def _paragraph(rng: random.Random) -> str:
    return " ".join(_sentence(rng) for _ in range(rng.randint(3, 7)))


def _headline(rng: random.Random) -> str:
    return (
        f"{rng.choice(COMPANIES)} {rng.choice(HEADLINE_VERBS)} {rng.choice(PRODUCTS)} "
        f"{rng.choice(HEADLINE_TAILS)}"
    )


def _slug(text: str) -> str:
    out = "".join(c.lower() if c.isalnum() else "-" for c in text)
    return "-".join(p for p in out.split("-") if p)[:70]


# ----------------------------------------------------------------------------- corpus


@dataclass(frozen=True)
class Outlet:
    name: str
    slug: str
    family: int  # page layout family (0..2)


@dataclass(frozen=True)
class Article:
    url: str
    path: Path
    title: str
    published: datetime
    first_paragraph: str
    outlet: str
    size: int


@dataclass
class Corpus:
    root: Path
    base_url: str
    outlets: list[Outlet]
    articles: list[Article] = field(default_factory=list)

    def sources_yaml(self, settings: dict[str, Any]) -> str:
        lines = ["settings:"]
        lines += [f"  {k}: {json.dumps(v)}" for k, v in settings.items() if v is not None]
        lines.append("sources:")
        for o in self.outlets:
            lines += [
                f"  - name: {json.dumps(o.name)}",
                f"    homepage: {self.base_url}/{o.slug}/",
                f"    feeds: [{self.base_url}/{o.slug}/feed.xml]",
            ]
        return "\n".join(lines) + "\n"


def make_outlets(seed: int) -> list[Outlet]:
    rng = random.Random(seed)
    names: list[str] = []
    while len(names) < OUTLETS:
        name = f"The {rng.choice(OUTLET_WORDS_A)} {rng.choice(OUTLET_WORDS_B)}"
        if name not in names:
            names.append(name)
    return [Outlet(n, _slug(n.removeprefix("The ")), i % 3) for i, n in enumerate(names)]


_E = html.escape


def _link_list(rng: random.Random, base: str, count: int, cls: str) -> str:
    items = "".join(
        f'<li class="{cls}__item"><a href="{base}/{_slug(h)}-{rng.randint(1000, 99999)}.html"'
        f' data-track="{cls}">{_E(h)}</a></li>'
        for h in (_headline(rng) for _ in range(count))
    )
    return f'<ul class="{cls}">{items}</ul>'


def _teaser(rng: random.Random, base: str) -> str:
    h = _headline(rng)
    return (
        f'<div class="teaser"><a class="teaser__img" href="{base}/{_slug(h)}.html">'
        f'<img src="{base}/img/{rng.randint(10**6, 10**7)}.jpg" alt="" loading="lazy" '
        f'width="320" height="180"></a><h3 class="teaser__title"><a href="{base}/{_slug(h)}'
        f'.html">{_E(h)}</a></h3><p class="teaser__dek">{_E(_sentence(rng))}</p>'
        f'<span class="teaser__meta">{rng.choice(SECTIONS)} · {rng.randint(2, 59)} min ago'
        f"</span></div>"
    )


def _css(rng: random.Random) -> str:
    rules = []
    for i in range(rng.randint(30, 60)):
        sel = f".{rng.choice(('c', 'l', 'u', 'g'))}-{rng.choice(SECTIONS).lower()}-{i}"
        rules.append(
            f"{sel}{{margin:{rng.randint(0, 24)}px {rng.randint(0, 24)}px;"
            f"color:#{rng.randint(0, 0xFFFFFF):06x};font-size:{rng.randint(11, 22)}px;"
            f"line-height:{rng.uniform(1.1, 1.8):.2f}}}"
        )
    return "".join(rules)


def _svg(rng: random.Random) -> str:
    count = rng.randint(30, 70)
    pts = " ".join(f"L{rng.randint(0, 240)} {rng.randint(0, 40)}" for _ in range(count))
    return f'<svg viewBox="0 0 240 40" aria-hidden="true"><path d="M0 0 {pts}Z"/></svg>'


def render_page(
    rng: random.Random,
    outlet: Outlet,
    base_url: str,
    url: str,
    title: str,
    published: datetime,
    paragraphs: list[str],
    author: str,
    target_size: int,
) -> str:
    """One article page with its boilerplate, padded with teasers up to ``target_size``."""
    site = f"{base_url}/{outlet.slug}"
    iso = published.isoformat().replace("+00:00", "Z")
    modified = (published + timedelta(minutes=rng.randint(5, 300))).isoformat()
    dek = _sentence(rng)
    ld = json.dumps(
        {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": title,
            "datePublished": iso,
            "dateModified": modified,
            "author": {"@type": "Person", "name": author},
            "publisher": {"@type": "Organization", "name": outlet.name},
            "mainEntityOfPage": url,
        }
    )
    analytics = json.dumps(
        {
            "property": f"UA-{rng.randint(10**6, 10**7)}-1",
            "section": rng.choice(SECTIONS),
            "tags": rng.sample(TOPICS, 4),
            "experiments": {f"exp_{i}": rng.choice(("a", "b", "control")) for i in range(12)},
            "ads": [
                {"slot": f"/{rng.randint(10**5, 10**6)}/{outlet.slug}/{i}", "sizes": [[300, 250]]}
                for i in range(8)
            ],
        }
    )
    nav = "".join(
        f'<li class="nav__item"><a href="{site}/{s.lower()}/">{s}</a>'
        f"{_link_list(rng, site, rng.randint(2, 4), 'nav-drop')}</li>"
        for s in rng.sample(SECTIONS, rng.randint(6, 10))
    )
    body_parts: list[str] = []
    for i, p in enumerate(paragraphs):
        body_parts.append(f"<p>{_E(p)}</p>")
        if i == 2:
            body_parts.append(
                f'<figure class="inline-img"><img src="{site}/img/{rng.randint(10**6, 10**7)}'
                f'.jpg" alt="{_E(rng.choice(PRODUCTS))}" width="960" height="540">'
                f"<figcaption>{_E(_sentence(rng))} (Photo: {rng.choice(PEOPLE)})</figcaption>"
                f"</figure>"
            )
        if i == 4 and outlet.family != 1:
            body_parts.append(f"<h2>{_E(_headline(rng))}</h2>")
        if i == 5 and outlet.family == 2:
            body_parts.append(f"<blockquote><p>{_E(rng.choice(QUOTES))}.</p></blockquote>")
    body = "".join(body_parts)
    tags = "".join(
        f'<a class="tag" href="{site}/topic/{_slug(t)}/">{t}</a>' for t in rng.sample(TOPICS, 5)
    )
    article_html = (
        f'<article class="story" itemscope itemtype="https://schema.org/NewsArticle">'
        f'<nav class="breadcrumbs"><a href="{site}/">Home</a> › '
        f'<a href="{site}/{rng.choice(SECTIONS).lower()}/">{rng.choice(SECTIONS)}</a></nav>'
        f'<h1 class="story__title" itemprop="headline">{_E(title)}</h1>'
        f'<p class="story__dek">{_E(dek)}</p>'
        f'<div class="byline">By <a rel="author" href="{site}/authors/{_slug(author)}/">'
        f'{_E(author)}</a> · <time datetime="{iso}" itemprop="datePublished">'
        f"{published:%B %d, %Y %H:%M} UTC</time></div>"
        f'<div class="share"><a href="#">Share on X</a><a href="#">LinkedIn</a>'
        f'<a href="#">Email</a><button>Copy link</button></div>'
        f'<div class="story__body" itemprop="articleBody">{body}</div>'
        f'<div class="tags">{tags}</div></article>'
    )
    newsletter = (
        '<section class="newsletter"><h2>Sign up for the morning chip briefing</h2>'
        "<p>The stories that matter in semiconductors, every weekday before 7am.</p>"
        '<form action="/subscribe"><input type="email" name="email" placeholder="Email">'
        "<button>Subscribe</button></form></section>"
    )
    related = "".join(_teaser(rng, site) for _ in range(rng.randint(3, 6)))
    comments = "".join(
        f'<li class="comment"><b>{_E(rng.choice(PEOPLE))}</b><p>{_E(_sentence(rng))}</p></li>'
        for _ in range(rng.randint(3, 9))
    )
    right_rail = (
        f'<aside class="rail rail--right"><section class="most-read"><h2>Most read</h2>'
        f"{_link_list(rng, site, rng.randint(5, 10), 'most-read')}</section>"
        + "".join(
            f'<div class="ad" data-slot="rr-{i}" data-size="300x250"><span>Advertisement'
            f"</span></div>"
            for i in range(3)
        )
        + f'<section class="sponsored"><h2>Sponsored</h2>{_teaser(rng, site)}</section></aside>'
    )
    topics = "".join(f'<li><a href="{site}/topic/{_slug(t)}/">{t}</a></li>' for t in TOPICS)
    left_rail = f'<aside class="rail rail--left"><h2>Trending topics</h2><ul>{topics}</ul></aside>'
    footer_cols = "".join(
        f'<div class="footer__col"><h3>{s}</h3>{_link_list(rng, site, rng.randint(4, 6), "fl")}'
        f"</div>"
        for s in rng.sample(SECTIONS, rng.randint(3, 5))
    )
    footer = (
        f'<footer class="site-footer">{footer_cols}<p class="legal">© 2026 {_E(outlet.name)}. '
        f"All rights reserved. Reproduction without written permission is prohibited. "
        f"{_E(outlet.name)} is a registered trademark.</p>"
        f'<div class="cookie-banner"><p>We use cookies to personalise content and ads and to '
        f"analyse our traffic.</p><button>Accept all</button><button>Settings</button></div>"
        f"</footer>"
    )
    head = (
        f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{_E(title)} | {_E(outlet.name)}</title>"
        f'<meta name="description" content="{_E(dek)}">'
        f'<meta property="og:title" content="{_E(title)}">'
        f'<meta property="og:type" content="article">'
        f'<meta property="og:url" content="{url}">'
        f'<meta property="og:site_name" content="{_E(outlet.name)}">'
        f'<meta property="og:description" content="{_E(dek)}">'
        f'<meta property="article:published_time" content="{iso}">'
        f'<meta property="article:modified_time" content="{modified}">'
        f'<meta name="author" content="{_E(author)}">'
        f'<meta name="twitter:card" content="summary_large_image">'
        f'<link rel="canonical" href="{url}">'
        + "".join(
            f'<link rel="preload" href="{site}/static/{i}.woff2" as="font">'
            for i in range(rng.randint(3, 7))
        )
        + f"<style>{_css(rng)}</style>"
        f'<script type="application/ld+json">{ld}</script>'
        f"<script>window.__analytics={analytics};</script></head>"
    )
    header = (
        f'<body class="layout-{outlet.family}"><a class="skip" href="#main">Skip to content</a>'
        f'<header class="site-header"><a class="logo" href="{site}/">{_svg(rng)}'
        f'<span>{_E(outlet.name)}</span></a><nav class="nav"><ul>{nav}</ul></nav>'
        f'<form class="search"><input name="q" placeholder="Search"></form></header>'
    )
    if outlet.family == 0:
        main = (
            f'<div class="layout">{left_rail}<main id="main">{article_html}{newsletter}'
            f'<section class="related"><h2>Related</h2>{related}</section>'
            f'<section class="comments"><h2>Comments</h2><ol>{comments}</ol></section>'
            f"</main>{right_rail}</div>"
        )
    elif outlet.family == 1:
        main = (
            f'<div id="content" class="wrap"><div class="col-main">'
            f"{article_html.replace('<article', '<div').replace('</article>', '</div>')}"
            f'{newsletter}<div class="more">{related}</div></div>{right_rail}{left_rail}</div>'
        )
    else:
        main = (
            f'<main id="main" class="grid">{article_html}{right_rail}'
            f'<section class="related"><h2>More on this</h2>{related}</section>{newsletter}'
            f'<section class="comments"><ol>{comments}</ol></section></main>'
        )
    tail_parts: list[str] = []
    size = len(head) + len(header) + len(main) + len(footer)
    while size < target_size:
        chunk = _teaser(rng, site)
        tail_parts.append(chunk)
        size += len(chunk)
    more = f'<section class="more-from"><h2>More from {_E(outlet.name)}</h2>{"".join(tail_parts)}'
    more += "</section>"
    scripts = "".join(
        f'<script src="{site}/static/bundle.{i}.js" defer></script>' for i in range(4)
    )
    return f"{head}{header}{main}{more}{footer}{scripts}</body></html>"


def render_feed(outlet: Outlet, base_url: str, items: list[tuple[Article, str]]) -> str:
    entries = []
    for art, summary in sorted(items, key=lambda x: x[0].published, reverse=True):
        entries.append(
            f"<item><title>{_E(art.title)}</title><link>{art.url}</link>"
            f'<guid isPermaLink="true">{art.url}</guid>'
            f"<pubDate>{format_datetime(art.published, usegmt=True)}</pubDate>"
            f"<description>{_E(summary)}</description></item>"
        )
    return (
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>'
        f"<title>{_E(outlet.name)}</title><link>{base_url}/{outlet.slug}/</link>"
        f"<description>Latest from {_E(outlet.name)}</description>"
        + "".join(entries)
        + "</channel></rss>\n"
    )


def generate_corpus(root: Path, base_url: str, n: int, seed: int) -> Corpus:
    """Write N pages, 20 feeds and robots.txt under ``root``; page i depends only on (seed, i)."""
    outlets = make_outlets(seed)
    corpus = Corpus(root, base_url, outlets)
    per_outlet: dict[str, list[tuple[Article, str]]] = {o.slug: [] for o in outlets}
    for i in range(n):
        rng = random.Random(seed * 1_000_003 + i)
        outlet = outlets[i % OUTLETS]
        title = _headline(rng)
        published = BASE_DATE + timedelta(seconds=rng.randint(0, 180 * 86400))
        paragraphs = [_paragraph(rng) for _ in range(rng.randint(6, 12))]
        author = rng.choice(PEOPLE)
        rel = f"{outlet.slug}/{published:%Y/%m/%d}/{_slug(title)}-{i}.html"
        url = f"{base_url}/{rel}"
        page = render_page(
            rng,
            outlet,
            base_url,
            url,
            title,
            published,
            paragraphs,
            author,
            target_size=rng.randint(30 * 1024, 59 * 1024),
        )
        data = page.encode("utf-8")
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        art = Article(url, path, title, published, paragraphs[0], outlet.name, len(data))
        corpus.articles.append(art)
        per_outlet[outlet.slug].append((art, paragraphs[0][:300]))
    for outlet in outlets:
        feed = render_feed(outlet, base_url, per_outlet[outlet.slug])
        (root / outlet.slug).mkdir(parents=True, exist_ok=True)
        (root / outlet.slug / "feed.xml").write_text(feed, encoding="utf-8")
    (root / "robots.txt").write_text("User-agent: *\nAllow: /\n", encoding="utf-8")
    return corpus


# ----------------------------------------------------------------------------- server

_CONTENT_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".xml": "application/rss+xml; charset=utf-8",
    ".txt": "text/plain; charset=utf-8",
}


class _Handler(http.server.BaseHTTPRequestHandler):
    """Static files under the server's root, read from disk per request, no access log."""

    protocol_version = "HTTP/1.1"
    server: _Server

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass

    def do_GET(self) -> None:  # noqa: N802
        started = time.thread_time()
        try:
            self._get()
        finally:
            with self.server.cpu_lock:
                self.server.cpu_s += time.thread_time() - started

    def _get(self) -> None:
        rel = posixpath.normpath(unquote(urlsplit(self.path).path)).lstrip("/")
        path = self.server.root / rel
        body: bytes | None = None
        if rel and not rel.startswith("..") and path.suffix in _CONTENT_TYPES:
            try:
                body = path.read_bytes()
            except OSError:
                body = None
        if body is None:
            self.send_response(404)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        self.send_response(200)
        self.send_header("Content-Type", _CONTENT_TYPES[path.suffix])
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        try:
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True


class _Server(http.server.ThreadingHTTPServer):
    daemon_threads = True
    root: Path
    cpu_s: float  # CPU seconds spent in request handlers (they run in this process)
    cpu_lock: threading.Lock

    def handle_error(self, request: object, client_address: object) -> None:
        pass  # clients hanging up are routine; stay quiet


class SiteServer:
    """``ThreadingHTTPServer`` on 127.0.0.1 (free port) serving ``root`` from a daemon thread."""

    def __init__(self, root: Path) -> None:
        self._server = _Server(("127.0.0.1", 0), _Handler)
        self._server.root = root
        self._server.cpu_s = 0.0
        self._server.cpu_lock = threading.Lock()
        self.base_url = f"http://127.0.0.1:{self._server.server_address[1]}"
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True
        )

    @property
    def cpu_s(self) -> float:
        """CPU seconds the request handlers have used so far."""
        return self._server.cpu_s

    def __enter__(self) -> SiteServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)


# ----------------------------------------------------------------------------- memory


class TreeSampler:
    """Samples RSS of this process and all its descendants every ``interval`` seconds."""

    def __init__(self, interval: float = SAMPLE_INTERVAL_S) -> None:
        self.interval = interval
        self.proc = psutil.Process()
        self.peak_total = 0
        self.peak_main = 0
        self.peak_children = 0
        self.max_processes = 0
        self.samples = 0
        self.cpu_main_s = 0.0
        self.own_cpu_s = 0.0  # this sampler thread's CPU time (part of cpu_main_s)
        self._cpu_children: dict[int, float] = {}  # pid -> last seen user+system seconds
        self._children: list[psutil.Process] = []
        self._cpu_start = self._cpu(self.proc)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="rss-sampler", daemon=True)

    @staticmethod
    def _cpu(proc: psutil.Process) -> float:
        times = proc.cpu_times()
        return times.user + times.system

    @property
    def cpu_children_s(self) -> float:
        """CPU seconds used by descendants during the run (as of their last sample)."""
        return sum(self._cpu_children.values())

    def sample(self) -> None:
        main = self.proc.memory_info().rss
        self.cpu_main_s = self._cpu(self.proc) - self._cpu_start
        children = 0
        count = 1
        if self.samples % CHILDREN_REFRESH == 0:  # listing descendants costs ~1.5 ms; reuse it
            self._children = self.proc.children(recursive=True)
        for child in self._children:
            try:
                with child.oneshot():
                    children += child.memory_info().rss
                    self._cpu_children[child.pid] = self._cpu(child)
                count += 1
            except (psutil.NoSuchProcess, psutil.AccessDenied, psutil.ZombieProcess):
                continue
        self.samples += 1
        self.peak_total = max(self.peak_total, main + children)
        self.peak_main = max(self.peak_main, main)
        self.peak_children = max(self.peak_children, children)
        self.max_processes = max(self.max_processes, count)

    def _run(self) -> None:
        started = time.thread_time()
        while not self._stop.wait(self.interval):
            self.sample()
        self.own_cpu_s = time.thread_time() - started

    def __enter__(self) -> TreeSampler:
        self.sample()
        self._cpu_children = {}  # descendants alive before the run (none, normally) don't count
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self.sample()


def _maxrss_mb(who: int) -> float:
    value = resource.getrusage(who).ru_maxrss
    return value / MB if sys.platform == "darwin" else value / 1024  # bytes on macOS, KiB else


# ----------------------------------------------------------------------------- run


def verify(db_path: Path, corpus: Corpus) -> dict[str, Any]:
    """Count statuses and compare what was stored with what was generated."""
    from pipeline.store import Store

    expected = {a.url: a for a in corpus.articles}
    with Store(db_path, read_only=True) as store:
        statuses = dict(
            store.con.execute("SELECT status, count(*) FROM articles GROUP BY status").fetchall()
        )
        rows = store.con.execute(
            "SELECT url, title, published_at, text, extraction FROM articles WHERE status = 'ok'"
        ).fetchall()
    titles = dates = bodies = leaks = trafilatura_text = 0
    for url, title, published_at, text, extraction in rows:
        art = expected.get(url)
        if art is None:
            continue
        titles += title == art.title
        dates += published_at is not None and published_at.replace(tzinfo=UTC) == art.published
        bodies += bool(text) and art.first_paragraph[:120] in " ".join(text.split())
        leaks += bool(text) and any(m in text for m in BOILERPLATE_MARKERS)
        trafilatura_text += extraction == "trafilatura"
    return {
        "articles": sum(statuses.values()),
        "statuses": statuses,
        "ok": statuses.get("ok", 0),
        "titles_match": titles,
        "dates_match": dates,
        "first_paragraph_found": bodies,
        "trafilatura_text": trafilatura_text,
        "boilerplate_leaks": leaks,
    }


def baseline(corpus: Corpus) -> dict[str, float]:
    """trafilatura.bare_extraction over the pages on disk, sequentially in this process."""
    import trafilatura

    paths = [a.path for a in corpus.articles]
    trafilatura.bare_extraction(paths[0].read_text(encoding="utf-8"), with_metadata=True)  # warm-up
    found = 0
    t0 = time.perf_counter()
    for path in paths:
        doc = trafilatura.bare_extraction(path.read_text(encoding="utf-8"), with_metadata=True)
        found += doc is not None
    seconds = time.perf_counter() - t0
    return {
        "pages": len(paths),
        "extracted": found,
        "seconds": round(seconds, 3),
        "pages_per_s": round(len(paths) / seconds, 2),
    }


def run_once(args: argparse.Namespace, n: int, log: Callable[[str], None]) -> dict[str, Any]:
    from pipeline.ingest import Ingest
    from pipeline.sources import parse_sources

    with tempfile.TemporaryDirectory(prefix="firstwire-bench-") as tmp:
        root = Path(tmp) / "site"
        root.mkdir()
        db_path = Path(tmp) / "bench.duckdb"
        with SiteServer(root) as server:
            log(f"generating {n} pages under {root} ...")
            t0 = time.perf_counter()
            corpus = generate_corpus(root, server.base_url, n, args.seed)
            gen_s = time.perf_counter() - t0
            sizes = [a.size for a in corpus.articles]
            settings = {
                "allow_private_hosts": True,
                "concurrency": args.concurrency,
                "per_host": args.per_host or args.concurrency,
                "extract_workers": args.workers,
            }
            config = parse_sources(corpus.sources_yaml(settings), "bench sources")
            workers = args.workers or os.cpu_count() or 1
            log(f"generated in {gen_s:.1f}s; running Ingest ...")
            gc.collect()
            load_before = os.getloadavg()[0]
            rss_before = psutil.Process().memory_info().rss
            profiler = cProfile.Profile() if args.profile else None
            server_cpu_before = server.cpu_s
            with TreeSampler() as mem:
                t0 = time.perf_counter()
                if profiler is not None:
                    profiler.enable()
                report = Ingest(config, db_path, stages=[]).run()
                if profiler is not None:
                    profiler.disable()
                wall = time.perf_counter() - t0
            server_cpu = server.cpu_s - server_cpu_before
            ru_self, ru_children = (
                _maxrss_mb(resource.RUSAGE_SELF),
                _maxrss_mb(resource.RUSAGE_CHILDREN),
            )
            if profiler is not None:
                profiler.dump_stats(args.profile)
                out = io.StringIO()
                pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(30)
                log(out.getvalue())
            checks = verify(db_path, corpus)
            db_mb = db_path.stat().st_size / MB
            base = None
            if not args.no_baseline:
                log("running bare trafilatura baseline ...")
                base = baseline(corpus)
    result: dict[str, Any] = {
        "n": n,
        "outlets": OUTLETS,
        "seed": args.seed,
        "cpu_count": os.cpu_count(),
        "page_kb": {
            "mean": round(sum(sizes) / len(sizes) / 1024, 1),
            "min": round(min(sizes) / 1024, 1),
            "max": round(max(sizes) / 1024, 1),
        },
        "generation_s": round(gen_s, 2),
        "pipeline": {
            "wall_s": round(wall, 3),
            "articles_per_s": round(n / wall, 2),
            "status": report.status,
            "durations": report.stats.get("durations", {}),
            "workers": workers,
            "concurrency": settings["concurrency"],
            "per_host": settings["per_host"],
            "db_mb": round(db_mb, 1),
            "cpu_main_s": round(mem.cpu_main_s, 2),
            "cpu_children_s": round(mem.cpu_children_s, 2),
            "cpu_server_s": round(server_cpu, 2),
            "cpu_sampler_s": round(mem.own_cpu_s, 2),
            "load_avg_before": round(load_before, 2),
        },
        "memory": {
            "rss_before_mb": round(rss_before / MB, 1),
            "peak_tree_rss_mb": round(mem.peak_total / MB, 1),
            "peak_main_rss_mb": round(mem.peak_main / MB, 1),
            "peak_children_rss_mb": round(mem.peak_children / MB, 1),
            "max_processes": mem.max_processes,
            "samples": mem.samples,
            "ru_maxrss_self_mb": round(ru_self, 1),
            "ru_maxrss_children_mb": round(ru_children, 1),
        },
        "baseline": base,
        "ratio": round((n / wall) / base["pages_per_s"], 3) if base else None,
        "checks": checks,
    }
    return result


def check_ok(result: dict[str, Any]) -> list[str]:
    """Problems with a run (empty when the DB holds N articles, all 'ok')."""
    n, c = result["n"], result["checks"]
    problems = []
    if c["articles"] != n:
        problems.append(f"expected {n} articles in the DB, found {c['articles']}")
    if c["ok"] != n:
        problems.append(f"expected {n} articles with status 'ok', found {c['statuses']}")
    return problems


def print_summary(r: dict[str, Any]) -> None:
    p, m, b, c = r["pipeline"], r["memory"], r["baseline"], r["checks"]
    kb = r["page_kb"]
    n = r["n"]
    print(
        f"firstwire ingest benchmark: N={n}, {r['outlets']} outlets, pages {kb['min']:.0f}-"
        f"{kb['max']:.0f} KB (mean {kb['mean']:.1f} KB), {r['cpu_count']} CPUs"
    )
    print(f"  corpus     generated in {r['generation_s']:.1f} s (not measured)")
    d = p["durations"]
    print(
        f"  pipeline   Ingest(stages=[]).run(): {n} articles in {p['wall_s']:.2f} s = "
        f"{p['articles_per_s']:.1f} articles/s  [status {p['status']}; feeds "
        f"{d.get('feeds', 0):.2f} s, articles {d.get('articles', 0):.2f} s; "
        f"{p['workers']} extract workers, concurrency {p['concurrency']}, per_host "
        f"{p['per_host']}; DB {p['db_mb']:.1f} MB]"
    )
    ingest_cpu = p["cpu_main_s"] - p["cpu_server_s"] - p["cpu_sampler_s"]
    print(
        f"             CPU: main process {p['cpu_main_s']:.1f} s (ingest {ingest_cpu:.1f} s, "
        f"test HTTP server {p['cpu_server_s']:.1f} s, RSS sampler {p['cpu_sampler_s']:.1f} s), "
        f"extraction workers {p['cpu_children_s']:.1f} s; "
        f"{(p['cpu_main_s'] + p['cpu_children_s']) / p['wall_s']:.2f} of {r['cpu_count']} CPUs "
        f"busy; load average before the run {p['load_avg_before']:.2f}"
    )
    if b:
        print(
            f"  baseline   trafilatura.bare_extraction, 1 process: {b['pages']} pages in "
            f"{b['seconds']:.2f} s = {b['pages_per_s']:.1f} pages/s"
        )
        print(
            f"  ratio      pipeline / bare = {r['ratio']:.2f}x "
            f"({r['ratio'] / p['workers']:.2f}x per extraction worker)"
        )
    print(
        f"  memory     peak RSS of process tree (sum, sampled every "
        f"{SAMPLE_INTERVAL_S * 1000:.0f} ms, {m['samples']} samples): "
        f"{m['peak_tree_rss_mb']:.1f} MB [main {m['peak_main_rss_mb']:.1f} MB, children "
        f"{m['peak_children_rss_mb']:.1f} MB, up to {m['max_processes']} processes; main "
        f"before run {m['rss_before_mb']:.1f} MB]"
    )
    print(
        f"             getrusage ru_maxrss: self {m['ru_maxrss_self_mb']:.1f} MB, children "
        f"{m['ru_maxrss_children_mb']:.1f} MB (reaped descendants only)"
    )
    print(
        f"  checks     {c['ok']}/{n} articles status ok ({c['articles']} rows); titles "
        f"{c['titles_match']}/{n}, published times {c['dates_match']}/{n}, first paragraph "
        f"{c['first_paragraph_found']}/{n}, trafilatura text {c['trafilatura_text']}/{n}, "
        f"boilerplate leaks {c['boilerplate_leaks']}"
    )


def print_scales(results: Sequence[dict[str, Any]]) -> None:
    header = (
        f"{'N':>6} {'wall s':>8} {'art/s':>7} {'bare/s':>7} {'ratio':>6} {'tree MB':>8} "
        f"{'main MB':>8} {'child MB':>9} {'maxrss MB':>10} {'ok':>6}"
    )
    print(header)
    print("-" * len(header))
    for r in results:
        p, m, b = r["pipeline"], r["memory"], r["baseline"]
        bare = f"{b['pages_per_s']:7.1f}" if b else f"{'-':>7}"
        ratio = f"{r['ratio']:6.2f}" if r["ratio"] else f"{'-':>6}"
        print(
            f"{r['n']:>6} {p['wall_s']:>8.2f} {p['articles_per_s']:>7.1f} {bare} {ratio} "
            f"{m['peak_tree_rss_mb']:>8.1f} {m['peak_main_rss_mb']:>8.1f} "
            f"{m['peak_children_rss_mb']:>9.1f} {m['ru_maxrss_self_mb']:>10.1f} "
            f"{r['checks']['ok']:>6}"
        )
    ns = [r["n"] for r in results]
    for key, label in (("peak_tree_rss_mb", "tree"), ("peak_main_rss_mb", "main process")):
        peaks = [r["memory"][key] for r in results]
        lo, hi = min(peaks), max(peaks)
        line = (
            f"peak {label} RSS over N={min(ns)}..{max(ns)}: {lo:.1f}..{hi:.1f} MB "
            f"(spread {hi - lo:.1f} MB, {(hi - lo) / lo * 100:.1f}% of the smallest)"
        )
        slope = _slope(ns, peaks)
        if slope is not None:
            line += f"; least-squares slope {slope * 1000:+.1f} MB per 1000 articles"
        print(line)


def _slope(xs: Sequence[float], ys: Sequence[float]) -> float | None:
    """Least-squares slope of ys over xs (None for fewer than two distinct xs)."""
    mean_x, mean_y = sum(xs) / len(xs), sum(ys) / len(ys)
    var = sum((x - mean_x) ** 2 for x in xs)
    if var == 0:
        return None
    return sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys, strict=True)) / var


def _child_args(args: argparse.Namespace, n: int) -> list[str]:
    argv = [
        sys.executable,
        str(Path(__file__).resolve()),
        "--n",
        str(n),
        "--json",
        "--seed",
        str(args.seed),
        "--concurrency",
        str(args.concurrency),
    ]
    if args.workers:
        argv += ["--workers", str(args.workers)]
    if args.per_host:
        argv += ["--per-host", str(args.per_host)]
    if args.no_baseline:
        argv.append("--no-baseline")
    return argv


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("--n", type=int, default=2000, help="articles to generate and ingest")
    ap.add_argument(
        "--scales", help="comma-separated Ns, e.g. 500,1000,2000; each runs in a fresh process"
    )
    ap.add_argument("--json", action="store_true", help="print machine-readable results only")
    ap.add_argument("--seed", type=int, default=1234)
    ap.add_argument("--workers", type=int, help="extract_workers (default: CPU count)")
    ap.add_argument("--concurrency", type=int, default=16, help="fetch concurrency (default 16)")
    ap.add_argument("--per-host", type=int, help="per-host fetch limit (default: concurrency)")
    ap.add_argument("--no-baseline", action="store_true", help="skip bare trafilatura")
    ap.add_argument("--profile", help="write cProfile stats of the main process to this file")
    args = ap.parse_args(argv)

    def log(msg: str) -> None:
        print(msg, file=sys.stderr, flush=True)

    if args.scales:
        ns = [int(x) for x in args.scales.split(",") if x.strip()]
        results: list[dict[str, Any]] = []
        for n in ns:
            log(f"--- N={n} (fresh process) ---")
            proc = subprocess.run(_child_args(args, n), stdout=subprocess.PIPE, text=True)
            if proc.returncode not in (0, 1) or not proc.stdout.strip():
                log(f"run for N={n} failed with exit code {proc.returncode}")
                return 2
            results.append(json.loads(proc.stdout))
        problems = [f"N={r['n']}: {p}" for r in results for p in check_ok(r)]
        if args.json:
            print(json.dumps({"scales": results, "problems": problems}, indent=2))
        else:
            for r in results:
                print_summary(r)
                print()
            print_scales(results)
            for p in problems:
                print(f"CHECK FAILED: {p}")
        return 1 if problems else 0

    result = run_once(args, args.n, log)
    problems = check_ok(result)
    result["problems"] = problems
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        print_summary(result)
        for p in problems:
            print(f"CHECK FAILED: {p}")
    if not args.json:
        assert not problems, "; ".join(problems)
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
