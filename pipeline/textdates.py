"""Dates written in news text, resolved against the article's own day.

"April 3" is the latest April 3 not after the article (a January article's "December 30"
is last year's); "Tuesday" is the latest Tuesday, unless the words before it look ahead
("trading will begin on Thursday"); "yesterday", "two days ago", "the following day" and
"hours later" count from the article's day or from the date given just before. Used for
citation dates (pipeline.citations) and for date details (pipeline.mentions).

Pure: strings and dates in, dates out.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

_MONTH_FORMS = [
    ("january", "jan"),
    ("february", "feb"),
    ("march", "mar"),
    ("april", "apr"),
    ("may",),
    ("june", "jun"),
    ("july", "jul"),
    ("august", "aug"),
    ("september", "sep", "sept"),
    ("october", "oct"),
    ("november", "nov"),
    ("december", "dec"),
]
MONTHS = {m: i for i, names in enumerate(_MONTH_FORMS, start=1) for m in names}
# the full month names as a regex alternation ("January|February|...")
MONTH_NAMES = "|".join(names[0].capitalize() for names in _MONTH_FORMS)
WEEKDAYS = {
    d: i
    for i, d in enumerate(
        ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
    )
}
_MONTH_RE = "|".join(sorted(MONTHS, key=len, reverse=True))
_DATE_MD = re.compile(
    rf"\b(?P<month>{_MONTH_RE})\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<year>\d{{4}}))?",
    re.I,
)
_DATE_DM = re.compile(
    rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<month>{_MONTH_RE})\b(?:,?\s+(?P<year>\d{{4}}))?",
    re.I,
)
_DATE_ISO = re.compile(r"\b(?P<year>20\d\d)-(?P<month>\d\d)-(?P<day>\d\d)\b")
_WEEKDAY = re.compile(
    r"\b(?P<last>last\s+|this\s+past\s+|on\s+|)(?P<wd>monday|tuesday|wednesday|thursday|friday|"
    r"saturday|sunday)\b",
    re.I,
)
# words that put a weekday ahead of the article rather than behind it
LOOKS_AHEAD = re.compile(
    r"\b(?:will|would|is|are)\s+(?:\w+\s+)?(?:expected|set|scheduled|due|slated|planned)\b|"
    r"\bwill\b|\bto\s+(?:begin|start|open|list|debut|price|launch)\b|\bnext\b|\bcoming\b|"
    r"\bexpected\b|\bscheduled\b|\bbegins?\b|\bstarts?\b|\b(?:re)?opens?\b|\bresumes?\b|"
    r"\bexpires?\b|\btakes\s+effect\b|"
    # a deadline: "operators have until June 30 to apply", "applications close on June 30"
    r"\buntil\b|\bdeadline\b|\bcloses?\s+on\b",
    re.I,
)
# a yearless date up to this far ahead is in the article's year ("the quarter ends April
# 26"); further ahead it is last year's ("December 30" written in January)
FUTURE_DAYS = 75
_RELATIVE = re.compile(
    r"\b(yesterday|today|earlier today|the day before|a day earlier|last night|"
    r"(?:early |late |earlier )?this (?:morning|afternoon|evening)|tonight|overnight|just now)"
    r"\b(?!['’]s)",
    re.I,
)
_HOLIDAYS = {
    "christmas day": (12, 25),
    "christmas eve": (12, 24),
    "new year's eve": (12, 31),
    "new year's day": (1, 1),
}
_HOLIDAY = re.compile(
    r"\b(?:christmas day|christmas eve|new year['’]s eve|new year['’]s day)\b", re.I
)
_ORDINAL_DAY = re.compile(
    r"\bon the (?:(?:morning|afternoon|evening|night) of the )?(\d{1,2})(?:st|nd|rd|th)\b"
    r"(?!\s+(?:floor|day|of))"
)
_AGO = re.compile(r"\b(a|one|two|three|four|\d) (day|week)s? ago\b", re.I)
_SMALL = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}


def _ahead(found: date, sentence: str, start: int, article_day: date) -> date:
    """A yearless date sent back a year (see :data:`FUTURE_DAYS`) stays in the article's
    year when the words before it look ahead: "Applications close on June 30" written in
    March is this June, not last."""
    if found >= article_day or not LOOKS_AHEAD.search(sentence[max(0, start - 60) : start]):
        return found
    try:
        ahead = found.replace(year=found.year + 1)
    except ValueError:  # February 29
        return found
    # (sent back a year, or a January date written in late December)
    rolled = found.year < article_day.year or (ahead - article_day).days <= FUTURE_DAYS
    return ahead if rolled and (ahead - article_day).days <= 366 else found


def resolve_date(sentence: str, article_day: date) -> date | None:
    """The first absolute or relative date in a sentence, resolved against the article's
    day: "April 3" -> the latest April 3 not after the article (year rollover); "Tuesday"
    -> the latest Tuesday not after it; "last Tuesday" -> strictly before it."""
    found = first_date(sentence, article_day)
    return found[1] if found else None


def relative_dates(sentence: str, article_day: date) -> list[tuple[date, int, int]]:
    """Days counted from the article's ("last night", "yesterday", "two days ago"):
    (day, start, end). :func:`all_dates` leaves them out, as date details: "today" is
    when an article ran far more often than a fact."""
    out: list[tuple[date, int, int]] = []
    for m in _RELATIVE.finditer(sentence):
        word = m.group(1).lower()
        back = 1 if word in ("yesterday", "the day before", "a day earlier", "last night") else 0
        out.append((article_day - timedelta(days=back), m.start(), m.end()))
    for m in _AGO.finditer(sentence):
        n = _SMALL.get(m.group(1).lower()) or int(m.group(1))
        days = n * (7 if m.group(2).lower() == "week" else 1)
        out.append((article_day - timedelta(days=days), m.start(), m.end()))
    return out


def first_date(sentence: str, article_day: date) -> tuple[int, date] | None:
    hits: list[tuple[int, date]] = []
    for pattern in (_DATE_MD, _DATE_DM):
        for m in pattern.finditer(sentence):
            month = MONTHS[m.group("month").lower()]
            day = int(m.group("day"))
            year = int(m.group("year")) if m.group("year") else article_day.year
            try:
                d = date(year, month, day)
            except ValueError:
                continue
            if not m.group("year") and d > article_day + timedelta(days=FUTURE_DAYS):
                try:
                    d = date(year - 1, month, day)  # "December 30" in a January article
                except ValueError:
                    continue
            hits.append((m.start(), d))
    for m in _DATE_ISO.finditer(sentence):
        try:
            hits.append(
                (m.start(), date(int(m.group("year")), int(m.group("month")), int(m.group("day"))))
            )
        except ValueError:
            continue
    for m in _WEEKDAY.finditer(sentence):
        wd = WEEKDAYS[m.group("wd").lower()]
        back = (article_day.weekday() - wd) % 7
        if m.group("last").strip().lower() in ("last", "this past") and back == 0:
            back = 7
        hits.append((m.start(), article_day - timedelta(days=back)))
    hits.extend((start, d) for d, start, _ in relative_dates(sentence, article_day))
    for m in _HOLIDAY.finditer(sentence):
        # "on Christmas Day", "in a New Year's Eve filing": the latest such day
        month, day = _HOLIDAYS[m.group(0).lower().replace("’", "'")]
        when = date(article_day.year, month, day)
        if when > article_day:
            when = date(article_day.year - 1, month, day)
        hits.append((m.start(), when))
    for m in _ORDINAL_DAY.finditer(sentence):
        # "reported on the 4th" (translated Asian press): this month, or last month when
        # the day is still to come
        day = int(m.group(1))
        month_start = article_day.replace(day=1)
        if day > article_day.day:
            month_start = (month_start - timedelta(days=1)).replace(day=1)
        try:
            hits.append((m.start(), month_start.replace(day=day)))
        except ValueError:
            continue
    if not hits:
        return None
    hits.sort()
    # "Friday, April 3": a weekday right before an explicit date is the same day
    return hits[0] if len(hits) == 1 or hits[1][0] - hits[0][0] > 12 else hits[1]


def dates_in(sentence: str, article_day: date) -> list[date]:
    """Every resolvable date in a sentence (used as detail values)."""
    out: list[date] = []
    for pattern in (_DATE_MD, _DATE_DM):
        for m in pattern.finditer(sentence):
            month = MONTHS[m.group("month").lower()]
            year = int(m.group("year")) if m.group("year") else article_day.year
            try:
                d = date(year, month, int(m.group("day")))
            except ValueError:
                continue
            if not m.group("year"):
                if d > article_day + timedelta(days=FUTURE_DAYS):
                    d = d.replace(year=d.year - 1)
                d = _ahead(d, sentence, m.start(), article_day)
            out.append(d)
    return out


SAME_OR_NEXT = re.compile(
    r"\b(?:the (?:following|next) (?:day|morning|afternoon|evening)|a day later|the day after|"
    r"a day earlier|the day before|"
    r"(?:that|the) same (?:day|morning|"
    r"afternoon|evening)|later that (?:day|morning|afternoon|evening)|that (?:afternoon|evening)|"
    r"(?:(?:a few|several|two|three|some) )?hours (?:later|earlier)|within (?:the )?hours|"
    r"minutes (?:later|earlier)|earlier that (?:day|morning|afternoon|evening)|"
    r"(?:earlier|later) in the day|"
    r"(?:two|three|four|five|six|[2-6]) days (?:later|earlier)|a week (?:later|earlier))\b",
    re.I,
)


_OPENING = re.compile(rf"\s*(?:{SAME_OR_NEXT.pattern})\s*,", re.I)


def day_shift(phrase: str) -> int:
    """1 for "the following day" / "a day later", -1 for "a day earlier" / "the day
    before", 0 for "later that day" / "that same afternoon", 7 for "a week later", -2 for
    "two days earlier"."""
    counted = re.search(
        r"(?i)\b(two|three|four|five|six|[2-6]|a) (days|week) (later|earlier)", phrase
    )
    if counted:
        word = counted.group(1).lower()
        n = _SMALL.get(word) or int(word)
        days = n * (7 if counted.group(2).lower() == "week" else 1)
        return days if counted.group(3).lower() == "later" else -days
    if re.search(r"(?i)day earlier|day before", phrase):
        return -1
    return 1 if re.search(r"(?i)following|next|day later|day after", phrase) else 0


def relative_shift(sentence: str) -> int | None:
    """Days after the previously given date that "later that day" (0) or "a day later"
    (1) anywhere in the sentence points to; None when it has no such phrase."""
    m = SAME_OR_NEXT.search(sentence)
    return None if m is None else day_shift(m.group(0))


def opening_shift(sentence: str) -> int | None:
    """Days after the previously given date that a sentence opening like "A day later,"
    (1) or "Later that day," (0) points to; None for any other opening."""
    m = _OPENING.match(sentence)
    return None if m is None else day_shift(m.group(0))


def last_date(text: str, article_day: date) -> date | None:
    """The last date the text gives, resolved against the article's day."""
    found = [d for d, _, _ in all_dates(text, article_day)]
    return found[-1] if found else None


def all_dates(sentence: str, article_day: date) -> list[tuple[date, int, int]]:
    """Every date expression in a sentence, resolved: (day, start, end)."""
    out: list[tuple[date, int, int]] = []
    spans: list[tuple[int, int]] = []
    for pattern in (_DATE_MD, _DATE_DM, _DATE_ISO):
        for m in pattern.finditer(sentence):
            found = first_date(m.group(0), article_day)
            if found and not any(s <= m.start() < e for s, e in spans):
                day = found[1]
                if not m.group("year"):
                    day = _ahead(day, sentence, m.start(), article_day)
                out.append((day, m.start(), m.end()))
                spans.append((m.start(), m.end()))
    for m in _WEEKDAY.finditer(sentence):
        if any(s <= m.start() < e or m.end() + 3 >= s > m.start() for s, e in spans):
            continue  # "Friday, April 3": the explicit date already counts
        found = first_date(m.group(0), article_day)
        if found:
            day = found[1]
            if not m.group("last").strip() or m.group("last").strip().lower() == "on":
                if LOOKS_AHEAD.search(sentence[max(0, m.start() - 60) : m.start()]):
                    # "trading will begin on Thursday": the coming Thursday
                    ahead = (WEEKDAYS[m.group("wd").lower()] - article_day.weekday()) % 7
                    day = article_day + timedelta(days=ahead)
            out.append((day, m.start(), m.end()))
    # "pricing on Wednesday, with trading to begin the following day": one day after the
    # date just before it in the sentence
    for m in _NEXT_DAY.finditer(sentence):
        earlier = [(s, d) for d, s, _ in out if s < m.start()]
        if earlier:
            _, d = max(earlier)
            out.append((d + timedelta(days=1), m.start(), m.end()))
    return out


_NEXT_DAY = re.compile(r"\b(?:the following day|the next day|a day later|the day after)\b", re.I)
