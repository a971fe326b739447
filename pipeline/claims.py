"""Claims: the clauses of a sentence that state something, with the attribution removed.

News sentences pack several facts and wrap them in credit: "Pacific Wire confirmed on
Saturday that Alibaba, ByteDance and Tencent have ordered hundreds of thousands of the
chips, and that prices rose about 20%." Comparing whole sentences across outlets mixes the
credit ("Pacific Wire confirmed on Saturday"), which differs in every retelling, with the
facts, which do not. So details are matched on *claims*: each clause of a sentence, with
datelines and attribution frames stripped ("Alibaba, ByteDance and Tencent have ordered
hundreds of thousands of the chips" / "prices rose about 20%"). Citations themselves are
found separately (pipeline.citations) from the full sentence.

Pure and rule-based: clause boundaries in news prose are few and regular.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# a wire dateline: "SAN FRANCISCO, Sept 21 (Pacific Wire) - "
DATELINE = re.compile(r"^[A-Z][A-Z .,'\-]+,\s+[A-Z][a-z]+\.?\s+\d{1,2}\s*\([^)]*\)\s*[-–—]\s*")
# Where one clause ends and another begins. ", and" only splits when a clause (not a
# list item) follows: "..., and that officials told ..." / "..., and the price rose"; a
# bare "and" only before a subject and its verb ("... in Texas and Tesla will pay ...").
# (Splitting before ", after / as / because ..." too measured development one detail and
# cited origin -1 each, dev3+dev4 one detail +1: left out.)
_SPLIT = re.compile(
    r"\s*;\s+"
    r"|\s+[—–]\s+"
    r"|\s*:\s+(?=\S+(?:\s+\S+){3})"
    r"|,\s+(?:and|but|while|whereas)\s+(?=(?:that|the|its|it|they|their|a|an|[A-Z])\b)"
    r"|,\s+(?=(?:but|while|whereas)\b)"
    # "launched a new processor, and said SoftBank would be its first customer": what it
    # said is a claim of its own
    r"|,\s+and\s+(?:said|says|added|noted|announced|confirmed|disclosed|warned)\s+(?:that\s+)?"
    r"|\s+and\s+(?=(?:the|its|it|they|[A-Z][\w\-]*)\s+(?:will|would|has|have|had|is|are|was|were|"
    r"said|says|plans|expects|can|could)\b)"
)
_SPEAKER = (
    r"(?:[A-Z][\w&'’.\-]*(?:\s+(?:of|de|&|and)?\s*[A-Z][\w&'’.\-]*){0,4}"
    r"|the\s+(?:company|firm|chipmaker|group|government|department|ministry|regulator|"
    r"filing|report|statement|people|person|sources?)"
    r"|(?:one|two|three|several|some)\s+(?:of\s+the\s+)?(?:people|persons?|sources?|analysts?|"
    r"executives?|officials?)(?:\s+[\w\-]+){0,6}?"
    r"|people\s+familiar\s+with\s+[\w\s]{3,30}?|analysts|officials|executives|he|she|they|it)"
)
_VERB = (
    r"(?:said|says|reported|reports|confirmed|confirms|added|adds|wrote|writes|noted|notes|"
    r"told\s+[\w\s]{2,30}?|announced|disclosed|revealed|stated|explained|claimed|"
    r"first\s+reported|broke\s+the\s+news|cautioned|warned)"
)
_WHEN = (
    r"(?:\s+(?:on|last|this|late|early|earlier|in)\s+[\w,]+(?:\s+[\w,]+){0,3}?)?"
    r"(?:\s+(?:in|on)\s+(?:a|an|its|their|his|her)\s+[\w\-]+(?:\s+[\w\-]+)?)?"
)
_LEADING = [
    re.compile(
        r"^(?:[Aa]ccording\s+to|[Pp]er|[Cc]iting|[Aa]s\s+[^,]{2,60}?\s+"
        + _VERB
        + r")[^,]{0,90},\s+"
    ),
    re.compile(r"^(?:" + _SPEAKER + r"|[Tt]he\s+\w+)\s+" + _VERB + _WHEN + r"\s+that\s+"),
    # "Nvidia's filing says it was informed ...", "Nvidia said the rule would stay ..."
    re.compile(
        r"^(?:" + _SPEAKER + r"|[Tt]he\s+\w+)(?:'s|’s)?(?:\s+(?:filing|statement|8-K|report))?\s+"
        r"(?:said|says|told\s+\w+|added|noted|confirmed|disclosed)"
        + _WHEN
        + r"\s+(?=(?:it|they|he|she|the|a|an|its|their)\b)"
    ),
    re.compile(r"^[Ii]n\s+a\s+[\w\s\-]{3,40}?,\s+"),
    re.compile(r"^that\s+"),
    re.compile(r"^[A-Z][\w\-]*(?:\s+[\w\-]+){0,3}:\s+"),  # "Pricing pressure: ..."
]
_TRAILING = [
    # “..., ” said Tomasz Wierzbicki, an analyst at Halyard
    re.compile(r"(?<=[”\"])\s*(?:said|says|added|adds|wrote|writes|told\s+\w+)\s+[^”\"]{2,140}$"),
    re.compile(
        r",?\s+(?:according\s+to|per|citing|as\s+[^,]{2,60}?\s+" + _VERB + r")\s+[^,]{2,90}$"
    ),
    re.compile(r",?\s+(?:confirming|echoing|repeating)\s+(?:a|an|the)\s+[^,]{2,90}$"),
    re.compile(r",\s+" + _SPEAKER + r"\s+" + _VERB + _WHEN + r"$"),
    re.compile(r",\s+" + _VERB + r"\s+" + _SPEAKER + _WHEN + r"$"),
]
_MIDDLE = re.compile(r",\s+" + _SPEAKER + r"\s+" + _VERB + _WHEN + r",\s+")
_WORDS = re.compile(r"\S+")
QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"")  # a quotation, curly or straight


@dataclass(frozen=True)
class Claim:
    text: str  # the clause with attribution stripped: what is embedded and compared
    start: int  # span of the clause within the sentence
    end: int


def _strip(clause: str) -> str:
    text = clause.strip().rstrip(".").strip()
    text = _MIDDLE.sub(", ", text)
    for _ in range(3):
        before = text
        for rx in _LEADING:
            stripped = rx.sub("", text, count=1)
            if len(_WORDS.findall(stripped)) >= 4:
                text = stripped
        for rx in _TRAILING:
            stripped = rx.sub("", text, count=1)
            if len(_WORDS.findall(stripped)) >= 4:
                text = stripped
        if text == before:
            break
    text = text.strip(" ,;:—–-")
    if text.count("“") != text.count("”"):
        text = text.strip("“”")  # a quotation cut by the clause split: drop its orphan mark
    return text[:1].upper() + text[1:] if text else text


# Facts tucked into a clause: an appositive ("Rivos, a start-up that designs RISC-V
# processors, ...") or a participle ("The start-up, founded in 2021, counts ..."). Each is
# a claim of its own about the name before it ("Rivos is a start-up that ...").
_NAME = r"(?:[A-Z][\w&'’\-]*|[a-z]+[A-Z][\w\-]*)(?:\s+[A-Z0-9][\w&'’\-]*){0,3}"
_APPOSITIVE = re.compile(
    r"(?P<head>" + _NAME + r"),\s+(?P<body>(?:a|an|the|its)\s+(?!company said|firm said)"
    r"(?:[^,;:“”\"]|(?<=\d),(?=\d{3})){12,140}?)"
    r"(?=,\s|\.$|$)"
)
_PARTICIPLE = re.compile(
    r"(?P<head>\b[Tt]he\s+[\w\-]+|" + _NAME + r"),\s+"
    r"(?P<body>(?:founded|based|headquartered|built|designed|valued|backed|owned|launched|"
    r"announced|unveiled|released|called|named|developed|made|manufactured|produced)"
    r"\s+(?:[^,;:“”\"]|(?<=\d),(?=\d{3})){3,90}?),(?!\d{3})"
)
_COPULA = {
    "founded": "was",
    "built": "was",
    "launched": "was",
    "announced": "was",
    "unveiled": "was",
    "released": "was",
    "developed": "was",
    "made": "was",
    "manufactured": "was",
    "produced": "was",
}


# A sentence that opens with a prepositional or attribution phrase ending at the head's
# comma ("According to Samsung, the stack runs ...", "In a table shown by CCTV, the PPU
# was listed ...", "Per ATB, the part swaps ..."): what follows the comma is the main
# clause. A verb before the comma ("In raw terms the 950PR is as capable as Nvidia's H20,
# the most advanced ...") means the phrase was already a clause, and the aside stands.
_OPENER = re.compile(
    r"(?i)(?:according\s+to|per|in|on|at|for|by|as|after|before|from|with|under|unlike|like|"
    r"despite|since|during|among|against|to)\b"
    r"(?![^,]*\b(?:is|are|was|were|has|have|had|will|would|can|could|said|says)\b)[^,]*$"
)


def asides(sentence: str) -> list[Claim]:
    """Appositive and participle facts in a sentence, as claims of their own. Not the
    dateline ("SAN FRANCISCO, Oct 23") and not a speaker's description ("Dana Feld, an
    analyst at Halyard, said")."""
    out: list[Claim] = []
    start = 0
    m = DATELINE.match(sentence)
    if m:
        start = m.end()
    quoted = [(q.start(), q.end()) for q in QUOTED.finditer(sentence)]
    for rx in (_APPOSITIVE, _PARTICIPLE):
        for a in rx.finditer(sentence, start):
            head, body = a.group("head").strip(), a.group("body").strip()
            if any(qs <= a.start() < qe for qs, qe in quoted):
                continue  # inside a quotation: the speaker's words are one claim
            if rx is _APPOSITIVE and re.match(r"(?:the|a|an|its)\s+[\w\-]+\s+(?:and|or)\s", body):
                continue  # "the CPU, the server and the software": a list, not a description
            after = sentence[a.end() : a.end() + 30]
            if rx is _APPOSITIVE and re.match(r",\s+(?:said|says|told|wrote|added)\b", after):
                continue  # "Dana Feld, an analyst at Halyard, said": who speaks, not a fact
            if head.split()[0] in ("In", "On", "At", "For", "By", "As", "Per", "But", "And", "Yes"):
                continue
            if _OPENER.match(sentence[start : a.start()]):
                continue  # "According to CCTV, the PPU has ...": the main clause, not an aside
            if re.search(
                r"\b(?:said|says|added|told|wrote|according to)\s+$", sentence[: a.start()]
            ):
                continue  # "..., said Tomasz Wierzbicki, an analyst at Halyard Capital"
            verb = body.split()[0].lower()
            if rx is _PARTICIPLE:
                text = f"{head} {_COPULA.get(verb, 'is')} {body}"
            else:
                text = f"{head} is {body}"
            if len(_WORDS.findall(text)) >= 6:
                out.append(Claim(text[:1].upper() + text[1:], a.start("body"), a.end("body")))
    return out


def claims(sentence: str, min_words: int = 5) -> list[Claim]:
    """The sentence's clauses, attribution removed. A clause shorter than ``min_words``
    stays attached to its neighbour (it is a fragment, not a claim)."""
    offset = 0
    m = DATELINE.match(sentence)
    if m:
        offset = m.end()
    body = sentence[offset:]
    cuts = [0]
    quoted = [(q.start(), q.end()) for q in QUOTED.finditer(body)]
    for b in _SPLIT.finditer(body):
        if any(qs < b.start() < qe for qs, qe in quoted):
            continue  # a quotation is one claim, whatever its commas and "and"s
        cuts.append(b.start())
        cuts.append(b.end())
    cuts.append(len(body))
    spans = [(cuts[i], cuts[i + 1]) for i in range(0, len(cuts), 2)]
    merged: list[tuple[int, int]] = []
    for s, e in spans:
        if merged and (
            len(_WORDS.findall(body[s:e])) < min_words
            or len(_WORDS.findall(body[merged[-1][0] : merged[-1][1]])) < min_words
        ):
            merged[-1] = (merged[-1][0], e)
        else:
            merged.append((s, e))
    out = []
    for s, e in merged:
        text = _strip(body[s:e])
        if text:
            out.append(Claim(text, offset + s, offset + e))
    return out or [Claim(_strip(body) or sentence, offset, len(sentence))]


# Facts in a list of predicates that share one subject: "the racks pull about 160kW each,
# use direct liquid cooling, and scale up over PCIe" states three facts about the racks,
# and a retelling that gives one of them matches none of the whole well. Each predicate
# becomes a claim with the subject in front ("the racks use direct liquid cooling"). Verbs
# are known by a list, not a tagger: news prose uses a small set, and a coordinated
# predicate must take the same form as the first (so "carries ..., lists ..." joins, and
# a noun after a comma does not).
_VERB_STEMS = (
    "acquire add allow announce beat boost build buy carry claim close combine come connect "
    "cost cover cut deliver deploy design double draw drop employ enable end expand expect "
    "fall feature finish gain get give grow hire hold house include integrate invest join "
    "launch lead leave link list lose make match move need offer open own pack pair pay "
    "plan power produce pull push raise reach rely replace require rise run scale sell "
    "serve ship show sign skip slip sit start support take target trade use win notify follow"
).split()
_IRREGULAR_PAST = {
    "built", "bought", "came", "cut", "drew", "fell", "got", "gave", "held", "led", "left",
    "lost", "made", "paid", "rose", "ran", "sold", "showed", "shown", "took", "won", "sat",
}  # fmt: skip
_MODALS = {"will", "would", "can", "could", "may", "might", "should", "must"}


def _forms(stem: str) -> dict[str, str]:
    s = stem + ("es" if stem.endswith(("s", "sh", "ch", "x")) else "s")
    if stem.endswith("y") and stem[-2] not in "aeiou":
        s = stem[:-1] + "ies"
    if stem.endswith("e"):
        ed = stem + "d"
    elif stem.endswith("y") and stem[-2] not in "aeiou":
        ed = stem[:-1] + "ied"
    elif re.fullmatch(r"[^aeiou]*[aeiou][bdgmnprt]", stem):
        ed = stem + stem[-1] + "ed"  # ship -> shipped, plan -> planned
    else:
        ed = stem + "ed"
    return {stem: "base", s: "s", ed: "ed"}


_VERB_FORM: dict[str, str] = {}
for _stem in _VERB_STEMS:
    for _w, _f in _forms(_stem).items():
        _VERB_FORM.setdefault(_w, _f)
for _w in _IRREGULAR_PAST:
    _VERB_FORM[_w] = "ed"
for _w in _MODALS:
    _VERB_FORM[_w] = "modal"
_LIST_SEP = re.compile(r"\s*,\s+(?:and\s+|then\s+)?|\s+and\s+(?:then\s+)?")
_ADVERB = {"also", "now", "then", "still", "each", "both", "already"}
# "has raised $350 million ..., and has started shipping": a perfect tense's auxiliary
# comes before the verb whose form is compared
_AUXILIARY = {"has", "have", "had"}


_WORD = re.compile(r"[A-Za-z][\w\-’']*")


def _form(word: str) -> str | None:
    """A known verb's form ("base", "s", "ed", "modal"); None for other words and for
    capitalised ones (names, not verbs)."""
    return _VERB_FORM.get(word) if word[0].islower() else None


def _verb_at(text: str, pos: int) -> str | None:
    """The form of the verb starting at ``pos`` (an adverb such as "also" may come
    first); None when no known verb starts there."""
    for k, w in enumerate(_WORD.findall(text[pos : pos + 40])[:2]):
        form = _form(w)
        if form:
            return form
        if (w.lower() not in _ADVERB and w.lower() not in _AUXILIARY) or k:
            return None
    return None


def predicates(sentence: str) -> list[Claim]:
    """The predicates of a coordinated list, each as a claim with the shared subject in
    front; empty for other sentences. (The items of a labelled spec list, "AI200: ships
    2027, 768GB per card, built on the Hexagon NPU", as claims too measured validation
    one detail +1 and first reporter -1, development unchanged: left out.)"""
    m = DATELINE.match(sentence)
    start = m.end() if m else 0
    body = sentence[start:].rstrip().rstrip(".")
    if QUOTED.search(body):
        return []  # a speaker's words are one claim
    # the first verb, after a subject of one to eight words in the same clause
    verb = next((w for w in _WORD.finditer(body) if _form(w.group())), None)
    if verb is None:
        return []
    form = _form(verb.group())
    cut = body.rfind(", ", 0, verb.start())  # the subject starts after the last comma
    subject = body[cut + 2 if cut >= 0 else 0 : verb.start()].strip()
    if not 1 <= len(_WORDS.findall(subject)) <= 8:
        return []
    if re.match(r"(?:which|who|whose|whom|that|where|when)\b", subject, re.I):
        return []  # "The chip, which SambaNova says runs ...": a relative clause's verb

    spans = [verb.start()]
    for sep in _LIST_SEP.finditer(body, verb.end()):
        nxt = _verb_at(body, sep.end())
        if nxt and (nxt == form or (form == "modal" and nxt == "base")):
            spans.append(sep.start())
            spans.append(sep.end())
    if len(spans) < 3:
        return []
    spans.append(len(body))
    out = []
    for k in range(0, len(spans), 2):
        s, e = spans[k], spans[k + 1]
        # "will build a fab and hire 400 engineers": the later predicates keep the modal
        modal = f" {verb.group()}" if form == "modal" and k else ""
        head = subject
        if k and body[s:e].split(" ", 1)[0].lower() in _AUXILIARY:
            # "Etched has" + "has started shipping": the predicate brings its own
            head = re.sub(r"\s+(?:has|have|had)$", "", subject, flags=re.I)
        text = _strip(f"{head}{modal} {body[s:e]}")
        if len(_WORDS.findall(text)) >= 5:
            out.append(Claim(text, start + s, start + e))
    return out if len(out) >= 2 else []
