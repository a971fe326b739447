"""Online story clustering: each new article joins the best-matching active story or
starts a new one. Pure and in-memory; pipeline.stages loads the active stories from the
database and writes the result back.

Why not a plain cosine threshold: on a single-industry beat every article looks alike to
a sentence model (all Nvidia-China stories sit near each other), so title+lead cosine
alone either merges distinct events or splits retellings. The score combines:

* cosine between the article's title+lead vector and the story centroid;
* shared *event keys* (names, product codes, normalised quantities) weighted by inverse
  document frequency, so sharing "MI308" and "$5.5 billion" counts and sharing
  "Nvidia" and "China" barely does;
* time distance from the story's span, beyond a grace period.

Cost per article is bounded by the number of stories active in the time window, not by
the history: stories leave the active set once their last article is older than the
window (``ActiveIndex.expire``).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

import numpy as np

DAY = 86400.0


@dataclass(frozen=True)
class ClusterParams:
    window_days: float = 14.0  # a story is joinable while its last article is this recent
    grace_days: float = 3.0  # no time penalty within this distance of the story's span
    time_weight: float = 0.5  # score lost per window of distance beyond the grace
    key_weight: float = 0.3  # score gained at full shared-key mass
    key_cap: float = 9.0  # IDF mass of shared keys that counts as "full"
    threshold: float = 0.6  # join when score >= threshold
    # tuned with bench/tune_clusters.py on the tune split of data/sample
    min_cosine: float = 0.35  # never join below this cosine, whatever the keys say
    core_weight: float = 0.2  # score lost at full mass of the story's core keys missing
    core_share: float = 0.5  # a key is "core" when this share of the story's articles has it
    novel_weight: float = 0.1  # score lost at full mass of the article's keys new to the story


@dataclass
class StoryState:
    id: str
    vector_sum: np.ndarray
    count: int
    keys: Counter[str]
    first_t: float
    last_t: float
    members: list[str] = field(default_factory=list)

    def centroid(self) -> np.ndarray:
        norm = float(np.linalg.norm(self.vector_sum))
        return self.vector_sum / norm if norm else self.vector_sum

    def add(self, article_id: str, vector: np.ndarray, keys: Iterable[str], t: float) -> None:
        self.vector_sum = self.vector_sum + vector
        self.count += 1
        self.keys.update(set(keys))
        self.first_t = min(self.first_t, t)
        self.last_t = max(self.last_t, t)
        self.members.append(article_id)


@dataclass(frozen=True)
class Assignment:
    article_id: str
    story_id: str
    new_story: bool
    score: float


class IDF:
    """Inverse document frequency of event keys, updated as articles arrive."""

    def __init__(self, df: dict[str, int] | None = None, docs: int = 0) -> None:
        self.df: Counter[str] = Counter(df or {})
        self.docs = docs

    def add(self, keys: Iterable[str]) -> None:
        self.docs += 1
        self.df.update(set(keys))

    def __call__(self, key: str) -> float:
        return math.log((self.docs + 1) / (self.df.get(key, 0) + 1)) + 0.0


class OnlineClusterer:
    """Holds the active stories and assigns articles one at a time (in time order)."""

    def __init__(
        self,
        params: ClusterParams | None = None,
        idf: IDF | None = None,
        new_id: Callable[[str], str] | None = None,
    ) -> None:
        self.params = params or ClusterParams()
        self.idf = idf or IDF()
        self.new_id = new_id or (lambda article_id: "s" + article_id[:15])
        self.stories: dict[str, StoryState] = {}
        self._order: list[str] = []  # story ids; matrix rows
        self._matrix: np.ndarray | None = None
        self._dirty = True
        self.touched: set[str] = set()
        self.retired: dict[str, StoryState] = {}  # touched stories that left the window
        self.compared = 0

    # -- state ------------------------------------------------------------------

    def load(self, story: StoryState) -> None:
        self.stories[story.id] = story
        self._dirty = True

    def expire(self, now_t: float) -> int:
        """Drop stories whose last article is older than the window before now_t."""
        cutoff = now_t - self.params.window_days * DAY
        old = [sid for sid, s in self.stories.items() if s.last_t < cutoff]
        for sid in old:
            story = self.stories.pop(sid)
            if sid in self.touched:
                self.retired[sid] = story
        if old:
            self._dirty = True
        return len(old)

    def _centroids(self) -> np.ndarray:
        if self._dirty or self._matrix is None:
            self._order = list(self.stories)
            if self._order:
                self._matrix = np.stack([self.stories[s].centroid() for s in self._order])
            else:
                self._matrix = None
            self._dirty = False
        assert self._matrix is not None
        return self._matrix

    def _update_row(self, story_id: str) -> None:
        if self._dirty or self._matrix is None:
            return
        idx = self._order.index(story_id) if story_id in self._order else -1
        if idx < 0:
            self._dirty = True
            return
        self._matrix[idx] = self.stories[story_id].centroid()

    # -- scoring ------------------------------------------------------------------

    def key_mass(self, keys: set[str], story: StoryState) -> float:
        return sum(self.idf(k) for k in keys if k in story.keys)

    def score(self, cosine: float, keys: set[str], t: float, story: StoryState) -> float:
        p = self.params
        mass = min(self.key_mass(keys, story), p.key_cap) / p.key_cap
        if t < story.first_t:
            gap = (story.first_t - t) / DAY
        elif t > story.last_t:
            gap = (t - story.last_t) / DAY
        else:
            gap = 0.0
        penalty = p.time_weight * max(0.0, gap - p.grace_days) / p.window_days
        if p.core_weight and story.count >= 2:
            need = max(2.0, p.core_share * story.count)
            missing = sum(
                self.idf(k)
                for k, n in story.keys.items()
                if n >= need and k.startswith("e:") and k not in keys
            )
            penalty += p.core_weight * min(missing, p.key_cap) / p.key_cap
        if p.novel_weight:
            novel = sum(self.idf(k) for k in keys if k.startswith("e:") and k not in story.keys)
            penalty += p.novel_weight * min(novel, 2 * p.key_cap) / (2 * p.key_cap)
        return cosine + p.key_weight * mass - penalty

    def best_match(self, vector: np.ndarray, keys: set[str], t: float) -> tuple[str | None, float]:
        if not self.stories:
            return None, 0.0
        p = self.params
        matrix = self._centroids()
        cosines = matrix @ vector
        window = p.window_days * DAY
        best_id, best = None, -math.inf
        # consider the most similar candidates only; the key/time terms are bounded
        candidates = np.flatnonzero(cosines >= p.min_cosine)
        self.compared += len(self._order)
        for idx in candidates:
            story = self.stories[self._order[idx]]
            if t - story.last_t > window or story.first_t - t > window:
                continue
            s = self.score(float(cosines[idx]), keys, t, story)
            if s > best:
                best_id, best = story.id, s
        return best_id, (best if best_id else 0.0)

    def state(self, story_id: str) -> StoryState:
        """A story's state, whether still active or retired from the window."""
        return self.stories.get(story_id) or self.retired[story_id]

    def add(self, article_id: str, vector: np.ndarray, keys: set[str], t: float) -> Assignment:
        """Assign one article. Call in (roughly) publication order; stories whose last
        article is older than the window are expired first, so the comparison cost stays
        bounded even in a long backlog."""
        self.expire(t)
        self.idf.add(keys)
        story_id, score = self.best_match(vector, keys, t)
        if story_id is not None and score >= self.params.threshold:
            story = self.stories[story_id]
            story.add(article_id, vector, keys, t)
            self._update_row(story_id)
            self.touched.add(story_id)
            return Assignment(article_id, story_id, False, score)
        sid = self.new_id(article_id)
        while sid in self.stories:
            sid = sid + "x"
        self.stories[sid] = StoryState(sid, vector.copy(), 0, Counter(), t, t)
        self.stories[sid].add(article_id, vector, keys, t)
        self._dirty = True
        self.touched.add(sid)
        return Assignment(article_id, sid, True, score)


def representative_title(
    titles: dict[str, str], vectors: dict[str, np.ndarray], centroid: np.ndarray
) -> str | None:
    """The member headline closest to the story centroid: a headline that says what most
    retellings say, rather than whichever came first."""
    best, best_cos = None, -math.inf
    for article_id, title in titles.items():
        if not title or article_id not in vectors:
            continue
        cos = float(vectors[article_id] @ centroid)
        # very long or very short headlines read badly in lists
        length_penalty = 0.02 if not 30 <= len(title) <= 110 else 0.0
        if cos - length_penalty > best_cos:
            best, best_cos = title, cos - length_penalty
    return best


def bcubed(
    predicted: dict[str, str], truth: dict[str, str], over: Iterable[str] | None = None
) -> tuple[float, float, float]:
    """B-cubed precision, recall, F1 over the items in ``truth`` (see CONTRACT.md), or
    averaged over the items ``over`` only (a split of a labelled corpus) while the clusters
    still hold every item of ``truth``: an article of the split that shares a predicted
    story with another split's story costs precision."""
    items = [i for i in truth if i in predicted]
    if not items:
        return 0.0, 0.0, 0.0
    by_pred: dict[str, set[str]] = {}
    by_true: dict[str, set[str]] = {}
    for i in items:
        by_pred.setdefault(predicted[i], set()).add(i)
        by_true.setdefault(truth[i], set()).add(i)
    if over is not None:
        wanted = set(over)
        items = [i for i in items if i in wanted]
        if not items:
            return 0.0, 0.0, 0.0
    precision = recall = 0.0
    for i in items:
        pred_cluster = by_pred[predicted[i]]
        true_cluster = by_true[truth[i]]
        both = len(pred_cluster & true_cluster)
        precision += both / len(pred_cluster)
        recall += both / len(true_cluster)
    precision /= len(items)
    recall /= len(items)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1
