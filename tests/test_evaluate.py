"""pipeline.evaluate: the scorer behind every quality figure (bench/quality.py,
bench/tune_details.py, bench/label_agreement.py, `firstwire eval`)."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from pipeline.evaluate import labels_as_timeline, score_citations, score_details, summarise

ARTICLES = [
    {"id": "a-scoop", "outlet": "The Compute Report"},
    {"id": "a-wire", "outlet": "Pacific Wire"},
    {"id": "a-blog", "outlet": "ChipBrief"},
]
SCOOP = "Halvorsen will buy Brightline for about $6.5 billion, people familiar said."
WIRE = "Halvorsen agreed to acquire Brightline for $6.5 billion in cash, it said on Thursday."
BLOG = "The price is $6.5B, as The Compute Report first reported on Tuesday."
CLOSE_SCOOP = "The deal should close in the second half of 2026, the people said."
CLOSE_WIRE = "Halvorsen expects the purchase to close in the first half of 2027."


@pytest.fixture()
def label() -> dict[str, Any]:
    return {
        "story": "halvorsen-brightline",
        "details": [
            {
                "id": "price",
                "text": "The price is $6.5 billion",
                "stated_in": {"a-scoop": SCOOP, "a-wire": WIRE, "a-blog": BLOG},
                "first_reporter": "a-scoop",
                "cited_origin": {"outlet": "The Compute Report", "date": "2026-03-17"},
                "conflicts": [],
            },
            {
                "id": "closing",
                "text": "The deal closes in H2 2026",
                "stated_in": {"a-scoop": CLOSE_SCOOP, "a-wire": CLOSE_WIRE},
                "first_reporter": "a-scoop",
                "cited_origin": None,
                "conflicts": [{"value": "H1 2027", "articles": ["a-wire"]}],
            },
        ],
        "citations": [
            {
                "article": "a-blog",
                "cited_outlet": "The Compute Report",
                "cited_date": "2026-03-17",
                "sentence": BLOG,
            },
            {
                "article": "a-wire",
                "cited_outlet": "Halvorsen",
                "cited_date": "2026-03-19",
                "sentence": WIRE,
            },
        ],
    }


def rows(label: dict[str, Any], doc: dict[str, Any]) -> dict[str, dict[str, Any]]:
    ids = {a["id"]: a["id"] for a in ARTICLES}
    return {r["id"]: r for r in score_details(label, doc, ids)["rows"]}


def test_labels_scored_against_themselves_are_perfect(label: dict[str, Any]) -> None:
    doc = labels_as_timeline(label, ARTICLES)
    got = rows(label, doc)
    assert all(r["one_detail"] and r["first_reporter"] and r["cited_origin"] for r in got.values())
    assert got["closing"]["conflict"] is True
    assert not any(r["false_conflict"] for r in got.values())
    ids = {a["id"]: a["id"] for a in ARTICLES}
    assert score_citations(label, doc, ids) == (2, 0, 0)


def test_a_detail_split_in_two_is_not_one_detail(label: dict[str, Any]) -> None:
    pred = copy.deepcopy(label)
    price = pred["details"][0]
    pred["details"].append({**copy.deepcopy(price), "id": "price-2"})
    price["stated_in"] = {"a-scoop": SCOOP, "a-wire": WIRE}
    pred["details"][2]["stated_in"] = {"a-blog": BLOG}
    got = rows(label, labels_as_timeline(pred, ARTICLES))
    assert got["price"]["one_detail"] is False
    assert got["price"]["covered"] == 2 and got["price"]["stated"] == 3
    assert got["closing"]["one_detail"] is True


def test_ties_go_to_the_detail_with_fewer_other_sentences(label: dict[str, Any]) -> None:
    # two predicted details hold the same two labelled sentences; the one that holds
    # nothing else shows the labelled detail (a multi-fact sentence sits in both)
    pred = copy.deepcopy(label)
    price = pred["details"][0]
    price["stated_in"] = {"a-scoop": SCOOP, "a-wire": WIRE}
    wider = copy.deepcopy(price)
    wider["id"] = "price-and-more"
    wider["stated_in"] = {**price["stated_in"], "a-blog": "Brightline makes server chips."}
    wider["first_reporter"] = "a-blog"
    pred["details"].append(wider)
    got = rows(label, labels_as_timeline(pred, ARTICLES))
    assert got["price"]["covered"] == 2
    assert got["price"]["first_reporter"] is True


def test_first_reporter_and_cited_origin_date_are_checked(label: dict[str, Any]) -> None:
    pred = copy.deepcopy(label)
    pred["details"][0]["first_reporter"] = "a-wire"
    pred["details"][0]["cited_origin"] = {"outlet": "The Compute Report", "date": "2026-03-18"}
    pred["details"][1]["cited_origin"] = {"outlet": "Halvorsen", "date": None}
    got = rows(label, labels_as_timeline(pred, ARTICLES))
    assert got["price"]["first_reporter"] is False
    assert got["price"]["cited_origin"] is False  # right outlet, wrong date
    assert got["closing"]["cited_origin"] is False  # a credit where the label has none
    pred["details"][0]["cited_origin"] = {"outlet": "the compute report", "date": "2026-03-17"}
    assert rows(label, labels_as_timeline(pred, ARTICLES))["price"]["cited_origin"] is True


def test_conflicts_missed_and_false_conflicts(label: dict[str, Any]) -> None:
    pred = copy.deepcopy(label)
    pred["details"][1]["conflicts"] = []
    pred["details"][0]["conflicts"] = [{"value": "$6.4 billion", "articles": ["a-blog"]}]
    got = rows(label, labels_as_timeline(pred, ARTICLES))
    assert got["closing"]["conflict"] is False
    assert got["price"]["false_conflict"] is True
    summary = summarise([{"rows": list(got.values())}])
    assert summary["conflicts_labelled"] == 1 and summary["conflicts_found"] == 0.0
    assert summary["false_conflicts"] == 1


def test_citations_are_matched_on_article_outlet_and_date(label: dict[str, Any]) -> None:
    pred = copy.deepcopy(label)
    pred["citations"][1]["cited_date"] = None  # the date missed
    pred["citations"].append(
        {"article": "a-scoop", "cited_outlet": "Brightline", "cited_date": None, "sentence": SCOOP}
    )
    ids = {a["id"]: a["id"] for a in ARTICLES}
    assert score_citations(label, labels_as_timeline(pred, ARTICLES), ids) == (1, 2, 1)


def test_summarise_rates(label: dict[str, Any]) -> None:
    pred = copy.deepcopy(label)
    pred["details"][0]["first_reporter"] = "a-blog"
    got = rows(label, labels_as_timeline(pred, ARTICLES))
    summary = summarise([{"rows": list(got.values())}])
    assert summary["details"] == 2
    assert summary["one_detail"] == 1.0
    assert summary["first_reporter"] == 0.5
    assert summary["cited_origin"] == 1.0
