"""Mentions: the sentences that could carry a specific fact, and the facts in them.

A *mention* is one fact stated in one sentence: each quantity in a sentence is its own
mention ("1T parameters" and "37B active" in one sentence are two facts), each date is
one, and each claim (pipeline.claims) that names an organisation or product, or quotes
someone, is a *statement* mention. A cheap filter (:func:`is_candidate`) keeps prose
that states nothing checkable, and boilerplate, from being embedded at all.

Pure: takes sentences, returns mentions. pipeline.details groups them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Container, Sequence
from dataclasses import replace
from datetime import date

from pipeline.claims import DATELINE, Claim, asides, claims, predicates
from pipeline.facts import LONG_QUOTE, Mention
from pipeline.keys import STOP, entity_keys
from pipeline.quantities import (
    Quantity,
    find_quantities,
    merge_ranges,
)
from pipeline.sentences import BOILERPLATE, SPEC_LINE, Sentence, is_boilerplate
from pipeline.textdates import MONTH_NAMES, MONTHS, all_dates

WORD = re.compile(r"[A-Za-z][A-Za-z0-9\-]+")
FUNCTION_WORDS = {
    "the",
    "a",
    "an",
    "and",
    "or",
    "of",
    "to",
    "in",
    "on",
    "at",
    "by",
    "for",
    "with",
    "from",
    "as",
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "that",
    "this",
    "its",
    "it",
    "their",
    "than",
    "about",
    "around",
    "roughly",
    "approximately",
    "nearly",
    "some",
    "more",
    "per",
    "which",
    "would",
    "will",
    "has",
    "have",
    "had",
    "into",
    "over",
    "up",
    "down",
    "also",
    "said",
    "says",
    "according",
    "while",
    "just",
    "only",
    "each",
    "week",
    "weeks",
    "day",
    "days",
    "last",
    "earlier",
    "later",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
}
_TARGET_YEAR = re.compile(
    r"\b(?:by|until|through|before|from|starting|start of|end of|half of|quarter of|"
    r"early|late|mid|in fiscal|(?:starting|beginning|from|ships?|shipping|available|due|"
    r"launch(?:es|ing)?|arriv(?:es|ing)|deploy(?:s|ing)?|production|sale|online|operational|"
    r"service|follow(?:s|ing)?|(?:first\s+)?power|output|wafers?)"
    # ("available first, in 2027", "ships commercially in 2027")
    r"(?:\s+(?:first|initially|commercially|broadly|generally|only))?,?\s+in"
    r"|(?:scheduled|slated|planned|targeted|set|due)\s+for"
    r"|ships|shipping|due|available)\s+(?:the\s+)?"
    r"(?:end\s+of\s+|start\s+of\s+)?$",
    re.I,
)
# a record and the year it reaches back to: "its biggest one-day gain since October
# 1987", "the best session since 1987"
_RECORD_SINCE = re.compile(
    r"\b(?:best|biggest|largest|highest|lowest|worst|steepest|sharpest|strongest|weakest|"
    r"most)\b[^.;:]{0,60}?\bsince\s+(?:(?:early|late|mid)[\s\-]+)?"
    rf"(?:(?:{MONTH_NAMES})\.?\s+)?(?P<year>(?:19|20)\d\d)\b"
)
# a target year told relative to the article's: "the AI200 would reach customers next
# year" (only after a verb of arriving, as for a written year)
_NEXT_YEAR = re.compile(
    r"\b(?:ships?|shipping|arrives?|arriving|launch(?:es)?|available|customers|production|online|"
    r"deliveries|operational|service)\s+(next year)\b"
)
# an event that happens on the article's own day: "Trading opens today", "the shares begin
# trading today", "goes on sale today"
_EVENT_TODAY = re.compile(
    r"\b(?:opens?|begins?|starts?|debuts?|lists?|goes\s+on\s+sale|ships?|launch(?:es)?|"
    r"trading|closes?|takes\s+effect)\s+today\b",
    re.I,
)
# a few days that count from another event ("two days after Nvidia said", "three weeks
# ago"): when the article ran, not a fact ("four months later than planned" and "six
# months after the listing" are)
_OFFSET_AFTER = re.compile(
    r"\s*(?:(?:business\s+|calendar\s+)?(?:days?|weeks?|hours?)\s+)?"
    r"(?:after|before|ago|earlier)\b(?!\s+than)",
    re.I,
)
# the year a company or product began is a fact of its own, whatever the article's year
# "founded in 2016", and with the founded company between ("who founded Ampere in 2017",
# "started the company in 2021")
FOUNDING_YEAR = re.compile(
    r"\b(?:founded|established|incorporated|set\s+up|formed|started|spun\s+out)"
    r"(?:\s+(?:back|originally))?"
    r"(?:\s+(?:(?:the|its|their)\s+(?:company|start-?up|firm|business|chipmaker)|it|"
    r"(?-i:[A-Z][\w&.\-]*)(?:\s+(?-i:[A-Z][\w&.\-]*)){0,2}))?"
    r"(?:\s+(?:back|originally))?\s+in\s+$",
    re.I,
)


def stem(word: str) -> str:
    """A crude stem so "price", "prices" and "pricing" (or "order", "ordered") meet."""
    w = word.lower()
    for suffix in ("ings", "ing", "ies", "ied", "es", "ed", "s", "ly"):
        if len(w) > len(suffix) + 2 and w.endswith(suffix):
            w = w[: -len(suffix)] + ("y" if suffix in ("ies", "ied") else "")
            break
    return w[:-1] if len(w) > 3 and w.endswith("e") else w


def _context(sentence: str, start: int, end: int, width: int = 7) -> frozenset[str]:
    before = WORD.findall(sentence[:start])[-width:]
    after = WORD.findall(sentence[end:])[:width]
    return frozenset(
        stem(w)
        for w in before + after
        if w.lower() not in FUNCTION_WORDS and (len(w) > 2 or any(c.isdigit() for c in w))
    )


_TIMESTAMP_LINE = re.compile(
    r"^\W*(?:(?:[Uu]pdated|[Pp]ublished|[Pp]osted|UPDATED|PUBLISHED)\s*:?\s*)?(?:[A-Z][a-z]+day,?\s+)?"
    r"(?:[A-Z][a-z]+\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+[A-Z][a-z]+\s+\d{4}|\d{4}-\d\d-\d\d)"
    r"(?:,?\s*(?:at\s*)?\d{1,2}[:.]\d\d\s*(?:[AaPp]\.?[Mm]\.?)?\s*[A-Z]{0,5}(?:[+-]\d+)?)?\W*$"
)


# A fact news prose states in endless ways: the terms of a deal were not disclosed ("No
# price was disclosed", "Meta did not say how much it is paying", "Neither company gave
# financial terms"). Claims that say so share this marker, which counts as agreement.
_UNDISCLOSED = re.compile(
    r"(?:\b(?:not|no|neither|nor|without|never|declined to|would not|could not)|n't)\b"
    r"[^.;]{0,60}?\b(?:disclos|reveal|say|said|determin|give|gave|given|share|announc|"
    r"confirm|comment|specif|put a (?:price|number|figure)|break out|quantif|talk)\w*"
    r"[^.;]{0,40}?\b(?:price|pricing|prices|terms|financial|value|valuation|worth|how much|"
    r"paying|paid|amount|dollar figures?|cost|purchase price|sum|size)\b"
    r"|\b(?:no|neither)\b[^.;]{0,20}\b(?:price|pricing|terms|financial details|dollar figures?|"
    r"value)\b[^.;]{0,30}\b(?:was|were|has been|have been)\s+(?:disclosed|given|revealed|shared|"
    r"announced|made public)"
    r"|\b(?:price|pricing|terms|value|valuation|amount|cost|sum)\b[^.;]{0,40}(?:\bnot|n't)\b[^.;]{0,25}"
    r"\b(?:disclosed|determined|revealed|given|announced|made public|available)"
    # "We asked about pricing, and Broadcom declined to share it."
    r"|\b(?:price|pricing|terms|valuation)\b[^.;]{0,40}\b(?:declined|refused)\s+to\s+"
    r"(?:share|disclose|give|reveal|say|discuss)\b"
    # "Financial terms were kept under wraps."
    r"|\b(?:price|pricing|terms|value|valuation|amount|cost|sum)\b[^.;]{0,40}\bunder\s+wraps\b",
    re.I,
)
UNDISCLOSED = "#undisclosed-terms"
# a customer kept anonymous: "a global company it did not name", "declined to name
# customers", "without naming the customer", "withheld the customer's name"
_UNNAMED = re.compile(
    r"(?:\b(?:not|never|declined\s+to|refused\s+to|without)|n't)\s+(?:\w+\s+){0,2}?"
    r"(?:nam|identif)\w*\s+(?:\w+\s+){0,3}?(?:customers?|clients?|buyers?)\b"
    r"|\b(?:customers?|clients?|buyers?|company|firm)\s+(?:it|they|that\s+it|which\s+it)\s+"
    r"(?:did\s+not|didn't|would\s+not|wouldn't|declined\s+to)\s+(?:name|identify)\b"
    r"|\b(?:unnamed|unidentified|undisclosed|anonymous)\s+(?:\w+\s+)?(?:customers?|clients?|buyers?)\b"
    r"|\bwithh[eo]ld\w*\s+(?:the\s+)?(?:customer|client|buyer)(?:'s|’s)?\s+(?:name|identity)",
    re.I,
)
UNNAMED = "#unnamed-customer"
# Other facts of a kind that every retelling words its own way, each a marker that counts
# as agreement as UNDISCLOSED does: how many were made or sold was not said; the company
# does not (yet) make money; it is on a US trade blacklist; no reason was given.
CONCEPTS = {
    "#undisclosed-volume": re.compile(
        r"(?:\b(?:not|no|without|never|declined\s+to|would\s+not|could\s+not)|n't)\b[^.;]{0,40}?"
        r"\b(?:disclos|reveal|say|said|give|gave|given|specif|break\s+out|comment|quantif)\w*"
        r"[^.;]{0,30}?\b(?:how\s+many|volumes?|quantit(?:y|ies)|unit\s+numbers)\b",
        re.I,
    ),
    "#unprofitable": re.compile(
        r"\b(?:remains?|still|is|are|was|yet\s+to\s+become)\s+(?:loss-making|unprofitable|"
        r"in\s+the\s+red)\b|\b(?:yet\s+to|never)\s+(?:turn(?:ed)?|ma[dk]e|post(?:ed)?|record(?:ed)?)"
        r"\s+an?\s+(?:annual\s+)?profit\b|\bnot\s+yet\s+profitable\b|,\s+still\s+loss-making\b",
        re.I,
    ),
    "#entity-list": re.compile(r"\bentity\s+list\b|\bblacklist(?:ed|s)?\b", re.I),
    "#no-reason": re.compile(
        r"(?:\b(?:not|no|without|declined\s+to|would\s+not)|n't)\b[^.;]{0,30}?"
        r"\b(?:say|said|give|gave|given|explain\w*|comment)\b[^.;]{0,15}?"
        r"\b(?:why|what\s+prompted|a\s+reason|the\s+reason|any\s+reason)\b",
        re.I,
    ),
}


def is_candidate(sentence: str, title: str | None = None) -> bool:
    """Could this sentence carry a specific fact? (cheap filter before embedding)"""
    if _EVENT_TODAY.search(sentence) and not BOILERPLATE.search(sentence):
        return True  # "Trading opens today.": short, but a date
    if (
        _UNDISCLOSED.search(sentence)
        and not BOILERPLATE.search(sentence)
        and not sentence.rstrip().endswith("?")
    ):
        return True  # "Terms weren't disclosed.": short, but a fact of every deal story
    if is_boilerplate(sentence) or _TIMESTAMP_LINE.match(sentence):
        return False
    if title and sentence.strip().rstrip(".").casefold() == title.strip().rstrip(".").casefold():
        return False
    words = sentence.split()
    if len(words) > 90:
        return False
    if len(words) < 6 and not (
        (len(words) >= 4 or SPEC_LINE.match(sentence))
        and (
            re.search(r"\d|\b[A-Z]{2,}\b|\b[A-Z][a-z]+[A-Z0-9]", sentence)
            or _UNDISCLOSED.search(sentence)
            or _PERIOD.search(sentence)  # "First systems ship in March."
        )
    ):
        return False  # "Ticker: CBRS, on the Nasdaq." is short but specific
    if sentence.rstrip().endswith("?"):
        return False
    if (
        len(words) <= 10
        and not re.search(r"[.!\"”'’…)\]]$", sentence.rstrip())
        and not SPEC_LINE.match(sentence)
    ):
        return False  # a subheading the page keeps as a line: "What is not in the deal"
    return True


_HALF = r"(?P<half>first|second|back|latter|front|early|later|last two weeks of|final two weeks of)"
_PERIOD = re.compile(
    rf"\b(?:the\s+)?(?:{_HALF}\s+half\s+of|(?P<half2>first|second|back|latter|front)\s+half\s+of"
    rf"|(?P<weeks>(?:last|final|first)\s+two\s+weeks\s+of)|(?P<lateearly>late|early|mid)(?:-|\s+))\s*"
    rf"(?P<when>(?:this|the|next)\s+year|(?:19|20)\d\d|(?P<month>{MONTH_NAMES}))\b"
    rf"|\b(?P<h>H[12])\s*(?P<hy>(?:19|20)\d\d)\b"
    rf"|\b(?P<q>Q[1-4])\s*(?P<qy>(?:19|20)\d\d)\b"
    rf"|(?<!fiscal\s)\b(?:the\s+)?(?P<qw>first|second|third|fourth)\s+quarter\b(?![\s-]+(?:results|"
    rf"revenue|sales|profit|earnings|margin|guidance|outlook|report))"
    rf"(?:\s+of\s+(?P<qwy>(?:this|next)\s+year|(?:19|20)\d\d))?"
    rf"|\b(?:in|by|from|until|before|starting(?:\s+in)?|as\s+of|"
    rf"(?:by\s+)?the\s+(?:end|start|beginning)\s+of)\s+(?P<mon>{MONTH_NAMES})\b(?!\s+\d{{1,2}}\b)"
    rf"(?:\s+(?P<mony>(?:19|20)\d\d))?",
    re.I,
)


# a season of a year: "this summer", "summer 2025", "the fall of 2026" (not "sales fall"
# or "this fall in prices", and not "next summer", which in January may mean the coming
# one or the one after)
_SEASON = re.compile(
    r"\bthis\s+(?P<s1>spring|summer|autumn|fall)\b(?!\s+(?:in|of)\b)"
    r"|\b(?:the\s+)?(?P<s2>spring|summer|autumn|(?:(?<=\bin )|(?<=\bthe )|(?<=\bby ))fall)"
    r"\s+(?:of\s+)?(?P<y>(?:19|20)\d\d)\b",
    re.I,
)
_SEASONS = {"spring": 1, "summer": 2, "autumn": 3, "fall": 3}
# a target a month ahead: "due next month", "arrive next month" (not "said next month")
_NEXT_MONTH = re.compile(
    r"\b(?:due|arriv\w*|launch\w*|ship\w*|available|expected|set|scheduled|slated|"
    r"start\w*|begin\w*|open\w*|go(?:es)?\s+on\s+sale|hit\w*\s+(?:stores|shelves|the\s+market))"
    r"\s+(?:as\s+(?:early|soon)\s+as\s+)?next\s+month\b",
    re.I,
)


def _year_of(when: str, article_day: date) -> int:
    """ "this year" / "the year" -> the article's year, "next year" -> the one after, else
    the year written."""
    when = when.lower()
    if when.startswith(("this", "the")):
        return article_day.year
    if when.startswith("next"):
        return article_day.year + 1
    return int(when)


# a year just before a period that gives none: "by early 2029, in the first quarter"
_YEAR_JUST_BEFORE = re.compile(r"\b((?:19|20)\d\d)\b[^.;:()]{0,20}$")
# "in the first quarter of 2026, followed by the 950DT in the fourth quarter": the year
# of an earlier quarter or half of the sentence
_PERIOD_YEAR_BEFORE = re.compile(
    r"\b(?:(?:quarter|half)\s+of|[QH][1-4])\s+((?:19|20)\d\d)\b[^.;:()]{0,60}$"
)


def _year_before(text: str, start: int, article_day: date) -> int:
    """The year a period without one belongs to: a year written just before it in the
    sentence, else the article's year."""
    near = _YEAR_JUST_BEFORE.search(text[max(0, start - 30) : start])
    near = near or _PERIOD_YEAR_BEFORE.search(text[max(0, start - 80) : start])
    return int(near.group(1)) if near else article_day.year


def find_periods(text: str, article_day: date) -> list[Quantity]:
    """Parts of a year or month as values: "the second half of 2026", "the back half of
    this year" and "H2 2026" are all ``2026-H2``; "the last two weeks of April", "the
    second half of April" and "late April" are all ``<year>-04-H2``; "this summer" and
    "summer 2026" are ``2026-S2`` (S1 spring, S3 autumn)."""
    out: list[Quantity] = []
    for m in _PERIOD.finditer(text):
        if m.group("mon"):
            if re.search(
                r"\b(?:reported|said|announced|disclosed|wrote|told|published|guided|filed|"
                r"reports|says)\b[^.,;]{0,12}$",
                text[max(0, m.start() - 30) : m.start()],
            ):
                continue  # "Bloomberg reported in August": when a report ran, not a fact
            # "in April": the month, in the article's year unless the year is given
            month = MONTHS[m.group("mon").lower()]
            year = (
                int(m.group("mony"))
                if m.group("mony")
                else _year_before(text, m.start(), article_day)
            )
            out.append(
                Quantity(
                    1.0,
                    f"period:{year}-{month:02d}",
                    f"{year}-{month:02d}",
                    False,
                    m.start("mon"),
                    m.end(),
                )
            )
            continue
        if m.group("h"):
            label = f"{m.group('hy')}-{m.group('h').upper()}"
        elif m.group("q"):
            label = f"{m.group('qy')}-{m.group('q').upper()}"
        elif m.group("qw"):
            if re.search(
                r"\b(?:revenue|sales|profit|income|earnings|margin|guidance|outlook|results|"
                r"fiscal|reported|quarterly)\b",
                text,
                re.I,
            ):
                continue  # results talk: "the fourth quarter" is a reporting period there
            qwy = m.group("qwy")
            year = _year_of(qwy, article_day) if qwy else _year_before(text, m.start(), article_day)
            n = ["first", "second", "third", "fourth"].index(m.group("qw").lower()) + 1
            label = f"{year}-Q{n}"
        else:
            word = (m.group("half") or m.group("half2") or m.group("weeks") or "").lower()
            late = (m.group("lateearly") or "").lower()
            if late == "mid":
                continue
            second = late == "late" or word.startswith(
                ("second", "back", "latter", "last", "final")
            )
            if m.group("month"):
                month = MONTHS[m.group("month").lower()]
                label = f"{article_day.year}-{month:02d}-{'H2' if second else 'H1'}"
            else:
                when = m.group("when")
                if when.lower() == "the year":
                    # "growth in 2026 would be concentrated in the second half of the
                    # year": the year the sentence named, else the article's
                    named = re.findall(r"\b((?:19|20)\d\d)\b", text[: m.start()])
                    year = int(named[-1]) if named else article_day.year
                else:
                    year = _year_of(when, article_day)
                label = f"{year}-{'H2' if second else 'H1'}"
        # the label is part of the unit: two periods agree only when they are the same one
        out.append(Quantity(1.0, f"period:{label}", label, False, m.start(), m.end()))
    for m in _NEXT_MONTH.finditer(text):
        # "the first of which are due next month": the month after the article's
        month = article_day.month % 12 + 1
        year = article_day.year + (article_day.month == 12)
        label = f"{year}-{month:02d}"
        out.append(Quantity(1.0, f"period:{label}", label, False, m.start(), m.end()))
    for m in _SEASON.finditer(text):
        season = _SEASONS[(m.group("s1") or m.group("s2")).lower()]
        year = int(m.group("y")) if m.group("y") else article_day.year
        label = f"{year}-S{season}"
        out.append(Quantity(1.0, f"period:{label}", label, False, m.start(), m.end()))
    return out


class TextIndex:
    """Rows of the texts to embed: ``index(text)`` registers a text once and returns its
    row, so a story's claims are embedded in one batch after all mentions are known."""

    def __init__(self) -> None:
        self.rows: dict[str, int] = {}

    def __call__(self, text: str) -> int:
        return self.rows.setdefault(text, len(self.rows))

    @property
    def texts(self) -> list[str]:
        return list(self.rows)


def _yen_article(sentences: Sequence[Sentence]) -> bool:
    """Does the article's "¥" mean yen? The sign is the yen's and the yuan's (the parser
    reads it as yuan): an article that names the yen means yen, one that names the yuan
    means yuan, else the country it talks of more (Tokyo Electron's "¥150 billion")."""
    text = " ".join(s.text for s in sentences)
    if "¥" not in text:
        return False
    if re.search(r"\byen\b", text, re.I):
        return True
    if re.search(r"\b(?:yuan|renminbi|RMB)\b", text, re.I):
        return False
    japan = len(re.findall(r"\b(?:Japan(?:ese)?|Tokyo|Osaka|Kyoto|Nikkei)\b", text))
    china = len(re.findall(r"\b(?:China|Chinese|Beijing|Shanghai|Shenzhen)\b", text))
    return japan > china


def mentions_of(
    article_id: str,
    sentences: Sequence[Sentence],
    article_day: date,
    candidates: Container[str],
    index: Callable[[str], int],
    cited: dict[str, list[tuple[str, date | None, bool]]] | None = None,
) -> list[Mention]:
    """Turn an article's sentences into fact mentions. Only ``candidates`` (sentences that
    passed the cheap filter) are read. Each mention points at the vector of the *claim*
    that states it (pipeline.claims: the clause, attribution stripped); ``index``
    registers a claim text and returns its row. ``cited`` maps a sentence to the (outlet,
    date, outlet is a known news source) it cites, so a date in a citation ("first
    reported by X on April 3") becomes the fact "X published on April 3"."""
    out: list[Mention] = []
    yen = _yen_article(sentences)
    for s in sentences:
        if s.text not in candidates:
            continue
        body = DATELINE.sub("", s.text)
        off = len(s.text) - len(body)
        parts = claims(s.text)
        rows = [index(c.text) for c in parts]

        def row_at(
            pos: int, parts: list[Claim] = parts, rows: list[int] = rows, off: int = off
        ) -> int:
            for c, r in zip(parts, rows, strict=True):
                if c.start <= off + pos < c.end:
                    return r
            return rows[-1]

        keys = frozenset(k for k in entity_keys(body) if k[2:] not in STOP)

        def dated(
            day: date,
            ctx: frozenset[str],
            row: int,
            news: bool = False,
            s: Sentence = s,
            keys: frozenset[str] = keys,
        ) -> Mention:
            """A date mention of this sentence."""
            return Mention(
                article_id, s.text, s.paragraph, "date", None, day, ctx, keys, row, news=news
            )

        citing = (cited or {}).get(s.text, [])
        for outlet, when, known in citing:
            if when is not None:
                out.append(dated(when, frozenset({"@" + outlet}), rows[0], known))
        cited_days = {w for _, w, _ in citing if w}
        date_spans: list[tuple[int, int]] = []
        for d, start, end in all_dates(body, article_day):
            date_spans.append((start, end))
            if d in cited_days:
                continue
            # an explicit "April 9" can contradict another; "on Monday" is too loose to
            explicit = bool(re.search(r"[A-Za-z]{3}", body[start:end])) and not re.fullmatch(
                r"(?i)(last |this past |on )?[a-z]+day", body[start:end].strip()
            )
            ctx = _context(body, start, end) | ({"#explicit"} if explicit else set())
            out.append(dated(d, frozenset(ctx), row_at(start)))
        for m in _EVENT_TODAY.finditer(body):
            # "Trading opens today.": the day the event happens, which is the article's
            # (a bare "today" is when the article ran far more often than a fact)
            if not any(a <= m.start() < b for a, b in date_spans):
                out.append(
                    dated(article_day, _context(body, m.start(), m.end()), row_at(m.start()))
                )
        periods = find_periods(body, article_day)
        quantities = merge_ranges(find_quantities(body), body) + periods
        # "its biggest one-day gain since October 1987": a record's year is a fact
        for rec in _RECORD_SINCE.finditer(body):
            year = float(rec["year"])
            quantities.append(
                Quantity(year, "year", f"since {rec['year']}", False, rec.start(1), rec.end(1))
            )
        # "would reach customers next year": the article's next year, as a target year
        for nxt in _NEXT_YEAR.finditer(body):
            year = float(article_day.year + 1)
            quantities.append(Quantity(year, "year", nxt[1], False, nxt.start(1), nxt.end(1)))
        if yen:
            quantities = [
                replace(q, unit="jpy") if q.unit == "cny" and "¥" in q.text else q
                for q in quantities
            ]
        period_spans = [(q.start, q.end) for q in periods]
        target_year = False  # a target year read earlier in the sentence
        for q in quantities:
            record = q.text.startswith("since ")
            if not record and any(a <= q.start < b for a, b in date_spans):
                continue
            if (
                not q.unit.startswith("period")
                and not record
                and any(a <= q.start < b for a, b in period_spans)
            ):
                continue  # the "2026" of "the second half of 2026" is part of the period
            before = body[max(0, q.start - 48) : q.start]
            if q.unit == "year" and not FOUNDING_YEAR.search(before) and not record:
                if q.value < article_day.year:
                    continue  # "in early 2025" is background
                # "by the end of 2029" is a target, and so is the second year of
                # "available in 2027 and the AI250 in 2028"
                if not (
                    _TARGET_YEAR.search(before)
                    or (target_year and re.search(r"\bin\s+$", before))
                    or q.text == "next year"
                ):
                    continue
                target_year = True
            if q.unit == "" and q.value < 10 and not q.approx:
                continue  # "two" and "3" alone are too weak to be a fact
            if q.unit == "days" and _OFFSET_AFTER.match(body[q.end : q.end + 30]):
                continue  # "two days after Nvidia said": when the article ran, not a fact
            out.append(
                Mention(
                    article_id,
                    s.text,
                    s.paragraph,
                    "quantity",
                    q,
                    None,
                    _context(body, q.start, q.end),
                    keys,
                    row_at(q.start),
                )
            )
        # every clause that names someone or quotes someone is a statement; whether a
        # lone statement is worth showing is decided after grouping (Detail.is_notable)
        extra = asides(s.text)  # "Rivos, a start-up that designs RISC-V chips, ..."
        extra += predicates(s.text)  # "the racks pull 160kW, use liquid cooling and ..."
        extra_rows = [index(c.text) for c in extra]
        for c, r in zip(parts + extra, rows + extra_rows, strict=True):
            quoted = LONG_QUOTE.search(c.text)
            ckeys = frozenset(k for k in entity_keys(c.text) if k[2:] not in STOP)
            # a claim that names nobody can still be a fact ("Neither company disclosed
            # what the deal is worth"); a fragment cannot
            undisclosed = bool(_UNDISCLOSED.search(c.text))
            if not (ckeys or quoted or undisclosed or len(c.text.split()) >= 5):
                continue
            out.append(
                Mention(
                    article_id,
                    s.text,
                    s.paragraph,
                    "statement",
                    None,
                    None,
                    frozenset(
                        stem(w)
                        for w in WORD.findall(c.text)
                        if w.lower() not in FUNCTION_WORDS and len(w) > 2
                    )
                    | ({UNDISCLOSED} if undisclosed else set())
                    | ({UNNAMED} if _UNNAMED.search(c.text) else set())
                    | {k for k, rx in CONCEPTS.items() if rx.search(c.text)},
                    ckeys,
                    r,
                    tuple(
                        q
                        for q in quantities
                        if q.unit not in ("", "year") and c.start <= off + q.start < c.end
                    ),
                    c.text,
                )
            )
    return out
