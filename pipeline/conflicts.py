"""Conflicts: when two value mentions are the same fact, and when they are rivals.

"1 trillion" and "1.2 trillion parameters", "April 3" and "April 4" for one report are a
conflict; "up 19% in late-morning trading" and "finished up 19%", a chip's memory and the
rival chip's, the point of comparison ("up from 132 on Cobalt 200") and the new figure
are not. These rules read the words around a value; pipeline.details applies them to the
groups it forms.

Pure: takes mentions, returns judgements.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from pipeline.claims import DATELINE
from pipeline.facts import Detail, DetailParams, Mention
from pipeline.mentions import FOUNDING_YEAR
from pipeline.quantities import (
    CURRENCY_SYMBOLS,
    CURRENCY_WORDS,
    MEASURES,
    Quantity,
    compatible,
    significant_digit_string,
)


def values_agree(a: Mention, b: Mention) -> bool:
    """Two value mentions of one kind that may be the same fact: the same day (and cited
    outlet) for dates, compatible values (rounding-aware) for quantities."""
    if a.kind != b.kind:
        return False
    if a.kind == "date":
        return a.day == b.day and same_date_subject(a, b)
    assert a.value is not None and b.value is not None
    return compatible(a.value, b.value)


def same_slot_other_value(a: Mention, b: Mention, p: DetailParams) -> bool:
    """Could ``b`` be a rival value for ``a``'s fact: the same kind and unit, another value,
    close enough to be a misreport (a date within a week, a figure within
    ``p.conflict_max_ratio``), not two moments or two grains of a period?"""
    if a.kind != b.kind or a.kind == "statement":
        return False
    if a.kind == "date":
        return (
            a.day is not None
            and b.day is not None
            and a.day != b.day
            and abs((a.day - b.day).days) <= 7
            and same_date_subject(a, b)
        )
    assert a.value is not None and b.value is not None
    ua, ub = a.value.unit, b.value.unit
    if ua.startswith("period:") and ub.startswith("period:"):
        # "in April" against "in May": the same slot when both are months (or both halves)
        if _period_grain(ua) != _period_grain(ub):
            # "early 2027" against "the fourth quarter": another grain, but no overlap; a
            # month against a half-year is usually two milestones (preview, then launch)
            if {_period_grain(ua), _period_grain(ub)} != {"half", "quarter"}:
                return False
            (a0, a1), (b0, b1) = _period_months(ua), _period_months(ub)
            apart = max(a0, b0) - min(a1, b1)  # > 0 when they do not overlap
            return 0 < apart <= 3 and _prospective(a) == _prospective(b)
        return (
            ua != ub
            and _period_gap(ua, ub) <= 3  # April vs May may be one slot; 2025 vs 2028 is not
            and _prospective(a) == _prospective(b)
        )
    if {ua, ub} & {"year"} and (ua + ub).count("period:") == 1:
        # "first power in 2027" against "in the second half of 2028": a target year and a
        # part of the next or the last year are one milestone told two ways
        # (of one thing: "the Ascend 960 is planned for 2027" and "the Ascend 970 is due
        # in Q4 2028" are two chips' milestones)
        year, period = (a, b) if ua == "year" else (b, a)
        other = int(period.value.unit[7:11])  # type: ignore[union-attr]
        models = [_model_numbers(_clauses_before(x)[-1]) for x in (a, b)]
        if all(models) and not models[0] & models[1]:
            return False
        return other != int(year.value.value) and abs(other - year.value.value) <= 1  # type: ignore[union-attr]
    # a bare large count ("as many as 1.2 million") may fill the slot of a counted one
    # ("up to one million TPUs"): one retelling often leaves the unit out
    big = min(abs(a.value.value), abs(b.value.value)) >= 1000
    # ... but never a measure: "671 billion" (parameters) is no rival to "$589 billion"
    plain = {ua, ub} & {""} and not ({ua, ub} - {""}) & _NOT_COUNTS
    wildcard = big and plain and not any(u.startswith(("period", "vague")) for u in (ua, ub))
    if (not wildcard and (not ua or ua != ub)) or compatible(a.value, b.value):
        return False
    if (
        ua != "year"  # a target year is a plan however it is told ("expected ... in 2027")
        and _prospective(a) != _prospective(b)
        and not (_only_scheduled(a) or _only_scheduled(b))
    ):
        return False  # "looking to raise up to $1.2bn" is a plan; "raised $1.32bn" the outcome
    if is_baseline(a) != is_baseline(b):
        return False  # "up from 132 cores" is the old chip's count, not a rival figure
    if ua == "year" and (_founding(a) != _founding(b) or abs(a.value.value - b.value.value) > 2):
        # "founded in 2016" is no rival to "by 2026"; 2026 and 2029 are two targets
        return False
    if _within_bound(a, b) or _within_bound(b, a):
        return False  # "past two trillion yen" agrees with "about 2.3 trillion yen"
    if ua == "pct" and _price_move(a) != _price_move(b):
        return False  # "Nvidia shares rose about 3%" is no rival to "a stake of roughly 4%"
    if ua == "pct" and len({_growth_basis(a), _growth_basis(b)} - {None}) == 2:
        return False  # "up 7.8% from the previous quarter" against "9.9% year on year"
    lo, hi = sorted([abs(a.value.value), abs(b.value.value)])
    limit = p.conflict_max_ratio
    if (
        ua == "pct"
        and trading_moment(a) == trading_moment(b) == "close"
        and _subject(a) & _subject(b)
    ):
        # one name's close on one day has one value: "closed up 11%" and "finished up
        # 19%" disagree, further apart than other figures may be
        limit = 2.0
    if ua == ub == "days" and lo >= 28:
        # a delay or a term told as "three months" and "six months": outlets round spans of
        # months coarsely, so one may be twice another (not "one-day" against "two-day")
        limit = 2.0
    if _misprint(a.value, b.value):
        return True  # "$4.1 billion" against "$1.4 billion": one figure, mistyped
    return lo > 0 and hi / lo <= limit


def _misprint(a: Quantity, b: Quantity) -> bool:
    """Is one figure the other mistyped, however far apart the values: the same digits
    at another magnitude ("120,000 miles" / "12,000 miles") or two neighbouring digits
    swapped at the same magnitude ("$4.1 billion" / "$1.4 billion") or its leading digit
    dropped ("164%" / "64%")? Two digits at least: "5" against "50" says nothing."""
    da, db = significant_digit_string(a), significant_digit_string(b)
    if len(da) < 2 or len(db) < 2:
        return False
    if da == db:
        return True
    lo, hi = sorted([abs(a.value), abs(b.value)])
    if hi >= 10 * lo:
        return False  # "1.72 trillion" and "127 billion" share digits by chance
    long, short = sorted([da, db], key=len, reverse=True)
    if len(long) == len(short) + 1:
        return long[1:] == short  # a leading digit dropped: "164%" / "64%"
    if len(da) != len(db):
        return False
    diff = [i for i in range(len(da)) if da[i] != db[i]]
    i, j = diff if len(diff) == 2 else (0, 0)
    return j == i + 1 and (da[i], da[j]) == (db[j], db[i])


_NOT_COUNTS = MEASURES | set(CURRENCY_SYMBOLS.values()) | set(CURRENCY_WORDS.values())


def counted_unit(unit: str) -> bool:
    """Is ``unit`` a counted noun ("machine", "partner"), not a measure, money, a period or
    a bare number?"""
    return bool(unit) and unit not in _NOT_COUNTS and not unit.startswith(("period", "vague"))


def _period_gap(a: str, b: str) -> int:
    """How many steps of their grain two periods are apart (months, halves, quarters)."""

    def index(unit: str) -> int:
        label = unit.split(":", 1)[1]
        year, rest = int(label[:4]), label[5:]
        if rest.startswith("H"):
            return year * 2 + int(rest[1:])
        if rest.startswith(("Q", "S")):
            return year * 4 + int(rest[1:])
        month = int(rest[:2])
        half = int(rest[-1]) if rest.endswith(("H1", "H2")) and len(rest) > 2 else 0
        return (year * 12 + month) * 2 + half

    return abs(index(a) - index(b))


def _period_months(unit: str) -> tuple[int, int]:
    """The months a period covers, as (first, last) month numbers since year 0."""
    label = unit.split(":", 1)[1]
    year, rest = int(label[:4]), label[5:]
    if rest.startswith("H"):
        first = year * 12 + (1 if rest == "H1" else 7)
        return first, first + 5
    if rest.startswith("Q"):
        first = year * 12 + 3 * (int(rest[1:]) - 1) + 1
        return first, first + 2
    month = year * 12 + int(rest[:2])
    return month, month


def _period_grain(unit: str) -> str:
    """'month' for period:2026-04, 'half' for period:2026-H2, 'quarter', 'month-half',
    'season' for period:2026-S2."""
    label = unit.split(":", 1)[1]
    if "-S" in label:
        return "season"
    if re.fullmatch(r"\d{4}-\d\d", label):
        return "month"
    if re.fullmatch(r"\d{4}-\d\d-H\d", label):
        return "month-half"
    return "half" if "-H" in label else "quarter"


# a plan, a ceiling or a forecast: "looking to raise up to $1.2bn", "expects revenue of"
_PLAN = re.compile(
    r"\b(?:up to|as much as|as many as|looking to|seek(?:s|ing)? to|plans? to|planned|aims? to|"
    r"target(?:s|ing|ed)?|expects?|expected|could|may|might|hopes? to|marketed|"
    r"forecast|guidance|outlook|anticipate[sd]?|"
    r"pencil(?:l)?ed|budgeted|(?:is|are|was|were)(?: now)? seen (?:at|reaching))\b",
    re.I,
)
# a future on a schedule, which other outlets tell as a plain fact: "would reduce revenue
# by about $600 million" / "will cut revenue by $660 million", "is slated to reach 1.2 GW
# across six buildings" / "will comprise eight buildings"
_SCHEDULED = re.compile(r"\b(?:would|due|scheduled|slated|set to|on track to)\b", re.I)
# "At the top of that range, Cerebras would be valued at ...", "if the deal closes"
_CONDITION_BEFORE = re.compile(r"^\s*(?:at|if|assuming|under)\b|\bif\b", re.I)


_BASELINE = re.compile(
    r"\b(?:up|down|rising|falling|climbing|jumping|growing)\s+from|\bcompar(?:es|ed|ing)\s+"
    r"(?:with|to)|\bversus|\bvs\.?|\bfrom\s+(?:a|an|the)?\s*(?:previous|prior|earlier)|"
    r"\bincrease\s+(?:on|over)|\b(?:previous|prior|earlier|last)\s+(?:generation|"
    r"year's|quarter's)",
    re.I,
)


def is_baseline(m: Mention) -> bool:
    """Is the value the point of comparison ("up from 132 on Cobalt 200", "compares with
    roughly 75,000 at the end of last year") rather than the fact reported?"""
    assert m.value is not None
    body = DATELINE.sub("", m.sentence)
    before = body[max(0, m.value.start - 40) : m.value.start]
    after = body[m.value.end : m.value.end + 40]
    if _BASELINE.search(before):
        return True
    if re.search(r"\bfrom\s+$", before) and _BEFORE_NOW.match(after):
        return True  # "raised its forecast to $91 billion, from $85 billion previously"
    if _AGAINST.search(before) and _CONSENSUS.match(after):
        return True  # "beating the €4.9 billion average analyst estimate"
    if _CONSENSUS_BEFORE.search(before):
        return True  # "Analysts had expected revenue of about $1.77 billion"
    # the plan that was ("had previously been slated to ..., with production starting in
    # 2028") against the plan that is
    return bool(_EARLIER_PLAN.search(body[: m.value.start].split(";")[-1]))


_MOVE = re.compile(
    r"\b(?:shares?|stocks?|index|ADRs?|market\s+value)\b.*\b(?:rose|fell|jump(?:ed|s)|"
    r"climb(?:ed|s)|dropp?(?:ed|s)|gain(?:ed|s)|lost|surg(?:ed|es)|slump(?:ed|s)|tumbl(?:ed|es)|"
    r"rall(?:ied|ies)|soar(?:ed|s)|sank|slid|declin(?:ed|es)|closed|finished|ended|traded|"
    r"(?:were|was|is|are)\s+(?:up|down)|up|down)\b",
    re.I,
)


_NUMBER_START = r"\s+(?:US)?[$€£¥]?\s?(?:\d|one|two|three|four|five|six|seven|eight|nine|ten)"
_LOWER_BOUND = re.compile(
    rf"\b(?:more than|over|past|at least|beyond|exceeding|upwards of|north of|in excess of)"
    rf"{_NUMBER_START}",
    re.I,
)
_UPPER_BOUND = re.compile(
    rf"\b(?:less than|under|below|at most|no more than|fewer than){_NUMBER_START}", re.I
)


def _bound(m: Mention) -> str | None:
    """'lower' when the value is a floor ("past two trillion yen", "more than 10 billion
    euros"), 'upper' when a ceiling given as such ("less than 5%"), else None."""
    assert m.value is not None
    body = DATELINE.sub("", m.sentence)
    # (to the value's end: its text may hold the bound, "more than 40%")
    window = body[max(0, m.value.start - 20) : max(m.value.start + 6, m.value.end)]
    if _LOWER_BOUND.search(window):
        return "lower"
    if _UPPER_BOUND.search(window):
        return "upper"
    return None


def _within_bound(a: Mention, b: Mention) -> bool:
    """Is ``b``'s value inside the bound ``a`` gives (and ``b`` itself no bound)?"""
    assert a.value is not None and b.value is not None
    kind = _bound(a)
    if kind is None or _bound(b) is not None:
        return False
    if kind == "lower":
        return b.value.value >= a.value.value
    return b.value.value <= a.value.value


# a name that moved ("Intel rose 26% on Thursday"), not a lowercase measure ("revenue rose")
_NAME_MOVED = re.compile(
    r"\b[A-Z][\w&\-]*\s+(?:rose|fell|jumped|climbed|dropped|gained|lost|surged|slumped|"
    r"tumbled|rallied|soared|sank|slid|declined)\s+(?:by\s+)?(?:about|roughly|nearly|almost|"
    r"some|more\s+than|as\s+much\s+as)?\s*$"
)


def _price_move(m: Mention) -> bool:
    """Is the percentage a market move ("Nvidia shares rose about 3%", "Qualcomm finished
    Monday up 19%")?"""
    head, _ = _around(m, 70, 0)
    return bool(_MOVE.search(head) or _NAME_MOVED.search(head)) or trading_moment(m) in (
        _MOVE_MOMENTS
    )


_YEAR_ON_YEAR = re.compile(
    r"\b(?:year[- ](?:on|over)[- ]year|from a year (?:earlier|ago|before)|than a year "
    r"(?:earlier|ago)|on an annual basis|y/y|yoy|annual(?:ly)?|from (?:the )?(?:same|year-ago) "
    r"(?:quarter|period|month) (?:a|last) year|from the year-ago)",
    re.I,
)
_SEQUENTIAL = re.compile(
    r"\b(?:quarter[- ](?:on|over)[- ]quarter|from the (?:previous|prior|preceding|last) "
    r"(?:quarter|three months)|sequential(?:ly)?|q/q|qoq|month[- ](?:on|over)[- ]month|from "
    r"the (?:previous|prior|preceding) month)",
    re.I,
)


def _growth_basis(m: Mention) -> str | None:
    """What a growth rate is measured against, when its clause says: 'year' (year on
    year) or 'sequential' (from the previous quarter or month)."""
    assert m.value is not None
    head, tail = _around(m, 40, 60)
    near = f"{head} {m.value.text} {tail}"
    if _SEQUENTIAL.search(near):
        return "sequential"
    if _YEAR_ON_YEAR.search(near):
        return "year"
    return None


_BEFORE_NOW = re.compile(r"\s+(?:previously|earlier|before|a year (?:earlier|ago)|last year)\b")
# what a figure is measured against: "ahead of Wall Street's $9.9 billion consensus"
_AGAINST = re.compile(
    r"\b(?:beat(?:ing|s)?|ahead\s+of|above|below|topp(?:ed|ing)|miss(?:ed|ing)?|short\s+of|"
    r"exceed(?:ed|ing|s)?|against|versus|than)\s+(?:[\w'’]+\s+){0,3}$",
    re.I,
)
_CONSENSUS = re.compile(
    r"\s*(?:[\w'’\-]+\s+){0,3}?(?:consensus|estimates?|expectations?|forecasts?)\b"
    r"|\s+(?:that\s+)?analysts\s+(?:had\s+)?(?:expected|estimated|forecast)",
    re.I,
)


# the estimate itself: "analysts had expected revenue of", "the consensus forecast was for"
_CONSENSUS_BEFORE = re.compile(
    r"\b(?:analysts?|consensus|Wall\s+Street)\b[^.;]{0,25}?\b(?:expect|estimat|forecast|"
    r"project|predict|anticipat)\w*\s+(?:[\w'’]+\s+){0,3}$",
    re.I,
)


_EARLIER_PLAN = re.compile(
    r"\b(?:previously|originally|initially|earlier)\s+(?:been\s+)?(?:slated|planned|scheduled|"
    r"expected|set|due|targeted|intended)\b",
    re.I,
)


def _founding(m: Mention) -> bool:
    """Is the value the year something was founded ("founded in 2016")?"""
    assert m.value is not None
    body = DATELINE.sub("", m.sentence)
    return bool(FOUNDING_YEAR.search(body[max(0, m.value.start - 48) : m.value.start]))


def _future_words(m: Mention) -> tuple[str, str, str]:
    """The sentence (dateline dropped), the words of the value's clause before it with the
    value's own text (which may open with the ceiling: "up to one million"), and the words
    just after it."""
    assert m.value is not None
    body = DATELINE.sub("", m.sentence)
    before = re.split(r"[,;:]", body[max(0, m.value.start - 45) : m.value.start])[-1]
    return body, f"{before} {m.value.text}", body[m.value.end : m.value.end + 40]


# units of a part's specification, where "up to" is the part's ceiling, not a plan
_SPEC_UNITS = {"Hz", "W", "B", "B/s", "b/s", "FLOPS", "OPS"}
_CEILING = re.compile(r"\b(?:up to|as much as|as high as)\b", re.I)


def _prospective(m: Mention) -> bool:
    """Is the value a plan, a ceiling, a forecast or a scheduled future rather than an
    outcome? ("At $11.9 billion, Cerebras would trade at ..." is a condition, whatever
    comes before it.)"""
    _, near, after = _future_words(m)
    if m.value is not None and m.value.unit in _SPEC_UNITS:
        # "clocking up to 2.1GHz", "up to 1,400W": a spec's ceiling, not a plan
        near = _CEILING.sub(" ", near)
    return bool(_PLAN.search(near) or _SCHEDULED.search(near) or _CONDITION_AFTER.match(after))


def _only_scheduled(m: Mention) -> bool:
    """Is the value a future on a schedule ("would reduce", "is slated to reach"), with no
    plan, ceiling, forecast or condition about it? Such a figure rivals one told as a
    plain fact ("will cut", "will comprise"): the outlets tell one future two ways."""
    assert m.value is not None
    body, near, after = _future_words(m)
    return (
        bool(_SCHEDULED.search(near))
        and not _PLAN.search(near)
        and not _CONDITION_AFTER.match(after)
        and not _CONDITION_BEFORE.search(body[: m.value.start])
    )


# when in a trading day a market move was measured: a close, a snapshot during the session
# or before it, or the session's peak
_MOMENTS = (
    (
        "peak",
        re.compile(
            r"\b(?:as much as|as high as|at one point|at (?:its|their) (?:peak|high)|"
            r"intraday high)\b",
            re.I,
        ),
    ),
    (
        "premarket",
        re.compile(
            r"\b(?:pre-?market|before the (?:bell|open)|after[- ]hours|"
            r"extended trading)\b",
            re.I,
        ),
    ),
    (
        "session",
        re.compile(
            r"\b(?:midday|mid-?morning|late[- ]morning|early trading|"
            r"(?:morning|afternoon|intraday|early|midday) trad(?:e|ing)|by (?:noon|lunchtime)|"
            r"in early (?:deals|trade))\b",
            re.I,
        ),
    ),
    ("tolerance", re.compile(r"\b(?:plus or minus|give or take)\b|±", re.I)),
    ("limit", re.compile(r"\b(?:daily|trading|price) limit\b", re.I)),
    (
        "year",
        re.compile(r"\b(?:this year|so far this year|year[- ]to[- ]date|since January)\b", re.I),
    ),
    ("further", re.compile(r"\b(?:another|a further)\b", re.I)),
    ("close", re.compile(r"\b(?:clos(?:ed|ing)|finish(?:ed|ing)|ended|settled)\b", re.I)),
)


def _around(m: Mention, before: int, after: int) -> tuple[str, str]:
    """The words of the value's own clause before and after it (up to ``before`` and
    ``after`` characters): ", while SK Hynix rose 2.3%" reads from "SK Hynix"."""
    assert m.value is not None
    body = DATELINE.sub("", m.sentence)
    head = re.split(
        r"[;:]|,\s+(?:while|and|but|as)\b", body[max(0, m.value.start - before) : m.value.start]
    )[-1]
    tail = re.split(
        r"[;:]|,\s+(?:while|and|but|as|after)\b|,", body[m.value.end : m.value.end + after]
    )[0]
    return head, tail


def trading_moment(m: Mention) -> str | None:
    """The moment of the trading day a percentage move was taken at, when the clause says."""
    assert m.value is not None
    if m.value.unit != "pct":
        return None
    head, tail = _around(m, 70, 50)
    for name, pattern in _MOMENTS:
        if pattern.search(f"{head} {m.value.text} {tail}"):
            if name == "peak" and not _MARKET.search(m.sentence):
                continue  # "raised prices by as much as 60%": a ceiling, not a share's peak
            return name
    return None


# words of a market move: a percentage "as much as" in a sentence without them is no peak
_MARKET = re.compile(
    r"\b(?:shares?|stocks?|ADRs?|index|trading|traded|trade|intraday|session|closed|closing|"
    r"market value)\b",
    re.I,
)

MoveFacets = tuple[frozenset[str], frozenset[str], frozenset[str]]


def move_facets(ms: Sequence[Mention], unnamed: frozenset[str] = frozenset()) -> MoveFacets | None:
    """A group of percentages' moments, weekdays and names (None for other values). A
    group that names nobody ("Shares of the world's most valuable chipmaker rose 4%") is
    about ``unnamed``: the story's topic names."""
    if not (ms and ms[0].value and ms[0].value.unit == "pct"):
        return None
    return (
        frozenset(x for m in ms if (x := trading_moment(m))),
        frozenset(x for m in ms if (x := _weekday(m))),
        frozenset().union(*(_subject(m) for m in ms)) or unnamed,
    )


def moves_differ(a: MoveFacets | None, b: MoveFacets | None) -> bool:
    """Two groups of percentages that describe different market moves: taken at different
    moments ("up 19% by midday" against "closed up 11%"; a group's members may leave the
    moment out), on different days, or moves of different names ("SK Hynix rose 2.3%"
    against "the PHLX index rose 1.9%"). Such values are two facts, not a conflict."""
    if a is None or b is None:
        return False
    if bool(a[0] & _INTRADAY) != bool(b[0] & _INTRADAY) and not (a[0] and b[0]):
        # "fell 1.8% in early trade" against "fell 2.9%": a move given without its moment
        # is the day's (the close), not the morning's
        return True
    return any(x and y and not x & y for x, y in zip(a, b, strict=True))


_INTRADAY = frozenset({"peak", "premarket", "session"})
_MOVE_MOMENTS = _INTRADAY | {"close"}  # moments only a market move is taken at


_WEEKDAY = re.compile(r"\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")


def _weekday(m: Mention) -> str | None:
    """The weekday a percentage move is given for, when its clause names one ("closed
    3.8% higher on Thursday")."""
    head, tail = _around(m, 60, 50)
    found = _WEEKDAY.search(f"{head} {tail}")
    return found.group(1) if found else None


_SUBJECT_SKIP = {
    "the", "a", "an", "in", "on", "at", "by", "for", "its", "their", "his", "her", "shares",
    "share", "stock", "rival", "and", "but", "while", "after", "as", "of", "us", "u.s.",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "new", "york", "seoul", "taipei", "tokyo", "shanghai",
    "shenzhen", "hong", "kong", "london",
}  # fmt: skip


def _subject(m: Mention) -> frozenset[str]:
    """The names in the clause that leads to a percentage ("SK Hynix rose 2.3%"): what the
    figure is about. Empty when the clause names nothing ("The stock had risen 20%")."""
    assert m.value is not None
    if m.value.unit != "pct":
        return frozenset()
    parts = _clauses_before(m)
    # the clause's own names, else, after an appositive ("Hanmi Semiconductor, which
    # supplies SK hynix, fell 3.2%"), the names the sentence opens with
    if _names(parts[-1]) or len(parts) < 3:
        return _names(parts[-1])
    appositive = re.match(r"\s*(?:which|who|whose|a|an|the|one of)\b", parts[1])
    return _names(parts[0]) if appositive else frozenset()


def _clauses_before(m: Mention) -> list[str]:
    """The clauses of the sentence up to the mention's value, dateline left out."""
    assert m.value is not None
    body = DATELINE.sub("", m.sentence)[: m.value.start]
    # "Nvidia and AMD have agreed to pay 15%": two names joined are one subject, not two
    # clauses
    body = re.sub(r"\b([A-Z][\w&\-]*) and (?=[A-Z])", r"\1 & ", body)
    return re.split(r"[;:,(]|\s(?:while|and|but|whereas)\s", body)


def _model_numbers(text: str) -> frozenset[str]:
    """Model numbers a clause names ("Ascend 960", "950DT", "MI450"), years left out."""
    found = re.findall(r"\b[A-Za-z]*\d+[A-Za-z]*\b", text)
    return frozenset(w for w in found if not re.fullmatch(r"(?:19|20)\d\d", w))


def _names(text: str) -> frozenset[str]:
    """Capitalised names in a clause ("nVent", "eBay" too), lower-cased, skip words out."""
    found = re.findall(r"\b[a-z]{0,2}[A-Z][\w&\-]*", text)
    return frozenset(w.casefold() for w in found if w.casefold() not in _SUBJECT_SKIP)


_CONDITION_AFTER = re.compile(r",\s+(?:[\w'’\-]+\s+){1,3}(?:would|could|might)\b")


def same_date_subject(a: Mention, b: Mention) -> bool:
    """Dates attached to citations are about *that outlet's* report: two of them are the
    same fact only when they name the same outlet."""
    oa = {t for t in a.context if t.startswith("@")}
    ob = {t for t in b.context if t.startswith("@")}
    if oa or ob:
        return bool(oa & ob)
    return True


def is_conflict(m: Mention, other: Mention, score: float, p: DetailParams) -> bool:
    """Do two value mentions of different groups fill the same slot with incompatible
    values? ``score`` is their claim cosine plus shared rare words."""
    if m.kind != other.kind or m.kind == "statement":
        return False
    if m.kind == "date" and any(t.startswith("@") for t in m.context & other.context):
        # "X reported on April 3" against "X reported on April 4": the same report. A
        # company speaks more often than once a story ("an amended filing on Monday", "said
        # in a statement on Wednesday", claims alike as both are about its offering): two
        # of its dates conflict only a day apart, the usual misdating ("made it official
        # on Wednesday" for Thursday)
        if (
            not (m.news and other.news)
            and m.day is not None
            and other.day is not None
            and abs((m.day - other.day).days) > 1
        ):
            return False
        return same_slot_other_value(m, other, p)
    shared_ctx = len(m.context & other.context)
    if m.kind == "date":
        # two plain dates conflict only in near-identical sentences ("informed on April 9"
        # vs "notified on April 8"), never merely for sharing a topic
        explicit = ("#explicit" in m.context) + ("#explicit" in other.context)
        return (
            score >= p.date_conflict_cos
            and shared_ctx >= p.min_context_overlap
            # a weekday ("on Friday") against a written date only in near paraphrases
            and (explicit == 2 or (explicit == 1 and score >= p.far_conflict_cos))
            and same_slot_other_value(m, other, p)
        )
    if score < p.conflict_cos or shared_ctx < p.min_context_overlap:
        return False
    units = (m.value.unit if m.value else "") + (other.value.unit if other.value else "")
    if "year" in units and "period:" in units and score < p.date_conflict_cos:
        return False  # a target year against a part of a year: near paraphrases only
    if score >= p.far_conflict_cos:
        p = replace(p, conflict_max_ratio=max(p.conflict_max_ratio, p.far_conflict_ratio))
    return same_slot_other_value(m, other, p)


_MEMORY_TYPE = re.compile(r"\b(HBM\d[Ee]?|LPDDR\d[Xx]?|GDDR\d[Xx]?|DDR\d)\b")


def _memory_type(m: Mention) -> str | None:
    """The memory technology a capacity is given in, as written ("96GB of HBM2e" ->
    "HBM2e"), when the sentence names just one (a comparison "96GB of HBM2e versus 96GB
    of HBM3" gives none)."""
    if m.value is None or m.value.unit != "B":
        return None
    if len({t.upper() for t in _MEMORY_TYPE.findall(m.sentence)}) != 1:
        return None
    body = DATELINE.sub("", m.sentence)
    found = re.match(
        r"\s*(?:of\s+)?(?:[\w\-]+\s+){0,2}?" + _MEMORY_TYPE.pattern,
        body[m.value.end : m.value.end + 40],
    )
    return found.group(1) if found else None


def _holder(m: Mention) -> frozenset[str]:
    """The names in the clause that leads to a value ("the PPU has 96GB"): what has it;
    when that clause names nothing ("with reduced compute but the full 192GB"), the
    sentence's first clause ("The MI308 is AMD's China-compliant part")."""
    clauses = _clauses_before(m)
    return _names(clauses[-1]) or _names(clauses[0])


def split_memory_types(g: Detail) -> None:
    """One capacity said to be of different memory ("96GB of HBM2e" against "96 gigabytes
    of HBM3") is a conflict on that detail: the type most articles give leads, and a
    mention giving another type for the same chip (the clause before the value names one
    that the leading mentions name) becomes a rival value."""
    if not g.mentions or g.mentions[0].kind != "quantity":
        return
    written = [(m, _memory_type(m)) for m in g.mentions]
    typed = [(m, w, w.upper() if w else None) for m, w in written]
    kinds = list(dict.fromkeys(t for _, _, t in typed if t))
    if len(kinds) < 2:
        return
    articles = {t: {m.article_id for m, _, x in typed if x == t} for t in kinds}
    lead = max(kinds, key=lambda t: len(articles[t]))  # ties: the earliest given
    holders = frozenset().union(*(_holder(m) for m, _, x in typed if x == lead))
    rivals: dict[str, list[Mention]] = {}
    for m, w, t in typed:
        if t and t != lead and m.article_id not in articles[lead] and _holder(m) & holders:
            rivals.setdefault(t, []).append(replace(m, of=w or ""))
    if not rivals:
        return
    moved = {(m.article_id, m.sentence) for ms in rivals.values() for m in ms}
    g.mentions = [
        replace(m, of=w or "") if t == lead else m
        for m, w, t in typed
        if (m.article_id, m.sentence) not in moved
    ]
    g.conflicts.extend(rivals.values())
