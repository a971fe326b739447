"""Find attributions ("according to a report from The Information", "Reuters confirmed on
April 4, 2026", "the Financial Times reported") and resolve their dates against the
citing article's own date.

Known outlets (sources.yaml names and aliases) are matched first; other organisations
are kept too when the sentence pattern makes the attribution unambiguous.

The finder combines three modules of pure helpers: pipeline.credit_patterns (what a
credit looks like), pipeline.credit_names (whom it names) and pipeline.credit_dates (when
it was made). Date expressions themselves are read by pipeline.textdates.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from pipeline.claims import QUOTED
from pipeline.credit_dates import (
    date_near,
    not_after,
)
from pipeline.credit_names import (
    BOTH,
    COMPANY_NAME_WORDS,
    CORPORATE_SUFFIX,
    DEMONYMS,
    KNOWN_EXECUTIVES,
    LOWER_NAMES,
    NAME_GLOSS,
    OFFICER,
    OPENING_POSSESSIVE,
    ORG_ALIASES,
    ORG_LAST_WORDS,
    ORG_NAME,
    OWNER,
    PERSON,
    PLACES,
    SUBJECT,
    TITLED,
    US_DEPARTMENTS,
    acronyms,
    bare,
    bare_officer,
    body_title_of,
    drop_starts,
    employer_of,
    first_org,
    known_executive,
    looks_like_person,
    with_lower_word,
    written_as_business,
)
from pipeline.credit_patterns import (
    ANALYST_BEFORE,
    APPOSITIVE,
    ATTRIBUTION_VERBS,
    CONSENSUS,
    DAYS_AFTER,
    DOCUMENT_DAY,
    DOCUMENT_WORDS,
    GENERIC,
    GOVERNMENT,
    HYPOTHETICAL,
    INDIRECT_QUESTION,
    LISTED_NAME,
    MINISTER_OFFICES,
    MONTH_OR_WEEKDAY,
    NAME_LIST,
    NOT_A_CREDIT,
    NOTE_AHEAD,
    OBJECT_BEFORE,
    ORG_ROLE_AFTER,
    ORG_ROLE_BEFORE,
    OWN_CLAUSE,
    PATTERNS,
    REPORT_AFTER,
    RESEARCH_ARM,
    SPEAKER_ASIDE,
    THEY_SAID,
    UNDATED,
    UNNAMED_NEAR,
    VERB_WORDS,
    is_attribution_context,
)
from pipeline.keys import STOP
from pipeline.quantities import WORD_NUMBERS
from pipeline.textdates import (
    first_date,
    last_date,
    opening_shift,
    relative_shift,
    resolve_date,
)


@dataclass(frozen=True)
class Citation:
    cited_outlet: str  # canonical name when known, else the name as written
    cited_date: date | None
    sentence: str
    known: bool  # matched a source in sources.yaml


# words that continue a company's name and never begin one ("... Manufacturing Co.")
_NAME_TAIL = re.compile(
    r"(?:Manufacturing|Semiconductor|Electronics|Technologies|Industries|Industry|Precision|"
    r"Devices|Holdings|Holding|Computer|Corporation|Co\.?|Corp\.?|Inc\.?|Ltd\.?)\s"
)


# a department's secretary with the title in lowercase ("Commerce secretary Gina Raimondo")
_LOWER_SECRETARY = re.compile(
    r"\b(?:US |U\.S\. )?(?:"
    + "|".join(f"[{d[0]}{d[0].lower()}]{d[1:]}" for d in US_DEPARTMENTS)
    + r") secretary(?= [A-Z][a-z]+ [A-Z])"
)

# a head of government or state by title ("Indian Prime Minister Narendra Modi"): the
# person speaks, and a US president for the White House; "President" alone is also a
# company's title ("Rapidus President Atsuyoshi Koike"), so it needs a country or a name
_HEAD = re.compile(
    rf"(?:(?P<country>[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)(?:'s|’s)?\s+)?(?:(?:Deputy|Vice)\s+)?"
    rf"(?P<office>Prime\s+Minister|Premier|Chancellor|President)\s+(?P<who>{PERSON})"
)
_US = {"us", "u.s.", "american"}
_US_PRESIDENTS = {"Donald Trump", "Trump", "Joe Biden", "Biden"}
# presidents the press names by title alone ("President Emmanuel Macron said"), where a
# bare "President Name" is otherwise a company's ("President Koji Kawashima told")
_KNOWN_HEADS = {
    "Emmanuel Macron", "Lee Jae-myung", "Yoon Suk Yeol", "Lai Ching-te", "Tsai Ing-wen",
    "Xi Jinping", "Prabowo Subianto", "Ferdinand Marcos",
}  # fmt: skip


@lru_cache(maxsize=4096)
def _head_of_government(text: str) -> str | None:
    """Who speaks when a head of government or state does, by title: the person, and
    for a US president the White House."""
    head = _HEAD.fullmatch(text.replace("_", " "))
    if not head or (
        # a firm named like a title ("Premier Foods", "President Energy"): a head of
        # government goes by full name, a US president by surname alone too
        " " not in head.group("who") and head.group("who") not in _US_PRESIDENTS
    ):
        return None
    country = (head.group("country") or "").casefold()
    if head.group("who") in _US_PRESIDENTS or (
        country in _US and head.group("office") == "President"
    ):
        return "White House"
    if (
        head.group("office") != "President"
        or country in PLACES
        or country in DEMONYMS
        or head.group("who") in _KNOWN_HEADS
    ):
        return head.group("who")
    return None


# a day's edition before a name ("Saturday's Asahi Shimbun"): the day, not the name
_EDITION_DAY = re.compile(r"((?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)(?:'s|’s)\s+(?=[A-Z])")

# outlets and bodies whose own name holds a possessive: kept whole, where "Taiwan's
# Ministry of ..." loses its place's ("Attorney-General's Chambers": a title's)
_OWN_POSSESSIVE = re.compile(
    r"(?:Tom|Moore|Barron)(?:'s|’s)(?:\s+[A-Z][\w\-]*)*|[A-Z][a-z]+-[A-Z][a-z]+(?:'s|’s)\s+[A-Z]\w*"
)


# a capital city standing for its government ("Beijing's commerce ministry")
_CAPITALS = {
    "Beijing": "China", "Tokyo": "Japan", "Seoul": "South Korea", "Taipei": "Taiwan",
    "Washington": "US", "New Delhi": "India", "Brussels": "EU",
}  # fmt: skip

# countries a sentence names, for a ministry it names without one ("Taiwan's exports rose,
# the Ministry of Finance said"); not the US, whose government has departments instead
_COUNTRY_WORDS = {
    "China": "China", "Taiwan": "Taiwan", "South Korea": "South Korea", "Korea": "South Korea",
    "Japan": "Japan", "India": "India", "Germany": "Germany", "France": "France",
    "Britain": "UK", "UK": "UK", "Netherlands": "Netherlands", "Malaysia": "Malaysia",
    "Vietnam": "Vietnam", "Singapore": "Singapore", "Saudi Arabia": "Saudi Arabia",
    "Indonesia": "Indonesia",
    # capitals standing for their governments ("Beijing firmly opposes"); not adjectives,
    # which describe as often as they name ("the Dutch side's move", for China's ministry)
    **{city: country for city, country in _CAPITALS.items() if country not in ("US", "EU")},
}  # fmt: skip
_COUNTRY = re.compile(
    r"(?<![\w.])("
    + "|".join(re.escape(w) for w in sorted(_COUNTRY_WORDS, key=len, reverse=True))
    + r")(?![\w])((?:'s|’s)?)"
)


def _sentence_country(sentence: str) -> str | None:
    """The country a sentence is about: the first one it names when that one is a
    possessive ("Taiwan's exports"), else the only one it names."""
    named = [(_COUNTRY_WORDS[m.group(1)], bool(m.group(2))) for m in _COUNTRY.finditer(sentence)]
    if not named:
        return None
    if named[0][1] or len({c for c, _ in named}) == 1:
        return named[0][0]
    return None


# who "prosecutors" speak for: "the US Justice Department", "the Taipei District
# Prosecutors Office"
_PROSECUTING_OFFICE = re.compile(
    r"\b(?:(?:US|U\.S\.) )?(?:Justice Department|Department of Justice)\b"
    r"|\b(?:[A-Z][\w.\-]* ){1,3}(?:District )?Prosecutors?(?:'|’|'s|’s)? Office\b"
)

# a European commissioner or the Commission's president, by title ("Tech Commissioner Henna
# Virkkunen"; not "FCC Commissioner ..." or "Federal Trade Commissioner ...": another
# body's), or "von der Leyen" (whose "von
# der" the person pattern cannot read)
_EU_COMMISSIONER = re.compile(
    rf"(?:(?:EU|European)\s+)?(?!(?:Federal|State|National|Securities|Communications)\b)"
    rf"(?:[A-Z][a-z]+\s+){{0,2}}Commissioner\s+{PERSON}"
    rf"|(?:(?:EU|European)\s+)?Commission\s+(?:(?:Executive\s+)?Vice[- ])?President\s+{PERSON}"
    rf"|(?:Ursula\s+)?(?:von\s+der\s+)?Leyen"
)

_NOT_VERIFIED = re.compile(
    r"\s+(?:could not|couldn't|was unable to|has not been able to|cannot|can't|did not)\s+"
    r"(?:independently\s+)?(?:verify|confirm|corroborate)\b"
)
# social platforms: where someone posted, not who spoke
_PLATFORMS = frozenset(
    {"X", "Weibo", "WeChat", "Twitter", "LinkedIn", "Reddit", "Douyin", "TikTok", "Xiaohongshu",
     "Facebook", "Threads", "Bilibili", "Zhihu", "Naver", "Telegram"}
)  # fmt: skip

# participles that may hang off a known name ("Bloomberg-compiled", "Reuters-reported")
_HYPHEN_OK = r"(?:based|backed|owned|compiled|led|run|reported|sourced|linked)\b"


def _capitalised(name: str) -> str:
    """A pattern for an outlet's name in any case but with its capitals kept as capitals
    ("REUTERS", "Sk Hynix"): "without saying how it obtained the information" does not
    name The Information."""
    words = []
    for w in name.split():
        if w.casefold() == "the" or not w[0].isupper():
            words.append(f"(?i:{re.escape(w)})")
        else:
            words.append(re.escape(w[0]) + (f"(?i:{re.escape(w[1:])})" if len(w) > 1 else ""))
    return r"\s+".join(words)


def _initials(outlet: str) -> str | None:
    """An outlet's name by its initials, as it calls itself: "Data Center Dynamics" is
    "DCD", "The Economic Times" "ET"."""
    words = [w for w in re.findall(r"[A-Za-z][\w'’]*", outlet) if w.lower() not in ("the", "of")]
    return "".join(w[0].upper() for w in words) if len(words) >= 2 else None


def _last_word(outlet: str) -> str | None:
    """The word a paper calls itself by ("the Journal", "the Post"); not "Times" or "News",
    which name other papers as often ("The Times" in the Financial Times is London's)."""
    words = bare(outlet).split()
    if len(words) < 2 or words[-1] in ("times", "news", "daily", "report", "review"):
        return None
    return words[-1]


# "Q:", "HOST:", "HAAS:" opening a transcript's line
_SPEAKER_LABEL = re.compile(r"^([A-Z][A-Z'’\-]{0,20}):\s+")
_ROLE_LABELS = frozenset({"Q", "A", "HOST", "GUEST", "ANCHOR", "REPORTER", "INTERVIEWER"})
# a speaker's own earlier words: "As we said on Tuesday's call", "Like I told Bloomberg"
_OWN_WORDS = re.compile(
    r"\b(?:[Ww]e|I)\s+(?:said|disclosed|announced|told|reported|noted|flagged)\b"
)
# the question closing an interviewer's premise: "..., can you confirm that?"
_QUESTION_TAIL = re.compile(
    r",\s+(?:and\s+|but\s+|so\s+)?(?:is|are|was|can|could|does|do|did|will|would|what|how|"
    r"why|has|have|should|where|when|who|any)\b[^,]*\?\s*$"
)


# words that make "X Y of Z" an office or a body, not a person of a firm ("Vice Minister of
# Commerce", "Federal Bank of ...")
_NOT_A_PERSON = (
    r"\b(?:Minister|Ministry|Secretary|President|Director|Chairman|Chair|Governor|"
    r"Commissioner|Chief|Officer|Head|Deputy|Vice|Senior|General|Bureau|Department|Bank|"
    r"University|Institute|Board|Council|Association|Commission|Office|Court|State|States|"
    r"Republic|Federal|National|Central|People|Committee|House|Attorney|Prime|Finance)\b"
)


class CitationFinder:
    """Finds citations in sentences, knowing the outlets of sources.yaml."""

    def __init__(
        self,
        outlets: dict[str, list[str]],
        extra_orgs: list[str] | None = None,
        executives: dict[str, str] | None = None,
    ):
        # people quoted by name alone ("Jensen Huang said"): whom they speak for; the
        # built-in list plus sources.yaml's ``executives``
        self.executives = {**KNOWN_EXECUTIVES, **(executives or {})}
        # name -> aliases; matched case-insensitively, longest first
        self._names: list[tuple[str, str]] = []
        for name, aliases in outlets.items():
            for n in {name, *aliases}:
                self._names.append((n, name))
        self._names.sort(key=lambda x: -len(x[0]))
        # (not inside a hyphenated word: "the Information-technology Promotion Agency",
        # though "a Bloomberg-compiled consensus" is Bloomberg's)
        self._known_re = [
            (re.compile(rf"(?<![\w]){_capitalised(n)}(?![\w]|-(?!{_HYPHEN_OK})[a-z])"), canon)
            for n, canon in self._names
        ]

    def find(
        self,
        sentence: str,
        article_day: date,
        citing_outlet: str | None,
        *,
        subject: str | None = None,
        article_text: str = "",
        previous_day: date | None = None,
        story_text: str = "",
        partner: str | None = None,
        before: str | Sequence[str] = "",
        orgs: frozenset[tuple[str, str]] = frozenset(),
    ) -> list[Citation]:
        """Citations in one sentence. ``subject`` is the organisation "the company" refers
        to (the story's main actor, when known); ``article_text`` lets person names
        ("Feld said") be told from organisations; ``previous_day`` is the last date the
        article gave before this sentence, which "A day later, AMD said" counts from.
        ``orgs`` are the story's organisations (:meth:`story_orgs`): "the company said"
        means the first of them named earlier in the sentence, else in ``before`` (the
        sentences before it, nearest first), and only failing both ``subject``."""
        candidates: dict[str, tuple[int, bool]] = {}
        # a day a pattern reads itself: "(via Les Echos, Thursday)", "• Nvidia: said Thursday"
        given: dict[str, date | None] = {}
        by_subject: list[tuple[str, int]] = []
        as_written = sentence  # what the citation shows as its evidence
        # a transcript's speaker label ("Q: Bloomberg reported on Monday ...", "HAAS: We
        # said on the Feb. 4 call ..."): the words after it are read; an executive's "we
        # said" or "I told" is their company's
        label = _SPEAKER_LABEL.match(sentence)
        org = self._label_org(label.group(1)) if label else None
        if label and (org or label.group(1) in _ROLE_LABELS):
            # (not a newsletter's "TSMC: said Thursday ...": a company, not a speaker)
            sentence = sentence[label.end() :]
            own = _OWN_WORDS.search(sentence)
            if org and own:
                given[org] = date_near(sentence, own.start(), article_day)
                by_subject.append((org, own.start()))
        if sentence.rstrip().endswith("?"):
            # "Q: The FT says regulators summoned you, is that right?": the premise before
            # the question is read ("Will Nvidia's guidance justify ...?" attributes nothing)
            tail = _QUESTION_TAIL.search(sentence)
            if not tail or tail.start() == 0:
                return []
            sentence = sentence[: tail.start()] + "."
        # "Japan's Ministry of Economy, Trade and Industry (METI) said", "Chairman C.C. Wei
        # (魏哲家) told": a name's acronym or Chinese name stands between it and its verb
        # (an outlet in brackets is a credit: "deal wobbles (WSJ)")
        sentence = NAME_GLOSS.sub(
            lambda k: k.group(0) if self._match_name(k.group(1))[1] else "", sentence
        )
        original = sentence
        # "SK hynix said": a name with a lowercase word, joined (same length) so the
        # name patterns read it as one word
        sentence = LOWER_NAMES.sub(lambda k: k.group(0).replace(" ", "_"), sentence)
        # "Commerce secretary Gina Raimondo said": a lowercase title joined the same way,
        # so the department speaks as it does for "Commerce Secretary"
        sentence = _LOWER_SECRETARY.sub(lambda k: k.group(0).replace(" ", "_"), sentence)
        if re.match(r"\(?(?:Reporting|Writing|Additional reporting) by\b", sentence):
            return []  # a wire byline names reporters, not sources
        if re.match(r"(?:Read|Subscribe to|Sign up for) (?:our|the)\b", sentence):
            return []  # "Read our full breakdown of Nvidia's guidance": a promotion
        # "TSMC, the company that makes chips for Apple, Nvidia and AMD, said on Friday":
        # the sentence's subject speaks; names inside its description do not
        aside = SPEAKER_ASIDE.match(sentence)
        # a speaker's own words credit nobody for the article: "“... can't get past
        # Nvidia's tests,” said Herzog"
        quoted = [(q.start(), q.end()) for q in QUOTED.finditer(sentence)]
        for pattern in PATTERNS:
            for m in pattern.finditer(sentence):
                if (
                    aside
                    and aside.end("name") < m.start() < aside.end("desc")
                    and not aside.group("desc").startswith("citing")
                ):
                    continue  # a name inside a description; one cited ("citing X") counts
                if any(qs < m.start() < qe for qs, qe in quoted):
                    continue
                if m.group(0)[:4].lower() == "per " and re.search(
                    r"\d(?:[\d,.]*\d)?\s*(?:[\w\-]+\s+)?$", sentence[: m.start()]
                ):
                    continue  # a rate, not a credit: "144 chips per UltraServer"
                if (
                    NOT_A_CREDIT.match(sentence, m.end())
                    or HYPOTHETICAL.search(sentence[max(0, m.start() - 12) : m.start()])
                    or INDIRECT_QUESTION.search(sentence[max(0, m.start() - 40) : m.start()])
                    or UNNAMED_NEAR.search(sentence[max(0, m.start() - 48) : m.start()])
                ):
                    continue
                group = next(
                    g
                    for g in (
                        "name", "name2", "name3", "name4", "name5", "name6", "pron", "body",
                        "outlet", "outlet2", "outlet3",
                    )
                    if g in m.re.groupindex and m.group(g)
                )  # fmt: skip
                if m.start(group) > 0 and sentence[m.start(group) - 1].isalnum():
                    continue  # the tail of a word ("Kr" of "36Kr"), not a name
                raw = m.group(group).strip().rstrip(".,;:")
                if re.fullmatch(r"(?:[Tt]he\s+)?[A-Z][\w.]*-(?:based|headquartered)", raw):
                    # "The Beijing-based company forecast ... and said": "the company"
                    if subject and re.match(
                        r"\s+(?:company|firm|chipmaker|group|start-?up|designer|maker)\b",
                        sentence[m.end(group) :],
                    ):
                        by_subject.append((subject, m.start(group)))
                    continue
                if re.match(_NAME_TAIL, raw):
                    # "Taiwan Semiconductor Manufacturing Co. Chairman C.C. Wei told": a long
                    # name the pattern cut; its start is right before
                    head = re.search(r"(?:[A-Z][\w&\-]*\s+){1,3}$", original[: m.start(group)])
                    if head:
                        raw = head.group(0) + raw
                if raw in _PLATFORMS and (
                    re.search(r"\b(?:on|to) $", sentence[: m.start(group)])
                    or re.match(
                        r"\s+(?:post|thread|account|livestream|video)\b", sentence[m.end(group) :]
                    )
                ):
                    # "a leaker on X claimed", "a post on Weibo", "a Weibo post from ...": the
                    # platform
                    continue
                if (
                    m.start() == m.start(group)
                    and OBJECT_BEFORE.search(sentence[max(0, m.start() - 12) : m.start()])
                    and ", which " not in m.group(0)  # "at odds with Omdia, which forecast"
                ):
                    continue  # "Operators that lease capacity to Microsoft told X": an object
                if group == "body":
                    # "according to commission staff": only a body the article names
                    local = self._named_body(
                        original, m.start(group), before, article_text, story_text
                    )
                    if local:
                        by_subject.append((local, m.start(group)))
                    continue
                if group in ("pron", "name5"):
                    # "it said": the organisation named just before, or nobody; "according
                    # to the company": that, else the story's company
                    local = self._named_body(
                        original, m.start(), before, article_text, story_text
                    ) or (first_org(original[: m.start()], orgs, before))
                    if group == "name5" and not local:
                        local = subject
                    if (
                        group == "pron"
                        and subject
                        and re.match(r"(?:The|Its) (?:company|firm|chipmaker)\b", original)
                        and not first_org(original[: m.start()], orgs)
                    ):
                        # "The company kept its capex budget at $52 billion, it said": the
                        # sentence's own subject, the story's company
                        local = subject
                    if local:
                        by_subject.append((local, m.start(group)))
                    continue
                # "analysts at Morgan Stanley said in a note": the firm's publication
                analyst = ANALYST_BEFORE.search(sentence[: m.start(group)])
                if analyst and re.search(
                    r"\b[Hh]/[Tt] (?:to )?[^,;]*$", analyst.string[: analyst.end()]
                ):
                    analyst = None  # "h/t to Tae Kim at Barron's": a reporter's outlet
                in_note = bool(analyst and NOTE_AHEAD.match(sentence, m.start(group)))
                if analyst and not in_note:
                    continue  # "Lena Ferraro at Northgate Advisors said": an analyst's view
                if m.re is THEY_SAID and not BOTH.search(sentence):
                    continue  # "they said" is the companies only when the sentence says so
                if raw.lower() in (
                    "said",
                    "says",
                    "warned",
                    "companies",
                    "claims",
                    "claimed",
                    "reiterated",
                    "reported",
                    "denied",
                    "disclosed",
                    "described",
                    "put",
                    "guided",
                    "expects",
                    "forecast",
                    "announced",
                    "confirmed",
                    "added",
                    "reaffirmed",
                    "told",
                    "filing",
                    "filings",
                    "statement",
                    "announcement",
                    "press release",
                    "blog post",
                    "disclosure",
                    "regulatory filing",
                    "regulatory filings",
                    "8-k",
                    "10-q",
                    "10-k",
                    "20-f",
                    "s-1",
                    "f-1",
                    "prospectus",
                    "website",
                    "pricing page",
                    "product page",
                    "annual report",
                    "quarterly report",
                    "earnings report",
                    "financial report",
                ):
                    # "the company said", "in a filing": the story's subject, unless the
                    # sentence names its speaker ("Nvidia said in a filing")
                    # "the companies said" is the story's two parties, whoever came before
                    # "Hanmi Semiconductor has won an order from SK Hynix, the company
                    # said": the story's own company, when the sentence names it
                    # ... and "Baidu owns 59% of Kunlunxin, the filing showed": the story's
                    # own document, when the sentence names its company
                    named_subject = (
                        subject
                        if subject
                        and (
                            re.search(
                                r"\b(?:the|a) (?:company|firm)\b",
                                original[: m.start(group)][-40:],
                            )
                            or (
                                re.search(r"\bthe $", original[: m.start(group)])
                                and re.match(r"(?:filing|prospectus)\b", m.group(group))
                            )
                        )
                        and re.search(rf"\b{re.escape(subject)}\b", original[: m.start()])
                        else None
                    )
                    if (
                        subject
                        and not named_subject
                        and re.match(r"(?:The (?:company|firm|chipmaker)|Its)\b", original)
                        and re.match(r"(?:filing|prospectus)\b", m.group(group))
                        and not first_org(original[: m.start()], orgs)
                    ):
                        # "The company's net loss narrowed ..., according to the prospectus",
                        # "Its prospectus shows that Baidu bought ...": the story's company
                        named_subject = subject
                    local = (
                        None
                        if BOTH.search(sentence)
                        else self._possessor(original, m.start(), m.start(group), article_text)
                        or named_subject
                        # (within the clause: "...; Nvidia said in a statement on Tuesday")
                        or first_org(original[: m.start()].split(";")[-1], orgs)
                        or (
                            self._document_owner(original, m, article_text)
                            if m.group(group) not in ("said", "says")
                            else None
                        )
                        or self._opening_subject(original, m, article_text)
                        or first_org("", orgs, before)
                        or self._opening_owner(original, m.start(), article_text)
                    )
                    if local or subject:
                        by_subject.append((local or subject or "", m.start(group)))
                        if BOTH.search(sentence):
                            self._parties(
                                original[: m.start()], sentence, local or subject or "",
                                partner, article_text, by_subject, m.start(group),
                            )  # fmt: skip
                    continue
                # "Wafer and Watt" is one outlet; "ATB and Bloomberg" are two
                keep_whole = any(
                    pattern.fullmatch(re.sub(r"^[Tt]he\s+", "", raw.strip()))
                    or pattern.fullmatch(raw.strip())
                    for pattern, _ in self._known_re
                )
                listed = LISTED_NAME.search(original[: m.start(group)])
                more = re.match(
                    r"(?:,\s+[A-Z][\w\-]*)+,?\s+and\s+[A-Z][\w\-]*", original[m.end(group) :]
                )
                if more and re.search(r"\bof\s+[A-Z][\w\-]*$", raw):
                    # "data from the Ministry of Trade, Industry and Energy": the whole list
                    raw += more.group(0)
                    keep_whole = True
                if listed:
                    # "Japan's Ministry of Economy, Trade and Industry said": the name is the
                    # whole list, not its last items
                    raw = original[listed.start() : m.start(group)] + raw
                    keep_whole = True
                if re.search(
                    r"\b[A-Z]\w+ and [A-Z]\w+ (?:Authority|Commission|Administration|Agency|"
                    r"Board|Office|Council)\b",
                    raw,
                ):
                    keep_whole = True  # "the Competition and Markets Authority"
                if re.search(r"\bof\s+\S+.*\s+and\s+", raw) or re.search(
                    r"\b(?:Ministry|Department|Office|Council|Commission|Committee|Institute|Agency|"
                    r"Association|Cent(?:er|re)|Foundation|Authority)\s+for\s+\S+.*"
                    r"\s+and\s+",
                    raw,
                ):
                    # "Ministry of Electronics and Information Technology", "Federal Ministry
                    # for Economic Affairs and Climate Action"
                    keep_whole = True
                office_of = re.search(
                    r"(?:(?:[A-Z][\w.]*\s+){1,2}[A-Z][\w.]*(?:'s|’s)\s+|[A-Z][a-z]+\s+)?"
                    r"(?:(?:Deputy|Vice|Senior)\s+)?Minister\s+of\s+"
                    r"(?:[A-Z][\w\-]*(?:,\s+|\s+and\s+|\s+))*$",
                    original[: m.start(group)],
                )
                if office_of and not re.search(r"\bMinister\b", raw):
                    # "Minister of Communications and Information Technology Abdullah
                    # Alswaha said": one office, named before its holder
                    raw = office_of.group(0) + raw
                    keep_whole = True
                elif re.search(r"\bMinister\s+[A-Z]", raw):
                    # "Economy, Trade and Industry Minister Yoji Muto": one office
                    # ("National Science and Technology Council Minister Wu Cheng-wen": a
                    # body's whole name, which the name pattern cut)
                    portfolio = re.search(
                        r"(?:[A-Z][\w\-]*(?:,\s+|\s+and\s+|\s+))+$", original[: m.start(group)]
                    )
                    if portfolio:
                        # (not the opening's words: "On Monday, Economic Affairs Minister")
                        words = re.sub(
                            rf"^(?:.*\b(?:On|In|At|By|Then|{MONTH_OR_WEEKDAY.pattern})\b,?\s+)+",
                            "",
                            portfolio.group(0),
                        )
                        if "," in words and " and " not in words.rsplit(",", 1)[1]:
                            # a clause's last name before the comma is no portfolio ("control
                            # of Nexperia, Economy Minister X"); a list's is ("Economy, Trade
                            # and Industry Minister")
                            words = words.rsplit(",", 1)[1].lstrip()
                        raw = words + raw
                    keep_whole = True
                parts = re.split(r"\s+and\s+", raw) if " and " in raw and not keep_whole else [raw]
                if not keep_whole and not group.startswith("outlet"):
                    # "statements from OpenAI, Oracle and Crusoe", "OpenAI, Oracle and
                    # SoftBank said": every name of the list
                    if more and not re.match(
                        r"\s+(?:will|would|are|were|is|was|have|has|had|plans?|can|could|may|"
                        r"might|should|must|do|does|did)\b",
                        original[m.end(group) + more.end() :],
                    ):
                        parts += re.split(r",?\s+and\s+|,\s+", more.group(0).strip(", "))
                    ahead = re.search(
                        r"(?<![\w,] )(?:[A-Z][\w\-]*(?:\s+[A-Z][\w\-]*)?,\s+)+$",
                        original[: m.start(group)],
                    )
                    if ahead and len(parts) > 1:
                        parts = re.split(r",\s+", ahead.group(0).strip(", ")) + parts
                    pair = re.search(
                        r"(?:^|(?<=[\s(]))(?P<both>[Bb]oth\s+)?(?:[Tt]he\s+)?"
                        r"((?:[A-Z][\w&.\-]*\s+){0,3}[A-Z][\w&.\-]*)\s+and\s+(?:the\s+)?$",
                        original[: m.start(group)],
                    )
                    if pair and (
                        pair.group("both")
                        or re.match(r"\s+(?:both|each)\b", original[m.end(group) :])
                    ):
                        # "The Korea Economic Daily and the Chosun Ilbo both reported"
                        parts = [pair.group(2), *parts]
                if group.startswith("outlet"):
                    # "South Korea's Yonhap news agency": the outlet, not its country
                    parts = [re.sub(r"^(?:[A-Z][\w.]*\s+)*[A-Z][\w.]*(?:'s|’s)\s+", "", raw)]
                # "a White House official", "Goldman Sachs analysts", a note's firm, who
                # issues or files a document, "Says Intel:": people have none of these
                as_org = bool(
                    in_note
                    or group.startswith("outlet")
                    or ORG_ROLE_AFTER.match(original, m.end(group))
                    or ORG_ROLE_BEFORE.search(original[: m.start(group)])
                )
                for part in parts:
                    name, known = self._match_name(part)
                    head = _head_of_government(part)
                    org_titled = (
                        re.fullmatch(rf"(?P<org>.+?)\s+{TITLED}", part)
                        if name is None or not known
                        else None
                    )
                    if org_titled and not re.fullmatch(TITLED, part) and not head:
                        # "SK Hynix CFO Kim Woo-hyun said": the company named before the title
                        name, known = self._match_name(org_titled.group("org"))
                    titled = re.fullmatch(TITLED, part) if name is None else None
                    if titled:
                        # "Chairman C.C. Wei said": the person's company, else the story's
                        person = titled.group("person")
                        org = (
                            known_executive(self.executives, person, article_text, story_text)
                            or employer_of(person, article_text)
                            or subject
                        )
                        if org:
                            name, known = self._match_name(org)
                    if name and not known and re.fullmatch(r"[A-Z]{2,6}", name):
                        # "TVA" after "the Tennessee Valley Authority (TVA)"
                        full = acronyms(article_text).get(name) or acronyms(story_text).get(name)
                        if full:
                            name, known = self._match_name(full)
                    employer = (
                        (
                            employer_of(name, article_text)
                            or employer_of(name, story_text)
                            or known_executive(self.executives, name, article_text, story_text)
                        )
                        if name and not known and not head
                        else None
                    )
                    if not employer and not head and name and not known:
                        # "commission chair Diane Whitcomb said": the commission the story
                        # names
                        kind = body_title_of(name, article_text) or body_title_of(name, story_text)
                        if kind:
                            employer = self._named_body(
                                f"the {kind}", 0, "", article_text, story_text
                            )
                    if (
                        not employer
                        and not head
                        and subject
                        and name
                        and not known
                        and (
                            bare_officer(name).search(original)
                            # "Zhao said" after "co-CEO Zhao Haijun told analysts"
                            or (" " not in name and bare_officer(name).search(article_text))
                        )
                    ):
                        # "chief executive Andy Jassy said": an officer whose company goes
                        # unnamed speaks for the sentence's subject ("TSMC raised its
                        # forecast, chief executive C.C. Wei said"), else the story's company
                        lead = SUBJECT.match(sentence)  # ("SK_hynix": joined, one word)
                        employer = (
                            lead.group(1).replace("_", " ")
                            if lead
                            and not re.match(
                                # (nor a title or an opening participle: "Co-chief executive
                                # Zhao Haijun told", "Speaking on Friday's call, co-CEO ...")
                                r"(?:Chief|CEO|Chair|The|A|An|It|Its|This|That|In|On|But|And|"
                                r"[A-Z][a-z]+ing)\b|Co-",
                                lead.group(1),
                            )
                            and lead.group(1) not in name
                            else subject
                        )
                    if employer:
                        # "Huang told analysts": Nvidia's chief executive speaks for Nvidia
                        name, known = self._match_name(employer)
                    org_hint = bool(subject and name and name.startswith(subject)) or bool(employer)
                    if (
                        group.startswith("outlet")
                        or re.match(r"[Tt]he\s", part)
                        or re.search(r"\w(?:'s|’s)\s", part)
                    ):
                        org_hint = True  # described as an outlet, or "the X": never a person
                    # (a head of government by title: a speaker, whatever the name looks like)
                    org_hint = org_hint or as_org or bool(head)
                    if name is None or (
                        not known
                        and looks_like_person(
                            name, article_text, org_hint, as_org or bool(employer)
                        )
                    ):
                        continue
                    if name == "Commission" and re.search(
                        r"\bEuropean Commission\b|\b(?:EU|Brussels)\b|\bCommissioner [A-Z]",
                        f"{original} {article_text}",
                    ):
                        # "the Commission said in a statement", in a story about the EU
                        name = "European Commission"
                    if re.fullmatch(r"(?:US |U\.S\. |Federal )?[Pp]rosecutors", name):
                        # "Prosecutors said the defendants ...": the prosecuting office the
                        # story names, if it names one
                        office = _PROSECUTING_OFFICE.search(article_text) or (
                            _PROSECUTING_OFFICE.search(story_text)
                        )
                        if office:
                            name, known = self._match_name(office.group(0))
                    if not known and name.startswith("Ministry of "):
                        # "Taiwan's exports rose, the Ministry of Finance said": the country's
                        country = _sentence_country(original)
                        if country:
                            name = f"{country} {name}"
                            name = ORG_ALIASES.get(name.casefold(), name)
                    # "Nvidia pushed back ..., saying in a statement late on Wednesday": the
                    # credit's day follows the participle
                    pos = m.start("at") if "at" in m.re.groupindex else m.start(group)
                    if m.re is CONSENSUS:
                        given[name] = None  # (not the day of the results it is set against)
                    if m.re is UNDATED:
                        if citing_outlet and bare(name) == bare(citing_outlet):
                            continue  # its own dateline: "NEW YORK, Jan 4 (PacWire) -"
                        given[name] = None
                    if "day" in m.re.groupindex and m.group("day"):
                        found = first_date(m.group("day"), article_day)
                        if found:
                            given[name] = found[1]
                    edition = _EDITION_DAY.match(part)
                    if edition:
                        # "according to Saturday's Asahi Shimbun": that day's edition
                        found = first_date(edition.group(1), article_day)
                        if found:
                            given[name] = found[1]
                    if name not in candidates or pos < candidates[name][0]:
                        candidates[name] = (pos, known)
        first_named = min((p for p, _ in candidates.values()), default=None)
        for raw, pos in by_subject:
            # "the company said" counts alone, or in a clause of its own after another
            # credit: "Nikkei reported on Jan. 28, and the company confirmed the plan later
            # that day", "... while the chipmaker said in a statement on Monday"
            # ... or before it, in a clause of its own: "Oracle's backlog jumped, the company
            # said on Tuesday, and the Wall Street Journal reported the next day that ..."
            if first_named is not None:
                after = pos > first_named
                between = original[first_named:pos] if after else original[pos:first_named]
                # "..., according to an EDN report on Wednesday, a plan the company later
                # confirmed": the company's own verb in an appositive (not a document
                # phrase there: "a claim Nvidia rejected in a statement" is Nvidia's)
                verb = re.match(r"[a-z]+\b", original[pos:])
                appositive = bool(
                    after and verb and verb.group(0) in VERB_WORDS and APPOSITIVE.search(between)
                )
                if not OWN_CLAUSE.search(between) and not appositive:
                    continue
            name, known = self._match_name(raw)
            if name is not None and name not in candidates:
                candidates[name] = (pos, known)
        # a known outlet named anywhere in an attribution-shaped sentence counts too
        gate = bool(candidates or re.search(rf"\b({ATTRIBUTION_VERBS}|according to)\b", sentence))
        for pattern, canon in self._known_re:
            m = pattern.search(sentence)
            if not m or canon in candidates:
                continue
            if _NOT_VERIFIED.match(sentence, m.end()):
                continue  # "Reuters could not independently verify the claims"
            if re.match(rf" {RESEARCH_ARM}\b", sentence[m.end() :]):
                continue  # "Bloomberg Intelligence analyst X said": not the newsroom
            lead = sentence[max(0, m.start() - 24) : m.start()]
            if re.search(
                r"\b(?:former|ex-|not)\s*$|\b(?:I|we) (?:read|saw) (?:the|that|a) $", lead
            ) or re.match(r"['’]?s? paywall\b", sentence[m.end() :]):
                # "a former Reuters reporter", "the Journal, not Bloomberg, first reported",
                # "I read the Reuters piece like everybody else", "a Financial Times paywall"
                continue
            if re.search(r"\b(?:the|that) day (?:that |when )?(?:the |a )?$", lead) and re.match(
                r"(?:['’]s)?\s+(?:story|report|article|piece|scoop)\s+(?:appeared|ran|came out|"
                r"broke|was published|hit)\b",
                sentence[m.end() :],
            ):
                continue  # "shares rose on Thursday, the day the FT story appeared": a time
            if re.search(r"\bcomment(?:ed)?\s+to\s+(?:the\s+)?$", lead) or (
                re.search(r"\bcomment(?:ed)?\s+on\s+(?:the\s+)?$", lead)
                and not re.match(r"[^.;]{0,20}?,\s+which\b", sentence[m.end() :])
            ):
                # "declined to comment to the Financial Times", "on the DigiTimes report":
                # asked, not credited ("..., which said" credits it)
                continue
            # ... and one whose report is named, verb or none ("a thinner DigiTimes item
            # from Tuesday saying ...", "The DigiTimes item didn't mention a delay")
            if (
                (gate and is_attribution_context(sentence, m))
                or REPORT_AFTER.match(sentence, m.end())
                # a newsletter's bracketed credit: "Nvidia–OpenAI deal wobbles (WSJ)"
                # (not a dateline's "NEW YORK, April 3 (Pacific Wire) -")
                or (
                    sentence[: m.start()].endswith("(")
                    and sentence[m.end() :].startswith(")")
                    and not re.match(r"\)\s*[-–—]", sentence[m.end() :])
                )
            ):
                candidates[canon] = (m.start(), True)
        out: list[Citation] = []
        for name, (pos, known) in sorted(candidates.items(), key=lambda kv: kv[1][0]):
            if citing_outlet and (
                bare(name) == bare(citing_outlet)
                or name == _initials(citing_outlet)
                or _last_word(citing_outlet) == bare(name)
            ):
                # datelines and self-references ("told DCD" in Data Center Dynamics, "The
                # Journal reported last year" in the Wall Street Journal)
                continue
            if re.match(
                r"[^,;]{0,40}?(?:,[^,;]{0,40},\s*)?\b(?:reports?|reporting) (?:its |[\w\-]+ ){0,3}"
                r"(?:results|earnings)\b",
                sentence[pos:],
            ):
                continue  # "Broadcom reports fiscal fourth-quarter results in December"
                # (and "Nvidia is reporting earnings on Wednesday")
            # "TSMC fell on Wednesday, a day after Microsoft said": counted back from the
            # day the sentence gives before it (else the article's own day), not that day
            back = DAYS_AFTER.search(sentence[max(0, pos - 30) : pos])
            if back:
                word = back.group(1).lower()
                n = 1 if word in ("a", "an", "the") else WORD_NUMBERS.get(word) or int(word)
                start = max(0, pos - 30) + back.start()
                base = resolve_date(sentence[:start], article_day) or article_day
                when = base - timedelta(days=n * (7 if back.group(2)[0] in "wW" else 1))
                # unless the credit gives its own day ("three weeks after Meta confirmed on
                # October 1")
                own = re.match(
                    r"[^,;]{0,40}?\b(?:on|in)\s+[A-Z]\w+(?:\s+\d{1,2})?\b", sentence[pos:]
                )
                if own:
                    when = resolve_date(own.group(0), article_day) or when
            elif name in given:
                when = given[name]
            elif aside and pos == aside.start("name") and aside.group("desc").startswith("citing"):
                # "Bloomberg, citing a DigiTimes report from Monday, said on Tuesday": the day
                # inside the aside is the cited report's
                when = not_after(date_near(sentence, aside.end("desc"), article_day), article_day)
            else:
                when = not_after(date_near(sentence, pos, article_day), article_day)
            if when is None and not known:
                # "Intel said it would take a charge, according to a regulatory filing on
                # Friday": the filing's day is the statement's
                doc = DOCUMENT_DAY.search(sentence, pos)
                if doc and any(pos < p < doc.start() for p, _ in candidates.values()):
                    doc = None  # another credit's document: "..., a figure SK hynix
                    # confirmed in a regulatory filing on Wednesday"
                if doc:
                    found = first_date(doc.group("day"), article_day)
                    when = not_after(found[1], article_day) if found else None
            if when is None and aside and pos == aside.start("name"):
                # "TSMC, the company that makes chips for Apple, said on Friday": the date
                # follows the description
                when = date_near(sentence, aside.end("desc"), article_day)
                if when is None and re.match(r"(?:speaking|writing)\b", aside.group("desc")):
                    # "..., speaking at the Bloomberg Tech summit on Thursday, said": the
                    # occasion's day is the statement's
                    found = first_date(aside.group("desc"), article_day)
                    when = found[1] if found else None
            if when is None:
                # "Micron said on Monday ...; a day later, Samsung said ...": counted from the
                # sentence's last date before the clause
                cut = max(
                    (
                        b.end()
                        for b in re.finditer(r";\s*|,\s+(?:and|but|while)\s+", sentence[:pos])
                    ),
                    default=None,
                )
                shift = opening_shift(sentence[cut:]) if cut is not None else None
                base = last_date(sentence[:cut], article_day) if shift is not None else None
                if shift is not None and base is not None:
                    when = base + timedelta(days=shift)
            if when is None and previous_day is not None:
                # "A day later, AMD said" / "Pacific Wire confirmed it later that day":
                # counted from the last date the article gave before this sentence
                shift = opening_shift(sentence) if pos < 40 else None
                if shift is None:
                    clause = re.split(r"[;:]|,\s+(?:and|but|while)\b", sentence[pos:])[0]
                    shift = relative_shift(clause)
                if shift is not None:
                    when = previous_day + timedelta(days=shift)
            out.append(Citation(name, not_after(when, article_day), as_written, known))
        return out

    def _match_name(self, raw: str) -> tuple[str | None, bool]:
        text = re.sub(r"(?:'s|’s|(?<=s)['’])$", "", raw.replace("_", " ")).strip()
        # "according to Arm's IPO filing": the filer, not "Arm IPO"
        # (and "a Weibo post from Nvidia's China unit": Nvidia)
        text = re.sub(
            r"(?:'s|’s)\s+(?:IPO|S-1|F-1|10-K|10-Q|8-K|China|US|Japan|Korea|Taiwan|India|Europe)$",
            "",
            text,
        )
        # "CoreWeave's CEO", "SoftBank CFO": the company
        officer = re.fullmatch(r"(?P<org>.+?)(?:'s|’s)?\s+(?:CEO|CFO|COO|CTO)", text)
        if officer:
            return self._match_name(officer.group("org"))
        # "Taiwan's economy minister" speaks for the ministry, as "economy ministry" does
        text = re.sub(rf"\b({MINISTER_OFFICES} )minister$", r"\1ministry", text)
        if text in ("You", "We", "I", "They", "He", "She"):
            return None, False  # "Q: You told Nikkei last week that ...": the one asked
        if re.fullmatch(rf"Bloomberg {RESEARCH_ARM}", text):
            return text, False  # Bloomberg's research arms, not its newsroom
        # "Dylan Patel of SemiAnalysis": the person's firm
        of = re.fullmatch(
            r"(?P<who>[A-Z][a-z]+ [A-Z][a-z]+) of (?P<org>[A-Z][\w&.\-]*(?: [A-Z][\w&.\-]*)*)",
            text,
        )
        if (
            of
            and of.group("org").lower() not in PLACES
            and not re.search(_NOT_A_PERSON, of.group("who"))
        ):
            return self._match_name(of.group("org"))
        for pattern, canon in self._known_re:
            if pattern.search(text):
                return canon, True
        # "per X", and sentence adverbs: "Then Microsoft made it official"
        text = re.sub(
            r"^(?:[Pp]er|[Vv]ia|[Cc]iting|[Aa]s|Both|Then|Later|Also|Now|Meanwhile|Separately|"
            r"Earlier|Instead|Still|So|And|But|Yet|At|In|On|For|From|With|By|Under|Unlike|Like|"
            r"After|Before|While|Between|Despite|[A-Z][\w.]*-based|[A-Z][\w.]*-headquartered)\s+",
            "",
            text,
        )
        owner = re.fullmatch(
            # ("Bank of America's Vivek Arya wrote")
            rf"(?P<org>{ORG_NAME}|[A-Z][\w&.\-]* of [A-Z][\w&.\-]*)(?:'s|’s)\s+"
            rf"(?P<who>(?:[A-Z]\.){{1,3}}\s*[A-Z][a-z]+|"
            rf"[A-Z][a-z]+(?:-[A-Z][a-z]+)?\s+[A-Z][a-z]+)",
            text,
        )
        if (
            owner
            and owner.group("org").lower() not in PLACES
            and owner.group("who").split()[-1].lower() not in ORG_LAST_WORDS
            and not GOVERNMENT.search(owner.group("who"))
        ):
            return self._match_name(owner.group("org"))  # "Nvidia's Jensen Huang said"
        head = _head_of_government(text)
        if head:
            return head, False
        if _EU_COMMISSIONER.fullmatch(text):
            # "Commissioner Teresa Ribera said", "Commission President Ursula von der Leyen"
            # (read as "Leyen"): the Commission speaks
            return "European Commission", False
        body = re.fullmatch(rf"(?P<org>[A-Z]{{2,6}})\s+Commissioner\s+{PERSON}", text)
        if body:
            return self._match_name(body.group("org"))  # "FCC Commissioner Brendan Carr"
        body = re.fullmatch(
            rf"(?P<body>(?:Federal|State|National|Securities|Communications)(?:\s+[A-Z][a-z]+)"
            rf"{{0,3}})\s+Commissioner\s+{PERSON}",
            text,
        )
        if body:
            # "Federal Trade Commissioner X": the commission
            return self._match_name(f"{body.group('body')} Commission")
        text = _EDITION_DAY.sub("", text)
        if re.fullmatch(r"(?:[Tt]he )?People(?:'s|’s) [A-Z][\w\s]+", text):
            # "the People's Daily", "the People's Bank of China": a name, not "people"
            return re.sub(r"^[Tt]he ", "", text), False
        secretary = re.fullmatch(
            rf"(?P<office>(?:US |U\.S\. )?(?:[A-Za-z][a-z]+ [Ss]ecretary|Attorney General))"
            rf"\s+(?P<who>{PERSON})",
            text,
        )
        lower = re.search(r"(?<![A-Z]\w)(?<=\s)minister (of|for) ([a-z][\w,\- ]*)$", text)
        if lower:
            # "Germany's minister of economic affairs": the office in the ministry's case
            field = re.sub(
                r"\b(?!(?:and|of|for|the)\b)([a-z])", lambda k: k.group(1).upper(), lower.group(2)
            )
            text = f"{text[: lower.start()]}Minister {lower.group(1)} {field}"
        minister = re.fullmatch(
            rf"(?:(?P<country>[A-Z][a-z]+)(?:'s|’s)\s+)?"
            rf"(?P<field>[A-Z][\w\-]*(?:(?:,\s+|\s+and\s+|\s+)[A-Z][\w\-]*)*?)"
            rf"\s+Minister\s+(?P<who>{PERSON})",
            text,
        )
        for who in (rf"\s+(?P<who>(?=\S+\s+\S){PERSON})", "(?P<who>)"):
            # "Taiwan's Deputy Minister of Economic Affairs (Cynthia Kiang) said"
            minister = minister or re.fullmatch(
                rf"(?:(?P<country>[A-Z][\w.]*(?:\s+[A-Z][a-z]+)?)(?:'s|’s)\s+|(?P<adj>[A-Z][a-z]+)\s+)?"
                rf"(?:(?:Deputy|Vice|Senior)\s+)?Minister\s+(?:of|for)\s+"
                rf"(?P<field>[A-Z][\w\-]*(?:(?:,\s+|\s+and\s+|\s+)[A-Z][\w\-]*)*?){who}",
                text,
            )
        official = minister or secretary
        if official and official.group("who") in self.executives:
            # a minister the finder knows ("Economics Minister Kuo Jyh-huei"): the ministry
            # under its full name, country included
            return self._match_name(self.executives[official.group("who")])
        if minister and minister.group("field") not in ("Prime", "Deputy Prime", "Chief"):
            # "Economic Affairs Minister Kung Ming-hsin said": the ministry speaks, under
            # its country when the sentence gives it
            field = re.sub(r"\s+(?:Deputy|Vice)$", "", minister.group("field"))
            field = "Foreign Affairs" if field == "Foreign" else field
            country = minister.group("country")
            adj = minister.groupdict().get("adj")
            if not country and adj and adj.lower() in DEMONYMS:
                country = DEMONYMS[adj.lower()]  # "Saudi Minister of ..."
            lead = re.match(r"(\w+)\s+(?=[A-Z])", field)
            if not country and lead and lead.group(1).lower() in DEMONYMS:
                # "German Economy Minister Robert Habeck": Germany's ministry of economy
                country = DEMONYMS[lead.group(1).lower()]
                field = field[lead.end() :]
            name = f"Ministry of {field}"
            if re.search(r"\bMinister\s+for\s", text):
                name = f"Ministry for {field}"  # "Spain's Minister for Digital Transformation"
            if re.search(
                r"\b(?:Council|Commission|Administration|Agency|Office|Bureau|Yuan)$", field
            ):
                name = field  # "Mainland Affairs Council Deputy Minister X": the council
            if country and (country.lower() in PLACES or country in DEMONYMS.values()):
                name = f"{country} {name}"
            return ORG_ALIASES.get(name.casefold(), name), False
        if secretary and secretary.group("office").casefold() in ORG_ALIASES:
            # "US Commerce Secretary Howard Lutnick said": the department speaks
            return ORG_ALIASES[secretary.group("office").casefold()], False
        # "Samsung Vice Chairman Jun Young-hyun": the title, not part of the company's name
        text = re.sub(
            r"\b(?:Vice|Deputy|Executive|Senior)\s+(?=(?:Chairman|Chairwoman|Chair|President)\b)",
            "",
            text,
        )
        if re.fullmatch(rf"(?:[Cc]hief [A-Za-z ]+|{OFFICER})\s+{PERSON}", text):
            return None, False  # "Chief Financial Officer Wendell Huang": a person
        titled = re.fullmatch(
            rf"(?P<org>{ORG_NAME}?)(?:'s|’s)?\s+(?:[\w\-]+\s+)?{OFFICER}\s+{PERSON}", text
        )
        if titled:
            # "Tesla Chief Executive Elon Musk said": the company speaks ("SK hynix Chief
            # Financial Officer ...": with its lowercase word)
            return self._match_name(with_lower_word(titled.group("org"), text[titled.end("org") :]))
        words = text.split()
        # trim trailing lowercase/generic words and leading "The"
        if text.lower() in GENERIC or text.lower() in DOCUMENT_WORDS or not words:
            return None, False
        if re.match(
            r"(?:Will|Would|Could|Should|Can|Does|Did|Do|Is|Are|Has|Have|If|Unless|Whether)\s",
            text,
        ):
            return None, False  # a question or a condition: "If TSMC confirms the hike"
        if re.fullmatch(r"(?:Vice\s+|Deputy\s+)?(?:Chair|Chairman|Chairwoman|President|CEO)", text):
            return None, False  # a title left alone by a list ("Vice Chair and President X")
        if re.fullmatch(r"[A-Z][a-z]+(?:ans|eses)", text):
            return None, False  # a people, not a speaker ("funnels Americans' data")
        if words[0].lower() == "the" and len(words) > 1:
            words = words[1:]
        if len(words) > 1 and re.fullmatch(
            r"[A-Z][\w.]*-(?:based|headquartered|backed|owned|controlled|language)", words[0]
        ):  # ("Nvidia-backed CoreWeave", "the Chinese-language Commercial Times")
            words = words[1:]  # "the Taipei-based Commercial Times"
        # "Japan's SoftBank Group", "Taiwan's Commercial Times": the company or outlet, not
        # its country (a government body keeps it: "Taiwan Ministry of Economic Affairs")
        for k in (1, 2):
            head = " ".join(words[:k])
            if (
                len(words) > k
                and re.fullmatch(r".+(?:'s|’s)", head)
                and re.sub(r"(?:'s|’s)$", "", head).lower() in PLACES
                and (
                    not GOVERNMENT.search(" ".join(words[k:]))
                    or re.search(r"\bNews\b", " ".join(words[k:]))  # "Central News Agency"
                )
                # ("China's foreign ministry" keeps its country too)
                and not re.search(r"\bministry\b", " ".join(words[k:]))
            ):
                words = words[k:]
                break
        while len(words) > 1 and MONTH_OR_WEEKDAY.fullmatch(words[-1]):
            words = words[:-1]  # "Nvidia's April filing" -> Nvidia
        name = " ".join(words)
        name = re.sub(r"(?:'s|’s)$", "", name)
        if len(words) > 1:
            # "Taiwan's Ministry of ..." -> "Taiwan Ministry of ...", but "Tom's Hardware"
            if not _OWN_POSSESSIVE.fullmatch(name):
                name = re.sub(r"(?:'s|’s)\s", " ", name)
            name = re.sub(r"(?<=s)['’]\s", " ", name)  # "the Netherlands' Ministry of ..."
        # "China's commerce ministry", "Beijing's commerce ministry": the ministry under
        # its full name ("China Ministry of Commerce"), its capital read as its country
        # (not "foreign ministry": the banks' writers name it both ways)
        brief = re.fullmatch(
            r"(?P<field>foreign|commerce|trade|industry|finance|economy|economics|defen[cs]e|"
            r"science|interior) ministry",
            name,
            re.I,
        )
        if brief:
            # "the economy ministry said", "Foreign Ministry spokesperson Guo Jiakun": the
            # ministry under its full name (its country, when the sentence gives one, is
            # added by the finder)
            field = brief.group("field").lower()
            briefs = {"economics": "Economy", "foreign": "Foreign Affairs", "defence": "Defense"}
            field = briefs.get(field, field.capitalize())
            return f"Ministry of {field}", False
        adjective = re.match(r"(\w+) (?=(?:Ministry|Department|[a-z]+ ministry)\b)", name)
        if adjective and adjective.group(1).lower() in DEMONYMS:
            # "the Dutch Ministry of Foreign Affairs", "the Dutch economy ministry": the country's
            name = DEMONYMS[adjective.group(1).lower()] + name[adjective.end(1) :]
        ministry = re.fullmatch(
            r"(?P<country>[A-Z][\w ]*?) (?P<field>commerce|trade|industry|finance|economy|"
            r"economics) ministry",
            name,
            re.I,
        )
        if ministry and (
            ministry.group("country") in _CAPITALS or ministry.group("country").lower() in PLACES
        ):
            country = _CAPITALS.get(ministry.group("country"), ministry.group("country"))
            field = ministry.group("field").lower()
            field = "Economy" if field == "economics" else field.capitalize()
            name = f"{country} Ministry of {field}"
        name = ORG_ALIASES.get(name.casefold(), name)
        # "Samsung Electronics Co.", "Core Scientific Inc.": the legal form is never the name
        legal = re.sub(r"(?<=\w)\s+(?:Co|Inc|Corp|Ltd|Limited|plc|PLC|LLC)\.?$", "", name)
        if legal != name and " " in name:
            name = ORG_ALIASES.get(legal.casefold(), legal)
        # "Cerebras Systems", "Meta Platforms", "Amazon Web Services", "Google Cloud": the
        # company, under the short name the coverage uses
        # ("Alibaba Group Holding": suffix after suffix)
        short = CORPORATE_SUFFIX.sub("", CORPORATE_SUFFIX.sub("", name))
        short = re.sub(r"(?<=[a-z])\.com$", "", short)  # Amazon.com
        if short != name and " " not in short and short.lower() not in GENERIC and len(short) > 2:
            name = ORG_ALIASES.get(short.casefold(), short)
        if name.lower() in GENERIC or name.split()[0].lower() in GENERIC:
            return None, False
        if MONTH_OR_WEEKDAY.fullmatch(name):
            return None, False
        return name, False

    def _possessor(self, sentence: str, start: int, end: int, article_text: str) -> str | None:
        """Whose "its" a document is: "Oracle owns about 32% of Ampere, according to its
        filings" cites Oracle, the sentence's subject, not the name just before "its"
        (which the story's organisations need not even include: Oracle never speaks)."""
        if not re.search(r"\bits\b", sentence[start:end]):
            return None
        # "According to its annual report filed on Feb. 26, Nvidia counted ...": the
        # subject follows the opening phrase
        opening = re.match(r"(?:According to|Per|In|Citing)\b[^,]{0,80},\s*", sentence)
        m = SUBJECT.match(sentence, opening.end() if opening and start < opening.end() else 0)
        words = drop_starts(m.group(1)) if m else []
        if not words:
            return None
        return self._organisation(" ".join(words), article_text)

    def _organisation(self, written: str, article_text: str) -> str | None:
        """The canonical name of ``written`` when it is an organisation that is not a news
        outlet (nor a person)."""
        name, known = self._match_name(written)
        if not name or known or looks_like_person(name, article_text):
            return None
        return name

    def _named_body(
        self,
        sentence: str,
        start: int,
        before: str | Sequence[str],
        article_text: str,
        story_text: str = "",
    ) -> str | None:
        """Which body "the commission / ministry / department said" (at ``start``) is: the
        one of that kind named earlier in the sentence, else in ``before`` ("The Louisiana
        Public Service Commission approved ..., the commission said")."""
        kind = re.match(
            r"(?:[Tt]he )?(commission|ministry|department|bureau|authority|administration|"
            r"regulator|agency)\b",
            sentence[start:],
        )
        if not kind:
            return None
        noun = (
            "(?:Commission|Administration|Authority|Agency|Bureau|Regulator)"
            if kind.group(1) == "regulator"
            else kind.group(1).capitalize()
        )
        earlier = [before] if isinstance(before, str) else list(before)
        # the sentence and those before it, else anywhere in the article, else the story
        # ("China's Ministry of Industry and Information Technology has published a list
        # ..." two paragraphs up, or in another outlet's retelling)
        for where in (" ".join([sentence[:start], *earlier]), article_text, story_text):
            named = [
                n
                for n in re.findall(
                    rf"((?:[A-Z][\w&.\-]*(?:'s|’s)?\s+(?:(?:of|and)\s+(?:the\s+)?)?){{0,5}}"
                    rf"{noun}(?:\s+of(?:,?\s+(?:and\s+)?[A-Z][\w\-]*)+)?)",
                    where,
                )
                if " " in n  # "Commission" alone names nobody
            ]
            if named:
                return self._organisation(named[0], article_text)
        return None

    def _other_org(
        self, text: str, first: str | None, article_text: str, exclude: Collection[str] = ()
    ) -> str | None:
        """The first organisation named in ``text`` other than ``first`` (and those in
        ``exclude``): the second party of "the companies said" when no headline names
        one."""
        skip = {x.casefold() for x in exclude}
        for m in re.finditer(r"[A-Z][\w&.\-]*(?:\s+[A-Z][\w&.\-]*){0,3}", text):
            if re.match(r"\s+\d", text[m.end() :]):
                continue  # "Unit 1", "Fab 21": a thing with a number, not a party
            words = drop_starts(re.sub(r"(?:'s|’s)$", "", m.group(0)))
            # "Nvidia GPUs", "AMD MI450 chips": the maker, not its product
            cut = next(
                (i for i, w in enumerate(words) if re.fullmatch(r"[A-Z]{2,}s|.*\d.*", w)),
                len(words),
            )
            words = words[:cut]
            if not words or words[0].lower() in STOP or words[0].lower() in PLACES:
                continue
            name = self._organisation(" ".join(words), article_text)
            if (
                name
                and (not first or name.casefold() != first.casefold())
                and name.casefold() not in skip
            ):
                return name
        return None

    def _parties(
        self,
        before: str,
        sentence: str,
        first: str,
        partner: str | None,
        article_text: str,
        out: list[tuple[str, int]],
        pos: int,
    ) -> None:
        """The other parties of "the (two / three) companies said" (``first`` is already
        credited): a list of three or more names before the credit ("OpenAI, SoftBank and
        Oracle will form ..."), else the headline's partner or the other organisation
        named before it ("OpenAI will buy ... from AWS"), and for "three" or "four
        companies" as many more as the count says."""
        named = {first}
        listed = NAME_LIST.search(before)
        if listed and re.search(r"\bthe companies\b", sentence, re.I):
            for part in re.split(r",\s+(?:and\s+)?|\s+and\s+", listed.group(0)):
                org = self._organisation(part, article_text)
                if org and org not in named:
                    named.add(org)
                    out.append((org, pos))
            return
        # "OpenAI and G42 will switch on ..., according to a joint statement": the pair the
        # sentence opens with
        pair = re.match(
            r"\s*([A-Z][\w&.\-]*(?:\s+[A-Z][\w&.\-]*){0,2}) and "
            r"([A-Z][\w&.\-]*(?:\s+[A-Z][\w&.\-]*){0,2})\s+[a-z]",
            before,
        )
        opening = [self._organisation(part, article_text) for part in pair.groups()] if pair else []
        other = (
            next((org for org in opening if org and org not in named), None)
            if first in opening
            else None
        )
        other = other or partner or self._other_org(before, first, article_text)
        if not other:
            return
        named.add(other)
        out.append((other, pos))
        count = re.search(r"\b(three|four) companies\b", sentence)
        for _ in range({"three": 1, "four": 2}[count.group(1)] if count else 0):
            more = self._other_org(before, None, article_text, exclude=named)
            if not more:
                break
            named.add(more)
            out.append((more, pos))

    def _label_org(self, label: str) -> str | None:
        """The company of an executive a transcript labels by surname ("HAAS" -> Arm)."""
        if label in _ROLE_LABELS:
            return None
        orgs = {org for full, org in self.executives.items() if full.split()[-1].upper() == label}
        return next(iter(orgs)) if len(orgs) == 1 else None

    def _document_owner(self, sentence: str, m: re.Match[str], article_text: str) -> str | None:
        """Who issued the statement an opening document phrase names: the organisation
        right after it ("In a statement, Nvidia called DeepSeek ...")."""
        if m.start() > 1:
            return None
        after = re.match(
            r",\s+((?:[A-Z][\w&.\-]*\s+){0,3}?[A-Z][\w&.\-]*)\s+[a-z]", sentence[m.end() :]
        )
        return self._organisation(after.group(1), article_text) if after else None

    def _opening_subject(self, sentence: str, m: re.Match[str], article_text: str) -> str | None:
        """The organisation a sentence opens on when "the company" speaks at its end:
        "Lambda has gone further, cutting its H100 price, the company announced" is
        Lambda's word, not that of a company named in an earlier sentence."""
        company = r"the (?:company|firm|chipmaker|start-?up)"
        if not re.match(rf"{company}\b", m.group(0)) and not re.search(
            rf"\b{company} [a-z]+ $", sentence[: m.start()]
        ):
            return None  # (nor its document: "..., the company announced in a blog post")
        lead = SUBJECT.match(sentence)
        if not lead or lead.end() > m.start():
            return None
        words = drop_starts(lead.group(1))
        if not words or re.fullmatch(r"[A-Z][a-z]+ing", words[0]):
            return None  # "Speaking on Friday, ..."
        name = " ".join(words).replace("_", " ")
        if name.lower() in PLACES or name.lower() in DEMONYMS:
            return None
        if re.search(rf"\b{re.escape(words[0].lower())}\b", article_text) or not re.search(
            r"\b(?:its|it)\b", sentence[lead.end() : m.start()]
        ):
            # only a name the article never writes in lower case and that owns something
            # in the sentence ("cutting its price"); "Revenue rose to 29.6 trillion won, the
            # company said" opens on no company
            return None
        return self._organisation(name, article_text)

    def _opening_owner(self, sentence: str, start: int, article_text: str) -> str | None:
        """Whose products a sentence opens on, when "the company" speaks at its end:
        "Amazon.com's Graviton chips ... are used by most of the top customers, the
        company has said" is Amazon's word, whoever the story is about."""
        m = OPENING_POSSESSIVE.match(sentence)
        if not m or m.end() > start:
            return None
        return self._organisation(m.group("org"), article_text)

    def story_orgs(self, story_text: str) -> frozenset[tuple[str, str]]:
        """The organisations a story speaks of, as (name as written, canonical name):
        names that speak somewhere in it ("Oracle said", "Broadcom confirmed") and the
        aliased companies it names. News outlets and people are left out: "the company"
        is neither. (Headline names are not used: a headline's "HBM" or "Azure" is a
        product as often as a company.)"""
        out: set[tuple[str, str]] = set()
        text = LOWER_NAMES.sub(lambda k: k.group(0).replace(" ", "_"), story_text)
        for m in OWNER.finditer(text):
            words = drop_starts(m.group(1))
            if not words or self._match_name(m.group(1))[1]:
                continue  # (an outlet: "The Information reported")
            name, known = self._match_name(" ".join(words))
            if name and not known and not looks_like_person(name, story_text):
                out.add((" ".join(words).replace("_", " "), name))
        for alias, canon in ORG_ALIASES.items():
            if re.search(rf"(?<!\w){re.escape(alias)}(?!\w)", story_text, re.I):
                out.add((alias, canon))
        return frozenset(out)


# capitalised headline words that are never the company a story is about (a country's
# adjective: "Korean AI chip designer Orbis raises ...")
_HEADLINE_WORDS = {
    "west", "east", "north", "south", "inside", "exclusive", "analysis", "why",
    "korean", "chinese", "japanese", "taiwanese", "american", "european", "dutch", "british",
    "german", "french", "indian", "israeli", "canadian", "swiss", "saudi", "emirati",
    "arabia", "dram", "nand", "hbm", "oled", "duv", "euv", "ipo", "cowos", "asic",
}  # fmt: skip
# a second word that makes two capitalised words a company, not a person: "Northstar
# Silicon", "Tianmu Compute", "Lumora Systems"
_COMPANY_TAIL = re.compile(
    rf"\s+(?:{COMPANY_NAME_WORDS}|Silicon|Labs?|Micro|Devices|Robotics|Dynamics|Instruments|"
    r"Circuits|Logic|Chips|Memory|Foundry|Energy|Power|Cloud|Data|AI)$"
)


def subject_of(
    title: str | None, finder: CitationFinder | None = None, text: str = ""
) -> str | None:
    """The organisation a headline is about: the first of :func:`headline_orgs`."""
    return next(headline_orgs(title, finder, text), None)


def headline_subjects(
    title: str | None, finder: CitationFinder | None = None, text: str = ""
) -> tuple[str | None, str | None]:
    """The first two distinct organisations a headline names: whom "the company said"
    means, and whom "the two companies said" adds ("Anthropic Strikes Deal for ... Google
    TPUs" -> Anthropic, Google)."""
    found: list[str] = []
    for org in headline_orgs(title, finder, text):
        if org not in found:
            found.append(org)
            if len(found) == 2:
                break
    return (found[0] if found else None, found[1] if len(found) > 1 else None)


def headline_orgs(
    title: str | None, finder: CitationFinder | None = None, text: str = ""
) -> Iterator[str]:
    """The organisation a headline is about ("Micron ships HBM4 samples" -> "Micron"): what
    "the company said" most likely refers to. With the article's ``text``, title-case
    words the article writes in lower case ("What a Million TPUs Buys") are not names, a
    product ("Cobalt 300 Deep Dive", "MTIA v3 Goes Into Production") is skipped, and a
    person speaks for their employer ("Jensen Huang Says ..." -> Nvidia)."""
    if not title:
        return
    text = text.replace(title, " ")  # extracted text may repeat the headline
    # "Baidu chip unit Kunlunxin files for listing": the unit, not its parent
    unit = re.search(
        r"\b([A-Z][\w&\-]*(?:\s+[A-Z][\w&\-]*)?)(?:'s|’s)?\s+(?:[a-z][\w\-]*\s+){0,3}"
        r"(?:unit|arm|subsidiary|division|affiliate|spin-?off)\s+(?=[A-Z])",
        title,
    )
    if unit:
        title = title[: unit.start(1)] + " " * len(unit.group(1)) + title[unit.end(1) :]

    # "SK hynix" and other names with a lowercase word
    for m in LOWER_NAMES.finditer(title):
        yield ORG_ALIASES.get(m.group(0).casefold(), m.group(0))
        title = title[: m.start()] + " " * len(m.group(0)) + title[m.end() :]  # not "SK" again
    if finder is not None:
        for pattern, _ in finder._known_re:
            title = pattern.sub(lambda k: " " * len(k.group(0)), title)  # outlets don't speak
    skip_until = 0
    # ("d-Matrix": a lowercase letter and a hyphen may open a name)
    capital = r"(?<![\w\-])(?:[a-z]-)?[A-Z][A-Za-z&\-]*[a-zA-Z](?=(\s+[A-Z][a-z]+)?)"
    for m in re.finditer(capital, title):
        word = m.group(0)
        if m.start() < skip_until:
            continue  # the surname of a person just read
        if (
            word.lower() in STOP
            or word.lower() in PLACES
            or word.lower() in GENERIC
            or word.lower() in _HEADLINE_WORDS
        ):
            continue
        if finder is not None and finder._match_name(word)[1]:
            continue  # an outlet, not the subject
        if re.fullmatch(r"[A-Z]{2,}s", word):
            continue  # "TPUs", "GPUs": things, not who speaks
        if text:
            if re.match(r"\s+(?:v?\d|[A-Z]\d)", title[m.start() + len(word) :]):
                continue  # "Cobalt 300", "MTIA v3": a product, not who speaks
            named = re.search(rf"(?<![.!?”\"]\s)(?<!^)(?<!\n)\b{re.escape(word)}\b", text) or (
                re.search(rf"\b{re.escape(word)}\b", text)
                and not re.search(rf"\b{re.escape(word.lower())}\b", text)
            )
            if not named:
                continue  # headline capitals: the article never writes it as a name
            full = word + (m.group(1) or "")
            if " " in full and _COMPANY_TAIL.search(full):
                skip_until = m.start() + len(full)
                yield full  # "Northstar Silicon prices IPO": the company, in full
                continue
            if " " in full and re.fullmatch(PERSON, full):
                employer = employer_of(full, text)
                if employer:
                    skip_until = m.start() + len(full)
                    yield ORG_ALIASES.get(employer.casefold(), employer)
                    continue
                skip_until = m.start() + len(full)
                if written_as_business(full, text):
                    # "Moore Threads forecasts narrower loss": the article writes it as a
                    # business ("GPU maker Moore Threads")
                    yield full
                    continue
                if re.search(rf"\b{re.escape(full)}\b", text):
                    continue  # a person with no employer given
                skip_until = 0
        yield word
