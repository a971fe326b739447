"""Details: the specific, checkable facts of a story, grouped across its articles.

A *mention* is one fact stated in one sentence: each quantity in a sentence is its own
mention ("1T parameters" and "37B active" in one sentence are two facts), and a sentence
without quantities but with a quotation or a named product/organisation in a role is one
mention. Mentions of different articles are grouped into one detail when they mean the
same thing (sentence embeddings, plus the words around the number) AND carry compatible
values. Mentions that fill the same slot with incompatible values ("1 trillion" vs "1.2
trillion parameters", "April 3" vs "April 4") are joined as a *conflict* rather than
merged silently, and two different facts that happen to share a number stay apart
because their contexts disagree.

Pure: takes sentences and vectors, returns groups. pipeline.timeline does the I/O.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Container, Sequence
from dataclasses import dataclass, field, replace
from datetime import date

import numpy as np

from pipeline.citations import MONTH_NAMES, MONTHS, all_dates
from pipeline.claims import DATELINE as _DATELINE
from pipeline.claims import Claim, asides, claims
from pipeline.keys import STOP, entity_keys
from pipeline.quantities import (
    CURRENCY_SYMBOLS,
    CURRENCY_WORDS,
    MEASURES,
    Quantity,
    compatible,
    find_quantities,
    merge_ranges,
)
from pipeline.sentences import SPEC_LINE, Sentence, is_boilerplate

_WORD = re.compile(r"[A-Za-z][A-Za-z0-9\-]+")
_FUNCTION_WORDS = {
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
    r"launch(?:es|ing)?|arriv(?:es|ing)|deploy(?:s|ing)?|production)\s+in)\s+(?:the\s+)?"
    r"(?:end\s+of\s+|start\s+of\s+)?$",
    re.I,
)
# the year a company or product began is a fact of its own, whatever the article's year
# "founded in 2016", and with the founded company between ("who founded Ampere in 2017",
# "started the company in 2021")
# a few days that count from another event ("two days after Nvidia said", "three weeks
# ago"): when the article ran, not a fact ("four months later than planned" and "six
# months after the listing" are)
_OFFSET_AFTER = re.compile(
    r"\s*(?:(?:business\s+|calendar\s+)?(?:days?|weeks?|hours?)\s+)?"
    r"(?:after|before|ago|earlier)\b(?!\s+than)",
    re.I,
)
_FOUNDING_YEAR = re.compile(
    r"\b(?:founded|established|incorporated|set\s+up|formed|started|spun\s+out)"
    r"(?:\s+(?:back|originally))?"
    r"(?:\s+(?:(?:the|its|their)\s+(?:company|start-?up|firm|business|chipmaker)|it|"
    r"(?-i:[A-Z][\w&.\-]*)(?:\s+(?-i:[A-Z][\w&.\-]*)){0,2}))?"
    r"(?:\s+(?:back|originally))?\s+in\s+$",
    re.I,
)
_QUOTE = re.compile(r"[\"“]([^\"”]{25,})[\"”]")


@dataclass(frozen=True)
class Mention:
    article_id: str
    sentence: str
    paragraph: int
    kind: str  # 'quantity' | 'date' | 'statement'
    value: Quantity | None
    day: date | None  # for kind == 'date'
    context: frozenset[str]  # content words around the value
    keys: frozenset[str]  # named entities / product codes in the sentence
    vector_index: int  # row of the sentence vector
    values: tuple[Quantity, ...] = ()  # for statements: the sentence's quantities
    claim: str = ""  # for statements: the clause stated, attribution stripped
    of: str = ""  # what a value is of, where rival mentions disagree on it ("HBM3")
    news: bool = False  # a cited report's date, credited to a news outlet (not a company)

    def value_text(self) -> str:
        if self.kind == "date" and self.day:
            return self.day.isoformat()
        if self.value is not None:
            return f"{self.value.text} of {self.of}" if self.of else self.value.text
        return ""


@dataclass
class Detail:
    mentions: list[Mention]
    conflicts: list[list[Mention]] = field(default_factory=list)  # other-value groups

    def articles(self) -> set[str]:
        return {m.article_id for m in self.mentions}

    def is_notable(self) -> bool:
        """Values, dates and quotes always are; a plain statement is when a second outlet
        repeats it (a lone sentence in words is commentary as often as it is a fact)."""
        first = self.mentions[0]
        if first.kind != "statement" or self.conflicts:
            return True
        if len({m.article_id for m in self.mentions}) >= 2:
            return True
        return bool(_QUOTE.search(first.sentence))


def _stem(word: str) -> str:
    """A crude stem so "price", "prices" and "pricing" (or "order", "ordered") meet."""
    w = word.lower()
    for suffix in ("ings", "ing", "ies", "ied", "es", "ed", "s", "ly"):
        if len(w) > len(suffix) + 2 and w.endswith(suffix):
            w = w[: -len(suffix)] + ("y" if suffix in ("ies", "ied") else "")
            break
    return w[:-1] if len(w) > 3 and w.endswith("e") else w


def _context(sentence: str, start: int, end: int, width: int = 7) -> frozenset[str]:
    before = _WORD.findall(sentence[:start])[-width:]
    after = _WORD.findall(sentence[end:])[:width]
    return frozenset(
        _stem(w)
        for w in before + after
        if w.lower() not in _FUNCTION_WORDS and (len(w) > 2 or any(c.isdigit() for c in w))
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
    r"\b(?:not|no|n't|neither|nor|without|never|declined to|would not|could not)\b"
    r"[^.;]{0,60}?\b(?:disclos|reveal|say|said|determin|give|gave|given|share|announc|"
    r"confirm|comment|specif|put a (?:price|number|figure)|break out|quantif)\w*"
    r"[^.;]{0,40}?\b(?:price|terms|financial|value|valuation|worth|how much|paying|paid|amount|"
    r"dollar figures?|cost|purchase price|sum)\b"
    r"|\b(?:no|neither)\b[^.;]{0,20}\b(?:price|terms|financial details|dollar figures?|"
    r"value)\b[^.;]{0,30}\b(?:was|were|has been|have been)\s+(?:disclosed|given|revealed|shared|"
    r"announced|made public)"
    r"|\b(?:price|terms|value|valuation|amount|cost|sum)\b[^.;]{0,40}\b(?:not|n't)\b[^.;]{0,25}"
    r"\b(?:disclosed|determined|revealed|given|announced|made public|available)",
    re.I,
)
UNDISCLOSED = "#undisclosed-terms"


def is_candidate(sentence: str, title: str | None = None) -> bool:
    """Could this sentence carry a specific fact? (cheap filter before embedding)"""
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


def _year_of(when: str, article_day: date) -> int:
    """ "this year" / "the year" -> the article's year, "next year" -> the one after, else
    the year written."""
    when = when.lower()
    if when.startswith(("this", "the")):
        return article_day.year
    if when.startswith("next"):
        return article_day.year + 1
    return int(when)


def find_periods(text: str, article_day: date) -> list[Quantity]:
    """Parts of a year or month as values: "the second half of 2026", "the back half of
    this year" and "H2 2026" are all ``2026-H2``; "the last two weeks of April", "the
    second half of April" and "late April" are all ``<year>-04-H2``."""
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
            year = int(m.group("mony")) if m.group("mony") else article_day.year
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
                r"\b(?:revenue|sales|profit|earnings|margin|guidance|outlook|results|"
                r"fiscal|reported|quarterly)\b",
                text,
                re.I,
            ):
                continue  # results talk: "the fourth quarter" is a reporting period there
            year = _year_of(m.group("qwy") or "this year", article_day)
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
                label = f"{_year_of(m.group('when'), article_day)}-{'H2' if second else 'H1'}"
        # the label is part of the unit: two periods agree only when they are the same one
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
    for s in sentences:
        if s.text not in candidates:
            continue
        body = _DATELINE.sub("", s.text)
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
        citing = (cited or {}).get(s.text, [])
        for outlet, when, known in citing:
            if when is None:
                continue
            out.append(
                Mention(
                    article_id,
                    s.text,
                    s.paragraph,
                    "date",
                    None,
                    when,
                    frozenset({"@" + outlet}),
                    keys,
                    rows[0],
                    news=known,
                )
            )
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
            out.append(
                Mention(
                    article_id,
                    s.text,
                    s.paragraph,
                    "date",
                    None,
                    d,
                    frozenset(ctx),
                    keys,
                    row_at(start),
                )
            )
        periods = find_periods(body, article_day)
        quantities = merge_ranges(find_quantities(body), body) + periods
        period_spans = [(q.start, q.end) for q in periods]
        for q in quantities:
            if any(a <= q.start < b for a, b in date_spans):
                continue
            if not q.unit.startswith("period") and any(a <= q.start < b for a, b in period_spans):
                continue  # the "2026" of "the second half of 2026" is part of the period
            before = body[max(0, q.start - 48) : q.start]
            if (
                q.unit == "year"
                and not _FOUNDING_YEAR.search(before)
                and (q.value < article_day.year or not _TARGET_YEAR.search(before))
            ):
                continue  # "in early 2025" is background; "by the end of 2029" is a target
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
        extra_rows = [index(c.text) for c in extra]
        for c, r in zip(parts + extra, rows + extra_rows, strict=True):
            quoted = _QUOTE.search(c.text)
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
                        _stem(w)
                        for w in _WORD.findall(c.text)
                        if w.lower() not in _FUNCTION_WORDS and len(w) > 2
                    )
                    | ({UNDISCLOSED} if undisclosed else set()),
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


@dataclass(frozen=True)
class DetailParams:
    conflict_cos: float = 0.5  # same unit, other value, this similar + shared context
    date_conflict_cos: float = 0.75
    conflict_max_ratio: float = 1.55  # values further apart are different facts, not a conflict
    min_context_overlap: int = 0
    lexical_weight: float = 1.25  # weight of shared rare words next to claim cosine
    statement_threshold: float = 0.7  # mean pair score for statements to be one detail
    quantity_threshold: float = 0.35
    date_threshold: float = 0.45
    repeat_threshold: float = 0.8  # one article's two mentions of a value: the same fact
    second_fact_threshold: float = 0.75  # a statement joins a second group at this mean score
    attach_max: float = 0.8  # a lone mention joins a group one member of which it matches so
    attach_mean: float = 0.5  # ... and the whole group on average
    # a lone value mention joins the group of its value on far less ("Five billion dollars
    # is real money" and "Nvidia will invest $5 billion in Intel"): the value agrees already
    value_attach_max: float = 0.2
    value_attach_mean: float = 0.1
    join_max: float = 0.8  # two groups of one value join when one pair states it this alike
    join_mean: float = 0.3  # ... and all pairs across agree on average at this
    quote_keep: float = 1.0  # a non-quoting member of a quotation's group matches it this well
    first_keep: float = 0.8  # a statement group's earliest member matches the rest this well


def _same_value(a: Mention, b: Mention) -> bool:
    if a.kind != b.kind:
        return False
    if a.kind == "date":
        return a.day == b.day and _same_date_subject(a, b)
    assert a.value is not None and b.value is not None
    return compatible(a.value, b.value)


def _same_slot_other_value(a: Mention, b: Mention, p: DetailParams) -> bool:
    if a.kind != b.kind or a.kind == "statement":
        return False
    if a.kind == "date":
        return (
            a.day is not None
            and b.day is not None
            and a.day != b.day
            and abs((a.day - b.day).days) <= 7
            and _same_date_subject(a, b)
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
    # a bare large count ("as many as 1.2 million") may fill the slot of a counted one
    # ("up to one million TPUs"): one retelling often leaves the unit out
    big = min(abs(a.value.value), abs(b.value.value)) >= 1000
    # ... but never a measure: "671 billion" (parameters) is no rival to "$589 billion"
    plain = {ua, ub} & {""} and not ({ua, ub} - {""}) & _NOT_COUNTS
    wildcard = big and plain and not any(u.startswith(("period", "vague")) for u in (ua, ub))
    if (not wildcard and (not ua or ua != ub)) or compatible(a.value, b.value):
        return False
    if _prospective(a) != _prospective(b):
        return False  # "looking to raise up to $1.2bn" is a plan; "raised $1.32bn" the outcome
    if _baseline(a) != _baseline(b):
        return False  # "up from 132 cores" is the old chip's count, not a rival figure
    if ua == "year" and (_founding(a) != _founding(b) or abs(a.value.value - b.value.value) > 3):
        return False  # "founded in 2016" is no rival to "by 2026"; 2016 and 2026 are no slot
    lo, hi = sorted([abs(a.value.value), abs(b.value.value)])
    limit = p.conflict_max_ratio
    if ua == "pct" and _moment(a) == _moment(b) == "close" and _subject(a) & _subject(b):
        # one name's close on one day has one value: "closed up 11%" and "finished up
        # 19%" disagree, further apart than other figures may be
        limit = 2.0
    return lo > 0 and hi / lo <= limit


_NOT_COUNTS = MEASURES | set(CURRENCY_SYMBOLS.values()) | set(CURRENCY_WORDS.values())


def _period_gap(a: str, b: str) -> int:
    """How many steps of their grain two periods are apart (months, halves, quarters)."""

    def index(unit: str) -> int:
        label = unit.split(":", 1)[1]
        year, rest = int(label[:4]), label[5:]
        if rest.startswith("H"):
            return year * 2 + int(rest[1:])
        if rest.startswith("Q"):
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
    """'month' for period:2026-04, 'half' for period:2026-H2, 'quarter', 'month-half'."""
    label = unit.split(":", 1)[1]
    if re.fullmatch(r"\d{4}-\d\d", label):
        return "month"
    if re.fullmatch(r"\d{4}-\d\d-H\d", label):
        return "month-half"
    return "half" if "-H" in label else "quarter"


_PROSPECTIVE = re.compile(
    r"\b(?:up to|as much as|as many as|looking to|seek(?:s|ing)? to|plans? to|planned|aims? to|"
    r"target(?:s|ing|ed)?|expects?|expected|could|would|may|might|hopes? to|marketed|"
    r"forecast|guidance|outlook|due|scheduled|slated|set to|on track to|anticipate[sd]?)\b",
    re.I,
)


_BASELINE = re.compile(
    r"\b(?:up|down|rising|falling|climbing|jumping|growing)\s+from|\bcompar(?:es|ed|ing)\s+"
    r"(?:with|to)|\bversus|\bvs\.?|\bfrom\s+(?:a|an|the)?\s*(?:previous|prior|earlier)|"
    r"\bincrease\s+(?:on|over)|\b(?:previous|prior|earlier|last)\s+(?:generation|"
    r"year's|quarter's)",
    re.I,
)


def _baseline(m: Mention) -> bool:
    """Is the value the point of comparison ("up from 132 on Cobalt 200", "compares with
    roughly 75,000 at the end of last year") rather than the fact reported?"""
    assert m.value is not None
    body = _DATELINE.sub("", m.sentence)
    if _BASELINE.search(body[max(0, m.value.start - 40) : m.value.start]):
        return True
    # the plan that was ("had previously been slated to ..., with production starting in
    # 2028") against the plan that is
    return bool(_EARLIER_PLAN.search(body[: m.value.start].split(";")[-1]))


_EARLIER_PLAN = re.compile(
    r"\b(?:previously|originally|initially|earlier)\s+(?:been\s+)?(?:slated|planned|scheduled|"
    r"expected|set|due|targeted|intended)\b",
    re.I,
)


def _founding(m: Mention) -> bool:
    """Is the value the year something was founded ("founded in 2016")?"""
    assert m.value is not None
    body = _DATELINE.sub("", m.sentence)
    return bool(_FOUNDING_YEAR.search(body[max(0, m.value.start - 48) : m.value.start]))


def _prospective(m: Mention) -> bool:
    """Is the value a plan, a ceiling or a forecast rather than an outcome?"""
    assert m.value is not None
    body = _DATELINE.sub("", m.sentence)
    before = re.split(r"[,;:]", body[max(0, m.value.start - 45) : m.value.start])[-1]
    # the value's own text may open with the ceiling ("up to one million"); "At $11.9
    # billion, Cerebras would trade at ..." is a condition, whatever comes before it
    after = body[m.value.end : m.value.end + 40]
    return bool(_PROSPECTIVE.search(before + " " + m.value.text) or _CONDITION_AFTER.match(after))


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
    body = _DATELINE.sub("", m.sentence)
    head = re.split(
        r"[;:]|,\s+(?:while|and|but|as)\b", body[max(0, m.value.start - before) : m.value.start]
    )[-1]
    tail = re.split(
        r"[;:]|,\s+(?:while|and|but|as|after)\b|,", body[m.value.end : m.value.end + after]
    )[0]
    return head, tail


def _moment(m: Mention) -> str | None:
    """The moment of the trading day a percentage move was taken at, when the clause says."""
    assert m.value is not None
    if m.value.unit != "pct":
        return None
    head, tail = _around(m, 70, 50)
    for name, pattern in _MOMENTS:
        if pattern.search(f"{head} {m.value.text} {tail}"):
            return name
    return None


MoveFacets = tuple[frozenset[str], frozenset[str], frozenset[str]]


def _move_facets(ms: Sequence[Mention], unnamed: frozenset[str] = frozenset()) -> MoveFacets | None:
    """A group of percentages' moments, weekdays and names (None for other values). A
    group that names nobody ("Shares of the world's most valuable chipmaker rose 4%") is
    about ``unnamed``: the story's topic names."""
    if not (ms and ms[0].value and ms[0].value.unit == "pct"):
        return None
    return (
        frozenset(x for m in ms if (x := _moment(m))),
        frozenset(x for m in ms if (x := _weekday(m))),
        frozenset().union(*(_subject(m) for m in ms)) or unnamed,
    )


def _moves_differ(a: MoveFacets | None, b: MoveFacets | None) -> bool:
    """Two groups of percentages that describe different market moves: taken at different
    moments ("up 19% by midday" against "closed up 11%"; a group's members may leave the
    moment out), on different days, or moves of different names ("SK Hynix rose 2.3%"
    against "the PHLX index rose 1.9%"). Such values are two facts, not a conflict."""
    if a is None or b is None:
        return False
    return any(x and y and not x & y for x, y in zip(a, b, strict=True))


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
    body = _DATELINE.sub("", m.sentence)
    return re.split(r"[;:,(]|\s(?:while|and|but|whereas)\s", body[: m.value.start])


def _names(text: str) -> frozenset[str]:
    """Capitalised names in a clause ("nVent", "eBay" too), lower-cased, skip words out."""
    found = re.findall(r"\b[a-z]{0,2}[A-Z][\w&\-]*", text)
    return frozenset(w.casefold() for w in found if w.casefold() not in _SUBJECT_SKIP)


_CONDITION_AFTER = re.compile(r",\s+(?:[\w'’\-]+\s+){1,3}(?:would|could|might)\b")


def _same_date_subject(a: Mention, b: Mention) -> bool:
    """Dates attached to citations are about *that outlet's* report: two of them are the
    same fact only when they name the same outlet."""
    oa = {t for t in a.context if t.startswith("@")}
    ob = {t for t in b.context if t.startswith("@")}
    if oa or ob:
        return bool(oa & ob)
    return True


def _is_conflict(m: Mention, other: Mention, score: float, p: DetailParams) -> bool:
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
        return _same_slot_other_value(m, other, p)
    shared_ctx = len(m.context & other.context)
    if m.kind == "date":
        # two plain dates conflict only in near-identical sentences ("informed on April 9"
        # vs "notified on April 8"), never merely for sharing a topic
        return (
            score >= p.date_conflict_cos
            and shared_ctx >= p.min_context_overlap
            and "#explicit" in m.context
            and "#explicit" in other.context
            and _same_slot_other_value(m, other, p)
        )
    return (
        score >= p.conflict_cos
        and shared_ctx >= p.min_context_overlap
        and _same_slot_other_value(m, other, p)
    )


def _word_weights(mentions: Sequence[Mention], topic: frozenset[str]) -> dict[str, float]:
    """IDF of context words across the story's articles (topic words and cited-outlet
    markers weigh nothing)."""
    arts = {m.article_id for m in mentions}
    words: dict[str, set[str]] = {}
    for m in mentions:
        for w in m.context:
            words.setdefault(w, set()).add(m.article_id)
    topic_words = {k[2:] for k in topic}
    return {
        w: 0.0
        if w in topic_words or w.startswith("@")
        else max(0.0, float(np.log((len(arts) + 1) / (len(a) + 0.5))))
        for w, a in words.items()
    }


def _pair_scores(
    mentions: Sequence[Mention],
    vectors: np.ndarray,
    p: DetailParams,
    weights: dict[str, float],
) -> tuple[np.ndarray, np.ndarray]:
    """How strongly each pair of mentions states the same fact (higher is stronger;
    -inf where they cannot: same article, different kinds, incompatible values).

    Score = cosine of the claims + ``lexical_weight`` x the share of the rarer mention's
    distinctive words that the other shares, words weighted by how few of the story's
    articles use them (``weights``): paraphrases keep the rare words ("indefinitely",
    "term sheet", "lock-up") while the story's common vocabulary says nothing."""
    n = len(mentions)
    idx = np.array([m.vector_index for m in mentions])
    v = vectors[idx]
    cos = v @ v.T
    # columns in sorted word order: a frozenset iterates in an order that changes with
    # Python's hash seed, and the column order sets the float summation order, so an
    # unsorted vocabulary gave runs that differed in near-ties
    vocab = {w: k for k, w in enumerate(sorted({w for m in mentions for w in m.context}))}
    idf = np.array([weights[w] for w in vocab], dtype=np.float32)
    x = np.zeros((n, max(1, len(vocab))), dtype=np.float32)
    for i, m in enumerate(mentions):
        for w in m.context:
            x[i, vocab[w]] = 1.0
    weighted = x * idf
    shared = weighted @ x.T
    own = weighted.sum(axis=1)
    denom = np.maximum(np.minimum(own[:, None], own[None, :]), 1e-6)
    lex = shared / denom
    score = cos + p.lexical_weight * lex
    raw = score.copy()  # before the hard constraints: what conflicts are judged on
    # a shared citation subject ("@the compute report") is the fact itself for report dates
    cited = np.array([any(t.startswith("@") for t in m.context) for m in mentions])
    score = score + np.where(cited[:, None] & cited[None, :], 1.0, 0.0)
    # so is "the terms were not disclosed", however it is phrased
    undisclosed = np.array([UNDISCLOSED in m.context for m in mentions])
    score = score + np.where(undisclosed[:, None] & undisclosed[None, :], 1.0, 0.0)
    # who may pair with whom (vectorised where possible: stories can hold thousands of
    # mentions, and a Python loop over all pairs is quadratic in the interpreter)
    art_ids = {a: i for i, a in enumerate(dict.fromkeys(m.article_id for m in mentions))}
    art = np.array([art_ids[m.article_id] for m in mentions])
    kind_ids = {"statement": 0, "date": 1, "quantity": 2}
    kinds = np.array([kind_ids[m.kind] for m in mentions])
    # an article states a fact once, so two of its statements are two facts; but it may
    # repeat a value ("up to a million TPUs" in the lede and again in the list of terms),
    # and both mentions of it belong to the one detail
    is_statement = kinds == kind_ids["statement"]
    same_article = art[:, None] == art[None, :]
    repeated = same_article & ~(is_statement[:, None] | is_statement[None, :])
    # a weaker pair is more likely two facts with one number ("delayed by about four
    # months" / "built the first cluster in about four months"): not forbidden, which
    # would block the merge of two clusters over one pair, but a strong penalty in the
    # average (-1: measured against 0 and -3 on the development splits)
    weak_repeat = repeated & (score < p.repeat_threshold)
    score = np.where(weak_repeat, -1.0, score)
    allowed = (~same_article | repeated) & (kinds[:, None] == kinds[None, :])
    # dates: same day and the same cited outlet (or none on both sides)
    day = np.array([m.day.toordinal() if m.day else -1 for m in mentions])
    subjects: dict[frozenset[str], int] = {}
    subject = np.array(
        [
            subjects.setdefault(frozenset(t for t in m.context if t.startswith("@")), len(subjects))
            for m in mentions
        ]
    )
    is_date = kinds == kind_ids["date"]
    date_ok = (day[:, None] == day[None, :]) & (subject[:, None] == subject[None, :])
    allowed &= ~(is_date[:, None] & is_date[None, :]) | date_ok
    # quantities: compatible values only (same unit first, then the rounding-aware check)
    quantity = [i for i, m in enumerate(mentions) if m.kind == "quantity"]
    if quantity:
        units: dict[str, list[int]] = {}
        for i in quantity:
            units.setdefault(mentions[i].value.unit if mentions[i].value else "", []).append(i)
        same_value = np.zeros((n, n), dtype=bool)
        for unit, members in units.items():
            # a bare number may agree with a value in any unit ("256" and "256 experts"):
            # unitless mentions are checked against every quantity, the others within
            # their unit
            others = quantity if unit == "" else members
            for i in members:
                for j in others:
                    if i != j and not same_value[i, j] and _same_value(mentions[i], mentions[j]):
                        same_value[i, j] = same_value[j, i] = True
        is_q = kinds == kind_ids["quantity"]
        allowed &= ~(is_q[:, None] & is_q[None, :]) | same_value
        # one percentage at two moments of a trading day is two facts ("up 19% in
        # late-morning trading", "finished up 19%")
        moments = {i: x for i in units.get("pct", []) if (x := _moment(mentions[i]))}
        if moments:
            at = np.array(list(moments))
            moment = np.array(list(moments.values()))
            allowed[np.ix_(at, at)] &= moment[:, None] == moment[None, :]
    # statements with values: "1 trillion" and "1.2 trillion parameters" are not one claim
    valued = [i for i, m in enumerate(mentions) if m.kind == "statement" and m.values]
    for x, i in enumerate(valued):
        for j in valued[x + 1 :]:
            if allowed[i, j] and any(
                a.unit and a.unit == b.unit and not compatible(a, b)
                for a in mentions[i].values
                for b in mentions[j].values
            ):
                allowed[i, j] = allowed[j, i] = False
    score[~allowed] = -np.inf
    np.fill_diagonal(score, -np.inf)
    return score, raw


def _average_linkage(
    score: np.ndarray,
    mentions: Sequence[Mention],
    thresholds: np.ndarray,
    one_per_article: bool = True,
) -> list[list[int]]:
    """Merge the two clusters with the highest mean pair score while it clears the
    threshold of their kind; with ``one_per_article`` a cluster never holds two mentions
    of one article (an article states a fact once; a second sentence is usually a
    different fact).

    Each row keeps its best partner, so a merge costs O(n) plus a rescan of the rows
    whose best partner was one of the merged clusters, not O(n^2)."""
    n = len(mentions)
    total = np.where(np.isfinite(score), score, 0.0).astype(np.float64)
    blocked = ~np.isfinite(score)
    count = np.ones(n)
    alive = np.ones(n, dtype=bool)
    members: list[list[int]] = [[i] for i in range(n)]
    arts: list[set[str]] = [{m.article_id} for m in mentions]
    best_val = np.full(n, -np.inf)
    best_idx = np.zeros(n, dtype=np.int64)

    def row_mean(i: int) -> np.ndarray:
        mean = total[i] / (count[i] * count)
        mean[blocked[i] | ~alive] = -np.inf
        mean[i] = -np.inf
        return mean

    def rescan(i: int) -> None:
        mean = row_mean(i)
        j = int(np.argmax(mean))
        best_idx[i], best_val[i] = j, mean[j]

    for i in range(n):
        rescan(i)
    while n:
        gain = np.where(alive, best_val - thresholds, -np.inf)
        i = int(np.argmax(gain))
        if not np.isfinite(gain[i]) or gain[i] < 0:
            break
        j = int(best_idx[i])
        if one_per_article and arts[i] & arts[j]:
            blocked[i, j] = blocked[j, i] = True
            rescan(i)
            rescan(j)
            continue
        # merge j into i
        total[i, :] += total[j, :]
        total[:, i] += total[:, j]
        blocked[i, :] |= blocked[j, :]
        blocked[:, i] |= blocked[:, j]
        count[i] += count[j]
        alive[j] = False
        best_val[j] = -np.inf
        members[i].extend(members[j])
        arts[i] |= arts[j]
        rescan(i)
        # rows whose best partner was i or j must look again; the others only compare
        # their current best with their (new) mean to i
        col = total[:, i] / (count * count[i])
        col[blocked[:, i] | ~alive] = -np.inf
        col[i] = -np.inf
        others = alive.copy()
        others[i] = False
        stale = others & ((best_idx == i) | (best_idx == j))
        better = others & ~stale & (col > best_val)
        best_idx[better], best_val[better] = i, col[better]
        for r in np.flatnonzero(stale):
            rescan(int(r))
    return [sorted(members[i]) for i in range(n) if alive[i]]


def _weak_first(clusters: list[list[int]], score: np.ndarray, keep: float) -> list[list[int]]:
    """The earliest member of a statement group decides who reported it first, so it must
    state the fact as well as the group agrees on it: while its mean pair score with the
    others is under ``keep`` it stands alone (a scoop's loosely related sentence otherwise
    becomes the first report of every later fact on its topic)."""
    out: list[list[int]] = []
    for c in clusters:
        c = sorted(c)
        while len(c) > 1:
            row = score[c[0], c[1:]]
            if np.all(np.isfinite(row)) and row.mean() >= keep:
                break
            out.append([c[0]])
            c = c[1:]
        out.append(c)
    return out


def _second_facts(
    clusters: list[list[int]], score: np.ndarray, threshold: float
) -> list[list[int]]:
    """A claim can state two facts ("put its charge at $5.5 billion, booked against
    inventory and purchase commitments"): a statement also joins a second statement group
    it matches, on average, at ``threshold`` (as well as that group's members match)."""
    home = {i: ci for ci, c in enumerate(clusters) for i in c}
    extra: dict[int, list[int]] = {}
    for ci, c in enumerate(clusters):
        if len(c) < 2:
            continue
        mean = score[:, c].mean(axis=1)
        for i in np.flatnonzero(mean >= threshold):
            if home[int(i)] == ci:
                continue  # already a member
            extra.setdefault(ci, []).append(int(i))
    out = [list(c) for c in clusters]
    for ci, add in extra.items():
        out[ci] = sorted(set(out[ci]) | set(add))
    return out


def _attach_singletons(
    clusters: list[list[int]], score: np.ndarray, best_pair: float, mean: float
) -> list[list[int]]:
    """A mention left on its own (an outlet's terse or odd phrasing: "Yes, Rivos is a
    RISC-V shop") joins the group it matches best when one member states it almost the
    same way (pair score >= ``best_pair``) and the group as a whole agrees at ``mean``."""
    alone = [c[0] for c in clusters if len(c) == 1]
    groups = [i for i, c in enumerate(clusters) if len(c) > 1]
    if not alone or not groups:
        return clusters
    out = [list(c) for c in clusters]
    moved: set[int] = set()
    for i in alone:
        best: tuple[float, int] | None = None
        for gi in groups:
            row = score[i, clusters[gi]]
            if not np.all(np.isfinite(row)):
                continue  # the same article, another kind or an incompatible value
            if row.max() >= best_pair and row.mean() >= mean:
                if best is None or row.mean() > best[0]:
                    best = (float(row.mean()), gi)
        if best is not None:
            out[best[1]].append(i)
            moved.add(i)
    return [sorted(c) for c in out if not (len(c) == 1 and c[0] in moved)]


def _join_value_groups(
    clusters: list[list[int]], score: np.ndarray, best_pair: float, mean: float
) -> list[list[int]]:
    """Two groups of one value (a lede's "50 MW" and a list's "50 megawatts" each found
    partners of their own) are one detail when some pair across them states it almost the
    same way (>= ``best_pair``), the groups agree on average at ``mean`` and no pair
    across them is forbidden. Average linkage alone leaves them apart when long
    multi-fact sentences pull the mean under the threshold.

    Greedy, best mean first; the block sums, maxima and forbidden counts are kept per
    pair of groups, so a join costs O(groups), not a rescan of the mentions."""
    g = len(clusters)
    if g < 2:
        return clusters
    member = np.zeros((g, score.shape[0]))
    for k, c in enumerate(clusters):
        member[k, c] = 1.0
    finite = np.isfinite(score)
    total = member @ np.where(finite, score, 0.0) @ member.T
    forbidden = member @ (~finite).astype(float) @ member.T
    # the best pair of each two groups: row maxima per group, then maxima over the
    # columns of each group (one reduceat, not a loop over pairs of groups)
    rows = np.stack([score[c].max(axis=0) for c in clusters])
    order = [i for c in clusters for i in c]
    starts = np.cumsum([0] + [len(c) for c in clusters[:-1]])
    big = np.maximum.reduceat(rows[:, order], starts, axis=1)
    size = member.sum(axis=1)
    alive = np.ones(g, dtype=bool)
    out = [list(c) for c in clusters]
    while True:
        avg = total / np.outer(size, size)
        ok = (forbidden == 0) & (big >= best_pair) & (avg >= mean)
        ok &= alive[:, None] & alive[None, :]
        np.fill_diagonal(ok, False)
        if not ok.any():
            break
        a, b = np.unravel_index(np.argmax(np.where(ok, avg, -np.inf)), ok.shape)
        a, b = int(min(a, b)), int(max(a, b))
        out[a].extend(out[b])
        total[a, :] += total[b, :]
        total[:, a] = total[a, :]
        forbidden[a, :] += forbidden[b, :]
        forbidden[:, a] = forbidden[a, :]
        big[a, :] = np.maximum(big[a, :], big[b, :])
        big[:, a] = big[a, :]
        size[a] += size[b]
        alive[b] = False
    return [sorted(out[k]) for k in range(g) if alive[k]]


def _quote_words(m: Mention) -> frozenset[str]:
    """The words of the mention's quotations (lower case)."""
    return frozenset(
        w.lower() for q in _QUOTE.findall(m.claim or m.sentence) for w in _WORD.findall(q)
    )


def _same_quote(a: frozenset[str], b: frozenset[str]) -> bool:
    """Two quotations of the same words (half the shorter one's words, at least)."""
    small = min(len(a), len(b))
    return bool(small) and len(a & b) >= 0.5 * small


def _trim_to_quotes(
    clusters: list[list[int]], mentions: Sequence[Mention], score: np.ndarray, keep: float
) -> list[list[int]]:
    """A group held together by one quotation (two or more members quote the same words)
    is that quotation: a member that does not quote it stays only when it matches the
    quoting members almost as closely as they match each other (mean pair score >=
    ``keep``). An earlier article's loosely similar sentence ("a single-customer CPU
    carries no merchant margin") otherwise joins a chief executive's quote and becomes
    its first report. Those left out stand alone."""
    out: list[list[int]] = []
    for c in clusters:
        quotes = {i: _quote_words(mentions[i]) for i in c}
        core = [i for i in c if any(j != i and _same_quote(quotes[i], quotes[j]) for j in c)]
        if len(core) < 2:
            out.append(c)
            continue
        stay = [i for i in c if i in core or score[i, core].mean() >= keep]
        out.append(stay)
        out.extend([i] for i in c if i not in stay)
    return out


def group_details(
    mentions: Sequence[Mention],
    vectors: np.ndarray,
    params: DetailParams | None = None,
    topic: frozenset[str] = frozenset(),
) -> list[Detail]:
    """Group mentions into details, then join details that fill the same slot with
    another value as conflicts.

    Mentions are clustered by average linkage on :func:`_pair_scores` (claim similarity
    plus shared rare words; values must agree), which unlike single linkage does not chain
    two facts together through one sentence that states both. Value clusters (quantities,
    dates) whose values disagree but whose sentences say the same thing become one detail
    with a conflict. ``mentions`` come in the story's chronological order."""
    p = params or DetailParams()
    if not mentions:
        return []
    weights = _word_weights(mentions, topic)
    thresholds = {
        "statement": p.statement_threshold,
        "date": p.date_threshold,
        "quantity": p.quantity_threshold,
    }
    # mentions of different kinds never share a detail: score and link each kind apart
    # (three small matrices instead of one big one)
    clusters: list[list[int]] = []
    raw_of: dict[str, tuple[np.ndarray, dict[int, int]]] = {}
    for kind, thr in thresholds.items():
        members = [i for i, m in enumerate(mentions) if m.kind == kind]
        if not members:
            continue
        sub = [mentions[i] for i in members]
        score, raw = _pair_scores(sub, vectors, p, weights)
        raw_of[kind] = (raw, {id(m): k for k, m in enumerate(sub)})
        local = _average_linkage(score, sub, np.full(len(sub), thr), kind == "statement")
        if kind == "statement" and p.first_keep > -10:
            local = _weak_first(local, score, p.first_keep)
        if kind == "statement" and p.second_fact_threshold < 10:
            local = _second_facts(local, score, p.second_fact_threshold)
        if p.attach_mean < 10:
            if kind == "statement":
                local = _attach_singletons(local, score, p.attach_max, p.attach_mean)
            else:
                local = _attach_singletons(local, score, p.value_attach_max, p.value_attach_mean)
        if kind == "statement" and p.quote_keep < 10:
            local = _trim_to_quotes(local, sub, score, p.quote_keep)
        if kind != "statement" and p.join_mean < 10:
            local = _join_value_groups(local, score, p.join_max, p.join_mean)
        clusters.extend([members[k] for k in c] for c in local)
    clusters.sort(key=lambda c: c[0])
    groups = [Detail([mentions[i] for i in c]) for c in clusters]

    # conflicts: a later value cluster that fills an earlier one's slot with another value
    parent: dict[int, int] = {}
    # one value is one fact: when any retelling gives it as the point of comparison ("up
    # from 132 on Cobalt 200"), it is that in the others too ("the Cobalt 200, which
    # itself had 132 cores"), and never a rival figure for the new chip's count
    baseline = [
        g.mentions[0].kind == "quantity" and any(_baseline(m) for m in g.mentions) for g in groups
    ]
    topic_names = frozenset(k[2:] for k in topic if k.startswith("e:"))
    facets = [_move_facets(g.mentions, topic_names) for g in groups]
    for gi, g in enumerate(groups):
        if g.mentions[0].kind == "statement":
            continue
        best: tuple[float, int] | None = None
        for hi in range(gi):
            if hi in parent or groups[hi].mentions[0].kind != g.mentions[0].kind:
                continue
            if groups[hi].articles() & g.articles() or baseline[hi] != baseline[gi]:
                continue
            if _moves_differ(facets[gi], facets[hi]):
                continue
            # claim cosine plus shared rare words, as for grouping
            raw, local = raw_of[g.mentions[0].kind]
            for m in g.mentions:
                for other in groups[hi].mentions:
                    cos = float(raw[local[id(m)], local[id(other)]])
                    if _is_conflict(m, other, cos, p) and (best is None or cos > best[0]):
                        best = (cos, hi)
        if best is not None:
            parent[gi] = best[1]
    out: list[Detail] = []
    for gi, g in enumerate(groups):
        if gi in parent:
            continue
        for ci, hi in parent.items():
            if hi == gi:
                g.conflicts.append(groups[ci].mentions)
        out.append(g)
    for g in out:
        _split_memory_types(g)
    # a conflict value backed by more articles than the leader's leads instead
    for g in out:
        for i, sub in enumerate(g.conflicts):
            if len({x.article_id for x in sub}) > len(g.articles()):
                g.mentions, g.conflicts[i] = sub, g.mentions
    return out


_MEMORY_TYPE = re.compile(r"\b(HBM\d[Ee]?|LPDDR\d[Xx]?|GDDR\d[Xx]?|DDR\d)\b")


def _memory_type(m: Mention) -> str | None:
    """The memory technology a capacity is given in, as written ("96GB of HBM2e" ->
    "HBM2e"), when the sentence names just one (a comparison "96GB of HBM2e versus 96GB
    of HBM3" gives none)."""
    if m.value is None or m.value.unit != "B":
        return None
    if len({t.upper() for t in _MEMORY_TYPE.findall(m.sentence)}) != 1:
        return None
    body = _DATELINE.sub("", m.sentence)
    found = re.match(
        r"\s*(?:of\s+)?(?:[\w\-]+\s+){0,2}?" + _MEMORY_TYPE.pattern,
        body[m.value.end : m.value.end + 40],
    )
    return found.group(1) if found else None


def _holder(m: Mention) -> frozenset[str]:
    """The names in the clause that leads to a value ("the PPU has 96GB"): what has it."""
    return _names(_clauses_before(m)[-1])


def _split_memory_types(g: Detail) -> None:
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


_DANGLING = {
    "a", "an", "the", "of", "in", "on", "at", "to", "for", "with", "by", "from", "and",
    "or", "but", "so", "as", "that", "which", "who", "their", "its", "his", "her", "our",
    "this", "these", "those", "into", "than", "while", "after", "before", "over", "under",
    "about", "is", "are", "was", "were", "be", "has", "have", "had", "would", "will",
    "can", "could", "it", "they", "if", "when", "per", "ahead", "including", "amid",
    "despite", "because", "since", "until", "through", "across", "via", "against", "said",
    "says", "",
}  # fmt: skip


_CREDIT_VERB = re.compile(
    r"\b(?:reported|reports|said|says|confirmed|confirms|announced|announces|disclosed|"
    r"discloses|wrote|writes|published|publishes)\b",
    re.I,
)
_PAST = {
    "reports": "reported",
    "says": "said",
    "confirms": "confirmed",
    "announces": "announced",
    "discloses": "disclosed",
    "writes": "wrote",
    "publishes": "published",
}


def detail_text(detail: Detail, first: Mention) -> str:
    """A short label for the detail: the value with the words that say what it counts,
    "X reported on <date>" for a cited report's date, or the sentence for statements."""
    if first.kind == "date" and first.day is not None:
        cited = next((t[1:] for t in first.context if t.startswith("@")), None)
        if cited:
            m = re.search(re.escape(cited), first.sentence, re.I)
            name = m.group(0) if m else cited
            # the verb the story uses: "Tesla confirmed on July 27", "Reuters reported on
            # April 4" (a company does not "report" what it announces)
            said = _CREDIT_VERB.search(first.sentence, m.end() if m else 0)
            if m and re.search(
                r"\b(?:report|story|article|piece|scoop)\s+(?:by|from|in)\s+$",
                first.sentence[: m.start()],
                re.I,
            ):
                said = None  # "confirmed a report by X": X reported
            elif said is None:
                said = _CREDIT_VERB.search(first.sentence)
            verb = _PAST.get(said.group(0).lower(), said.group(0).lower()) if said else "reported"
            return f"{name} {verb} on {first.day:%B} {first.day.day}, {first.day.year}"
        return first.sentence
    if first.kind == "statement" and first.claim:
        # the claim, not the sentence: one sentence can state two facts
        return first.claim if first.claim.endswith((".", "!", "?", "”", '"')) else first.claim + "."
    if first.kind == "statement" or first.value is None:
        return first.sentence
    q = first.value
    body = _DATELINE.sub("", first.sentence)
    tail = body[q.end : q.end + 120]
    # a clause ends at punctuation, but not at the point or comma inside a number ("7.4TB/s",
    # "9,216 chips")
    clause = re.match(r"(?:[^.;,:()]|[.,](?=\d))*", tail)
    tail_text = clause.group(0) if clause else ""
    if len(tail_text) == len(tail) and q.end + 120 < len(body):
        tail_text = tail_text.rsplit(" ", 1)[0]  # cut by the window: not half a word
    # a period reads as written ("in April", "the second half of 2026"), not as its key
    value = body[q.start : q.end] if q.unit.startswith("period:") else q.text
    phrase = (value + tail_text).strip()
    words = phrase.split()
    # the clause when it is short, else its first eight words; never ending on a word
    # that leads into the cut ("$589 billion of market value in a")
    if len(words) > 11:
        # eight words, then on to the end of the noun phrase they are in ("... of Google's
        # tensor processing units", not "... tensor processing"), three more at most
        cut = 8
        while cut < 11 and words[cut].lower().strip("\"“”'") not in _DANGLING:
            cut += 1
        words = words[:cut]
    while len(words) > 1 and words[-1].lower().strip("\"“”'") in _DANGLING:
        words = words[:-1]
    if len(words) < 3:
        # "0.4%," says nothing alone: take the words before it in its clause ("Meta
        # shares slipped 0.4%")
        head = re.split(r"[.;,:()]", body[: q.start])[-1].split()[-5:]
        words = head + words
    return " ".join(words)
