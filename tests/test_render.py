"""The text renderings of a timeline (pure: built from a timeline document)."""

from __future__ import annotations

from typing import Any

from pipeline.render import render_text, timeline_entries


def _detail(i: int, text: str, outlets: int) -> dict[str, Any]:
    return {
        "id": f"d{i}",
        "text": text,
        "cited_origin": None,
        "conflicts": [],
        "reported_by": [{"outlet": f"O{k}"} for k in range(outlets)],
    }


def _doc() -> dict[str, Any]:
    return {
        "story": {
            "id": "s1",
            "title": "Cobalt 300",
            "article_count": 2,
            "outlet_count": 2,
            "first_published_at": "2026-02-09T10:00:00Z",
            "last_published_at": "2026-02-10T10:00:00Z",
        },
        "origin": None,
        "articles": [
            {
                "outlet": "The Compute Report",
                "published_at": "2026-02-09T10:00:00Z",
                "url": "https://cr.example/1",
                "title": "Cobalt 300",
                "new_details": ["d1", "d2", "d3"],
            },
            {
                "outlet": "Pacific Wire",
                "published_at": "2026-02-10T10:00:00Z",
                "url": "https://pw.example/1",
                "title": "Cobalt 300 confirmed",
                "new_details": [],
            },
        ],
        "details": [
            _detail(1, "Amazon is on its fifth Graviton generation.", 1),
            _detail(2, "Cobalt 300 has 192 cores.", 5),
            _detail(3, "It is made on TSMC's 3nm process.", 3),
        ],
        "citations": [
            {
                "cited_outlet": "The Compute Report",
                "cited_date": "2026-02-09",
                "citing_outlet": "Pacific Wire",
            }
        ],
    }


def test_an_articles_firsts_lead_with_what_most_outlets_repeated() -> None:
    [scoop, _] = timeline_entries(_doc())
    assert scoop["first"] == [
        "Cobalt 300 has 192 cores.",
        "It is made on TSMC's 3nm process.",
        "Amazon is on its fifth Graviton generation.",
    ]


def test_one_citing_outlet_is_singular() -> None:
    text = render_text(_doc())
    assert "The Compute Report (cited by 1 outlet)  first: Cobalt 300 has 192 cores." in text


def test_a_cited_origin_sits_on_its_own_day_among_the_articles() -> None:
    doc = _doc()
    doc["articles"].append(
        {
            "outlet": "Foundry Notes",
            "published_at": "2026-02-12T10:00:00Z",
            "url": "https://fn.example/1",
            "title": "N2 is on plan",
            "new_details": ["d4"],
        }
    )
    doc["details"].append(
        _detail(4, "N2 is ramping on plan.", 1)
        | {
            "cited_origin": {
                "outlet": "TSMC",
                "date": "2026-02-11",
                "predates_first_report": True,
                "evidence": "TSMC said yesterday that N2 is ramping on plan.",
                "citing_outlet": "Foundry Notes",
            }
        }
    )
    entries = timeline_entries(doc)
    assert [(e["date"], e["outlet"], e["cited"]) for e in entries] == [
        ("2026-02-09", "The Compute Report", False),
        ("2026-02-10", "Pacific Wire", False),
        ("2026-02-11", "TSMC", True),
        ("2026-02-12", "Foundry Notes", False),
    ]
    # on the day of an article, the cited report comes first
    doc["details"][-1]["cited_origin"]["date"] = "2026-02-10"
    assert [e["outlet"] for e in timeline_entries(doc)][1:3] == ["TSMC", "Pacific Wire"]


def test_an_articles_firsts_name_each_sentence_once() -> None:
    doc = _doc()
    sentence = "Cobalt 300 has 192 cores, Microsoft said."
    doc["details"][1]["first_reported"] = {"sentence": sentence}
    doc["details"][2]["first_reported"] = {"sentence": "It is made on TSMC's 3nm process."}
    doc["details"][0] |= {"text": sentence, "first_reported": {"sentence": sentence}}
    [scoop, _] = timeline_entries(doc)
    # the value detail (more outlets) stands for the sentence; its statement twin is left out
    assert scoop["first"] == ["Cobalt 300 has 192 cores.", "It is made on TSMC's 3nm process."]
