"""Details and their first reporters: ``compute_timeline`` over a few handwritten articles,
with the deterministic hashing embedder (no model is loaded)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import Any

import numpy as np
import pytest

from pipeline.details import group_details
from pipeline.embed import get_embedder
from pipeline.facts import DetailParams
from pipeline.mentions import TextIndex, is_candidate, mentions_of
from pipeline.sentences import is_boilerplate, sentences
from pipeline.timeline import ArticleInput, compute_timeline, make_finder

Embed = Callable[[list[str]], np.ndarray]
OUTLETS = ["Chip Wire", "Silicon Daily", "Tech Ledger", "The Compute Report"]


@pytest.fixture(scope="module")
def embed() -> Embed:
    return get_embedder("hashing-256").encode


def article(
    n: int,
    outlet: str,
    day: int,
    title: str,
    paragraphs: list[str],
    *,
    hour: int = 9,
    fetched_hour: int | None = None,
) -> ArticleInput:
    slug = outlet.lower().replace(" ", "")
    fetched = datetime(2026, 4, day, fetched_hour, tzinfo=UTC) if fetched_hour else None
    return ArticleInput(
        id=f"a{n}",
        url=f"https://{slug}.example/2026/04/{day:02d}/story-{n}",
        outlet=outlet,
        title=title,
        text="\n".join(paragraphs),
        published_at=datetime(2026, 4, day, hour, tzinfo=UTC),
        fetched_at=fetched,
        published_at_source="feed",
    )


def timeline(arts: list[ArticleInput], embed: Embed) -> dict[str, Any]:
    return compute_timeline(arts, embed, make_finder({o: [] for o in OUTLETS}))


def details_stating(doc: dict[str, Any], fragment: str) -> list[dict[str, Any]]:
    """Details with a mention whose sentence contains ``fragment``."""
    return [
        d
        for d in doc["details"]
        if any(fragment in r["sentence"] for r in d["reported_by"])
        or any(fragment in c["sentence"] for c in d["conflicts"])
    ]


def origin(detail: dict[str, Any]) -> tuple[str, str | None] | None:
    """A detail's cited origin as (outlet, date)."""
    o = detail["cited_origin"]
    return (o["outlet"], o["date"]) if o else None


def credit_openings(doc: dict[str, Any]) -> list[tuple[str, str | None, str]]:
    """The timeline's credits as (outlet, date, the evidence's first 16 characters)."""
    return [(c["cited_outlet"], c["cited_date"], c["evidence"][:16]) for c in doc["citations"]]


def phrasings_as_details(
    embed: Embed, title: str, lede: str, phrasings: list[str]
) -> list[dict[str, Any]]:
    """The details holding any of ``phrasings``, one per outlet's article after ``lede``."""
    arts = [
        article(n, outlet, 3 + n, title, [lede, p])
        for n, (outlet, p) in enumerate(zip(OUTLETS, phrasings, strict=False), start=1)
    ]
    doc = timeline(arts, embed)
    return [
        d
        for d in doc["details"]
        if any(p in r["sentence"] for r in d["reported_by"] for p in phrasings)
    ]


def quantity_mention(text: str, day: date = date(2026, 2, 11)) -> Any:
    """The one quantity mention of a one-sentence text."""
    ss = sentences(text)
    [m] = [m for m in mentions_of("a", ss, day, {ss[0].text}, TextIndex()) if m.kind == "quantity"]
    return m


def quantities_in(text: str, day: date = date(2026, 10, 27), unit: str | None = None) -> list[Any]:
    """The quantity mentions of a one-sentence text (of one unit, when given)."""
    ss = sentences(text)
    return [
        m
        for m in mentions_of("a", ss, day, {ss[0].text}, TextIndex())
        if m.kind == "quantity" and m.value and (unit is None or m.value.unit == unit)
    ]


def pct(text: str) -> Any:
    """The one percentage of a one-sentence text."""
    [m] = quantities_in(text, unit="pct")
    return m


def different_moves(a: list[Any], b: list[Any]) -> bool:
    """Do two groups of percentage mentions describe different market moves?"""
    from pipeline.conflicts import move_facets, moves_differ

    return moves_differ(move_facets(a), move_facets(b))


def quantity_details(
    doc: dict[str, Any], fragment: str, value: str | None = None
) -> list[dict[str, Any]]:
    """Quantity details stated in a sentence containing ``fragment`` (and whose value
    contains ``value``, for sentences that state several quantities)."""
    return [
        d
        for d in details_stating(doc, fragment)
        if d["kind"] == "quantity" and (value is None or value in d["value"])
    ]


# ---------------------------------------------------------------------------- the story

PARAMS_1 = (
    "DeepSeek's new V4 language model has about 1 trillion parameters in total, the company said."
)
PARAMS_2 = "DeepSeek's new V4 language model is a 1T-parameter system in total, the company said."
PRICES = "Prices for the V4 API are up 20% from the previous version, the company said."
REVENUE = (
    "Huawei's Ascend chip business now makes up 20% of revenue at the group, analysts estimate."
)
CHIPS_1 = "The V4 model was trained on 14,000 Huawei Ascend chips over two months."
CHIPS_3 = (
    "The V4 model was trained on 14,000 Huawei Ascend chips, as first reported by "
    "The Compute Report on April 3."
)
NEWSLETTER = "Join 50,000 readers and sign up for our newsletter today for 20% off."
REPLY = "Leave a reply below: 3 comments so far on the V4 model and its 1 trillion parameters."


def story() -> list[ArticleInput]:
    """Three outlets, given out of order on purpose."""
    return [
        article(
            3,
            "Tech Ledger",
            6,
            "DeepSeek V4 model ran on Huawei chips",
            [CHIPS_3, "Sign up for our newsletter.", "Leave a reply."],
        ),
        article(
            1,
            "Chip Wire",
            4,
            "DeepSeek releases V4 model",
            [PARAMS_1, PRICES, CHIPS_1, NEWSLETTER, REPLY],
        ),
        article(2, "Silicon Daily", 5, "DeepSeek unveils V4 model", [PARAMS_2, REVENUE]),
    ]


@pytest.fixture(scope="module")
def doc(embed: Embed) -> dict[str, Any]:
    return timeline(story(), embed)


def test_articles_are_chronological(doc: dict[str, Any]) -> None:
    assert [a["id"] for a in doc["articles"]] == ["a1", "a2", "a3"]
    times = [a["published_at"] for a in doc["articles"]]
    assert times == sorted(times)
    assert times[0] == "2026-04-04T09:00:00Z"


def test_each_detail_is_new_in_exactly_one_article(doc: dict[str, Any]) -> None:
    ids = [d["id"] for d in doc["details"]]
    assert len(ids) == len(set(ids))
    listed = [did for a in doc["articles"] for did in a["new_details"]]
    assert sorted(listed) == sorted(ids)
    assert len(listed) == len(set(listed))
    # ... and it is new in the article that first reported it
    url_of = {a["id"]: a["url"] for a in doc["articles"]}
    for a in doc["articles"]:
        for did in a["new_details"]:
            d = next(x for x in doc["details"] if x["id"] == did)
            assert d["first_reported"]["url"] == url_of[a["id"]]


def test_detail_fields_follow_the_contract(doc: dict[str, Any]) -> None:
    for d in doc["details"]:
        assert {"id", "text", "first_reported", "cited_origin", "reported_by", "conflicts"} <= set(
            d
        )
        assert {"outlet", "url", "published_at"} <= set(d["first_reported"])
        for r in d["reported_by"]:
            assert {"outlet", "url", "published_at", "sentence"} <= set(r)
        assert isinstance(d["conflicts"], list)
        origin = d["cited_origin"]
        if origin is not None:
            assert {"outlet", "date", "evidence", "citing_outlet", "citing_url"} <= set(origin)


def test_same_number_phrased_differently_is_one_detail(doc: dict[str, Any]) -> None:
    found = quantity_details(doc, "1T-parameter")
    assert len(found) == 1
    [d] = found
    assert d in quantity_details(doc, "about 1 trillion parameters")
    assert [r["outlet"] for r in d["reported_by"]] == ["Chip Wire", "Silicon Daily"]
    assert d["first_reported"]["outlet"] == "Chip Wire"
    assert d["first_reported"]["published_at"] == "2026-04-04T09:00:00Z"
    assert d["first_reported"]["url"] == "https://chipwire.example/2026/04/04/story-1"
    assert "1 trillion" in d["text"]
    assert d["conflicts"] == []


def test_two_facts_sharing_a_number_stay_two_details(doc: dict[str, Any]) -> None:
    prices = quantity_details(doc, "Prices for the V4 API are up 20%")
    revenue = quantity_details(doc, "20% of revenue")
    assert len(prices) == 1 and len(revenue) == 1
    assert prices[0]["id"] != revenue[0]["id"]
    assert prices[0]["first_reported"]["outlet"] == "Chip Wire"
    assert revenue[0]["first_reported"]["outlet"] == "Silicon Daily"
    assert [r["outlet"] for r in prices[0]["reported_by"]] == ["Chip Wire"]
    assert [r["outlet"] for r in revenue[0]["reported_by"]] == ["Silicon Daily"]


def test_boilerplate_never_becomes_a_detail(doc: dict[str, Any]) -> None:
    for fragment in ("newsletter", "Leave a reply", "sign up", "comments so far"):
        assert details_stating(doc, fragment) == [], fragment
    every = " ".join(d["text"] for d in doc["details"])
    assert "50,000" not in every
    assert "newsletter" not in every.lower()


def test_later_citation_gives_the_cited_origin(doc: dict[str, Any]) -> None:
    [d] = quantity_details(doc, "14,000 Huawei Ascend chips", "14,000")
    assert d["first_reported"]["outlet"] == "Chip Wire"  # stated first, without credit
    assert [r["outlet"] for r in d["reported_by"]] == ["Chip Wire", "Tech Ledger"]
    origin = d["cited_origin"]
    assert origin is not None
    assert origin["outlet"] == "The Compute Report"
    assert origin["date"] == "2026-04-03"
    assert origin["evidence"] == CHIPS_3
    assert origin["citing_outlet"] == "Tech Ledger"
    assert origin["citing_url"] == "https://techledger.example/2026/04/06/story-3"
    # April 3 is before April 4, the first ingested article stating it
    assert origin["predates_first_report"] is True


def test_citations_list(doc: dict[str, Any]) -> None:
    compute = [c for c in doc["citations"] if c["cited_outlet"] == "The Compute Report"]
    assert compute == [
        {
            "cited_outlet": "The Compute Report",
            "cited_date": "2026-04-03",
            "evidence": CHIPS_3,
            "citing_outlet": "Tech Ledger",
            "citing_url": "https://techledger.example/2026/04/06/story-3",
            "known_outlet": True,
        }
    ]
    for c in doc["citations"]:
        assert c["cited_date"] is None or date.fromisoformat(c["cited_date"])


def test_compute_timeline_is_deterministic_and_order_independent(embed: Embed) -> None:
    a = timeline(story(), embed)
    b = timeline(list(reversed(story())), embed)
    assert a == b


# ---------------------------------------------------------------------------- predates


def test_cited_origin_after_the_first_report_does_not_predate(embed: Embed) -> None:
    arts = [
        article(1, "Chip Wire", 4, "DeepSeek releases V4 model", [CHIPS_1]),
        article(
            2,
            "Tech Ledger",
            6,
            "DeepSeek V4 model ran on Huawei chips",
            [
                "The V4 model was trained on 14,000 Huawei Ascend chips, as first reported "
                "by The Compute Report on April 5."
            ],
        ),
    ]
    doc = timeline(arts, embed)
    [d] = quantity_details(doc, "14,000 Huawei Ascend chips", "14,000")
    assert d["cited_origin"]["outlet"] == "The Compute Report"
    assert d["cited_origin"]["date"] == "2026-04-05"
    assert d["cited_origin"]["predates_first_report"] is False


def test_detail_without_any_citation_has_null_origin(embed: Embed) -> None:
    arts = [
        article(
            1,
            "Chip Wire",
            4,
            "Huawei Ascend sales",
            [REVENUE.replace(", analysts estimate", "")],
        )
    ]
    doc = timeline(arts, embed)
    [d] = quantity_details(doc, "20% of revenue")
    assert d["cited_origin"] is None
    assert doc["citations"] == []


# ---------------------------------------------------------------------------- ties


def test_first_reported_tie_goes_to_earliest_fetched(embed: Embed) -> None:
    same = "DeepSeek's new V4 language model has 1 trillion parameters in total, the company said."
    arts = [
        article(1, "Chip Wire", 4, "DeepSeek V4", [same], fetched_hour=11),
        article(2, "Silicon Daily", 4, "DeepSeek V4", [same], fetched_hour=10),
    ]
    doc = timeline(arts, embed)
    assert [a["outlet"] for a in doc["articles"]] == ["Silicon Daily", "Chip Wire"]
    [d] = quantity_details(doc, "1 trillion parameters")
    assert d["first_reported"]["outlet"] == "Silicon Daily"


# ---------------------------------------------------------------------------- conflicts

CONFLICT_LATER = (
    "DeepSeek's new V4 language model has 1.2 trillion parameters in total, testers said."
)


def conflict_story(first_sentence: str) -> list[ArticleInput]:
    return [
        article(1, "Chip Wire", 4, "DeepSeek releases V4 model", [first_sentence]),
        article(2, "Silicon Daily", 5, "DeepSeek unveils V4 model", [PARAMS_2]),
        article(3, "Tech Ledger", 6, "DeepSeek V4 model is bigger than reported", [CONFLICT_LATER]),
    ]


def assert_conflict(doc: dict[str, Any]) -> None:
    found = quantity_details(doc, "1.2 trillion")
    assert len(found) == 1
    [d] = found
    assert d["first_reported"]["outlet"] == "Chip Wire"
    values = {c["value"]: c["outlets"] for c in d["conflicts"]}
    assert values.get("1.2 trillion") == ["Tech Ledger"]
    main = [outlets for value, outlets in values.items() if value != "1.2 trillion"]
    assert main == [["Chip Wire", "Silicon Daily"]]


def test_conflicting_value_is_shown_with_its_outlets(embed: Embed) -> None:
    """First report states exactly 1 trillion: the later 1.2 trillion is a conflict."""
    exact = PARAMS_1.replace("about 1 trillion", "1 trillion")
    assert_conflict(timeline(conflict_story(exact), embed))


def test_conflict_is_not_swallowed_by_an_approximate_first_report(embed: Embed) -> None:
    assert_conflict(timeline(conflict_story(PARAMS_1), embed))


def test_the_contracts_own_example_1t_against_1_6t_is_a_conflict(embed: Embed) -> None:
    """CONTRACT.md's example of a conflict, "1T parameters versus 1.6T": values 1.6 times
    apart are still one fact's rival values (the limit had been 1.55)."""
    exact = PARAMS_1.replace("about 1 trillion", "1 trillion")
    arts = conflict_story(exact)
    arts[2] = article(
        3, "Tech Ledger", 6, "DeepSeek V4 model is bigger than reported",
        [CONFLICT_LATER.replace("1.2 trillion", "1.6 trillion")],
    )  # fmt: skip
    [d] = quantity_details(timeline(arts, embed), "1.6 trillion")
    values = {c["value"]: c["outlets"] for c in d["conflicts"]}
    assert values.get("1.6 trillion") == ["Tech Ledger"]


def test_disagreeing_sentences_never_form_an_agreeing_detail(embed: Embed) -> None:
    exact = PARAMS_1.replace("about 1 trillion", "1 trillion")
    doc = timeline(conflict_story(exact), embed)
    for d in details_stating(doc, "1.2 trillion"):
        outlets = {r["outlet"] for r in d["reported_by"]}
        if {"Chip Wire", "Tech Ledger"} <= outlets:
            assert d["conflicts"], d


# ---------------------------------------------------------------------------- pure helpers


def test_boilerplate_and_candidates() -> None:
    assert is_boilerplate("Sign up for our newsletter")
    # prose that mentions a newsletter, or a price "per share on Wednesday", is not boilerplate
    assert not is_boilerplate("It priced its offering at $44 per share on Wednesday, above range.")
    assert is_boilerplate("Share this article")
    assert is_boilerplate("Share on LinkedIn")
    assert not is_boilerplate(
        "The Compute Report, a US subscription newsletter, first reported the plan on April 4."
    )
    # (validation story) a newsletter's count or report is a source, not a sign-up prompt
    assert not is_boilerplate("The deal covers around 250,000 chips, by the newsletter's count.")
    assert not is_boilerplate("The newsletter reported on Monday that the deal was signed.")
    assert is_boilerplate("Get the newsletter in your inbox.")
    assert is_boilerplate("Leave a reply")
    assert is_boilerplate("Join 50,000 readers and sign up for our newsletter today for 20% off.")
    assert not is_candidate("Sign up for our newsletter to get 20% off every chip story.")
    assert not is_candidate("updated: April 4, 2026 at 10:30 a.m. ET")
    assert not is_candidate("April 4, 2026 at 10:30 a.m. ET")
    assert not is_candidate("Will the V4 model really have 1 trillion parameters this year?")
    assert not is_candidate("DeepSeek releases V4 model", title="DeepSeek releases V4 model")
    assert is_candidate(PRICES)
    # short but specific (a ticker, a number) is a candidate; short and vague is not
    assert is_candidate("Ticker: CBRS, on the Nasdaq.")
    # (detail bank 2) a short sentence with a month of a plan is specific
    assert is_candidate("First systems ship in March.")
    assert not is_candidate("First systems ship soon.")
    assert not is_candidate("It was a big day.")
    # undisclosed terms are a fact in three words, but a question about them is not
    assert is_candidate("Terms weren't disclosed.")
    assert not is_candidate("Why were the terms not disclosed?")
    # a spec-list line is three words and a fact; a timestamp or a share count is not
    assert is_candidate("Power: 400W each.")
    assert is_candidate("Memory: 96GB")
    assert not is_candidate("Updated: 10:00 AM")
    assert not is_candidate("Shares: 12")
    # a subheading kept as a line of the page carries no fact; the sentence under it may
    assert not is_candidate("What is not in the deal")
    assert not is_candidate("The $5 billion question")
    assert is_candidate("What is not in the deal is any commitment to Intel's foundry.")


def test_mentions_and_grouping_directly(embed: Embed) -> None:
    texts = {"a1": PARAMS_1 + "\n" + PRICES, "a2": PARAMS_2 + "\n" + REVENUE}
    per = {aid: sentences(t) for aid, t in texts.items()}
    candidates = {s.text for ss in per.values() for s in ss}
    index = TextIndex()
    mentions = [
        m
        for aid in ("a1", "a2")
        for m in mentions_of(aid, per[aid], date(2026, 4, 4), candidates, index)
        if m.kind == "quantity"
    ]
    vectors = embed(index.texts)
    assert [(m.article_id, m.value.text if m.value else None) for m in mentions] == [
        ("a1", "about 1 trillion"),
        ("a1", "20%"),
        ("a2", "1T"),
        ("a2", "20%"),
    ]
    groups = group_details(mentions, vectors, DetailParams())
    by_members = sorted(
        sorted((m.article_id, m.value.text if m.value else "") for m in g.mentions) for g in groups
    )
    assert by_members == [
        [("a1", "20%")],
        [("a1", "about 1 trillion"), ("a2", "1T")],
        [("a2", "20%")],
    ]
    assert all(g.conflicts == [] for g in groups)


def test_dateline_is_not_part_of_the_detail() -> None:
    text = "BEIJING, April 4 (Pacific Wire) - Alibaba ordered 200,000 Ascend 950PR chips for its cloud."
    ss = sentences(text)
    index = TextIndex()
    ms = mentions_of("a1", ss, date(2026, 4, 4), {ss[0].text}, index)
    quantities = [m.value.value for m in ms if m.kind == "quantity" and m.value]
    assert quantities == [200_000.0]
    # the dateline's "April 4" is not a date fact of the article
    assert [m for m in ms if m.kind == "date"] == []


def test_updated_timestamp_line_is_not_a_detail(embed: Embed) -> None:
    assert not is_candidate("Updated: April 4, 2026 at 10:30 a.m. ET")
    arts = [
        article(
            1,
            "Chip Wire",
            4,
            "DeepSeek releases V4 model",
            ["Updated: April 4, 2026 at 10:30 a.m. ET", PARAMS_1],
        )
    ]
    doc = timeline(arts, embed)
    assert details_stating(doc, "Updated:") == []


def test_a_price_range_is_one_value() -> None:
    from pipeline.quantities import compatible, find_quantities, merge_ranges

    def ranges(text: str) -> list[str]:
        return [q.text for q in merge_ranges(find_quantities(text), text)]

    assert ranges("It will sell 30 million shares at $36 to $40 apiece.") == [
        "30 million",
        "$36 to $40",
    ]
    assert ranges("It priced above the $36-$40 range.") == ["$36-$40"]
    assert ranges("between 20% and 25% of revenue") == ["20% and 25%"]
    # two facts joined by "and" stay two
    assert ranges("Revenue rose 20% and margins 25%.") == ["20%", "25%"]
    a = "the $36 to $40 range"
    b = "a $36-$40 marketed range"
    c = "a $36-$42 range"
    [qa] = merge_ranges(find_quantities(a), a)
    [qb] = merge_ranges(find_quantities(b), b)
    [qc] = merge_ranges(find_quantities(c), c)
    assert compatible(qa, qb) and not compatible(qa, qc)


def test_a_range_whose_lower_end_has_no_unit_is_one_value() -> None:
    from pipeline.quantities import compatible, find_quantities, merge_ranges

    def merged(text: str) -> list[tuple[str, float, str]]:
        return [(q.text, q.value, q.unit) for q in merge_ranges(find_quantities(text), text)]

    assert merged("Racks draw 120 to 140 kilowatts each.") == [
        ("120 to 140 kilowatts", 120_000.0, "W..140000")
    ]
    assert merged("That is between 70,000 and 80,000 racks.") == [
        ("70,000 and 80,000", 70_000.0, "rack..80000")
    ]
    assert merged("It could raise 1.2 to $1.5 billion.")[0][1:] == (1.2e9, "usd..1.5e+09")
    # "20 to 25 percent" and "20% to 25%" are the same range
    a, b = "margins of 20 to 25 percent", "margins of 20% to 25%"
    [qa] = merge_ranges(find_quantities(a), a)
    [qb] = merge_ranges(find_quantities(b), b)
    assert compatible(qa, qb)
    # not a range: two numbers that are not the two ends of one
    assert [t for t, _, _ in merged("It went from 5 to 7,000 chips.")] == ["5", "7,000"]


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("The first racks are due in the second half of 2026.", "2026-H2"),
        ("Deployments start in the back half of this year.", "2026-H2"),
        ("Shipments begin in H2 2026.", "2026-H2"),
        ("The substation would be finished by the end of August.", "2026-08"),
        ("It is not expected to be finished before September.", "2026-09"),
        ("Revenue in Q3 2026 rose.", "2026-Q3"),
        ("The first half of next year is the target.", "2027-H1"),
        ("V4 is expected in the last two weeks of April.", "2026-04-H2"),
        ("It should arrive in late April.", "2026-04-H2"),
        ("It is now expected in the back half of April.", "2026-04-H2"),
        # (detail bank 2) seasons
        ("The M1000 will be available this summer, the company said.", "2026-S2"),
        ("The M1000 ships in the summer of 2026.", "2026-S2"),
        ("It is scheduled to become available in summer 2026.", "2026-S2"),
        ("The refresh lands in fall 2026.", "2026-S3"),
        # (detail bank 4) a month ahead
        ("The first phones are due next month.", "2026-05"),
    ],
)
def test_periods_are_values(text: str, label: str) -> None:
    from pipeline.mentions import find_periods
    from pipeline.quantities import compatible

    [p] = find_periods(text, date(2026, 4, 3))
    assert p.text == label
    [other] = find_periods("due in the first half of 2026", date(2026, 4, 3))
    assert compatible(p, p) and not compatible(p, other)


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        # (detail bank 2) a Japanese company's "¥" is yen
        (
            "Tokyo Electron will buy back up to ¥150 billion of shares. Japan's chip stocks rose.",
            "jpy",
        ),
        ("Tokyo Electron will buy back up to ¥150 billion of shares, or 150 billion yen.", "jpy"),
        ("Cambricon's revenue rose to ¥1.7 billion. China's chip stocks rose.", "cny"),
        ("Sony's ¥10 billion plan is in yuan terms for its Tokyo unit, or RMB.", "cny"),
    ],
)
def test_the_yen_sign_reads_by_the_article(text: str, unit: str) -> None:
    ss = sentences(text)
    got = [
        m.value.unit
        for m in mentions_of("a", ss, date(2026, 4, 3), {s.text for s in ss}, TextIndex())
        if m.kind == "quantity" and m.value and "¥" in m.value.text
    ]
    assert got and set(got) == {unit}


def test_a_season_is_no_period_in_a_verb_and_no_rival_to_another_grain() -> None:
    from pipeline.conflicts import same_slot_other_value
    from pipeline.mentions import find_periods

    assert find_periods("Sales fall 2026 short of the target.", date(2026, 4, 3)) == []
    assert find_periods("This fall in prices hurt margins.", date(2026, 4, 3)) == []
    assert find_periods("The board said next month it would decide.", date(2026, 4, 3)) == []
    [december] = find_periods("It ships next month.", date(2026, 11, 30))
    assert december.unit == "period:2026-12"
    summer = quantity_mention("Lightmatter says the M1000 ships this summer.")
    autumn = quantity_mention("Lightmatter says the M1000 ships this autumn.")
    q3 = quantity_mention("Lightmatter says the M1000 ships in the third quarter of 2026.")
    assert same_slot_other_value(summer, autumn, DetailParams())
    assert not same_slot_other_value(summer, q3, DetailParams())


def test_the_year_of_a_period_is_not_a_second_fact() -> None:
    ss = sentences("Broadcom will ship the first racks in the second half of 2026.")
    ms = mentions_of("a1", ss, date(2026, 4, 4), {ss[0].text}, TextIndex())
    assert [m.value.text for m in ms if m.kind == "quantity" and m.value] == ["2026-H2"]


def test_an_undated_company_statement_is_dated_by_the_first_article_citing_it(
    embed: Embed,
) -> None:
    arts = [
        article(
            1,
            "Chip Wire",
            13,
            "Broadcom and OpenAI agree on 10 gigawatts of custom racks",
            [
                "According to OpenAI's announcement, the first racks go into service in the "
                "second half of 2026.",
                "According to IDC data, custom accelerators will reach 25% of shipments.",
            ],
        ),
        article(
            2,
            "Rack Report",
            14,
            "OpenAI and Broadcom's 10 gigawatt custom racks",
            [
                "The first racks start running in the second half of 2026, per OpenAI's "
                "announcement.",
                "IDC data show custom accelerators reaching 25% of shipments.",
            ],
        ),
    ]
    doc = timeline(arts, embed)
    [racks] = quantity_details(doc, "first racks", "2026-H2")
    assert racks["cited_origin"]["outlet"] == "OpenAI"
    assert racks["cited_origin"]["date"] == "2026-04-13"  # the first article citing it
    # research and data have no announcement day
    [share] = quantity_details(doc, "IDC", "25%")
    assert share["cited_origin"]["outlet"] == "IDC"
    assert share["cited_origin"]["date"] is None


def test_a_plan_does_not_conflict_with_the_outcome(embed: Embed) -> None:
    title = "Cerebras prices its initial public offering"
    arts = [
        article(
            1,
            "Chip Wire",
            3,
            title,
            [
                "Cerebras is looking to raise as much as $1.2 billion in its initial public offering."
            ],
        ),
        article(
            2,
            "Silicon Daily",
            4,
            title,
            ["Cerebras raised $1.32 billion in its initial public offering on Wednesday."],
        ),
        article(
            3,
            "Tech Ledger",
            5,
            title,
            ["Cerebras raised $1.4 billion in its initial public offering on Wednesday."],
        ),
    ]
    doc = timeline(arts, embed)
    [raised] = quantity_details(doc, "Cerebras raised $1.32", "1.32")
    values = {c["value"] for c in raised["conflicts"]}
    assert values == {"$1.32 billion", "$1.4 billion"}  # outcome vs outcome: a conflict
    [plan] = quantity_details(doc, "as much as", "1.2")
    assert plan["conflicts"] == []  # the plan is its own detail


def test_each_claim_of_a_sentence_is_its_own_statement() -> None:
    from pipeline.details import detail_text
    from pipeline.facts import Detail

    ss = sentences(
        "Nvidia said in its filing that the US now requires a licence to export the H20, and "
        "that officials told the company the rule would stay in place indefinitely."
    )
    ms = [
        m
        for m in mentions_of("a1", ss, date(2026, 4, 16), {ss[0].text}, TextIndex())
        if m.kind == "statement"
    ]
    assert [detail_text(Detail([m]), m) for m in ms] == [
        "The US now requires a licence to export the H20.",
        "Officials told the company the rule would stay in place indefinitely.",
    ]
    assert ms[0].vector_index != ms[1].vector_index  # each claim has its own vector


def test_the_scoop_is_credited_for_its_details(embed: Embed) -> None:
    title = "xAI's Colossus 2 delayed by four months"
    arts = [
        article(
            1,
            "The Compute Report",
            3,
            title,
            [
                "The first phase of Colossus 2 will be about four months late, people said.",
                "The first phase is designed for about 300,000 GB300 GPUs.",
            ],
        ),
        article(
            2,
            "Chip Wire",
            4,
            title,
            [
                "The Compute Report first reported the delay on Friday. The first phase is "
                "designed for roughly 300,000 GB300 GPUs.",
                "Chip Wire estimates the site already draws about 250 megawatts.",
            ],
        ),
        article(
            3,
            "Silicon Daily",
            5,
            title,
            [
                "The Compute Report reported on Friday that the cluster is late.",
                "Its first phase was designed for 300,000 GB300 GPUs.",
            ],
        ),
    ]
    doc = timeline(arts, embed)
    [gpus] = quantity_details(doc, "designed for", "300,000")
    assert {r["outlet"] for r in gpus["reported_by"]} == {
        "The Compute Report",
        "Chip Wire",
        "Silicon Daily",
    }
    assert gpus["first_reported"]["outlet"] == "The Compute Report"
    assert gpus["cited_origin"]["outlet"] == "The Compute Report"
    assert gpus["cited_origin"]["date"] == "2026-04-03"


def test_background_away_from_any_credit_is_not_the_scoops(embed: Embed) -> None:
    """The scoop's outlet first states a background fact, and the retellings repeat it in
    paragraphs that credit nobody: it is not credited to the scoop."""
    title = "Anthropic to rent up to a million Google TPUs"
    scoop = "Anthropic will rent up to one million Google TPUs, people said."
    stake = "Google owns about 14% of Anthropic after several rounds of investment."
    arts = [
        article(1, "The Compute Report", 3, title, [scoop, stake]),
        article(
            2,
            "Chip Wire",
            4,
            title,
            [
                "The Compute Report first reported on Thursday that Anthropic will rent up "
                "to one million Google TPUs.",
                "Google already holds a stake of about 14% in Anthropic from earlier rounds.",
            ],
        ),
        article(
            3,
            "Silicon Daily",
            5,
            title,
            [
                "The Compute Report said on Thursday that Anthropic would rent up to one "
                "million of Google's TPUs.",
                "Google owns roughly 14% of Anthropic, having invested in several rounds.",
            ],
        ),
    ]
    doc = timeline(arts, embed)
    [stake_detail] = quantity_details(doc, "Anthropic", "14%")
    assert len(stake_detail["reported_by"]) == 3
    assert stake_detail["first_reported"]["outlet"] == "The Compute Report"
    assert stake_detail["cited_origin"] is None


def test_a_period_without_a_year_takes_the_year_written_just_before_it() -> None:
    from pipeline.mentions import find_periods

    # (conflict bank 7) "by early 2029, in the first quarter" had read as 2025's first quarter
    day = date(2025, 10, 27)
    text = "The plant is set to come back online by early 2029, in the first quarter."
    assert [p.text for p in find_periods(text, day)] == ["2029-H1", "2029-Q1"]
    assert [p.text for p in find_periods("Output starts in 2027, in March.", day)] == ["2027-03"]
    # a year further back in the sentence belongs to something else
    text = "The plant, shut in 2020, is expected to resume operations by the first quarter."
    assert [p.text for p in find_periods(text, day)] == ["2025-Q1"]


def test_months_are_values_and_can_conflict() -> None:
    from pipeline.conflicts import same_slot_other_value
    from pipeline.mentions import find_periods

    assert [p.text for p in find_periods("Preview opens in April.", date(2026, 2, 11))] == [
        "2026-04"
    ]
    assert [p.text for p in find_periods("It launched in April 2025.", date(2026, 2, 11))] == [
        "2025-04"
    ]
    assert find_periods("It launched on April 3.", date(2026, 2, 11)) == []

    april = quantity_mention("Cobalt virtual machines enter preview in April on Azure.")
    may = quantity_mention("Cobalt virtual machines enter preview in May on Azure.")
    half = quantity_mention(
        "Cobalt virtual machines become available in the second half of the year."
    )
    assert same_slot_other_value(april, may, DetailParams())  # April vs May: a conflict
    assert not same_slot_other_value(april, half, DetailParams())  # a month vs a half-year


def test_the_same_report_is_the_one_credited_before(embed: Embed) -> None:
    arts = [
        article(
            1,
            "Chip Wire",
            6,
            "xAI's Colossus 2 is late",
            [
                "The Compute Report reported on Friday that xAI's Colossus 2 is four months late.",
                "According to the same report, xAI had planned to train Grok on it in July.",
            ],
        ),
    ]
    doc = timeline(arts, embed)
    credits = [(c["cited_outlet"], c["cited_date"], c["evidence"][:20]) for c in doc["citations"]]
    # the second sentence gives no date: its credit has none (CONTRACT: cited_date) ...
    assert credits == [
        ("The Compute Report", "2026-04-03", "The Compute Report r"),
        ("The Compute Report", None, "According to the sam"),
    ]
    # ... and what it states is still credited to that report, of its day
    july = next(d for d in doc["details"] if "July" in d["first_reported"]["sentence"])
    assert (july["cited_origin"]["outlet"], july["cited_origin"]["date"]) == (
        "The Compute Report",
        "2026-04-03",
    )


def test_the_filing_is_the_one_credited_with_it_not_the_latest_credit(embed: Embed) -> None:
    # (session 22, origin bank 2) "The filing showed" had credited the news report cited
    # in between; it is the company's filing
    arts = [
        article(
            1,
            "Chip Wire",
            6,
            "A networking chip IPO",
            [
                "Chip designer Northstar Silicon said in a filing on Friday it would offer 40.5 "
                "million shares. The deal would raise about $850 million, in line with a "
                "Bloomberg News report earlier on Friday.",
                "The filing showed revenue of $310 million for 2025.",
            ],
        ),
    ]
    assert credit_openings(timeline(arts, embed)) == [
        ("Northstar Silicon", "2026-04-03", "Chip designer No"),
        ("Bloomberg", "2026-04-03", "The deal would r"),
        ("Northstar Silicon", None, "The filing showe"),
    ]


def test_a_source_noun_finds_the_credit_that_names_it_at_a_words_start() -> None:
    # (session 22 review) "the firm" is not the credit whose sentence says "confirmed"
    from pipeline.citations import Citation
    from pipeline.timeline import _source_credit

    posted = Citation("Digital Chat Station", None, "The leaker posted the specs.", False)
    confirmed = Citation("Nvidia", None, "Nvidia confirmed the delay.", False)
    assert _source_credit("post", [posted, confirmed]) is posted
    assert _source_credit("firm", [posted, confirmed]) is None


def test_the_newspaper_or_the_tipster_is_the_source_just_credited(embed: Embed) -> None:
    # (session 22, origin banks) "The newspaper put the price at ...", "the tipster also
    # said", "According to the same post": whom the article credited just before
    arts = [
        article(
            1,
            "Chip Wire",
            6,
            "HBM4 prices",
            [
                "SK hynix will charge Nvidia 50% more for HBM4, the Korea Economic Daily "
                "reported on Monday. The newspaper put the price of a stack at around $560.",
                "Weibo leaker Digital Chat Station claimed in a post on Sunday that the chip runs at "
                "4.4GHz. The tipster also said it pairs one prime core with seven others.",
                "The government said exports of memory rose 40% in March.",
                "According to the same post, the chip supports LPDDR6 memory.",
            ],
        ),
    ]
    assert credit_openings(timeline(arts, embed)) == [
        ("Korea Economic Daily", "2026-04-06", "SK hynix will ch"),
        ("Korea Economic Daily", None, "The newspaper pu"),
        ("Digital Chat Station", "2026-04-05", "Weibo leaker Dig"),
        ("Digital Chat Station", None, "The tipster also"),
        # a paragraph later, "the government" names nobody the article credited ...
        # ... while "the same post" finds the post's credit wherever it was
        ("Digital Chat Station", None, "According to the"),
    ]


def test_a_partys_full_and_short_names_are_one_party(embed: Embed) -> None:
    # (session 22, origin bank 2) "Tianmu Compute said on Monday" and "Tianmu said" had
    # been two parties, the second undated; the story's article by "Chip Wire Global"
    # dates a credit to "Chip Wire"
    arts = [
        article(
            1,
            "Tech Ledger",
            6,
            "Tianmu Compute IPO",
            [
                "Tianmu Compute said on Monday it will sell 60 million shares. Revenue was "
                "1.2 billion yuan, Tianmu said."
            ],
        ),
        article(2, "Chip Wire Global", 3, "Tianmu IPO", ["Tianmu plans a listing in Shanghai."]),
        article(
            3,
            "Silicon Daily",
            7,
            "Tianmu",
            ["Tianmu's revenue was 1.2 billion yuan. Tianmu plans a listing, Chip Wire said."],
        ),
    ]
    doc = timeline(arts, embed)
    credits = {(c["cited_outlet"], c["cited_date"]) for c in doc["citations"]}
    assert credits == {("Tianmu", "2026-04-06"), ("Tianmu", None), ("Chip Wire", None)}
    revenue = details_stating(doc, "1.2 billion yuan")[0]
    assert origin(revenue) == (
        "Tianmu",
        "2026-04-06",
    )
    listing = details_stating(doc, "plans a listing")[0]
    assert origin(listing) == (
        "Chip Wire",
        "2026-04-03",
    )


def test_a_partys_acronym_and_run_together_name_are_one_party(embed: Embed) -> None:
    # (session 23, origin bank 6) "Semiconductor Manufacturing International Corp forecast"
    # and "SMIC said on Thursday" were two parties, the first undated; the full name stays
    arts = [
        article(
            1,
            "Tech Ledger",
            6,
            "SMIC outlook",
            [
                "Semiconductor Manufacturing International Corp forecast revenue flat to down 2% "
                "this quarter. Gross margin will be 18% to 20%, SMIC said on Monday."
            ],
        ),
        article(
            2,
            "Silicon Daily",
            7,
            "SMIC outlook",
            ["Revenue will be flat to down 2%, SMIC said."],
        ),
    ]
    doc = timeline(arts, embed)
    smic = "Semiconductor Manufacturing International"
    assert {c["cited_outlet"] for c in doc["citations"]} == {smic}
    assert origin(details_stating(doc, "down 2%")[0]) == (smic, "2026-04-06")
    arts = [
        article(
            1,
            "Tech Ledger",
            6,
            "Supermicro outlook",
            ["Super Micro Computer said on Monday that revenue would be $5.2 billion."],
        ),
        article(
            2, "Silicon Daily", 7, "Supermicro", ["Revenue will be $5.2 billion, Supermicro said."]
        ),
    ]
    doc = timeline(arts, embed)
    assert {c["cited_outlet"] for c in doc["citations"]} == {"Super Micro Computer"}
    assert origin(details_stating(doc, "$5.2 billion")[0]) == ("Super Micro Computer", "2026-04-06")


def test_a_body_named_without_its_place_is_the_story_s_body(embed: Embed) -> None:
    # (session 25, validation) "the Public Utility Commission said" in a story that also
    # credits "the Oregon Public Utility Commission" had been a second, undated party
    arts = [
        article(
            1,
            "Tech Ledger",
            6,
            "Oregon pauses data-centre hookups",
            ["The pause will last a year, the Oregon Public Utility Commission said on Monday."],
        ),
        article(
            2,
            "Silicon Daily",
            7,
            "Oregon pause",
            ["The pause covers 50 megawatts or more, the Public Utility Commission said."],
        ),
    ]
    doc = timeline(arts, embed)
    assert {c["cited_outlet"] for c in doc["citations"]} == {"Oregon Public Utility Commission"}
    assert origin(details_stating(doc, "50 megawatts")[0]) == (
        "Oregon Public Utility Commission",
        "2026-04-06",
    )


def test_a_party_goes_by_the_name_more_articles_write(embed: Embed) -> None:
    # (session 25, validation) "ChangXin Memory Technologies said" and "CXMT said" were two
    # parties (the capitals of "ChangXin" had not made the acronym); the story's name for
    # the party is the one more of its articles write
    full = "ChangXin Memory Technologies"

    def credited(short_in: int, full_in: int) -> set[str]:
        arts = [
            article(
                n,
                outlet,
                6 + n,
                "Memory maker starts HBM3 output",
                [
                    (f"{full} (CXMT) said on Monday it began HBM3 output. " if n <= full_in else "")
                    + ("Yield is about 50%, CXMT said." if n <= short_in else "")
                    + ("" if n <= short_in else f"Yield is about 50%, {full} said.")
                ],
            )
            for n, outlet in enumerate(["Tech Ledger", "Silicon Daily", "Chip Wire"], start=1)
        ]
        return {c["cited_outlet"] for c in timeline(arts, embed)["citations"]}

    assert credited(short_in=3, full_in=1) == {"CXMT"}
    assert credited(short_in=1, full_in=3) == {full}


def test_a_credit_to_an_old_paper_does_not_date_the_partys_statement(embed: Embed) -> None:
    # (session 25, validation) "as it disclosed in a research paper in 2024" in the first
    # article had dated the company's statement, which the story's next day made, to it
    arts = [
        article(
            1,
            "Tech Ledger",
            6,
            "Apple picks Trainium",
            [
                "Apple trained its first models on TPUs, as it disclosed in a paper in 2024. "
                "Apple will rent 250,000 Trainium3 chips, people familiar said."
            ],
        ),
        article(
            2,
            "Silicon Daily",
            7,
            "Apple and AWS",
            ["Apple will rent 250,000 Trainium3 chips from AWS, Apple said."],
        ),
    ]
    doc = timeline(arts, embed)
    assert ("Apple", None) in {(c["cited_outlet"], c["cited_date"]) for c in doc["citations"]}
    assert origin(details_stating(doc, "250,000")[0]) == ("Apple", "2026-04-07")
    # ... and a fact the company described in an old paper is credited undated
    arts.append(
        article(
            3,
            "Chip Wire",
            8,
            "Apple and JAX",
            [
                "Apple's models are written in JAX, a legacy of its years on TPUs, which the "
                "company described in its 2024 foundation-model paper."
            ],
        )
    )
    doc = timeline(arts, embed)
    assert origin(details_stating(doc, "written in JAX")[0]) == ("Apple", None)


def test_a_credit_opening_a_later_clause_is_that_clauses_alone(embed: Embed) -> None:
    # (session 25, validation) "3nm at TSMC, ..., and AWS claims 4.4x the compute" had
    # credited AWS with the process node listed before its clause
    arts = [
        article(
            1,
            "Tech Ledger",
            6,
            "Acme chip specs",
            ["Acme X3 specs: 3nm at TSMC, 144 chips per rack, and Acme claims 4.4x the compute."],
        ),
        article(
            2,
            "Silicon Daily",
            7,
            "Acme X3",
            ["The X3 is made on a 3nm process. It has 4.4x the compute of the X2, Acme said."],
        ),
    ]
    doc = timeline(arts, embed)
    listed = [d for d in details_stating(doc, "3nm at TSMC") if d["kind"] == "quantity"]
    assert {d["value"]: origin(d) for d in listed} == {
        "3nm": None,
        "144": None,
        "4.4x": ("Acme", "2026-04-07"),
    }


def test_a_statement_of_an_earlier_month_is_dated_by_that_months_statement(
    embed: Embed,
) -> None:
    # (session 22, origin bank 1) "Meta forecast in January" is no statement of the day
    # the first article ran; "ASML had said in January" is the January statement the
    # story dates
    arts = [
        article(
            1,
            "Chip Wire",
            6,
            "Meta spending",
            [
                "Meta forecast in January that its 2026 capital spending would reach $115 "
                "billion to $135 billion."
            ],
        ),
        article(
            2,
            "Tech Ledger",
            7,
            "Meta capex",
            ["Meta has said it expects capital spending of $115 billion to $135 billion."],
        ),
    ]
    capex = details_stating(timeline(arts, embed), "$115")[0]
    assert origin(capex) == ("Meta", None)
    arts = [
        article(
            1,
            "Chip Wire",
            6,
            "ASML outlook",
            [
                "ASML said on January 28 that it expects China to be a smaller market. ASML had "
                "said in January that China would make up about 20% of sales in 2026."
            ],
        ),
        article(
            2,
            "Tech Ledger",
            7,
            "ASML China",
            ["China will make up about 20% of ASML's sales in 2026, ASML said in January."],
        ),
    ]
    share = details_stating(timeline(arts, embed), "20% of")[0]
    assert origin(share) == (
        "ASML",
        "2026-01-28",
    )
    # "last month" is the month before the citing article's: March, not April's report
    arts = [
        article(
            1,
            "Chip Wire",
            13,
            "Rubin Ultra",
            [
                "The Compute Report said on Monday that Nvidia booked 700,000 wafers. In a "
                "report on March 24, The Compute Report said the design work was finished."
            ],
        ),
        article(
            2,
            "Tech Ledger",
            16,
            "Rubin Ultra",
            ["Rubin Ultra taped out in March, The Compute Report reported last month."],
        ),
        article(3, "Silicon Daily", 17, "Rubin Ultra", ["Nvidia taped out Rubin Ultra in March."]),
    ]
    tape = details_stating(timeline(arts, embed), "taped out")[0]
    assert origin(tape) == (
        "The Compute Report",
        "2026-03-24",
    )


def test_a_credit_opening_on_an_earlier_month_is_not_dated_by_the_article(
    embed: Embed,
) -> None:
    # (session 23, origin bank 6) "In February, the company had guided to ..." took the day
    # the story gives the company's newest statement (the article's own)
    arts = [
        article(
            1,
            "Chip Wire",
            6,
            "Kestrel cuts outlook",
            [
                "Kestrel said on Monday that revenue would be $5 billion. In February, "
                "Kestrel had guided to revenue of $6.0 billion to $6.8 billion."
            ],
        ),
        article(
            2,
            "Tech Ledger",
            7,
            "Kestrel outlook",
            ["Kestrel had forecast $6.0 billion to $6.8 billion, the company said in February."],
        ),
    ]
    guide = details_stating(timeline(arts, embed), "$6.8 billion")[0]
    assert origin(guide) == ("Kestrel", None)


def test_a_share_move_is_not_credited_to_the_news_it_followed(embed: Embed) -> None:
    # (session 22, origin banks 2-4 and two development labels) "shares slid 5% after
    # Nikkei Asia reported ..." credits Nikkei Asia with the report, not with the move;
    # a figure of the news itself keeps its credit
    arts = [
        article(
            1,
            "Chip Wire",
            6,
            "YTL delay",
            [
                "YTL Power shares slid 5% on Monday after The Compute Report reported that "
                "the second phase would be delayed by nine months."
            ],
        ),
        article(
            2,
            "Tech Ledger",
            7,
            "YTL",
            ["YTL Power's shares fell 5% on Monday, a day after the delay was reported."],
        ),
        article(
            3,
            "Silicon Daily",
            7,
            "YTL",
            ["The second phase will be nine months late, The Compute Report said on Monday."],
        ),
    ]
    doc = timeline(arts, embed)
    move = next(d for d in details_stating(doc, "slid 5%") if d["value"] == "5%")
    assert move["cited_origin"] is None
    delay = next(d for d in details_stating(doc, "slid 5%") if d["value"] == "nine")
    assert delay["cited_origin"]["outlet"] == "The Compute Report"


def test_a_share_move_opening_on_shares_or_explained_by_a_finding_is_no_credit(
    embed: Embed,
) -> None:
    # (session 23, origin bank 6) "Shares of Biren ..." (a capital S) and "after research
    # firm SemiAnalysis found" were not read as a move explained by news, and the move's
    # figure and day were credited to Caixin and SemiAnalysis
    arts = [
        article(
            1,
            "Chip Wire",
            6,
            "Biren order",
            [
                "Shares of Biren Technology surged 11 per cent in Hong Kong on Monday after "
                "Caixin reported that the company had won a 3.2 billion yuan order."
            ],
        ),
        article(
            2, "Tech Ledger", 7, "Biren", ["Biren's Hong Kong-listed shares gained 11% on Monday."]
        ),
        article(
            3,
            "Silicon Daily",
            7,
            "AMD",
            [
                "AMD shares rose 4% on Tuesday after research firm SemiAnalysis found that "
                "its chip runs a Meta model at 20% lower cost."
            ],
        ),
        article(4, "Chip Brief", 8, "AMD", ["AMD's stock gained 4 percent on Tuesday."]),
    ]
    doc = timeline(arts, embed)
    # the move's own figure, not the news's ("3.2 billion yuan", "20% lower cost")
    for sentence, figure in (("surged 11", "11"), ("rose 4%", "4")):
        moves = [d for d in details_stating(doc, sentence) if str(d["value"]).startswith(figure)]
        assert moves and all(d["cited_origin"] is None for d in moves), moves


def test_a_named_company_move_without_the_word_shares_is_not_the_news_credit(
    embed: Embed,
) -> None:
    # (session 26, validation) "SK hynix fell 2.1% in Seoul on Tuesday ... after China's
    # CXMT confirmed ..." credited the move to CXMT; a figure's growth ("exports jumped
    # 61% from a year earlier, the ministry said after ...") is not a move
    arts = [
        article(
            1,
            "Chip Wire",
            6,
            "HBM",
            [
                "SK hynix fell 2.1% in Seoul on Tuesday and Samsung Electronics lost 1.2% "
                "after China's CXMT confirmed it had started volume production of HBM3."
            ],
        ),
        article(2, "Tech Ledger", 7, "HBM", ["SK hynix shed 2.1% on Tuesday on the news."]),
    ]
    doc = timeline(arts, embed)
    moves = [d for d in details_stating(doc, "fell 2.1%") if str(d["value"]).startswith("2.1")]
    assert moves and all(d["cited_origin"] is None for d in moves), moves

    from pipeline.timeline import _move_before_credit

    assert not _move_before_credit(
        quantity_mention(
            "Revenue rose 20% after the company said it had raised prices for the HBM3 line."
        )
    )


def test_the_table_or_segment_is_the_source_credited_before(embed: Embed) -> None:
    arts = [
        article(
            1,
            "Chip Wire",
            6,
            "State TV shows Alibaba's chip",
            [
                "In a comparison table shown by CCTV on Monday, the PPU was listed with 96 GB "
                "of memory.",
                "Both chips draw 400 watts, according to the table, and the PPU uses PCIe 5.0.",
                "Other chips at the site come from MetaX and Biren, the segment showed.",
            ],
        ),
    ]
    doc = timeline(arts, embed)
    credits = [(c["cited_outlet"], c["evidence"][:20]) for c in doc["citations"]]
    assert credits == [
        ("CCTV", "In a comparison tabl"),
        ("CCTV", "Both chips draw 400 "),
        ("CCTV", "Other chips at the s"),
    ]
    # only the first sentence dates its credit
    assert [c["cited_date"] for c in doc["citations"]] == ["2026-04-06", None, None]
    # the cited report's date, labelled with the name as the story writes it even where
    # the sentence only says "the table"
    labels = {d["text"] for d in doc["details"] if d["kind"] == "date"}
    assert "CCTV reported on April 6, 2026" in labels


def test_a_cited_date_is_labelled_with_the_verb_the_story_uses(embed: Embed) -> None:
    arts = [
        article(
            1,
            "Chip Wire",
            7,
            "Samsung wins Tesla order",
            [
                "Tesla confirmed on Monday that it is the customer for the Samsung contract.",
                "Reuters reported on Sunday that the two companies were close to a deal.",
                "The announcement confirmed a report by The Compute Report on Saturday.",
            ],
        ),
    ]
    labels = {d["text"] for d in timeline(arts, embed)["details"] if d["kind"] == "date"}
    assert "Tesla confirmed on April 6, 2026" in labels
    assert "Reuters reported on April 5, 2026" in labels
    assert "The Compute Report reported on April 4, 2026" in labels


def test_far_apart_periods_and_report_months_do_not_conflict() -> None:
    from pipeline.conflicts import same_slot_other_value
    from pipeline.mentions import find_periods

    # "reported in August" dates a report, it is not a fact's value
    assert (
        find_periods("Bloomberg reported in August that yields improved.", date(2026, 10, 9)) == []
    )

    h1 = quantity_mention("Huawei plans to ship the new chip in the first half of 2026.")
    h2_2028 = quantity_mention("Huawei plans to ship the new chip in the second half of 2028.")
    assert not same_slot_other_value(h1, h2_2028, DetailParams())


def test_a_founding_year_is_no_rival_to_a_target_year() -> None:
    from pipeline.conflicts import same_slot_other_value

    founded = quantity_mention(
        "The memory maker, founded in 2024, is China's largest DRAM supplier."
    )
    target = quantity_mention("The memory maker aims to be China's largest DRAM supplier by 2027.")
    other_founding = quantity_mention(
        "The memory maker, founded in 2023, is China's biggest DRAM supplier."
    )
    decade = quantity_mention(
        "The memory maker, founded in 2013, is China's biggest DRAM supplier."
    )
    assert not same_slot_other_value(founded, target, DetailParams())
    assert same_slot_other_value(founded, other_founding, DetailParams())
    assert not same_slot_other_value(founded, decade, DetailParams())


def test_a_day_later_counts_from_the_date_before(embed: Embed) -> None:
    arts = [
        article(
            1,
            "Chip Wire",
            17,
            "Nvidia and AMD take charges on China licence rule",
            [
                "Nvidia said in a filing on Wednesday that it will take about $5.5 billion in charges.",
                "A day later, AMD said its MI308 is covered too and it could face $800 million in charges.",
            ],
        ),
    ]
    doc = timeline(arts, embed)
    credits = {(c["cited_outlet"], c["cited_date"]) for c in doc["citations"]}
    assert credits == {("Nvidia", "2026-04-15"), ("AMD", "2026-04-16")}


def test_a_value_an_article_repeats_is_one_detail_with_both_mentions(embed: Embed) -> None:
    """A retelling often states a figure in its lede and again in a list of terms; both
    mentions belong to the one detail, but a different fact with the same number in the
    same article does not join it."""
    texts = {
        "a1": "Anthropic will rent up to one million Google TPUs under the new cloud deal.",
        "a2": "\n".join(
            [
                "Anthropic agreed to rent up to one million Google TPUs in a cloud deal.",
                "Chips: Anthropic will rent up to 1M Google TPUs under the cloud deal.",
                "Separately, the lab said one million developers now use its coding tools.",
            ]
        ),
    }
    per = {aid: sentences(t) for aid, t in texts.items()}
    candidates = {s.text for ss in per.values() for s in ss}
    index = TextIndex()
    mentions = [
        m
        for aid in ("a1", "a2")
        for m in mentions_of(aid, per[aid], date(2026, 10, 23), candidates, index)
        if m.kind == "quantity"
    ]
    groups = group_details(mentions, embed(index.texts), DetailParams())
    tpus = [g for g in groups if any("TPUs" in m.sentence for m in g.mentions)]
    assert len(tpus) == 1
    assert sorted(m.article_id for m in tpus[0].mentions) == ["a1", "a2", "a2"]
    assert not any("developers" in m.sentence for m in tpus[0].mentions)
    # without the repeat rule (nor a lone value's attachment to its group) the second
    # mention would be a detail of its own
    strict = group_details(
        mentions, embed(index.texts), DetailParams(repeat_threshold=99, value_attach_mean=99)
    )
    assert len([g for g in strict if any("TPUs" in m.sentence for m in g.mentions)]) == 2


_RIVOS = ("Meta to buy chip start-up Rivos", "Meta agreed to buy Rivos, a RISC-V designer.")
_TAYLOR = ("Samsung wins foundry contract", "Samsung will make chips at its Taylor fab.")
_LISTING = ("Moore Threads files for Shanghai listing", "Moore Threads makes gaming GPUs in China.")


@pytest.mark.parametrize(
    ("story", "phrasings"),
    [
        (
            _RIVOS,
            [
                "The price could not immediately be determined.",
                "Meta did not say how much it is paying for the start-up.",
                "No price was disclosed.",
                "Meta has not revealed the purchase price.",
            ],
        ),
        # (detail bank 1) three words are enough for the fact, "weren't" is a "not", and
        # terms "kept under wraps" were not disclosed
        (
            _RIVOS,
            [
                "Terms weren't disclosed.",
                "Financial terms were kept under wraps.",
                "Neither company disclosed the terms.",
            ],
        ),
        # (detail bank 2) pricing, and a refusal to give it
        (
            _RIVOS,
            [
                "We asked about pricing, and Broadcom declined to share it.",
                "Volume shipments start in 2026, and the company isn't talking price.",
                "Broadcom did not disclose pricing.",
            ],
        ),
        # (detail banks 1 and 2) the customer kept anonymous
        (
            _TAYLOR,
            [
                "Samsung signed the contract with a global company it did not name.",
                "Samsung had withheld the customer's name at the buyer's request.",
                "The foundry declined to name customers.",
            ],
        ),
        # (detail bank 4) the company loses money
        (
            _LISTING,
            [
                "The company, which remains loss-making, plans to list in Shanghai.",
                "The chip designer has yet to turn a profit.",
                "The GPU startup, which is still unprofitable, filed its prospectus.",
            ],
        ),
    ],
)
def test_a_fact_every_outlet_words_its_own_way_is_one_detail(
    embed: Embed, story: tuple[str, str], phrasings: list[str]
) -> None:
    """Undisclosed terms, an unnamed customer, a loss-making company: however each outlet
    phrases it, one detail."""
    holding = phrasings_as_details(embed, *story, phrasings)
    assert len(holding) == 1
    assert len(holding[0]["reported_by"]) == len(phrasings)


def test_an_unnamed_customer_is_no_unnamed_chief() -> None:
    from pipeline.mentions import _UNNAMED

    assert _UNNAMED.search("Samsung signed the contract with a company it did not name.")
    assert not _UNNAMED.search("The company did not name a new chief executive.")


@pytest.mark.parametrize(
    ("concept", "says", "does_not"),
    [
        (
            "#unprofitable",
            [
                "The company, which remains loss-making, listed in Shanghai.",
                "The company has yet to turn a profit.",
                "The GPU startup, which is still unprofitable, is seen as an alternative.",
                "The company, still loss-making, is raising capital.",
            ],
            ["It booked a net profit, compared with a loss a year ago."],
        ),
        (
            "#entity-list",
            [
                "The chipmaker is on Washington's entity list.",
                "It was blacklisted by the U.S. Commerce Department in 2023.",
            ],
            ["The chipmaker is on the list of the top ten foundries."],
        ),
        (
            "#undisclosed-volume",
            [
                "Samsung did not disclose production volumes.",
                "Samsung hasn't said how many chips it is making.",
            ],
            ["Samsung did not disclose pricing.", "Samsung said how many chips it made."],
        ),
        (
            "#no-reason",
            [
                "Google wouldn't say what prompted the switch to TSMC.",
                "Google did not give a reason for the change of supplier.",
            ],
            ["Google did not say when the switch happened."],
        ),
    ],
)
def test_facts_every_outlet_words_its_own_way_carry_a_concept(
    concept: str, says: list[str], does_not: list[str]
) -> None:
    # (detail banks 2 and 4) such claims share the concept's marker, which counts as
    # agreement when grouping
    from pipeline.mentions import CONCEPTS

    assert all(CONCEPTS[concept].search(t) for t in says)
    assert not any(CONCEPTS[concept].search(t) for t in does_not)


def test_a_concept_is_no_agreement_in_a_story_about_it() -> None:
    from pipeline.details import _topical
    from pipeline.facts import Mention

    def mention(article: str, sentence: str) -> Any:
        return Mention(article, sentence, 0, "statement", None, None, frozenset(), frozenset(), 0)

    ms = [mention("a", "s1"), mention("a", "s1"), mention("b", "s3")]
    assert not _topical(ms, np.array([True, True, True]))  # two claims of one sentence
    ms[1] = mention("a", "s2")
    assert _topical(ms, np.array([True, True, True]))  # two sentences of one article
    assert not _topical(ms, np.array([True, False, True]))


def test_a_point_of_comparison_does_not_conflict_with_the_fact(embed: Embed) -> None:
    title = "Microsoft unveils Cobalt 300 with 196 cores"
    arts = [
        article(1, "Chip Wire", 3, title, ["The Cobalt 300 processor packs 196 Arm cores."]),
        article(
            2,
            "Silicon Daily",
            4,
            title,
            ["The Cobalt 300 processor core count is up from 132 Arm cores on Cobalt 200."],
        ),
        article(3, "Tech Ledger", 5, title, ["The Cobalt 300 processor has 192 Arm cores."]),
        # the old count again, without "up from": still the point of comparison
        article(
            4,
            "The Compute Report",
            6,
            title,
            ["The Cobalt 300 processor replaces the Cobalt 200, which itself had 132 Arm cores."],
        ),
    ]
    doc = timeline(arts, embed)
    shown = {
        c["value"] for d in quantity_details(doc, "Cobalt 300 processor") for c in d["conflicts"]
    }
    assert "132" not in " ".join(shown)  # the old chip's count is not a rival figure
    assert any("192" in v for v in shown) and any("196" in v for v in shown)


def test_a_lone_mention_joins_the_group_one_member_states_it_like() -> None:
    from pipeline.details import _attach_singletons

    inf = -np.inf
    score = np.array(
        [
            [inf, 1.5, 1.4, 0.9, 0.1],
            [1.5, inf, 1.3, 0.3, 0.1],
            [1.4, 1.3, inf, 0.4, 0.2],
            [0.9, 0.3, 0.4, inf, 0.1],  # close to 0: joins {0, 1, 2}
            [0.1, 0.1, 0.2, 0.1, inf],  # like nobody: stays alone
        ]
    )
    assert _attach_singletons([[0, 1, 2], [3], [4]], score, 0.8, 0.5) == [[0, 1, 2, 3], [4]]
    # a lone mention that cannot pair with a member (same article: -inf) stays alone
    score[3, 1] = score[1, 3] = inf
    assert _attach_singletons([[0, 1, 2], [3], [4]], score, 0.8, 0.5) == [[0, 1, 2], [3], [4]]


def test_a_bare_count_can_conflict_with_a_counted_one(embed: Embed) -> None:
    title = "Anthropic to rent up to a million Google TPUs"
    arts = [
        article(
            1,
            "Chip Wire",
            3,
            title,
            ["Anthropic agreed to rent up to one million of Google's tensor processing units."],
        ),
        article(
            2,
            "Silicon Daily",
            4,
            title,
            ["Anthropic agreed to rent up to 1M TPUs from Google under the cloud deal."],
        ),
        article(
            3,
            "Tech Ledger",
            5,
            title,
            [
                "Anthropic agreed to rent as many as 1.2 million of Google's tensor processing units."
            ],
        ),
    ]
    doc = timeline(arts, embed)
    shown = {c["value"] for d in quantity_details(doc, "Anthropic agreed") for c in d["conflicts"]}
    assert any("1.2 million" in v for v in shown)


def test_periods_of_another_grain_conflict_when_they_do_not_overlap() -> None:
    from pipeline.conflicts import _period_months
    from pipeline.mentions import find_periods

    [q4] = find_periods("The first capacity arrives in the fourth quarter.", date(2026, 6, 9))
    [h1] = find_periods("The first capacity arrives in early 2027.", date(2026, 6, 9))
    assert (q4.unit, h1.unit) == ("period:2026-Q4", "period:2027-H1")
    assert _period_months(q4.unit)[1] < _period_months(h1.unit)[0]
    # results talk: "the fourth quarter" is a reporting period, not a value
    assert find_periods("Revenue in the fourth quarter rose 30%.", date(2026, 6, 9)) == []
    # (detail bank 2) so is net income's
    text = "Foxconn posted net income of NT$57.7 billion for the third quarter."
    assert find_periods(text, date(2026, 6, 9)) == []


def test_the_half_of_the_year_is_of_the_year_the_sentence_named() -> None:
    from pipeline.mentions import find_periods

    text = "He said growth in 2027 would be concentrated in the second half of the year."
    assert [q.unit for q in find_periods(text, date(2026, 11, 14))] == ["period:2027-H2"]
    text = "Shipments start in the second half of the year."
    assert [q.unit for q in find_periods(text, date(2026, 11, 14))] == ["period:2026-H2"]


_PAIR_SCORE_DIGEST = """
import hashlib
import numpy as np
from pipeline.details import _pair_scores
from pipeline.facts import DetailParams, Mention
rng = np.random.default_rng(0)
words = [f"w{i}" for i in range(300)]
ms = [
    Mention(f"a{i}", f"s{i}", 0, "statement", None, None,
            frozenset(rng.choice(words, size=25, replace=False).tolist()), frozenset(), i)
    for i in range(60)
]
weights = {w: float(rng.random()) for w in words}
vectors = rng.standard_normal((60, 16)).astype(np.float32)
vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
score, raw = _pair_scores(ms, vectors, DetailParams(), weights)
print(hashlib.sha1(raw.tobytes()).hexdigest())
"""


def test_pair_scores_do_not_depend_on_the_hash_seed() -> None:
    """Word sets iterate in an order that changes with PYTHONHASHSEED; the scores (and so
    the timelines) must be the same bit for bit in every run."""
    import os
    import subprocess
    import sys

    digests = {
        subprocess.run(
            [sys.executable, "-c", _PAIR_SCORE_DIGEST],
            env={**os.environ, "PYTHONHASHSEED": seed},
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        for seed in ("1", "2", "3")
    }
    assert len(digests) == 1


@pytest.mark.parametrize(
    ("text", "years"),
    [
        ("Rivos, based in Santa Clara, was founded in 2021.", [2021]),
        ("The start-up, founded in 2021, counts Intel Capital among its investors.", [2021]),
        ("It was established back in 2019 by former Apple engineers.", [2019]),
        # the founded company between the verb and the year
        ("Renee James, who founded Ampere in 2017, will stay on as chief executive.", [2017]),
        ("Its founder, the former Intel president who started the company in 2017, stays.", [2017]),
        # a past year with no founding verb is background, not a fact
        ("Rivos raised money in 2021 and again in 2023.", []),
        # a future year a plan names is a value; one that merely places the talk is not
        ("Humain will deploy 200 megawatts of racks starting in 2027.", [2027]),
        ("The AI200 will be commercially available in 2027.", [2027]),
        ("Analysts expect demand to stay strong in 2027.", []),
        # the second year of a coordinated plan, and a spec list's "ships 2028"
        ("The AI200 will be available in 2027 and the AI250 in 2028.", [2027, 2028]),
        ("AI250: ships 2028, adds near-memory computing.", [2028]),
        ("Sales rose in 2027 and in 2028, analysts expect.", []),
        # (detail bank 1) a sale, a schedule or a slot in a plan
        ("The AI200 will go on sale in 2026 and the AI250 in 2027.", [2026, 2027]),
        ("Volume production remains scheduled for 2027.", [2027]),
        ("The second fab is slated for 2028.", [2028]),
        # (detail bank 2) the next product of a plan follows in its year
        ("The L200, a smaller chiplet, will follow in 2028.", [2028]),
        ("The company says the M1000 ships in May, with the L200 following in 2028.", [2028]),
        # (validation story) a power plan's first delivery
        ("Start date: first power in 2027, per Vistra.", [2027]),
        # (conflict bank 1) a fab's first output
        ("The plant is expected to produce its first DRAM wafers in 2027.", [2027]),
        ("Micron said its first Idaho fab will begin DRAM output in 2028.", [2028]),
    ],
)
def test_a_founding_or_planned_year_is_a_value(text: str, years: list[int]) -> None:
    got = [m.value.value for m in quantities_in(text, date(2026, 10, 1), unit="year")]
    assert got == years


def test_claims_with_values_clash_only_on_a_figure_the_other_cannot_match() -> None:
    """A claim that gives two dollar figures ("$5 billion ... at $23.28 a share") states the
    same fact as one that gives only the share price; another share price is another
    claim, and a shared total does not make up for it."""
    from pipeline.details import _values_clash
    from pipeline.quantities import find_quantities

    def values(text: str) -> list:
        return [q for q in find_quantities(text) if q.unit]

    both = values("Nvidia is putting $5 billion into Intel common stock at $23.28 a share.")
    price = values("Nvidia will buy Intel common stock at $23.28.")
    misread = values("Nvidia pays $23.82 a share for newly issued Intel stock, for a total of $5B.")
    assert len(both) == 2
    assert not _values_clash(both, price)
    assert not _values_clash(price, both)
    assert _values_clash(price, misread)
    assert _values_clash(both, misread)  # the totals agree, the share prices do not
    # no shared unit: nothing to clash on
    assert not _values_clash(price, values("The stake is about 4% of Intel."))


def test_two_groups_of_one_value_join_when_a_pair_states_it_alike() -> None:
    from pipeline.details import _join_value_groups

    inf = -np.inf
    # mentions 0-1 and 2-3 are two groups; 1 and 2 say the value almost the same way
    score = np.array(
        [
            [inf, 0.9, 0.1, 0.1],
            [0.9, inf, 0.95, 0.3],
            [0.1, 0.95, inf, 0.9],
            [0.1, 0.3, 0.9, inf],
        ]
    )
    assert _join_value_groups([[0, 1], [2, 3]], score, 0.8, 0.3) == [[0, 1, 2, 3]]
    # no pair alike enough: apart
    weak = score.copy()
    weak[1, 2] = weak[2, 1] = 0.7
    assert _join_value_groups([[0, 1], [2, 3]], weak, 0.8, 0.3) == [[0, 1], [2, 3]]
    # one forbidden pair (another value, the same article): apart, however alike the rest
    blocked = score.copy()
    blocked[0, 3] = blocked[3, 0] = inf
    assert _join_value_groups([[0, 1], [2, 3]], blocked, 0.8, 0.3) == [[0, 1], [2, 3]]
    # the mean across the groups must clear the bar too
    assert _join_value_groups([[0, 1], [2, 3]], score, 0.8, 0.5) == [[0, 1], [2, 3]]


def test_a_quotation_group_keeps_only_members_that_quote_it_or_match_it_closely() -> None:
    from pipeline.details import _trim_to_quotes
    from pipeline.facts import Mention

    quote = "“We design the CPU, the server and the software together,” said Varghese."

    def mention(article: str, sentence: str) -> Any:
        return Mention(article, sentence, 0, "statement", None, None, frozenset(), frozenset(), 0)

    ms = [
        mention("a", "A single-customer CPU carries no merchant margin."),
        mention("b", quote),
        mention("c", "Microsoft's Varghese: “We design the CPU, the server and the software.”"),
        mention("d", "Designing the CPU, server and software together cuts costs, she said."),
    ]
    score = np.array(
        [
            [-np.inf, 0.8, 0.8, 0.7],
            [0.8, -np.inf, 2.1, 1.3],
            [0.8, 2.1, -np.inf, 1.2],
            [0.7, 1.3, 1.2, -np.inf],
        ]
    )
    # the loose earlier sentence leaves; the close paraphrase stays
    assert _trim_to_quotes([[0, 1, 2, 3]], ms, score, 1.0) == [[1, 2, 3], [0]]
    # without two members quoting the same words, nothing is trimmed
    assert _trim_to_quotes([[0, 1, 3]], ms, score, 1.0) == [[0, 1, 3]]


def test_a_credit_in_the_previous_sentence_does_not_carry_over(embed: Embed) -> None:
    """The Information is credited for the chip count; the next sentence's price is the
    writer's own (it cites nobody), so its detail has no cited origin."""
    arts = [
        article(
            1,
            "Chip Wire",
            4,
            "Huawei cluster",
            [
                "The cluster uses 8,192 Ascend chips, The Information reported on Friday. "
                "Each rack costs about $3.2 million at list price."
            ],
        )
    ]
    doc = timeline(arts, embed)
    [chips] = quantity_details(doc, "8,192 Ascend chips")
    assert chips["cited_origin"]["outlet"] == "The Information"
    [price] = quantity_details(doc, "Each rack costs")
    assert price["cited_origin"] is None


def test_a_bare_value_label_takes_the_words_before_it() -> None:
    from pipeline.details import detail_text
    from pipeline.facts import Detail

    ss = sentences("Meta shares slipped 0.4%, while Nvidia rose 1.2% in early trading.")
    ms = [
        m
        for m in mentions_of("a1", ss, date(2026, 10, 1), {ss[0].text}, TextIndex())
        if m.kind == "quantity"
    ]
    labels = [detail_text(Detail([m]), m) for m in ms]
    assert labels[0] == "Meta shares slipped 0.4%"
    # a value followed by what it counts keeps its own words
    assert labels[1].startswith("1.2% in early trading")


def test_a_value_label_does_not_end_on_a_dangling_word() -> None:
    from pipeline.details import detail_text
    from pipeline.facts import Detail

    def label(sentence: str, value: str) -> str:
        ss = sentences(sentence)
        [m] = [
            m
            for m in mentions_of("a1", ss, date(2026, 4, 6), {ss[0].text}, TextIndex())
            if m.kind == "quantity" and m.value is not None and m.value.text == value
        ]
        return detail_text(Detail([m]), m)

    long = (
        "The sell-off wiped roughly $589 billion of market value in a single session "
        "that traders will remember for years."
    )
    assert (
        label(long, "roughly $589 billion")
        == "roughly $589 billion of market value in a single session"
    )
    # a long clause is cut at the end of the noun phrase its eighth word is in
    tpu = (
        "Anthropic will rent up to one million of Google's tensor processing units in a deal "
        "worth tens of billions of dollars."
    )
    assert (
        label(tpu, "up to one million") == "up to one million of Google's tensor processing units"
    )
    # a short clause is kept whole rather than cut after eight words
    short = "Buyers have ordered hundreds of thousands of Huawei's Ascend 950PR artificial intelligence chips."
    assert label(short, "hundreds of thousands").endswith("artificial intelligence chips")
    # a long clause is cut between words, never inside one
    cut = (
        "Shares rose 4% after semiconductor manufacturers communicated extraordinarily "
        "optimistic expectations about datacentre accelerator shipments for next year."
    )
    words = label(cut, "4%").split()
    assert all(w in cut.split() for w in words)
    # a number's own point or comma does not end the clause
    specs = "Each chip carries 192GB of HBM3E with roughly 7.4TB/s of bandwidth."
    assert label(specs, "192GB") == "192GB of HBM3E with roughly 7.4TB/s of bandwidth"
    pods = "Pods scale to 9,216 chips over the inter-chip interconnect."
    assert label(pods, "9,216") == "9,216 chips over the inter-chip interconnect"


def test_a_period_label_reads_as_written() -> None:
    from pipeline.details import detail_text
    from pipeline.facts import Detail

    ss = sentences("General availability is planned for the second half of 2026.")
    [m] = [
        m
        for m in mentions_of("a1", ss, date(2026, 2, 11), {ss[0].text}, TextIndex())
        if m.kind == "quantity"
    ]
    assert m.value is not None and m.value.text == "2026-H2"  # the key values compare on
    assert detail_text(Detail([m]), m) == "the second half of 2026"


def test_the_utility_said_opening_a_paragraph_credits_the_one_just_named() -> None:
    from pipeline.timeline import prepare_story

    a = article(
        1,
        "Pacific Wire",
        8,
        "Colossus 2 is late",
        [
            "The Tennessee Valley Authority said on Monday that the substation serving the "
            "site would be finished by August.",
            "The utility said it had approved 300 megawatts of supply for the first phase.",
            "Other paragraphs follow. Nobody else spoke. It said nothing more.",
        ],
    )
    found = prepare_story([a], make_finder({o: [] for o in OUTLETS})).found
    credited = {fc.citation.sentence[:11]: fc.citation.cited_outlet for fc in found}
    assert credited["The utility"] == "Tennessee Valley Authority"
    # three sentences back within its paragraph is as far as "it" reaches: beyond that
    # (and across into the paragraph before, except for a paragraph's opening) nobody
    assert "It said not" not in credited


def test_a_value_under_a_condition_is_not_an_outcome() -> None:
    from pipeline.conflicts import _prospective

    def mention(sentence: str, value: str) -> Any:
        [m] = [
            m
            for m in mentions_of(
                "a1", sentences(sentence), date(2026, 9, 30), {sentence}, TextIndex()
            )
            if m.kind == "quantity" and m.value_text() == value
        ]
        return m

    assert _prospective(
        mention("At $11.9 billion, Cerebras would trade at a steep multiple.", "$11.9 billion")
    )
    assert _prospective(
        mention("At $11.9 billion, the company could be worth more.", "$11.9 billion")
    )
    assert not _prospective(
        mention("At $13.1 billion, Cerebras is worth more than AMD paid.", "$13.1 billion")
    )
    assert not _prospective(
        mention("The pricing values Cerebras at $13.1 billion, the filing said.", "$13.1 billion")
    )


def test_two_expected_dates_of_one_milestone_conflict(embed: Embed) -> None:
    title = "Qualcomm to buy d-Matrix for $2.6 billion"
    arts = [
        article(
            1,
            "Chip Wire",
            16,
            title,
            [
                "Qualcomm agreed to buy d-Matrix for $2.6 billion. Qualcomm said it expects "
                "the acquisition to close in the fourth quarter of 2026, subject to "
                "regulatory approvals."
            ],
        ),
        article(
            2,
            "Silicon Daily",
            17,
            title,
            [
                "Qualcomm will pay $2.6 billion for d-Matrix. The deal is expected to close "
                "in the first quarter of 2027, the people said."
            ],
        ),
    ]
    doc = timeline(arts, embed)
    [d] = [d for d in doc["details"] if d["value"] == "2026-Q4"]
    # "expects the acquisition to close" is as much a plan as "is expected to close"
    assert {c["value"] for c in d["conflicts"]} == {"2026-Q4", "2027-Q1"}


def test_a_day_nobody_is_credited_for_joins_a_companys_but_not_a_reports(embed: Embed) -> None:
    title = "Alibaba's PPU shown on state television"
    shown = "the PPU accelerator was shown on national television on Tuesday as a rival to the H20"
    arts = [
        article(1, "Chip Wire", 16, title, [shown[:1].upper() + shown[1:] + "."]),
        article(
            2,
            "Silicon Daily",
            17,
            title,
            [
                "Alibaba said on Tuesday that the PPU accelerator was shown on national "
                "television as a rival to the H20."
            ],
        ),
        article(
            3,
            "Tech Ledger",
            17,
            title,
            ["The Compute Report reported on Tuesday that the PPU accelerator rivals the H20."],
        ),
    ]
    doc = timeline(arts, embed)
    [d] = [d for d in doc["details"] if d["kind"] == "date" and d["value"] == "2026-04-14"
           and any("national television" in r["sentence"] for r in d["reported_by"])]  # fmt: skip
    # the uncredited day and the company's are one detail; the report's day is not in it
    assert {r["outlet"] for r in d["reported_by"]} == {"Chip Wire", "Silicon Daily"}


def test_a_standing_claim_takes_no_date_from_the_days_statement(embed: Embed) -> None:
    """ "Huang has said a gigawatt costs ..." repeats an earlier, undated claim: its credit
    to Nvidia takes no date from the statement the story dates ("Nvidia said on Monday")."""
    arts = [
        article(
            1,
            "Chip Wire",
            20,
            "Nvidia to invest in OpenAI",
            [
                "Nvidia said on Monday it would invest up to $100 billion in OpenAI.",
                "Nvidia chief executive Jensen Huang has said each gigawatt of capacity costs "
                "about $50 billion to build.",
            ],
        ),
        article(
            2,
            "Silicon Daily",
            21,
            "Nvidia bets on OpenAI",
            [
                "Nvidia said on Monday that it plans to invest up to $100 billion in OpenAI.",
                "Huang has said a gigawatt of capacity costs about $50 billion to build.",
            ],
        ),
    ]
    doc = timeline(arts, embed)
    [invest] = quantity_details(doc, "invest up to", "$100 billion")
    assert invest["cited_origin"]["outlet"] == "Nvidia"
    assert invest["cited_origin"]["date"] == "2026-04-20"
    [cost] = quantity_details(doc, "each gigawatt", "$50 billion")
    assert cost["cited_origin"]["outlet"] == "Nvidia"
    assert cost["cited_origin"]["date"] is None


def test_a_loosely_tied_earliest_statement_does_not_lead_the_group() -> None:
    from pipeline.details import _weak_first

    # 0 is the earliest mention (a scoop's sentence on the topic); 1-3 state the fact
    score = np.array(
        [
            [-np.inf, 0.6, 0.7, 0.5],
            [0.6, -np.inf, 1.2, 1.1],
            [0.7, 1.2, -np.inf, 1.0],
            [0.5, 1.1, 1.0, -np.inf],
        ]
    )
    assert _weak_first([[0, 1, 2, 3]], score, 0.8) == [[0], [1, 2, 3]]
    # tied as well as the rest: it stays, and leads
    score[0, 1:] = score[1:, 0] = 1.0
    assert _weak_first([[0, 1, 2, 3]], score, 0.8) == [[0, 1, 2, 3]]
    # a pair that cannot be one detail (same article) never keeps a member
    score[0, 1] = score[1, 0] = -np.inf
    assert _weak_first([[0, 1, 2, 3]], score, 0.8) == [[0], [1, 2, 3]]


def test_a_pair_that_forms_a_group_is_not_dissolved_by_the_first_report_bar() -> None:
    """(detail bank 1) Two retellings that match at the statement threshold ("The deal is
    subject to regulatory approvals." / "The tie-up still needs a regulatory nod.") are one
    detail: the first-report bar only peels a loose earliest member off a larger group."""
    from pipeline.details import _weak_first
    from pipeline.facts import DetailParams

    p = DetailParams()
    pair = np.array([[-np.inf, 0.72], [0.72, -np.inf]])
    assert p.statement_threshold <= 0.72
    assert _weak_first([[0, 1]], pair, p.first_keep) == [[0, 1]]


def test_a_second_fact_earlier_than_the_group_needs_the_first_report_bar() -> None:
    """A claim that joins a second group as its second fact becomes that group's first
    report when it is earlier than all its members: it then needs the bar a group's
    earliest member must clear, not just the second-fact threshold."""
    from pipeline.details import _second_facts

    # 0 and 4 live in group [0, 5]/[4, 6]; group [1, 2, 3] states another fact
    score = np.full((7, 7), 0.0)
    score[1:4, 1:4] = 1.2
    score[0, 1:4] = score[1:4, 0] = 0.77  # earlier than the group, matches it loosely
    score[4, 1:4] = score[1:4, 4] = 0.77  # later than its earliest member: an ordinary join
    np.fill_diagonal(score, -np.inf)
    clusters = [[0, 5], [1, 2, 3], [4, 6]]
    joined = _second_facts(clusters, score, 0.75, first_keep=0.8)
    assert [1, 2, 3, 4] in joined and 0 not in joined[1]
    # matching as well as a first report must, it joins and leads
    score[0, 1:4] = score[1:4, 0] = 0.85
    assert [0, 1, 2, 3, 4] in _second_facts(clusters, score, 0.75, first_keep=0.8)


def test_market_moves_at_other_moments_or_of_other_names_are_two_facts() -> None:
    from pipeline.conflicts import same_slot_other_value

    midday = pct("Qualcomm shares were up 19% in late-morning trading in New York.")
    peak = pct("The stock had risen as much as 20% earlier in the session.")
    close = pct("Qualcomm shares closed up 11.1% at $187.70 on Monday.")
    other_close = pct("Qualcomm finished Monday up 19%, its best day in years.")
    # a snapshot, the session's peak and the close are three facts, not rival figures
    assert different_moves([midday], [peak])
    assert different_moves([midday], [close])
    assert not different_moves([close], [other_close])
    # one name's close on one day has one value, even 1.7 times apart
    assert same_slot_other_value(close, other_close, DetailParams())
    # different names moving on one day
    index = pct("The PHLX Semiconductor index rose 1.9%.")
    hynix = pct("In Seoul on Tuesday, SK Hynix rose 2.3%.")
    hanmi = pct("Hanmi Semiconductor, which supplies SK hynix, fell 3.2%.")
    rival = pct("Rival SK hynix fell 2.9%, as investors priced in more competition.")
    assert different_moves([index], [hynix])
    assert different_moves([hanmi], [rival])
    # the same name, no moment given: still one slot
    intel_close = pct("Intel shares closed up 22.8% at $30.57 on Thursday.")
    intel_day = pct("Intel rose 26% on Thursday, which tells you how low expectations sank.")
    assert not different_moves([intel_close], [intel_day])
    # a morning's move against one given without its moment (the day's): two facts
    morning = pct("SK hynix shares fell 1.8% in early trade.")
    assert different_moves([morning], [rival])
    assert not different_moves([rival], [hynix])
    # other days
    thursday = pct("Nvidia shares closed 3.8% higher on Thursday.")
    friday = pct("On Friday Nvidia shares finished 1.3% higher.")
    assert different_moves([thursday], [friday])


def test_one_percentage_at_two_moments_is_never_one_detail(embed: Embed) -> None:
    arts = [
        article(
            1,
            "Pacific Wire",
            6,
            "Qualcomm shares jump on AI chips",
            ["Qualcomm shares were up 19% in late-morning trading in New York on Monday."],
        ),
        article(
            2,
            "ChipBrief",
            7,
            "Qualcomm's big day",
            ["Qualcomm shares finished Monday up 19% in New York, its best day in years."],
        ),
    ]
    doc = compute_timeline(arts, embed, make_finder({}))
    homes = [
        {m["article_id"] for m in d["mentions"]}
        for d in doc["details"]
        if d["kind"] == "quantity" and "19" in d["value"]
    ]
    assert homes and all(len(h) == 1 for h in homes)


def test_offsets_tolerances_and_measures_are_no_rival_figures() -> None:
    from pipeline.conflicts import same_slot_other_value

    def quantities(text: str) -> list[Any]:
        return quantities_in(text, date(2026, 5, 30))

    # "two days after ..." says when the article ran; "six months after the listing" and
    # "four months later than planned" are facts
    assert quantities("The report comes two days after Nvidia gave its outlook.") == []
    assert quantities("Insiders cannot sell until six months after the listing.")
    assert quantities("The cluster will be powered four months later than planned.")
    # a forecast's tolerance is no market move
    [tolerance] = quantities("The forecast of $63 billion, plus or minus 2%, beat estimates.")[1:]
    [close] = quantities("Nvidia shares finished 1.3% higher on Friday.")
    assert different_moves([tolerance], [close])
    # names that open in lower case are names ("nVent added 4.6%")
    [nvent] = quantities("Schneider Electric rose 3.1% in Paris and nVent added 4.6%.")[1:]
    [vertiv] = quantities("Vertiv shares rose 7% on the news.")
    assert different_moves([nvent], [vertiv])
    # a bare large number may be a count without its noun, never a sum of money
    [money] = quantities("Nvidia lost roughly $589 billion of market value in a session.")
    [bare] = quantities("For comparison, the previous model, V3, had 671 billion.")
    assert not same_slot_other_value(money, bare, DetailParams())
    [chips] = quantities("Anthropic will use up to one million TPUs.")
    [count] = quantities("Anthropic will use as many as 1.2 million.")
    assert same_slot_other_value(chips, count, DetailParams())


def test_a_lone_mention_of_a_value_joins_the_group_of_that_value() -> None:
    # the lone mention's claim is only loosely like the group's (cosine 0.25): its value
    # agrees, so it joins; the same claim with another value would be a detail of its own
    def embed(texts: list[str]) -> np.ndarray:
        e1, e2 = np.eye(8, dtype=np.float32)[:2]
        loose = 0.25 * e1 + np.sqrt(1 - 0.25**2) * e2
        return np.stack([e1 if "invest" in t else loose for t in texts])

    arts = [
        article(1, "Pacific Wire", 6, "Nvidia to invest in Intel",
                ["Nvidia will invest $5 billion in Intel, and the two will build chips."]),
        article(2, "Silicon Ledger", 6, "The Nvidia-Intel deal",
                ["Nvidia will invest $5 billion in Intel and build chips with it."], hour=12),
        article(3, "Foundry Notes", 7, "What Nvidia bought",
                ["Five billion dollars is real money, but it buys a stake of roughly 4%."]),
    ]  # fmt: skip
    doc = compute_timeline(arts, embed, make_finder({}))
    homes = [
        {m["article_id"] for m in d["mentions"]}
        for d in doc["details"]
        if d["kind"] == "quantity" and d["value"] != "roughly 4%"
    ]
    assert homes == [{"a1", "a2", "a3"}]


def test_limits_gains_this_year_and_further_moves_are_other_facts() -> None:
    limit = pct("Several smaller Samsung suppliers rose by their daily limit of 30%.")
    this_year = pct("Samsung's shares are up about 40% this year.")
    morning = pct("Tesla shares were up 1.9% in morning trading in New York.")
    further = pct("The stock added another 1.4% on Tuesday.")
    assert different_moves([limit], [this_year])
    assert different_moves([morning], [further])


def test_the_plan_that_was_is_no_rival_to_the_plan_that_is() -> None:
    from pipeline.conflicts import same_slot_other_value

    old = quantity_mention(
        "The plant had previously been slated to make older chips, with production "
        "starting in 2028."
    )
    new = quantity_mention("TSMC will produce its newest wafers at the plant starting in 2027.")
    other = quantity_mention("TSMC will produce its newest wafers at the plant starting in 2028.")
    assert not same_slot_other_value(old, new, DetailParams())
    assert same_slot_other_value(new, other, DetailParams())


def test_a_move_that_names_nobody_is_the_story_topics() -> None:
    from pipeline.conflicts import move_facets, moves_differ

    unnamed = [pct("Shares of the world's most valuable chipmaker rose about 4% late on.")]
    hygon = [pct("Shares of Cambricon jumped, and Hygon gained 3.4%.")]
    nvidia = [pct("Nvidia shares gained 4.6% in New York.")]
    topic = frozenset({"nvidia", "china"})
    # in a story about Nvidia, the unnamed chipmaker is Nvidia, not Hygon
    assert moves_differ(move_facets(unnamed, topic), move_facets(hygon, topic))
    assert not moves_differ(move_facets(unnamed, topic), move_facets(nvidia, topic))
    # with no topic to go by, nothing is known about it
    assert not moves_differ(move_facets(unnamed), move_facets(hygon))


def test_one_capacity_in_two_memory_types_is_a_conflict() -> None:
    from dataclasses import replace

    from pipeline.conflicts import split_memory_types
    from pipeline.facts import Detail

    def capacity(article_id: str, text: str) -> Any:
        [m] = quantities_in(text, unit="B")
        return replace(m, article_id=article_id)

    def split(*ms: Any) -> Detail:
        d = Detail(list(ms))
        split_memory_types(d)
        return d

    hbm2e = [
        capacity("a1", "The PPU was listed with 96 GB of HBM2e memory, CCTV showed."),
        capacity("a2", "The PPU matches that on paper with 96GB of HBM2e."),
        capacity("a3", "The segment showed the PPU carrying 96 gigabytes of memory."),
    ]
    rival = capacity("a4", "According to CCTV, the PPU has 96 gigabytes of HBM3 memory.")
    d = split(*hbm2e, rival)
    assert [m.article_id for m in d.mentions] == ["a1", "a2", "a3"]
    assert [[m.value_text() for m in c] for c in d.conflicts] == [["96 gigabytes of HBM3"]]
    assert d.mentions[0].value_text() == "96 GB of HBM2e"
    # the other chip's memory is another fact, and a comparison names both types
    other_chip = capacity("a4", "The H20 carries 96GB of HBM3, the same amount.")
    versus = replace(quantities_in("Memory: 96GB of HBM2e on the PPU versus 96GB of HBM3.")[1],
                     article_id="a5")  # fmt: skip
    for extra in (other_chip, versus):
        d = split(*hbm2e, extra)
        assert d.conflicts == [] and len(d.mentions) == 4
        assert all(m.value_text() in ("96 GB", "96GB", "96 gigabytes") for m in d.mentions)


def test_a_memory_type_conflict_needs_no_name_in_the_values_own_clause() -> None:
    from dataclasses import replace

    from pipeline.conflicts import split_memory_types
    from pipeline.facts import Detail

    def capacity(article_id: str, text: str) -> Any:
        [m] = quantities_in(text, unit="B")
        return replace(m, article_id=article_id)

    # (conflict bank 1) the clause before "192GB" names nothing: the sentence's opening does
    lead = capacity("a1", "The MI308, a cut-down part for China, carries 192GB of HBM3 memory.")
    rival = capacity("a2", "The MI308 is AMD's China part, with less compute but the full 192GB "
                     "of HBM3E memory.")  # fmt: skip
    again = capacity("a3", "The MI308 ships with 192GB of HBM3.")
    d = Detail([lead, again, rival])
    split_memory_types(d)
    assert [[m.article_id for m in c] for c in d.conflicts] == [["a2"]]


def test_a_consensus_or_an_earlier_forecast_is_a_baseline_not_a_rival_value() -> None:
    from pipeline.conflicts import is_baseline

    [orders, estimate] = quantities_in(
        "Orders came in at €5.40 billion, beating the €4.9 billion average analyst estimate."
    )
    assert not is_baseline(orders) and is_baseline(estimate)
    [raised, previous] = quantities_in(
        "Alphabet raised its capex forecast to between $91 billion and $93 billion, from $85 "
        "billion previously."
    )
    assert not is_baseline(raised)
    assert is_baseline(previous)
    [guide, consensus] = quantities_in(
        "Micron's guidance of $10.7 billion was well ahead of Wall Street's $9.9 billion consensus."
    )
    assert is_baseline(consensus) and not is_baseline(guide)
    # (detail bank 2) the analysts' figure itself, told before it
    [expected] = quantities_in("Analysts had expected revenue of about $1.77 billion.")
    [forecast] = quantities_in("Synopsys expects revenue of as much as $2.26 billion.")
    assert is_baseline(expected) and not is_baseline(forecast)


def test_a_share_price_move_is_no_rival_to_another_percentage() -> None:
    from pipeline.conflicts import same_slot_other_value

    stake = pct("The investment gives Nvidia a stake of roughly 4% in Intel.")
    move = pct("Nvidia shares rose about 3%.")
    assert not same_slot_other_value(stake, move, DetailParams())
    # a name's move is a move, as a share price's is
    close = pct("Intel shares closed up 22.8% at $30.57 on Thursday.")
    named = pct("Intel rose 26% on Thursday, which tells you how low expectations had sunk.")
    assert same_slot_other_value(close, named, DetailParams())


def test_target_years_and_plans_as_rival_values() -> None:
    from pipeline.conflicts import same_slot_other_value

    # two target years three apart are two targets; two years apart, rival values
    [first] = quantities_in("OpenAI aims to deploy it in its data centres by the end of 2026.")
    [later] = quantities_in("OpenAI committed to 10 gigawatts of accelerators through 2029.",
                            unit="year")  # fmt: skip
    [two_on] = quantities_in("OpenAI aims to deploy it in its data centres by the end of 2028.")
    assert not same_slot_other_value(first, later, DetailParams())
    assert same_slot_other_value(first, two_on, DetailParams())
    # a capex figure "pencilled at" is a plan, as "expects ... about $125 billion" is
    planned = quantities_in("Amazon now expects capital expenditures of about $125 billion in 2025.",
                            unit="usd")  # fmt: skip
    pencilled = quantities_in("Amazon's 2025 capex bill is now pencilled at $105bn.", unit="usd")
    assert same_slot_other_value(planned[0], pencilled[0], DetailParams())


def test_spans_of_months_may_be_twice_one_another() -> None:
    from pipeline.conflicts import same_slot_other_value

    [three] = quantities_in("Intel pushed Clearwater Forest back by three months, it said.")
    [six] = quantities_in("Intel pushed Clearwater Forest back by six months, it said.")
    assert same_slot_other_value(three, six, DetailParams())
    # days' gains are windows, not facts
    [one_day] = quantities_in("Samsung shares had their biggest one-day gain in a year.")
    [two_day] = quantities_in("Samsung shares had their biggest two-day gain in a year.")
    assert not same_slot_other_value(one_day, two_day, DetailParams())


def test_a_floor_agrees_with_any_value_above_it() -> None:
    from pipeline.conflicts import same_slot_other_value

    [floor] = quantities_in("That takes the state's commitment to Rapidus past two trillion yen.")
    [total] = quantities_in("Total state support for Rapidus stands at about 2.3 trillion yen.")
    [less] = quantities_in("Total state support for Rapidus stands at about 1.7 trillion yen.")
    assert not same_slot_other_value(floor, total, DetailParams())
    # a value under the floor still disagrees
    assert same_slot_other_value(floor, less, DetailParams())
    # (detail bank 4) a floor the value's own text holds: "up more than 40%" and "up 47%"
    [more] = quantities_in("Nebius stock was up more than 40% in premarket trading Tuesday.")
    [moved] = quantities_in("The deal sent its shares up 47% in extended trading.")
    assert not same_slot_other_value(more, moved, DetailParams())
    assert not same_slot_other_value(moved, more, DetailParams())


def test_a_companys_statements_days_apart_are_two_statements() -> None:
    from pipeline.conflicts import is_conflict
    from pipeline.facts import Mention

    def credit(article: str, day: int, outlet: str, news: bool) -> Mention:
        return Mention(
            article, f"{outlet} said on April {day}.", 0, "date", None, date(2026, 4, day),
            frozenset({"@" + outlet}), frozenset(), 0, news=news,
        )  # fmt: skip

    p = DetailParams()
    # "an amended filing on Monday" and "said in a statement on Wednesday": two statements
    assert not is_conflict(
        credit("a1", 6, "Halvorsen", False), credit("a2", 8, "Halvorsen", False), 0.9, p
    )
    # one day apart is the usual misdating of one announcement
    assert is_conflict(
        credit("a1", 8, "Halvorsen", False), credit("a2", 9, "Halvorsen", False), 0.2, p
    )
    # a news outlet's report dated two days apart is one report misdated
    assert is_conflict(credit("a1", 6, "Reuters", True), credit("a2", 8, "Reuters", True), 0.2, p)


@pytest.mark.parametrize(
    ("text", "days"),
    [
        # an event on the article's own day, however short the sentence
        ("Trading opens today.", [date(2026, 10, 1)]),
        ("The shares begin trading today on the Nasdaq under CBRS.", [date(2026, 10, 1)]),
        # a bare "today" is when the article ran, not a fact
        ("Today we look at what the listing means for Nvidia's rivals.", []),
        ("The company said today that demand remains strong.", []),
    ],
)
def test_an_event_today_is_a_date_on_the_article_day(text: str, days: list[date]) -> None:
    ss = sentences(text)
    assert is_candidate(ss[0].text) or not days
    got = [
        m.day
        for m in mentions_of("a", ss, date(2026, 10, 1), {ss[0].text}, TextIndex())
        if m.kind == "date"
    ]
    assert got == days


def test_two_names_joined_by_and_are_one_subject() -> None:
    # (conflict bank 1) "Nvidia and AMD have agreed to pay ... 15%" had read as a clause
    # about AMD alone, so "Nvidia will hand Washington 20%" was another company's figure
    both = [pct("Nvidia and AMD have agreed to pay the US government 15% of China revenue.")]
    nvidia = [pct("Under the deal, Nvidia will hand Washington 20% of its China H20 revenue.")]
    assert not different_moves(both, nvidia)
    # a clause joined by "and" still has its own subject
    sk = quantities_in("Samsung fell 1.1% and SK Hynix rose 2.3% in Seoul.", unit="pct")[1:]
    samsung = [pct("Samsung shares slipped 1.2% on the news.")]
    assert different_moves(sk, samsung)


def test_near_paraphrases_may_give_values_twice_apart() -> None:
    from pipeline.conflicts import is_conflict
    from pipeline.facts import DetailParams

    # (conflict bank 1) 131,072 against 65,536 GPUs in one supercluster: a doubling
    # misread. Values twice apart are one slot only when the claims say nearly the same
    [big] = quantities_in(
        "Oracle is taking orders for a supercomputer with 131,072 Blackwell GPUs."
    )
    [half] = quantities_in("Oracle's OCI Supercluster will scale to 65,536 Blackwell GPUs.")
    p = DetailParams()
    assert is_conflict(big, half, p.far_conflict_cos, p)
    assert not is_conflict(big, half, p.far_conflict_cos - 0.01, p)
    # three times apart is two facts however alike the sentences
    [third] = quantities_in("Oracle's OCI Supercluster will scale to 43,000 Blackwell GPUs.")
    assert not is_conflict(big, third, 1.5, p)


def test_sales_seen_at_a_figure_are_a_forecast_like_expected_sales() -> None:
    from pipeline.conflicts import same_slot_other_value
    from pipeline.facts import DetailParams

    # (conflict bank 5) "now expects sales of roughly $5.0 billion" and "first-quarter
    # sales are now seen at $5.8 billion" are two forecasts of one figure, not a forecast
    # against an outcome
    [expects] = quantities_in("Supermicro now expects sales of roughly $5.0 billion.")
    [seen] = quantities_in("Super Micro's first-quarter sales are now seen at $5.8 billion.")
    assert same_slot_other_value(expects, seen, DetailParams())


def test_a_weekday_can_conflict_with_a_written_date_in_a_near_paraphrase() -> None:
    from pipeline.conflicts import is_conflict

    def day_of(text: str) -> Any:
        ss = sentences(text)
        [m] = [
            m
            for m in mentions_of("a", ss, date(2025, 7, 21), {ss[0].text}, TextIndex())
            if m.kind == "date"
        ]
        return m

    # (conflict bank 5) "on Friday" (July 18) against "on July 15" for one demonstration
    weekday = day_of("Rapidus on Friday showed the first prototype wafers from its 2nm line.")
    written = day_of("Rapidus first showed working 2nm transistors on July 15.")
    again = day_of("Rapidus on Tuesday showed the first prototype wafers from its 2nm line.")
    assert "#explicit" not in weekday.context and "#explicit" in written.context
    p = DetailParams()
    assert is_conflict(weekday, written, p.far_conflict_cos, p)
    # ... not in a looser one, and two weekdays never: "on Monday" resolves too loosely
    assert not is_conflict(weekday, written, p.date_conflict_cos, p)
    assert not is_conflict(weekday, again, 2.0, p)


def test_growth_on_another_basis_is_another_fact() -> None:
    from pipeline.conflicts import same_slot_other_value

    # (conflict bank 5) quarter on quarter against year on year: two growth rates
    [seq] = quantities_in("SMIC's revenue was $2.38 billion, up 7.8% from the previous quarter.",
                          unit="pct")  # fmt: skip
    [yoy] = quantities_in("SMIC's revenue rose 9.9 per cent year on year to $2.38 billion.")[:1]
    [other] = quantities_in("SMIC's revenue rose 9.2% to $2.38 billion.", unit="pct")
    p = DetailParams()
    assert not same_slot_other_value(seq, yoy, p)
    # a rate whose basis goes unsaid may still be either
    assert same_slot_other_value(seq, other, p) and same_slot_other_value(yoy, other, p)


def _value_groups(texts: dict[str, str], params: DetailParams, embed: Embed) -> list[Any]:
    """The quantity details of a few one-article texts, grouped with ``params``."""
    per = {aid: sentences(t) for aid, t in texts.items()}
    candidates = {s.text for ss in per.values() for s in ss}
    index = TextIndex()
    mentions = [
        m
        for aid, ss in per.items()
        for m in mentions_of(aid, ss, date(2026, 7, 28), candidates, index)
        if m.kind == "quantity"
    ]
    return group_details(mentions, embed(index.texts), params)


def test_a_precise_figure_ties_retellings_whose_words_differ(embed: Embed) -> None:
    """Two or more significant digits, one unit: the same figure in other words is one
    detail; a round figure in other words is not tied by its value alone."""
    precise = {
        "a1": "Samsung has pledged more than $37 billion for its Texas build-out, officials said.",
        "a2": "The Taylor plant, where Seoul committed more than $37 billion, struggled to "
        "attract buyers.",
    }
    [one] = [g for g in _value_groups(precise, DetailParams(), embed) if len(g.articles()) == 2]
    assert {m.value.text for m in one.mentions} == {"more than $37 billion"}
    apart = _value_groups(precise, DetailParams(precise_bonus=0.0), embed)
    assert all(len(g.articles()) == 1 for g in apart)
    round_figure = {k: v.replace("$37 billion", "$30 billion") for k, v in precise.items()}
    assert all(len(g.articles()) == 1 for g in _value_groups(round_figure, DetailParams(), embed))


def test_an_amount_and_its_conversion_in_brackets_are_one_detail(embed: Embed) -> None:
    """One outlet gives only the won, another only the dollars, a third both ("22.8 trillion
    won ($16.5 billion)"): one detail. A bracketed figure that is not a conversion stays
    apart."""
    texts = {
        "a1": "Samsung signed a 22.8 trillion won ($16.5 billion) chipmaking contract.",
        "a2": "The regulatory filing valued the order at 22.8 trillion won.",
        "a3": "Tesla's order is worth $16.5 billion over eight years.",
    }
    groups = _value_groups(texts, DetailParams(), embed)
    both = [g for g in groups if {"a2", "a3"} <= g.articles()]
    assert len(both) == 1 and both[0].articles() == {"a1", "a2", "a3"}
    # the detail leads with the amount in a currency the parser reads, not the bare won
    assert both[0].mentions[0].value.text == "$16.5 billion"
    reverse = {**texts, "a1": "Samsung signed a $16.5 billion (22.8 trillion won) contract."}
    assert any({"a2", "a3"} <= g.articles() for g in _value_groups(reverse, DetailParams(), embed))
    not_conversion = {"a1": "Revenue rose to $30 billion (25 billion a year earlier)."}
    [a, b] = _value_groups(not_conversion, DetailParams(), embed)
    assert {a.mentions[0].value.text, b.mentions[0].value.text} == {"$30 billion", "25 billion"}


def test_a_spec_sheet_credit_takes_no_date_from_the_days_statement(embed: Embed) -> None:
    """ "According to Google's published specifications, each chip carries 192GB" credits
    a standing document: undated, though the story dates Google's statement of the day."""
    arts = [
        article(
            1,
            "Chip Wire",
            20,
            "Anthropic to rent Google TPUs",
            [
                "Google said on Monday that Anthropic would rent up to one million TPUs.",
                "According to Google's published specifications, each Ironwood chip carries "
                "192GB of high-bandwidth memory.",
            ],
        ),
        article(
            2,
            "Silicon Daily",
            21,
            "Google lands Anthropic",
            [
                "Google said on Monday that Anthropic plans to rent up to a million TPUs.",
                "Each Ironwood chip carries 192GB of high-bandwidth memory, per Google's spec "
                "sheet.",
            ],
        ),
    ]
    doc = timeline(arts, embed)
    [memory] = quantity_details(doc, "Ironwood chip", "192")
    assert memory["cited_origin"]["outlet"] == "Google"
    assert memory["cited_origin"]["date"] is None
    [tpus] = quantity_details(doc, "rent up to")
    origin = tpus["cited_origin"]
    assert (origin["outlet"], origin["date"]) == ("Google", "2026-04-20")


def test_a_mistyped_figure_is_a_rival_however_far_apart() -> None:
    """(conflict bank 7) "$4.1 billion" against "$1.4 billion" and "120,000 miles" against
    "12,000 miles" are one figure mistyped, though further apart than rivals may be; digits
    shared by chance at another magnitude, or a single digit, are not."""
    from pipeline.conflicts import same_slot_other_value

    p = DetailParams()

    def rivals(a: str, b: str) -> bool:
        return same_slot_other_value(quantity_mention(a), quantity_mention(b), p)

    assert rivals(
        "Intel posted a net profit of $4.1 billion.", "Intel posted a net profit of $1.4 billion."
    )
    assert rivals("Microsoft laid 120,000 miles of fiber.", "Microsoft laid 12,000 miles of fiber.")
    assert not rivals("Aid totals 1.72 trillion yen.", "Aid totals 127 billion yen.")
    assert not rivals("It raised $5 billion.", "It raised $50 billion.")
    assert not rivals(
        "Intel posted a net profit of $4.1 billion.", "Intel posted a net profit of $1.2 billion."
    )
    # (conflict bank 5) a leading digit dropped: "164%" against "64%"; not "16%" / "64%"
    assert rivals("Navitas shares closed up 164% on Wednesday.", "Navitas shares closed up 64%.")
    assert not rivals("Navitas shares closed up 16% on Wednesday.", "Navitas shares closed up 64%.")
    # a count in words of buildings is a count ("eight buildings" against "six buildings")
    eight = quantity_mention("The campus will comprise eight buildings.")
    assert (eight.value.unit, eight.value.value) == ("building", 8.0)


def test_a_future_on_a_schedule_rivals_the_same_future_told_plainly() -> None:
    """(conflict bank 7) "would reduce revenue by about $600 million" against "will cut
    revenue by approximately $660 million": one future told two ways, so a rival. A plan,
    a forecast or a condition still does not rival an outcome."""
    from pipeline.conflicts import same_slot_other_value

    def rivals(a: str, b: str) -> bool:
        return same_slot_other_value(quantity_mention(a), quantity_mention(b), DetailParams())

    will = (
        "Applied Materials disclosed that the rule will cut revenue by approximately $660 million."
    )
    assert rivals(
        "Applied Materials said the rule would reduce revenue by about $600 million.", will
    )
    [six] = quantities_in(
        "The campus is slated to reach 1.2 GW across six buildings.", unit="building"
    )
    eight = quantity_mention("The campus will comprise eight buildings.")
    assert same_slot_other_value(six, eight, DetailParams())
    assert not rivals("At the top of that range, Cerebras would be valued at about $11.9 billion.",
                      "The pricing values Cerebras at about $13.1 billion.")  # fmt: skip
    assert not rivals("Nvidia expects to ship 20 million GPUs.",
                      "Nvidia has shipped roughly 14 million GPUs.")  # fmt: skip


def test_a_count_only_two_groups_give_conflicts_on_less_alike_wording() -> None:
    # (conflict bank 5) "7 High-NA EUV machines" and "five High-NA EXE-series scanners":
    # worded apart (claim cosine 0.4, under conflict_cos), but the only two counts of
    # machines in the story fill one slot
    from pipeline.facts import Mention
    from pipeline.quantities import find_quantities

    def mention(aid: str, text: str, row: int, word: str, unit: str = "machine") -> Mention:
        [q] = [x for x in find_quantities(text) if x.unit == unit]
        return Mention(aid, text, 0, "quantity", q, None, frozenset({word}), frozenset(), row)

    seven = mention("a1", "ASML has now delivered 7 High-NA EUV machines.", 0, "delivered")
    five = mention("a2", "It confirmed that five High-NA scanners have gone out.", 1, "confirmed")
    twelve = mention("a3", "Canon has sold 12 machines to memory makers this year.", 2, "sold")
    vectors = np.array([[1.0, 0.0, 0.0], [0.4, 0.916515, 0.0], [0.0, 0.0, 1.0]], dtype=np.float32)
    p = DetailParams()
    assert p.sole_unit_cos < 0.4 < p.conflict_cos
    [one] = group_details([seven, five], vectors, p)
    assert [[m.value.text for m in c] for c in one.conflicts] == [["five"]]
    # a third count of machines: the unit is no longer evidence of one slot
    details = group_details([seven, five, twelve], vectors, p)
    assert len(details) == 3 and not any(d.conflicts for d in details)
    # (conflict bank 1) so are two spans: "valid for one year" and "two-year licences"
    one_year = mention("a1", "The approvals are valid for one year.", 0, "valid", "days")
    two_year = mention("a2", "They have received two-year licences.", 1, "received", "days")
    [licence] = group_details([one_year, two_year], vectors, p)
    assert len(licence.conflicts) == 1


def test_a_specs_ceiling_is_no_plan() -> None:
    from pipeline.conflicts import same_slot_other_value

    # (conflict bank 3) "clocking up to 2.1GHz" against "a peak engine clock of 2.4GHz":
    # one spec, two values; "up to" a clock or a power is the part's ceiling, not a plan
    [boost] = quantities_in("The House of Zen says its MI355X is clocking up to 2.1GHz.")
    [peak] = quantities_in("The MI355X runs at a peak engine clock of 2.4GHz.")
    p = DetailParams()
    assert same_slot_other_value(boost, peak, p)
    # a plan in money is still no rival to the outcome
    [plan] = quantities_in("Cerebras is looking to raise up to $1.2 billion.")
    [done] = quantities_in("Cerebras raised $1.32 billion.")
    assert not same_slot_other_value(plan, done, p)


def test_as_much_as_is_a_peak_only_in_a_market_move() -> None:
    from pipeline.conflicts import trading_moment

    # (conflict bank 7) "raised prices by as much as 60%" is a ceiling, not a share's
    # intraday peak; it had kept "up to 40%" from being its rival
    assert trading_moment(pct("Samsung has raised prices of some chips by as much as 60%.")) is None
    assert (
        trading_moment(pct("Nokia shares rose as much as 25% intraday before paring gains."))
        == "peak"
    )


def test_two_target_years_of_one_milestone_are_rivals_however_told() -> None:
    from pipeline.conflicts import same_slot_other_value

    # (conflict bank 1) "is expected to produce its first DRAM wafers in 2027" against
    # "will begin DRAM output in 2028": a target year is a plan either way
    [expected] = quantities_in(
        "ID1 is expected to produce its first DRAM wafers in 2027.", unit="year"
    )
    [plain] = quantities_in(
        "Micron said its first Idaho fab will begin DRAM output in 2028.", unit="year"
    )
    p = DetailParams()
    assert same_slot_other_value(expected, plain, p)
    # still not a founding year against a target
    [founded] = quantities_in("Micron, founded in 2026, will begin DRAM output.", unit="year")
    assert not same_slot_other_value(founded, plain, p)


def test_a_target_year_and_a_part_of_the_next_year_are_rival_values() -> None:
    from pipeline.conflicts import is_conflict, same_slot_other_value

    p = DetailParams()
    year = quantity_mention("Huawei says the Ascend 960 is planned for 2027.")
    next_half = quantity_mention(
        "Huawei says the Ascend 960 is planned for the second half of 2028."
    )
    same_year = quantity_mention(
        "Huawei says the Ascend 960 is planned for the second half of 2027."
    )
    far = quantity_mention("Huawei says the Ascend 960 is planned for the first half of 2030.")
    assert same_slot_other_value(year, next_half, p)
    assert not same_slot_other_value(year, same_year, p)  # a part of that year: no rival
    assert not same_slot_other_value(year, far, p)
    # a year against a period is a conflict only between near paraphrases
    assert is_conflict(year, next_half, p.date_conflict_cos, p)
    assert not is_conflict(year, next_half, p.date_conflict_cos - 0.01, p)


def test_two_model_numbers_keep_a_year_and_a_period_apart() -> None:
    from pipeline.conflicts import same_slot_other_value

    older = quantity_mention("Huawei says the Ascend 960 is planned for 2027.")
    newer = quantity_mention("Huawei says the Ascend 970 is due in the fourth quarter of 2028.")
    same_chip = quantity_mention("Huawei says the Ascend 960 is due in the fourth quarter of 2028.")
    assert not same_slot_other_value(older, newer, DetailParams())
    assert same_slot_other_value(older, same_chip, DetailParams())


def test_a_quarter_without_a_year_takes_the_year_of_an_earlier_quarter() -> None:
    from pipeline.mentions import find_periods

    text = (
        "Huawei plans the Ascend 950PR for the first quarter of 2027, "
        "followed by the 950DT in the fourth quarter."
    )
    units = [p.unit for p in find_periods(text, date(2026, 9, 18))]
    assert units == ["period:2027-Q1", "period:2027-Q4"]
    # with no earlier period the article's year still applies
    [q4] = find_periods("The 950DT follows in the fourth quarter.", date(2026, 9, 18))
    assert q4.unit == "period:2026-Q4"


def test_a_document_credit_takes_the_day_of_that_document_only(embed: Embed) -> None:
    # (session 26, validation) "according to its prospectus" was dated with the day the
    # story gives the company's statement on another matter; a filing the story dates
    # ("filed its prospectus on Tuesday") still dates it
    def ipo_story(first: str) -> dict[str, Any]:
        arts = [
            article(
                1,
                "Chip Wire",
                7,
                "CXMT HBM",
                [
                    first,
                    "CXMT is seeking to raise 29.5 billion yuan in a STAR Market listing, "
                    "according to CXMT's prospectus.",
                ],
            ),
            article(
                2,
                "Tech Ledger",
                8,
                "CXMT",
                [
                    "CXMT wants 29.5 billion yuan from its Shanghai listing, according to "
                    "CXMT's prospectus."
                ],
            ),
        ]
        return timeline(arts, embed)

    statement = ipo_story(
        "CXMT said in a statement on Tuesday that its HBM products have entered volume production."
    )
    [ipo] = [d for d in details_stating(statement, "29.5 billion") if d["kind"] == "quantity"]
    assert origin(ipo) == ("CXMT", None)
    filing = ipo_story("CXMT said in its prospectus on Tuesday that HBM sales had doubled.")
    [ipo] = [d for d in details_stating(filing, "29.5 billion") if d["kind"] == "quantity"]
    assert origin(ipo) == ("CXMT", "2026-04-07")


def test_a_target_year_after_an_adverb_or_told_as_next_year() -> None:
    # (session 26, dev4) "available first, in 2027" and "would reach customers next year"
    # are the AI200's target year as much as "available in 2027"
    day = date(2026, 10, 24)
    for text in (
        "The AI200 will be available first, in 2027, and the AI250 later.",
        "The AI200 would reach customers next year, according to the people.",
    ):
        got = [(q.value.unit, q.value.value) for q in quantities_in(text, day, "year")]
        assert got == [("year", 2027.0)], text
    # "next year" alone, after no verb of arriving, is no target
    assert quantities_in("Next year will be harder for the company.", day, "year") == []


def test_the_year_a_record_reaches_back_to_is_a_fact() -> None:
    # (session 26, dev3) "its biggest one-day gain since October 1987" and "its best
    # session since 1987" state one record; a past year alone stays background
    day = date(2026, 9, 18)
    for text in (
        "It was Intel's biggest one-day percentage gain since October 1987, according to LSEG.",
        "Intel closed up nearly 23% on Thursday, its best session since 1987.",
    ):
        [record] = quantities_in(text, day, "year")
        assert (record.value.value, record.value.text) == (1987.0, "since 1987"), text
    assert quantities_in("Intel has lost share since 1987 in servers.", day, "year") == []
    assert quantities_in("The plant opened in early 2025.", day, "year") == []


def test_a_surname_or_short_name_is_the_one_two_word_party_it_ends(embed: Embed) -> None:
    # (session 26, origin bank 2) "Innolight said" in a story that credits "Zhongji
    # Innolight" is that company; with two such parties the short name stays as written
    arts = [
        article(
            1,
            "Chip Wire",
            6,
            "Innolight results",
            ["Zhongji Innolight said on Monday that revenue rose 120% to 38.6 billion yuan."],
        ),
        article(
            2,
            "Tech Ledger",
            7,
            "Innolight",
            ["Innolight's revenue rose 120% to 38.6 billion yuan in 2025, Innolight said."],
        ),
    ]
    doc = timeline(arts, embed)
    assert {c["cited_outlet"] for c in doc["citations"]} == {"Zhongji Innolight"}
    arts.append(
        article(3, "Silicon Daily", 8, "Innolight", ["Suzhou Innolight said it would expand."])
    )
    doc = timeline(arts, embed)
    assert "Innolight" in {c["cited_outlet"] for c in doc["citations"]}


def test_a_standing_claim_with_an_aside_before_its_verb_is_undated(embed: Embed) -> None:
    # (session 26, origin bank 4) "Applied, the biggest American chip-tool maker, has said"
    # had taken the day of the company's statement on the curbs
    arts = [
        article(
            1,
            "Chip Wire",
            17,
            "Applied curbs",
            [
                "Applied Materials said on Friday that the curbs would cut revenue by $600 "
                "million.",
                "Applied, the biggest American chip-tool maker, has said it will seek licences "
                "for 40 tools.",
            ],
        ),
        article(
            2,
            "Silicon Daily",
            18,
            "Applied",
            ["Applied Materials has said it will apply for licences for 40 tools."],
        ),
    ]
    doc = timeline(arts, embed)
    [tools] = quantity_details(doc, "licences", "40")
    assert tools["cited_origin"]["outlet"].startswith("Applied")
    assert tools["cited_origin"]["date"] is None
