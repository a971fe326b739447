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
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

import numpy as np

from pipeline.citations import all_dates
from pipeline.keys import STOP, entity_keys
from pipeline.quantities import Quantity, compatible, find_quantities
from pipeline.sentences import Sentence, is_boilerplate

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
_DATELINE = re.compile(r"^[A-Z][A-Z .,'\-]+,\s+[A-Z][a-z]+\.?\s+\d{1,2}\s*\([^)]*\)\s*[-–—]\s*")
# sentences that state a value may also state a fact in words ("Alibaba ordered ...")
STATEMENTS_WITH_VALUES = True
_TARGET_YEAR = re.compile(
    r"\b(?:by|until|through|before|from|starting|start of|end of|half of|quarter of|"
    r"early|late|mid|in fiscal)\s+(?:the\s+)?(?:end\s+of\s+|start\s+of\s+)?$",
    re.I,
)
_QUOTE = re.compile(r"[\"“]([^\"”]{25,})[\"”]")
_ROLE_VERBS = re.compile(
    r"\b(order(?:ed|s)?|sign(?:ed|s)?|buy(?:s|ing)?|bought|acquir\w+|invest\w*|ship(?:s|ped|ping)?|"
    r"launch\w*|releas\w+|withh[eo]ld\w*|partner\w*|suppl\w+|build\w*|built|run(?:s|ning)?|"
    r"train\w*|port\w*|rewr\w+|halt\w*|ban\w*|bar\w*|requir\w+|grant\w*|approv\w+|deliver\w*|"
    r"deploy\w*|manufactur\w+|fabricat\w+|produc\w+|pric\w+|rais\w+|fil\w+|list\w*|"
    r"qualif\w+|pass\w*|delay\w*|slip\w*|cut\w*|abandon\w*|revert\w*|fail\w*|plan\w*|expect\w*)\b",
    re.I,
)


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

    def value_text(self) -> str:
        if self.kind == "date" and self.day:
            return self.day.isoformat()
        if self.value is not None:
            return self.value.text
        return ""


@dataclass
class Detail:
    mentions: list[Mention]
    conflicts: list[list[Mention]] = field(default_factory=list)  # other-value groups

    def articles(self) -> set[str]:
        return {m.article_id for m in self.mentions}

    def is_notable(self, topic: frozenset[str] = frozenset()) -> bool:
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


def is_candidate(sentence: str, title: str | None = None) -> bool:
    """Could this sentence carry a specific fact? (cheap filter before embedding)"""
    if is_boilerplate(sentence) or _TIMESTAMP_LINE.match(sentence):
        return False
    if title and sentence.strip().rstrip(".").casefold() == title.strip().rstrip(".").casefold():
        return False
    words = sentence.split()
    if len(words) < 6 or len(words) > 90:
        return False
    if sentence.rstrip().endswith("?"):
        return False
    return True


def mentions_of(
    article_id: str,
    sentences: Sequence[Sentence],
    article_day: date,
    vector_index: dict[str, int],
    cited: dict[str, list[tuple[str, date | None]]] | None = None,
    topic: frozenset[str] = frozenset(),
) -> list[Mention]:
    """Turn an article's sentences into fact mentions. ``vector_index`` maps sentence text
    to its row in the story's sentence-vector matrix (only candidates are embedded);
    ``cited`` maps a sentence to the (outlet, date) pairs it cites, so a date in a
    citation ("first reported by X on April 3") becomes the fact "X published on April 3"."""
    out: list[Mention] = []
    for s in sentences:
        if s.text not in vector_index:
            continue
        vi = vector_index[s.text]
        body = _DATELINE.sub("", s.text)
        keys = frozenset(k for k in entity_keys(body) if k[2:] not in STOP)
        found = False  # a value (quantity or date) of the sentence's own content
        citing = (cited or {}).get(s.text, [])
        for outlet, when in citing:
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
                    frozenset({"@" + outlet.casefold()}),
                    keys,
                    vi,
                )
            )
        cited_days = {w for _, w in citing if w}
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
                Mention(article_id, s.text, s.paragraph, "date", None, d, frozenset(ctx), keys, vi)
            )
            found = True
        for q in find_quantities(body):
            if any(a <= q.start < b for a, b in date_spans):
                continue
            if q.unit == "year" and (
                q.value < article_day.year
                or not _TARGET_YEAR.search(body[max(0, q.start - 24) : q.start])
            ):
                continue  # "in early 2025" is background; "by the end of 2029" is a target
            if q.unit == "" and q.value < 10 and not q.approx:
                continue  # "two" and "3" alone are too weak to be a fact
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
                    vi,
                )
            )
            found = True
        quoted = _QUOTE.search(body)
        # every other fact-shaped sentence is a statement; whether a lone statement is
        # worth showing is decided after grouping (see Detail.is_notable)
        if (not found or quoted or STATEMENTS_WITH_VALUES) and (keys or quoted):
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
                        for w in _WORD.findall(s.text)
                        if w.lower() not in _FUNCTION_WORDS and len(w) > 2
                    ),
                    keys,
                    vi,
                    tuple(q for q in find_quantities(body) if q.unit not in ("", "year")),
                )
            )
    return out


@dataclass(frozen=True)
class DetailParams:
    same_value_cos: float = 0.35  # same value + this similar + shared context -> same detail
    same_value_strong_cos: float = 0.5  # same value + this similar -> same detail
    conflict_cos: float = 0.6  # same unit, other value, this similar + shared context
    date_conflict_cos: float = 0.75
    conflict_max_ratio: float = 1.6  # values further apart are different facts, not a conflict
    statement_cos: float = 0.78  # statements (no value) this similar -> same detail
    statement_key_cos: float = 0.55  # ... or this similar and sharing most named entities
    statement_key_jaccard: float = 0.5
    min_context_overlap: int = 1


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
    if not a.value.unit or a.value.unit != b.value.unit or compatible(a.value, b.value):
        return False
    lo, hi = sorted([abs(a.value.value), abs(b.value.value)])
    return lo > 0 and hi / lo <= p.conflict_max_ratio


def _same_date_subject(a: Mention, b: Mention) -> bool:
    """Dates attached to citations are about *that outlet's* report: two of them are the
    same fact only when they name the same outlet."""
    oa = {t for t in a.context if t.startswith("@")}
    ob = {t for t in b.context if t.startswith("@")}
    if oa or ob:
        return bool(oa & ob)
    return True


def _match_score(
    m: Mention, leader: Mention, cos: float, p: DetailParams, topic: frozenset[str]
) -> tuple[str, float] | None:
    """('same'|'conflict', score) when m belongs with the group led by ``leader``."""
    if m.kind != leader.kind:
        return None
    if m.kind == "statement":
        for a in m.values:
            for b in leader.values:
                if a.unit and a.unit == b.unit and not compatible(a, b):
                    return None  # "1 trillion" vs "1.2 trillion": not the same statement
        shared = (m.keys & leader.keys) - topic
        if cos >= p.statement_cos or (cos >= p.statement_key_cos and len(shared) >= 1):
            return "same", cos + 0.05 * len(shared)
        return None
    if m.kind == "date" and any(t.startswith("@") for t in m.context & leader.context):
        # "X reported on April 3" in two articles: the same fact, or a conflict
        if m.day == leader.day:
            return "same", 1.0 + cos
        if _same_slot_other_value(m, leader, p):
            return "conflict", cos
        return None
    shared_ctx = len(m.context & leader.context)
    if _same_value(m, leader):
        if cos >= p.same_value_strong_cos or (
            cos >= p.same_value_cos and shared_ctx >= p.min_context_overlap
        ):
            return "same", cos + 0.02 * shared_ctx
        return None
    if m.kind == "date":
        # two plain dates conflict only in near-identical sentences ("informed on April 9"
        # vs "notified on April 8"), never merely for sharing a topic
        if (
            cos >= p.date_conflict_cos
            and shared_ctx >= p.min_context_overlap
            and "#explicit" in m.context
            and "#explicit" in leader.context
            and _same_slot_other_value(m, leader, p)
        ):
            return "conflict", cos
        return None
    if (
        cos >= p.conflict_cos
        and shared_ctx >= p.min_context_overlap
        and _same_slot_other_value(m, leader, p)
    ):
        return "conflict", cos
    return None


def group_details(
    mentions: Sequence[Mention],
    vectors: np.ndarray,
    params: DetailParams | None = None,
    topic: frozenset[str] = frozenset(),
) -> list[Detail]:
    """Group mentions into details by *leader* clustering, in the order given (the
    story's chronological order): each mention joins the best group whose first mention
    (the first reporter's phrasing) it matches, else starts a group. Comparing with the
    leader rather than any member avoids chaining distinct facts through one sentence that
    states several. A mention with the same slot but another value becomes a conflict of
    that group. ``topic`` holds the entity keys most of the story's articles share; they
    say nothing about which fact a sentence states."""
    p = params or DetailParams()
    if not mentions:
        return []
    groups: list[Detail] = []
    leaders: list[Mention] = []
    arts: list[set[str]] = []
    for m in mentions:
        best: tuple[float, int, str] | None = None
        for gi in range(len(leaders)):
            # one mention per article and group: letting an article add a second sentence
            # measured worse (it drags groups toward that article's other facts)
            repeat = m.article_id in arts[gi]
            # values guard against chaining, so value facts may match any member;
            # statements only the leader and its first few followers
            pool = groups[gi].mentions if m.kind != "statement" else groups[gi].mentions[:3]
            for other in pool:
                cos = float(vectors[m.vector_index] @ vectors[other.vector_index])
                found = _match_score(m, other, cos, p, topic)
                if found is None:
                    continue
                kind, score = found
                if repeat:
                    continue
                rank = score + (1.0 if kind == "same" else 0.0)
                if best is None or rank > best[0]:
                    best = (rank, gi, kind)
        if best is None:
            groups.append(Detail([m]))
            leaders.append(m)
            arts.append({m.article_id})
            continue
        _, gi, kind = best
        arts[gi].add(m.article_id)
        if kind == "same":
            groups[gi].mentions.append(m)
        else:
            for sub in groups[gi].conflicts:
                if _same_value(sub[0], m) or (sub[0].kind == "date" and sub[0].day == m.day):
                    sub.append(m)
                    break
            else:
                groups[gi].conflicts.append([m])
    # a conflict value backed by more articles than the leader's leads instead
    for g in groups:
        for i, sub in enumerate(g.conflicts):
            if len({x.article_id for x in sub}) > len(
                g.articles() - {x.article_id for c in g.conflicts for x in c}
            ):
                g.mentions, g.conflicts[i] = sub, g.mentions
    return groups


def detail_text(detail: Detail, first: Mention) -> str:
    """A short label for the detail: the value with the words that say what it counts,
    "X reported on <date>" for a cited report's date, or the sentence for statements."""
    if first.kind == "date" and first.day is not None:
        cited = next((t[1:] for t in first.context if t.startswith("@")), None)
        if cited:
            m = re.search(re.escape(cited), first.sentence, re.I)
            name = m.group(0) if m else cited
            return f"{name} reported on {first.day:%B} {first.day.day}, {first.day.year}"
        return first.sentence
    if first.kind == "statement" or first.value is None:
        return first.sentence
    q = first.value
    body = _DATELINE.sub("", first.sentence)
    tail = body[q.end : q.end + 60]
    tail_words = re.match(r"[^.;,:()]*", tail)
    phrase = (q.text + (tail_words.group(0) if tail_words else "")).strip()
    words = phrase.split()
    return " ".join(words[:8])
