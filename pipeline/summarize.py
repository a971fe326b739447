"""Extractive story summaries: a few of the articles' own sentences, each with its outlet.

Nothing is generated: every summary sentence is a sentence of one of the story's
articles, returned verbatim with the outlet and URL it came from, so a reader can check
it. The selection is plain centrality + maximal marginal relevance (MMR):

1. candidates: every sentence that is not boilerplate, not a sub-heading, and neither
   very short (no content) nor very long (usually a run-on list or a mis-split);
2. the story centroid: the mean over articles of (title + mean sentence vector), so a long
   article does not outvote five short ones;
3. relevance = cosine to the centroid, plus a small bonus for an article's lead sentences
   (news is written top-down), for earlier articles (the scoop states it first) and, when
   the caller passes ``boost``, for sentences stating facts other outlets repeated; minus
   a small penalty for openings that lean on the previous sentence ("It also said");
4. greedy MMR: take the candidate with the best ``lam * relevance - (1 - lam) * max
   similarity to what is already chosen``; a candidate too similar to a chosen sentence
   (cosine >= ``redundancy``) is never taken, so no two sentences say the same thing.
   0.75 is for all-MiniLM-L6-v2: pairs of retellings of one fact ("agreed to pay the US
   government 15% of the revenue" / "a 15 per cent cut of revenue") score 0.76-0.80 there.

Pure: articles and an embed function in, sentences out. The embed function must return
L2-normalised rows (both ``pipeline.embed`` embedders and
``pipeline.timeline.cached_embed`` do); vectors are re-normalised anyway.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from pipeline.sentences import is_boilerplate
from pipeline.sentences import sentences as split_sentences

EmbedFn = Callable[[list[str]], np.ndarray]


@dataclass(frozen=True)
class SummaryArticle:
    """One article of the story; pass them oldest first (earliness bonus follows order)."""

    text: str
    outlet: str
    url: str
    title: str | None = None


@dataclass(frozen=True)
class SummarySentence:
    sentence: str
    outlet: str
    url: str
    score: float
    article_index: int  # position of the article in the input
    sentence_index: int  # position of the sentence within its article

    def as_json(self) -> dict[str, str]:
        return {"sentence": self.sentence, "outlet": self.outlet, "url": self.url}


@dataclass(frozen=True)
class SummaryParams:
    max_sentences: int = 4
    min_sentences: int = 2
    redundancy: float = 0.75  # cosine at or above which two sentences "say the same"
    lam: float = 0.7  # MMR trade-off: relevance vs novelty
    min_words: int = 8
    max_words: int = 45
    lead_bonus: float = 0.04  # for the first ``lead_sentences`` of an article
    lead_sentences: int = 2
    earliness: float = 0.03  # bonus of the first article, falling linearly to 0 at the last
    max_per_article: int = 2
    relative_floor: float = 0.75  # past min_sentences, stop below this share of the best
    boost_weight: float = 0.15  # scale of the caller's per-sentence boost (0..1 each)
    dangling_penalty: float = 0.05  # "It also said ...": reads badly out of context


_HEADING = re.compile(r"^\s*#+\s")
# Openings that lean on the previous sentence; such a sentence reads badly alone.
_DANGLING = re.compile(
    r"^(it|its|they|their|them|he|she|his|her|this|that|these|those|but|and|also|however|"
    r"still|yet|so|then|meanwhile|instead|such|there)\b",
    re.I,
)
# Datelines and bylines that split as sentences: "By Mei Lin", "Updated 3:05 pm".
_BYLINE = re.compile(r"^(by|updated|published|posted|photo|image|credit)\b", re.I)


@dataclass(frozen=True)
class _Candidate:
    text: str
    article: int
    index: int  # sentence index within the article


def candidates(articles: Sequence[SummaryArticle], params: SummaryParams) -> list[_Candidate]:
    """Sentences eligible for a summary, first occurrence only (syndicated copies repeat)."""
    out: list[_Candidate] = []
    seen: set[str] = set()
    for a_index, article in enumerate(articles):
        for s in split_sentences(article.text or ""):
            text = s.text.strip()
            words = len(text.split())
            if words < params.min_words or words > params.max_words:
                continue
            if _HEADING.match(text) or _BYLINE.match(text) or is_boilerplate(text):
                continue
            if text[-1] not in ".!?\"'”’)":  # captions, list fragments, headings
                continue
            if text.endswith("?"):  # rhetorical questions summarise nothing
                continue
            key = " ".join(text.lower().split())
            if key in seen:
                continue
            seen.add(key)
            out.append(_Candidate(text, a_index, s.index))
    return out


def _normalise(m: np.ndarray) -> np.ndarray:
    m = np.asarray(m, dtype=np.float32)
    if m.ndim == 1:
        m = m[None, :]
    norms = np.linalg.norm(m, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return m / norms


def summarize(
    articles: Sequence[SummaryArticle],
    embed: EmbedFn,
    params: SummaryParams | None = None,
    boost: Mapping[str, float] | None = None,
) -> list[SummarySentence]:
    """Pick 2-4 central, non-redundant sentences of the story's articles.

    ``boost`` optionally maps a sentence (verbatim) to a 0..1 bonus, e.g. how widely the
    facts it states were repeated by other outlets; it is scaled by
    ``params.boost_weight``. Returned in reading order (article order, then position in the
    article) so the summary reads like a paragraph. Fewer than ``min_sentences`` come back
    only when the articles do not have that many eligible, mutually non-redundant
    sentences."""
    params = params or SummaryParams()
    cands = candidates(articles, params)
    if not cands:
        return []
    titles = [(i, a.title.strip()) for i, a in enumerate(articles) if a.title and a.title.strip()]
    vectors = _normalise(embed([c.text for c in cands] + [t for _, t in titles]))
    sent_vecs = vectors[: len(cands)]
    title_vecs = {i: vectors[len(cands) + k] for k, (i, _) in enumerate(titles)}

    # centroid: every article counts once, whatever its length
    per_article: list[np.ndarray] = []
    for a_index in range(len(articles)):
        rows = [k for k, c in enumerate(cands) if c.article == a_index]
        parts = []
        if rows:
            parts.append(_normalise(sent_vecs[rows].mean(axis=0))[0])
        if a_index in title_vecs:
            parts.append(title_vecs[a_index])
        if parts:
            per_article.append(_normalise(np.mean(parts, axis=0))[0])
    centroid = _normalise(np.mean(per_article, axis=0))[0]

    n_articles = max(1, len(articles) - 1)
    relevance = sent_vecs @ centroid
    position: dict[int, int] = {}
    for k, c in enumerate(cands):
        position[c.article] = position.get(c.article, 0) + 1
        if position[c.article] <= params.lead_sentences:
            relevance[k] += params.lead_bonus
        relevance[k] += params.earliness * (1.0 - c.article / n_articles)
        if _DANGLING.match(c.text):
            relevance[k] -= params.dangling_penalty
        if boost:
            relevance[k] += params.boost_weight * min(1.0, max(0.0, boost.get(c.text, 0.0)))

    sims = sent_vecs @ sent_vecs.T
    chosen: list[int] = []
    per_article_count: dict[int, int] = {}
    best_relevance = float(relevance.max())
    while len(chosen) < params.max_sentences:
        best_k, best_score = -1, -np.inf
        for k, c in enumerate(cands):
            if k in chosen or per_article_count.get(c.article, 0) >= params.max_per_article:
                continue
            max_sim = max((float(sims[k, j]) for j in chosen), default=0.0)
            if max_sim >= params.redundancy:
                continue
            score = params.lam * float(relevance[k]) - (1 - params.lam) * max_sim
            if score > best_score:
                best_k, best_score = k, score
        if best_k < 0:
            break
        if (
            len(chosen) >= params.min_sentences
            and float(relevance[best_k]) < params.relative_floor * best_relevance
        ):
            break
        chosen.append(best_k)
        article = cands[best_k].article
        per_article_count[article] = per_article_count.get(article, 0) + 1

    picked = sorted(chosen, key=lambda k: (cands[k].article, cands[k].index))
    return [
        SummarySentence(
            sentence=cands[k].text,
            outlet=articles[cands[k].article].outlet,
            url=articles[cands[k].article].url,
            score=round(float(relevance[k]), 4),
            article_index=cands[k].article,
            sentence_index=cands[k].index,
        )
        for k in picked
    ]


def max_pairwise_similarity(sentences: Sequence[str], embed: EmbedFn) -> float:
    """The largest cosine between two of the sentences (0 for fewer than two)."""
    if len(sentences) < 2:
        return 0.0
    v = _normalise(embed(list(sentences)))
    sims = v @ v.T
    np.fill_diagonal(sims, -1.0)
    return float(sims.max())
