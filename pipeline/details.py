"""Details: the mentions of one fact across a story's articles, grouped.

Mentions (pipeline.mentions: one fact stated in one sentence) of different articles are
grouped into one detail when they mean the same thing (claim embeddings, plus the rare
words they share) AND carry compatible values. Value groups that fill the same slot with
incompatible values ("1 trillion" vs "1.2 trillion parameters", "April 3" vs "April 4")
are joined as a *conflict* rather than merged silently (the rules for what is a rival
value are in pipeline.conflicts), and two different facts that happen to share a number
stay apart because their contexts disagree.

Pure: takes mentions and vectors, returns groups. pipeline.timeline does the I/O.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

import numpy as np

from pipeline.claims import DATELINE
from pipeline.conflicts import (
    counted_unit,
    is_baseline,
    is_conflict,
    move_facets,
    moves_differ,
    split_memory_types,
    trading_moment,
    values_agree,
)
from pipeline.facts import LONG_QUOTE, Detail, DetailParams, Mention
from pipeline.mentions import CONCEPTS, UNDISCLOSED, UNNAMED, WORD
from pipeline.quantities import (
    MONEY_UNITS,
    OTHER_CURRENCY_WORDS,
    Quantity,
    compatible,
    significant_digits,
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
    # so is "the terms were not disclosed", however it is phrased, and "a customer it did
    # not name"
    for marker in (UNDISCLOSED, UNNAMED, *CONCEPTS):
        marked = np.array([marker in m.context for m in mentions])
        if marker in CONCEPTS and _topical(mentions, marked):
            continue
        score = score + np.where(marked[:, None] & marked[None, :], 1.0, 0.0)
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
    # ... or a date nobody is credited for next to a company's: "State television held up
    # the PPU on Tuesday" and "CCTV aired the segment on Tuesday" (a news outlet's report
    # date stays apart from events: "questions sent on Friday" is not the scoop's day)
    empty = subjects.get(frozenset(), -1)
    news = np.array([m.news for m in mentions])
    loose = ((subject[:, None] == empty) | (subject[None, :] == empty)) & ~(
        news[:, None] | news[None, :]
    )
    date_ok = (day[:, None] == day[None, :]) & ((subject[:, None] == subject[None, :]) | loose)
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
                    if i != j and not same_value[i, j] and values_agree(mentions[i], mentions[j]):
                        same_value[i, j] = same_value[j, i] = True
        same_figure = _same_precise_figure([mentions[i] for i in quantity])
        block = np.ix_(quantity, quantity)
        score[block] += np.where(same_figure & ~same_article[block], p.precise_bonus, 0.0)
        is_q = kinds == kind_ids["quantity"]
        allowed &= ~(is_q[:, None] & is_q[None, :]) | same_value
        # one percentage at two moments of a trading day is two facts ("up 19% in
        # late-morning trading", "finished up 19%")
        moments = {i: x for i in units.get("pct", []) if (x := trading_moment(mentions[i]))}
        if moments:
            at = np.array(list(moments))
            moment = np.array(list(moments.values()))
            allowed[np.ix_(at, at)] &= moment[:, None] == moment[None, :]
    # statements with values: "1 trillion" and "1.2 trillion parameters" are not one claim
    valued = [i for i, m in enumerate(mentions) if m.kind == "statement" and m.values]
    for x, i in enumerate(valued):
        for j in valued[x + 1 :]:
            if allowed[i, j] and _values_clash(mentions[i].values, mentions[j].values):
                allowed[i, j] = allowed[j, i] = False
    score[~allowed] = -np.inf
    np.fill_diagonal(score, -np.inf)
    return score, raw


def _topical(mentions: Sequence[Mention], marked: np.ndarray) -> bool:
    """Is a concept the story's topic rather than one fact of it: does one article say it
    in two sentences? (In a story about the Entity List, every other sentence names it.)"""
    seen: dict[str, str] = {}
    for m, on in zip(mentions, marked, strict=True):
        if on and seen.setdefault(m.article_id, m.sentence) != m.sentence:
            return True
    return False


def _same_precise_figure(mentions: Sequence[Mention]) -> np.ndarray:
    """Which pairs of quantity mentions give one precise figure: the same unit and value,
    written with two or more significant digits ("$37 billion", "16.5", "1,945"). A round
    figure ("$5 billion", "four months", "10 gigawatts") is said of many facts, a precise
    one rarely of two, so it ties retellings whose words differ ("pledged more than $37
    billion for its Texas build-out" / "the Taylor plant, where it has committed more
    than $37 billion"). Periods, years and vague amounts are not figures."""
    keys = []
    for m in mentions:
        q = m.value
        ok = q is not None and q.unit and not q.unit.startswith(("period", "vague", "year"))
        keys.append(f"{q.unit}:{q.value:.6g}" if ok and significant_digits(q) >= 2 else None)
    k = np.array([x or "" for x in keys])
    has = np.array([x is not None for x in keys])
    return (k[:, None] == k[None, :]) & has[:, None] & has[None, :]


def _values_clash(a: Sequence[Quantity], b: Sequence[Quantity]) -> bool:
    """Do two claims give another value in a unit they share? In each such unit, every
    value of one of them must agree with a value of the other.
    ("$5 billion ... at $23.28 a share" and "buys Intel stock at $23.28" agree: the
    second claim gives no figure for the $5 billion.)"""
    for unit in {q.unit for q in a if q.unit} & {q.unit for q in b if q.unit}:
        xs = [q for q in a if q.unit == unit]
        ys = [q for q in b if q.unit == unit]
        covered = all(any(compatible(x, y) for y in ys) for x in xs) or all(
            any(compatible(x, y) for x in xs) for y in ys
        )
        if not covered:
            return True
    return False


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
    clusters: list[list[int]], score: np.ndarray, threshold: float, first_keep: float = -np.inf
) -> list[list[int]]:
    """A claim can state two facts ("put its charge at $5.5 billion, booked against
    inventory and purchase commitments"): a statement also joins a second statement group
    it matches, on average, at ``threshold`` (as well as that group's members match). A
    claim earlier than the whole group would become its first report, so it must match
    at ``first_keep``, the bar :func:`_weak_first` sets for a group's earliest member."""
    home = {i: ci for ci, c in enumerate(clusters) for i in c}
    extra: dict[int, list[int]] = {}
    for ci, c in enumerate(clusters):
        if len(c) < 2:
            continue
        mean = score[:, c].mean(axis=1)
        for i in np.flatnonzero(mean >= threshold):
            if home[int(i)] == ci:
                continue  # already a member
            if i < min(c) and mean[i] < first_keep:
                continue
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


# between an amount and its conversion: "22.8 trillion won ($", "€5 billion (US$"
_CONVERSION_GAP = re.compile(r"\s*(?:[a-z]+\s*)?\(\s*", re.I)


def _money(q: Quantity, sentence: str) -> bool:
    """An amount of money: in a unit of money, or a bare number the parser left before a
    currency it does not read ("22.8 trillion won")."""
    if q.unit in MONEY_UNITS:
        return True
    word = re.match(r"\s*([a-z]+)", sentence[q.end :])
    return q.unit == "" and bool(word) and word.group(1) in OTHER_CURRENCY_WORDS


def _join_conversions(clusters: list[list[int]], mentions: Sequence[Mention]) -> list[list[int]]:
    """An amount and its conversion in brackets ("a 22.8 trillion won ($16.5 billion)
    contract") are one value in two currencies: the groups of the two are one detail,
    so an outlet that gives only the won and one that gives only the dollars state the
    same fact."""
    home = {i: k for k, c in enumerate(clusters) for i in c}
    parent = list(range(len(clusters)))

    def root(k: int) -> int:
        while parent[k] != k:
            k = parent[k]
        return k

    by_sentence: dict[tuple[str, str], list[int]] = {}
    for i, m in enumerate(mentions):
        if m.value is not None:
            by_sentence.setdefault((m.article_id, m.sentence), []).append(i)
    for (_, sentence), ids in by_sentence.items():
        for a in ids:
            for b in ids:
                qa, qb = mentions[a].value, mentions[b].value
                assert qa is not None and qb is not None
                if (
                    qa.unit != qb.unit
                    and qa.end <= qb.start
                    and _CONVERSION_GAP.fullmatch(sentence[qa.end : qb.start])
                    and _money(qa, sentence)
                    and _money(qb, sentence)
                ):
                    parent[root(home[b])] = root(home[a])
    merged: dict[int, list[int]] = {}
    for k, c in enumerate(clusters):
        merged.setdefault(root(k), []).extend(c)

    def order(c: list[int]) -> list[int]:
        # chronological, but within one sentence the amount in a known currency first:
        # the detail shows "$16.5 billion", not the bare "22.8 trillion"
        start: dict[tuple[str, str], int] = {}
        for i in c:
            start.setdefault((mentions[i].article_id, mentions[i].sentence), i)

        def key(i: int) -> tuple[int, bool, int]:
            q = mentions[i].value
            return start[(mentions[i].article_id, mentions[i].sentence)], not q or not q.unit, i

        return sorted(c, key=key)

    return [order(sorted(set(c))) for c in merged.values()]


def _quote_words(m: Mention) -> frozenset[str]:
    """The words of the mention's quotations (lower case)."""
    return frozenset(
        w.lower() for q in LONG_QUOTE.findall(m.claim or m.sentence) for w in WORD.findall(q)
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
            local = _second_facts(local, score, p.second_fact_threshold, p.first_keep)
        if p.attach_mean < 10:
            if kind == "statement":
                local = _attach_singletons(local, score, p.attach_max, p.attach_mean)
            else:
                local = _attach_singletons(local, score, p.value_attach_max, p.value_attach_mean)
        if kind == "statement" and p.quote_keep < 10:
            local = _trim_to_quotes(local, sub, score, p.quote_keep)
        if kind != "statement" and p.join_mean < 10:
            local = _join_value_groups(local, score, p.join_max, p.join_mean)
        if kind == "quantity":
            local = _join_conversions(local, sub)
        clusters.extend([members[k] for k in c] for c in local)
    clusters.sort(key=lambda c: c[0])
    groups = [Detail([mentions[i] for i in c]) for c in clusters]

    # conflicts: a later value cluster that fills an earlier one's slot with another value
    parent: dict[int, int] = {}
    # one value is one fact: when any retelling gives it as the point of comparison ("up
    # from 132 on Cobalt 200"), it is that in the others too ("the Cobalt 200, which
    # itself had 132 cores"), and never a rival figure for the new chip's count
    baseline = [
        g.mentions[0].kind == "quantity" and any(is_baseline(m) for m in g.mentions) for g in groups
    ]
    topic_names = frozenset(k[2:] for k in topic if k.startswith("e:"))
    facets = [move_facets(g.mentions, topic_names) for g in groups]
    # (a counted noun or a span of time: "valid for one year" / "two-year licences")
    counted = [
        {
            m.value.unit
            for m in g.mentions
            if m.value is not None and (counted_unit(m.value.unit) or m.value.unit == "days")
        }
        for g in groups
    ]
    units = Counter(u for c in counted for u in c)
    sole = replace(p, conflict_cos=min(p.conflict_cos, p.sole_unit_cos))
    for gi, g in enumerate(groups):
        if g.mentions[0].kind == "statement":
            continue
        best: tuple[float, int] | None = None
        for hi in range(gi):
            if hi in parent or groups[hi].mentions[0].kind != g.mentions[0].kind:
                continue
            if groups[hi].articles() & g.articles() or baseline[hi] != baseline[gi]:
                continue
            if moves_differ(facets[gi], facets[hi]):
                continue
            # claim cosine plus shared rare words, as for grouping
            raw, local = raw_of[g.mentions[0].kind]
            q = sole if any(units[u] == 2 for u in counted[gi] & counted[hi]) else p
            for m in g.mentions:
                for other in groups[hi].mentions:
                    cos = float(raw[local[id(m)], local[id(other)]])
                    if is_conflict(m, other, cos, q) and (best is None or cos > best[0]):
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
        split_memory_types(g)
    # a conflict value backed by more articles than the leader's leads instead
    for g in out:
        for i, sub in enumerate(g.conflicts):
            if len({x.article_id for x in sub}) > len(g.articles()):
                g.mentions, g.conflicts[i] = sub, g.mentions
    return out


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
    body = DATELINE.sub("", first.sentence)
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
