"""Split article text into paragraphs and sentences, and recognise boilerplate.

Rule-based on purpose: news prose is regular, and a splitter that knows "U.S.",
"Inc." and "2.8x" is faster and more predictable than a model.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_ABBREV = {
    "u.s",
    "u.k",
    "u.n",
    "e.u",
    "inc",
    "corp",
    "co",
    "ltd",
    "mr",
    "mrs",
    "ms",
    "dr",
    "prof",
    "st",
    "no",
    "vs",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "e.g",
    "i.e",
    "etc",
    "approx",
    "est",
    "fig",
    "gen",
    "sen",
    "rep",
    "gov",
    "jr",
    "sr",
    "p.m",
    "a.m",
    "dept",
    "mt",
    "ft",
}
_BOUNDARY = re.compile(r"(?<=[.!?…])[\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9$€£])")

BOILERPLATE = re.compile(
    r"\b(subscribe|(?:our|this|the|free|daily|weekly) newsletter"
    # (not the newsletter as a source: "by the newsletter's count", "the newsletter reported")
    r"(?!['’]s\b|\s+(?:reported|said|says|wrote|writes|noted|found|cited|counted|first)\b)|"
    r"newsletter (?:sign|subscri)\w*|"
    r"sign up|signup|leave a (reply|comment)|"
    r"share (?:this(?: article| story| post| page)?\b(?!\s+(?:of|is|was|has|rose|fell))|"
    r"on (?:twitter|x|facebook|linkedin|whatsapp|reddit|bluesky|threads|email|social))|"
    r"follow us|all rights reserved|cookie|privacy policy|terms of (use|service)|read more|"
    r"continue reading|related articles?|click here|advertisement|sponsored|"
    r"enter your (email|name|comment)|log ?in to|download our app|support our journalism|"
    r"get (the|our) (latest|daily)|in your inbox|join \d[\d,]* (readers|subscribers)|"
    r"recommended for you|trending now|comments? (are|is) closed|posted in|filed under|"
    r"tags?:|copyright ©?|©)\b",
    re.I,
)


@dataclass(frozen=True)
class Sentence:
    text: str
    paragraph: int  # index of the paragraph within the article
    index: int  # index of the sentence within the article


def paragraphs(text: str) -> list[str]:
    parts = [p.strip() for p in re.split(r"\n\s*\n|\n", text or "")]
    return [p for p in parts if p]


def split_sentences(paragraph: str) -> list[str]:
    out: list[str] = []
    start = 0
    for m in _BOUNDARY.finditer(paragraph):
        candidate = paragraph[start : m.start()].strip()
        if _open_quote(paragraph, start, m.start()):
            continue  # inside a quotation that closes later: the quote is one sentence
        # "J. Smith" and "U.S." do not end a sentence; "HBM3E." does (the E is no initial)
        last_word = re.search(r"(?<![A-Za-z0-9])([A-Za-z.]+)[.!?…][\"'”’)\]]*$", candidate)
        if last_word:
            word = last_word.group(1).lower().rstrip(".")
            # (and initials: "Chief Executive C.C. Wei said")
            initial = re.fullmatch(r"[a-z](?:\.[a-z])*", word) and not (
                # a quotation opens after it, or it is the platform: "Musk said on X."
                paragraph[m.end() : m.end() + 1] in ('"', "“", "'", "‘")
                or re.search(r"\b(?:on|via)\s+X[.!?]$", candidate)
            )
            if word in _ABBREV or initial:
                continue  # "U.S. officials", "Nvidia Corp. said", "J. Smith"
        if candidate:
            out.append(candidate)
        start = m.end()
    tail = paragraph[start:].strip()
    if tail:
        out.append(tail)
    return out


def _open_quote(paragraph: str, start: int, end: int) -> bool:
    """Is a quotation (curly or straight) opened in paragraph[start:end] still open at
    ``end``, and closed later in the paragraph?"""
    span = paragraph[start:end]
    if span.count('"') % 2 == 1 and '"' in paragraph[end:]:
        return True  # a straight quotation: '"The US framed this as a chip problem. ...," said'
    if span.count("“") <= span.count("”"):
        return False
    return "”" in paragraph[end:]


def sentences(text: str) -> list[Sentence]:
    out: list[Sentence] = []
    for p_index, para in enumerate(paragraphs(text)):
        for s in split_sentences(para):
            out.append(Sentence(s, p_index, len(out)))
    return out


# a spec-list line ("Power: 400W each.", "Memory: 96GB"): short, but a fact
SPEC_LINE = re.compile(
    r"^(?!(?:Updated|Published|Posted|Share|Shares|Comments?|Photo|Image|Credit|Read|Views?)\b)"
    r"[A-Z][\w\- ]{1,30}:\s+(?:\$\d|\S*?\d[\d.,]*\s*[A-Za-z%])(?!.*\d:\d\d)"
)


def is_boilerplate(sentence: str) -> bool:
    """Newsletter prompts, share buttons, comment forms and the like."""
    if BOILERPLATE.search(sentence):
        return True
    words = sentence.split()
    return len(words) < 4 and not SPEC_LINE.match(sentence)
