"""Event keys: the names, product codes and quantities that say *which* event an article
is about. "Nvidia" and "China" are in every story of this beat; "H20", "$5.5 billion",
"MI308" and "15%" are what tell an export ban from an export licence. Keys are weighted
by inverse document frequency when stories are compared (see pipeline.cluster).
"""

from __future__ import annotations

import re

from pipeline.claims import DATELINE
from pipeline.quantities import quantity_keys

_CAP_TOKEN = re.compile(r"\b[A-Z][A-Za-z0-9&\-]*[A-Za-z0-9]|\b[A-Z]\b")
_CODE_TOKEN = re.compile(
    r"\b(?=[A-Za-z0-9\-]*\d)(?=[A-Za-z0-9\-]*[A-Za-z])[A-Za-z0-9][A-Za-z0-9\-]{1,15}\b"
)
STOP = {
    w.lower()
    for w in """A An The And But Or Nor For So Yet In On At To Of By With From As Into Onto Over
    Under After Before Since Until While During About Above Below Between Among Through It Its
    This That These Those There Their They Them He She His Her We Our Us You Your I If When Where
    Why How What Which Who Whom Whose Not No Yes All Any Some Each Every Both Either Neither One
    Two Three First Second Third New Now Then Than Also Just Only Even Still More Most Less Least
    Many Much Such Very Can Could Would Should May Might Must Will Shall Do Does Did Has Have Had
    Is Are Was Were Be Been Being Mr Ms Mrs Dr Inc Corp Ltd Co LLC Group Company Companies
    According Meanwhile However Instead Here Analysts Analyst Sources People Read Related Share
    Subscribe Sign Update Updated Editor Editors Note Photo Image Credit Getty Reporting Writing
    January February March April May June July August September October November December
    Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Monday Tuesday Wednesday Thursday Friday
    Saturday Sunday Today Yesterday Tomorrow Q1 Q2 Q3 Q4 H1 H2 AI US U.S UK EU
    CEO CFO CTO AM PM EDT EST CDT CST MDT MST PDT PST GMT UTC BST CET CEST JST KST HKT SGT
    IST""".split()
}
# a wire dateline names the outlet itself ("SAN FRANCISCO, Sept 21 (Pacific Wire) - "): that
# says who wrote the article, not which event it is about
_DATELINE = re.compile(DATELINE.pattern, re.M)


def entity_keys(text: str) -> set[str]:
    keys: set[str] = set()
    for m in _CAP_TOKEN.finditer(text):
        token = m.group(0).strip("-")
        low = token.lower()
        if len(low) < 2 or low in STOP:
            continue
        keys.add("e:" + low)
    for m in _CODE_TOKEN.finditer(text):
        token = m.group(0).lower().strip("-")
        if re.fullmatch(r"\d+(-\w+)?", token) or re.fullmatch(r"(19|20)\d\d\w*", token):
            continue
        keys.add("e:" + token)
    return keys


def lead(title: str | None, text: str | None, chars: int = 700) -> str:
    """Headline plus the opening of the text (cut at a sentence end when possible)."""
    body = (text or "").strip()
    if len(body) > chars:
        cut = body.rfind(". ", 0, chars)
        body = body[: cut + 1] if cut > chars // 3 else body[:chars]
    return f"{(title or '').strip()}. {body}".strip(". ").strip()


def event_keys(title: str | None, text: str | None, chars: int = 700) -> set[str]:
    snippet = lead(title, _DATELINE.sub("", text or ""), chars)
    return entity_keys(snippet) | {"q:" + k for k in quantity_keys(snippet)}
