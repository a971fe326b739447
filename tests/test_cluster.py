"""pipeline.cluster: online story clustering with hand-built vectors and event keys,
B-cubed scoring and the representative headline. Pure, in memory."""

from __future__ import annotations

from collections import Counter

import numpy as np
import pytest

from pipeline.cluster import (
    DAY,
    IDF,
    ClusterParams,
    OnlineClusterer,
    StoryState,
    bcubed,
    representative_title,
)

DIM = 16
T0 = 1_775_000_000.0  # 2026-03-31, seconds since the epoch

BAN_KEYS = {"e:nvidia", "e:china", "e:h20", "q:usd:5.5e+09", "q:pct:15"}
LICENCE_KEYS = {"e:nvidia", "e:china", "e:h20", "q:usd:8e+09", "q:pct:30"}


def axis(i: int) -> np.ndarray:
    v = np.zeros(DIM, dtype=np.float32)
    v[i] = 1.0
    return v


def toward(cos: float, main: int = 0, other: int = 1) -> np.ndarray:
    """A unit vector at exactly ``cos`` to axis ``main``."""
    return (cos * axis(main) + np.sqrt(1.0 - cos * cos) * axis(other)).astype(np.float32)


def beat_idf() -> IDF:
    """Document frequencies of a beat where Nvidia and China are everywhere."""
    idf = IDF()
    for i in range(30):
        idf.add({"e:nvidia", "e:china", f"e:other{i}"})
    return idf


def ban_story() -> OnlineClusterer:
    """Three retellings of an export ban within a day."""
    c = OnlineClusterer(idf=beat_idf())
    c.add("ban-reuters", toward(1.0), BAN_KEYS, T0)
    c.add("ban-ft", toward(0.8, 0, 2), BAN_KEYS, T0 + 0.5 * DAY)
    c.add("ban-wire", toward(0.8, 0, 3), BAN_KEYS, T0 + 1.0 * DAY)
    return c


# ---------------------------------------------------------------------------- joining


def test_retellings_join_one_story_whose_id_never_changes() -> None:
    c = OnlineClusterer(idf=beat_idf())
    first = c.add("ban-reuters", toward(1.0), BAN_KEYS, T0)
    assert first.new_story
    assert first.story_id == "sban-reuters"
    ids = [first.story_id]
    for n, (cos, other) in enumerate([(0.8, 2), (0.8, 3), (0.75, 4), (0.9, 5)], start=1):
        a = c.add(f"retelling-{n}", toward(cos, 0, other), BAN_KEYS, T0 + n * 0.4 * DAY)
        assert not a.new_story
        assert a.score >= c.params.threshold
        ids.append(a.story_id)
    assert set(ids) == {"sban-reuters"}
    assert list(c.stories) == ["sban-reuters"]
    story = c.stories["sban-reuters"]
    assert story.count == 5
    assert story.members == ["ban-reuters"] + [f"retelling-{n}" for n in range(1, 5)]
    assert story.first_t == T0
    assert story.last_t == T0 + 4 * 0.4 * DAY
    assert story.keys["e:h20"] == 5


def test_unrelated_article_starts_its_own_story() -> None:
    c = ban_story()
    a = c.add("hbm4", axis(7), {"e:samsung", "e:hbm4"}, T0 + DAY)
    assert a.new_story
    assert a.story_id == "shbm4"
    assert len(c.stories) == 2
    assert c.stories["sban-reuters"].count == 3


def test_hard_negative_same_entities_other_numbers_days_later_is_a_new_story() -> None:
    """Same companies and chip, other amounts, ten days later: the licence, not the ban."""
    later = T0 + 10 * DAY
    vector = toward(0.7, 0, 4)
    c = ban_story()
    licence = c.add("licence", vector, LICENCE_KEYS, later)
    assert licence.new_story
    assert licence.story_id == "slicence"
    assert c.stories["sban-reuters"].count == 3

    # the very same vector with the ban's own numbers is a (late) retelling of the ban
    c = ban_story()
    retelling = c.add("late-retelling", vector, BAN_KEYS, later)
    assert not retelling.new_story
    assert retelling.story_id == "sban-reuters"


def test_beyond_the_window_even_an_identical_article_starts_a_new_story() -> None:
    c = ban_story()
    a = c.add("weeks-later", toward(1.0), BAN_KEYS, T0 + 1.0 * DAY + 15 * DAY)
    assert a.new_story
    assert a.story_id == "sweeks-later"


def test_id_collision_gets_a_suffix() -> None:
    c = OnlineClusterer(new_id=lambda article_id: "same")
    a = c.add("x", axis(0), {"e:a"}, T0)
    b = c.add("y", axis(5), {"e:b"}, T0)
    assert (a.story_id, b.story_id) == ("same", "samex")


def test_keys_raise_the_score_idf_weighted() -> None:
    c = ban_story()
    story = c.stories["sban-reuters"]
    v_cos = 0.7
    with_keys = c.score(v_cos, BAN_KEYS, T0 + DAY, story)
    common_only = c.score(v_cos, {"e:nvidia", "e:china"}, T0 + DAY, story)
    assert with_keys > common_only
    # common beat words weigh little, rare event keys a lot
    assert c.idf("e:nvidia") < c.idf("e:h20") < c.idf("e:never-seen")


def test_time_penalty_only_beyond_the_grace_period() -> None:
    c = ban_story()
    story = c.stories["sban-reuters"]
    inside = c.score(0.7, BAN_KEYS, story.last_t + 2 * DAY, story)
    at_span = c.score(0.7, BAN_KEYS, story.last_t, story)
    beyond = c.score(0.7, BAN_KEYS, story.last_t + 10 * DAY, story)
    assert inside == pytest.approx(at_span)
    expected = c.params.time_weight * (10 - c.params.grace_days) / c.params.window_days
    assert at_span - beyond == pytest.approx(expected)


# ---------------------------------------------------------------------------- the window


def test_expired_stories_are_dropped() -> None:
    c = ban_story()
    assert c.expire(T0 + 5 * DAY) == 0
    assert c.expire(T0 + 1.0 * DAY + 14 * DAY + 1) == 1
    assert c.stories == {}


def test_compared_stays_bounded_as_old_stories_accumulate() -> None:
    """One new story a day for 120 days; expiring at each article keeps the active set at
    about the window, not the history."""
    params = ClusterParams()
    c = OnlineClusterer(params)
    per_article: list[int] = []
    for day in range(120):
        t = T0 + day * DAY
        c.expire(t)
        before = c.compared
        a = c.add(f"day{day:03d}", axis(day % DIM), {f"e:event{day}"}, t)
        per_article.append(c.compared - before)
        assert a.new_story  # orthogonal or far apart: nothing joins
    bound = int(params.window_days) + 1
    assert max(per_article) <= bound
    assert len(c.stories) <= bound + 1
    assert c.compared <= 120 * bound


def test_compared_stays_bounded_without_explicit_expire() -> None:
    c = OnlineClusterer()
    per_article: list[int] = []
    for day in range(120):
        before = c.compared
        c.add(f"day{day:03d}", axis(day % DIM), {f"e:event{day}"}, T0 + day * DAY)
        per_article.append(c.compared - before)
    assert max(per_article) <= int(c.params.window_days) + 1


def test_stories_outside_the_window_are_never_joined_even_if_loaded() -> None:
    c = OnlineClusterer()
    c.load(
        StoryState(
            id="s-old",
            vector_sum=axis(0),
            count=1,
            keys=Counter(BAN_KEYS),
            first_t=T0,
            last_t=T0,
            members=["old"],
        )
    )
    a = c.add("new", axis(0), BAN_KEYS, T0 + 30 * DAY)
    assert a.new_story
    # add() expires stories beyond the window first: the old one was dropped untouched
    assert "s-old" not in c.stories and "s-old" not in c.touched


def test_loaded_story_keeps_its_id_when_articles_join() -> None:
    c = OnlineClusterer(idf=beat_idf())
    c.load(StoryState("s-kept", axis(0) * 2, 2, Counter(dict.fromkeys(BAN_KEYS, 2)), T0, T0))
    a = c.add("joiner", toward(0.9, 0, 6), BAN_KEYS, T0 + DAY)
    assert (a.story_id, a.new_story) == ("s-kept", False)
    assert c.touched == {"s-kept"}
    assert c.stories["s-kept"].count == 3


# ---------------------------------------------------------------------------- bcubed

TRUTH = {"a": "ban", "b": "ban", "c": "lic", "d": "lic", "e": "lic"}


def test_bcubed_perfect() -> None:
    predicted = {"a": "1", "b": "1", "c": "2", "d": "2", "e": "2"}
    assert bcubed(predicted, TRUTH) == (1.0, 1.0, 1.0)


def test_bcubed_all_in_one() -> None:
    predicted = dict.fromkeys(TRUTH, "x")
    p, r, f = bcubed(predicted, TRUTH)
    # precision: a, b see 2/5; c, d, e see 3/5 -> (2*0.4 + 3*0.6) / 5
    assert p == pytest.approx(0.52)
    assert r == 1.0
    assert f == pytest.approx(2 * 0.52 / 1.52)


def test_bcubed_all_singletons() -> None:
    predicted = {i: i for i in TRUTH}
    p, r, f = bcubed(predicted, TRUTH)
    # recall: a, b see 1/2; c, d, e see 1/3 -> (2*0.5 + 3/3) / 5
    assert p == 1.0
    assert r == pytest.approx(0.4)
    assert f == pytest.approx(2 * 0.4 / 1.4)


def test_bcubed_one_misplaced_item() -> None:
    predicted = {"a": "1", "b": "1", "c": "1", "d": "2", "e": "2"}
    p, r, f = bcubed(predicted, TRUTH)
    # precision: a, b 2/3; c 1/3; d, e 2/2 -> (4/3 + 1/3 + 2) / 5
    assert p == pytest.approx((4 / 3 + 1 / 3 + 2) / 5)
    # recall: a, b 2/2; c 1/3; d, e 2/3 -> (2 + 1/3 + 4/3) / 5
    assert r == pytest.approx((2 + 1 / 3 + 4 / 3) / 5)
    assert f == pytest.approx(2 * p * r / (p + r))


def test_bcubed_only_scores_labelled_items() -> None:
    predicted = {"a": "1", "b": "1", "c": "2", "d": "2", "e": "2", "unlabelled": "1"}
    assert bcubed(predicted, TRUTH) == (1.0, 1.0, 1.0)
    assert bcubed({}, TRUTH) == (0.0, 0.0, 0.0)
    assert bcubed({"x": "1"}, {}) == (0.0, 0.0, 0.0)


# ---------------------------------------------------------------------------- titles


def test_representative_title_is_the_centroid_nearest_headline() -> None:
    vectors = {"a": toward(0.6, 0, 1), "b": toward(0.95, 0, 2), "c": toward(0.8, 0, 3)}
    titles = {
        "a": "Nvidia faces a new export rule for its China chips",
        "b": "US bans Nvidia H20 sales to China, costing $5.5 billion",
        "c": "Nvidia takes $5.5 billion charge on H20 export curbs",
    }
    assert representative_title(titles, vectors, axis(0)) == titles["b"]


def test_representative_title_skips_missing_titles_and_vectors() -> None:
    vectors = {"a": toward(0.6, 0, 1), "c": toward(0.8, 0, 3), "d": toward(0.99, 0, 4)}
    titles = {
        "a": "Nvidia faces a new export rule for its China chips",
        "b": "US bans Nvidia H20 sales to China, costing $5.5 billion",  # no vector
        "c": "Nvidia takes $5.5 billion charge on H20 export curbs",
        "d": "",  # no title
    }
    assert representative_title(titles, vectors, axis(0)) == titles["c"]
    assert representative_title({}, vectors, axis(0)) is None


def test_representative_title_avoids_very_short_headlines_on_near_ties() -> None:
    vectors = {"short": toward(0.9, 0, 1), "good": toward(0.89, 0, 2)}
    titles = {"short": "H20 ban", "good": "US bans Nvidia H20 sales to China, costing $5.5 billion"}
    assert representative_title(titles, vectors, axis(0)) == titles["good"]


def test_a_dateline_outlet_and_a_timestamp_are_not_event_keys() -> None:
    from pipeline.keys import event_keys

    keys = event_keys(
        "Nvidia to invest in OpenAI",
        "SAN FRANCISCO, Sept 21 (Pacific Wire) - Nvidia will invest up to $100 billion in "
        "OpenAI, the chipmaker said on Monday.",
    )
    assert keys == {"e:nvidia", "e:openai", "q:usd:1e+11"}
    stamped = event_keys("Intel soars", "September 19, 2026 10:00 AM EDT\nIntel shares rose 23%.")
    assert not stamped & {"e:am", "e:pm", "e:edt"}
    assert "e:intel" in stamped


def test_bcubed_over_a_split_counts_merges_with_other_splits() -> None:
    # a1, a2 (split A, story x) share a predicted story with b1 (split B, story y)
    predicted = {"a1": "s1", "a2": "s1", "b1": "s1", "b2": "s2"}
    truth = {"a1": "x", "a2": "x", "b1": "y", "b2": "y"}
    # scored on split A alone, the merge is invisible
    assert bcubed({k: predicted[k] for k in ("a1", "a2")}, {"a1": "x", "a2": "x"})[0] == 1.0
    p, r, _ = bcubed(predicted, truth, over=["a1", "a2"])
    assert p == pytest.approx(2 / 3)
    assert r == 1.0
