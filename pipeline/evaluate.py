"""Score firstwire against the labelled sample corpus (data/sample/stories/*.yaml).

Used by bench/quality.py and `firstwire eval`. Clustering is scored with B-cubed
precision/recall/F1; details with the share of labelled details shown as exactly one
detail, with the right first reporter, the right cited origin and the labelled
conflicts; citations with precision/recall of (citing article, cited outlet, cited date).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import datetime
from pathlib import Path
from typing import Any

import yaml

from pipeline.timeline import ArticleInput


def _norm(text: str) -> str:
    return re.sub(r"\W+", " ", text).strip().lower()


def load_labels(stories_dir: Path) -> list[dict[str, Any]]:
    return [
        yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted(stories_dir.glob("*.yaml"))
    ]


def _covers(pairs: set[tuple[str, str]], article_id: str, sentence: str) -> bool:
    target = _norm(sentence)
    for aid, s in pairs:
        if aid != article_id:
            continue
        mine = _norm(s)
        if mine == target or (len(mine) > 30 and (mine in target or target in mine)):
            return True
    return False


def best_detail(
    stated: Iterable[tuple[str, str]], predicted: list[tuple[dict[str, Any], set[tuple[str, str]]]]
) -> tuple[dict[str, Any] | None, int]:
    """The predicted detail that shows a labelled one, and how many of its ``stated``
    (article, sentence) pairs it holds: the most labelled sentences, then (when a sentence
    states two facts and so sits in two details) the fewest others."""
    stated = list(stated)
    best, best_cov, best_share = None, 0, 0.0
    for d, pairs in predicted:
        cov = sum(1 for a, s in stated if _covers(pairs, a, s))
        share = cov / max(1, len(pairs))
        if cov > best_cov or (cov and cov == best_cov and share > best_share):
            best, best_cov, best_share = d, cov, share
    return best, best_cov


def label_inputs(articles: list[dict[str, Any]]) -> list[ArticleInput]:
    """A story file's articles as timeline inputs: the YAML text (subheadings dropped, as
    the extracted page has them), the feed's time, article ids as URLs."""
    return [
        ArticleInput(
            a["id"],
            a["id"],
            a["outlet"],
            a["title"],
            "\n".join(p for p in a["paragraphs"] if not p.startswith("## ")),
            datetime.fromisoformat(a["published"].replace("Z", "+00:00")),
            None,
            "feed",
        )
        for a in articles
    ]


def score_details(
    label: dict[str, Any], timeline: dict[str, Any], url_of: dict[str, str]
) -> dict[str, Any]:
    """Compare one story's labelled details with a computed timeline. ``url_of`` maps
    label article ids to the article ids used in the timeline's mentions."""
    rows = []
    predicted = []
    for d in timeline["details"]:
        pairs = {(m["article_id"], m["sentence"]) for m in d.get("mentions", [])}
        predicted.append((d, pairs))
    first_url = {a["id"]: a["url"] for a in timeline["articles"]}
    outlet_of = {a["id"]: a["outlet"] for a in timeline["articles"]}
    for L in label.get("details") or []:
        stated = [(url_of[a], s) for a, s in L["stated_in"].items()]
        best, best_cov = best_detail(stated, predicted)
        one = best is not None and best_cov == len(stated)
        first_ok = False
        origin_ok = False
        conflict_ok = None
        if best is not None:
            want_first = first_url.get(url_of[L["first_reporter"]])
            first_ok = best["first_reported"]["url"] == want_first
            want = L.get("cited_origin")
            got = best.get("cited_origin")
            if not want:
                origin_ok = got is None
            else:
                origin_ok = bool(
                    got
                    and got["outlet"].casefold() == str(want["outlet"]).casefold()
                    and (got["date"] or None) == (str(want["date"]) if want.get("date") else None)
                )
        if L.get("conflicts"):
            # found when some detail that holds a conflicting article's sentence flags a
            # conflict naming that article's outlet
            conflict_ok = True
            for c in L["conflicts"]:
                for art in c["articles"]:
                    aid = url_of[art]
                    sentence = L["stated_in"].get(art, "")
                    outlet = outlet_of.get(aid)
                    conflict_ok &= any(
                        d["conflicts"]
                        and _covers(pairs, aid, sentence)
                        and any(outlet in x["outlets"] for x in d["conflicts"])
                        for d, pairs in predicted
                    )
        # a conflict shown on a detail whose outlets all agree
        false_conflict = bool(best is not None and not L.get("conflicts") and best["conflicts"])
        rows.append(
            {
                "id": L["id"],
                "false_conflict": false_conflict,
                "one_detail": one,
                "first_reporter": first_ok,
                "cited_origin": origin_ok,
                "conflict": conflict_ok,
                "covered": best_cov,
                "stated": len(stated),
            }
        )
    return {"story": label["story"], "rows": rows}


def score_citations(
    label: dict[str, Any], timeline: dict[str, Any], url_of: dict[str, str]
) -> tuple[int, int, int]:
    """(true positives, false positives, false negatives) of (article, outlet, date)."""
    gold = {
        (
            url_of[c["article"]],
            c["cited_outlet"].casefold(),
            str(c["cited_date"]) if c.get("cited_date") else None,
        )
        for c in label.get("citations") or []
    }
    by_url = {a["url"]: a["id"] for a in timeline["articles"]}
    pred = {
        (
            by_url.get(c["citing_url"], c["citing_url"]),
            c["cited_outlet"].casefold(),
            c["cited_date"],
        )
        for c in timeline["citations"]
    }
    return len(gold & pred), len(pred - gold), len(gold - pred)


def labels_as_timeline(label: dict[str, Any], articles: list[dict[str, Any]]) -> dict[str, Any]:
    """A story's labels in the shape of a computed timeline, so the scorer can read one
    labeller's set as the prediction and another's as the truth (bench/label_agreement.py).
    Article ids serve as URLs."""
    outlet = {a["id"]: a["outlet"] for a in articles}
    details = []
    for d in label.get("details") or []:
        conflicts = [
            {"value": c.get("value"), "outlets": sorted({outlet[a] for a in c["articles"]})}
            for c in d.get("conflicts") or []
        ]
        if conflicts:
            # the scorer looks for the conflicting outlets among a flagged detail's sides
            others = sorted({outlet[a] for a in d["stated_in"]} - set(conflicts[0]["outlets"]))
            conflicts.append({"value": None, "outlets": others})
        details.append(
            {
                "id": d["id"],
                "mentions": [{"article_id": a, "sentence": s} for a, s in d["stated_in"].items()],
                "first_reported": {"url": d["first_reporter"]},
                "cited_origin": (
                    {
                        "outlet": d["cited_origin"]["outlet"],
                        "date": str(d["cited_origin"]["date"])
                        if d["cited_origin"].get("date")
                        else None,
                    }
                    if d.get("cited_origin")
                    else None
                ),
                "conflicts": conflicts,
            }
        )
    citations = [
        {
            "citing_url": c["article"],
            "cited_outlet": c["cited_outlet"],
            "cited_date": str(c["cited_date"]) if c.get("cited_date") else None,
        }
        for c in label.get("citations") or []
    ]
    return {
        "articles": [{"id": a["id"], "url": a["id"], "outlet": a["outlet"]} for a in articles],
        "details": details,
        "citations": citations,
    }


def summarise(results: Iterable[dict[str, Any]]) -> dict[str, float]:
    rows = [r for res in results for r in res["rows"]]
    if not rows:
        return {}
    conflicts = [r for r in rows if r["conflict"] is not None]
    return {
        "details": len(rows),
        "one_detail": sum(r["one_detail"] for r in rows) / len(rows),
        "first_reporter": sum(r["first_reporter"] for r in rows) / len(rows),
        "cited_origin": sum(r["cited_origin"] for r in rows) / len(rows),
        "false_conflicts": sum(r["false_conflict"] for r in rows),
        "conflicts_labelled": len(conflicts),
        "conflicts_found": (sum(bool(r["conflict"]) for r in conflicts) / len(conflicts))
        if conflicts
        else 1.0,
    }
