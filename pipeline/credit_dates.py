"""When a credit was made: the date written next to an attribution ("Reuters confirmed on
April 4"), skipping the dates of what was reported ("said the rule takes effect on
Monday", "the quarter ended April 26") and never later than the citing article.

Pure helpers for :class:`pipeline.citations.CitationFinder`; dates themselves are read by
pipeline.textdates.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from pipeline.claims import DATELINE
from pipeline.credit_patterns import (
    APPOSITIVE,
    ATTRIBUTION_VERBS,
)
from pipeline.textdates import (
    LOOKS_AHEAD,
    SAME_OR_NEXT,
    all_dates,
    day_shift,
    first_date,
    relative_dates,
)

# "Monday's session" (masked) but not "Thursday's press call" or "Monday's statement",
# which date the source itself
# (nor "said after Thursday's vote": spoken once the event was over)
_POSSESSIVE_DAY = re.compile(
    r"(?<!\bsaid after )(?<!\bsays after )(?<!\btold reporters after )"
    r"\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day(?:'s|’s)"
    r"(?!\s+(?:[\w\-]+\s+){0,2}(?:statement|call|report|filing|announcement|briefing|"
    r"interview|post|segment|note|release|broadcast|presentation|blog|story|article|piece|"
    r"remarks|comments|event|keynote|conference|letter|update|newsletter|column|podcast|"
    r"episode)s?\b)"
)


# "the quarter ended April 26": when a reporting period closed, never when anyone spoke
_PERIOD_END = re.compile(
    r"\b(?:quarter|period|months|weeks|year|half)\s+(?:ended|ending|that\s+ended|through)\s+"
    r"(?:on\s+)?(?:[A-Z][a-z]+\.?\s+\d{1,2}(?:,\s+\d{4})?|\d{1,2}\s+[A-Z][a-z]+(?:\s+\d{4})?)"
)


# "will halt shipments from Monday", "effective Dec. 2": when a measure starts, not when
# anyone spoke ("a report from Monday" is the report's day)
_EFFECTIVE = re.compile(
    r"(?:(?P<doc>\b(?:report|story|article|statement|filing|note|post|piece|remarks|scoop|release|interview|call)s?\s+)|\b)"
    r"(?P<at>(?:from|starting|effective|beginning)\s+(?:on\s+)?(?:next\s+)?"
    r"(?:[A-Z][a-z]+day|[A-Z][a-z]+\.?\s+\d{1,2}\b))"
)


def _mask_effective(k: re.Match[str], sentence: str) -> str:
    """An :data:`_EFFECTIVE` day blanked, unless it is a document's ("a report from
    Monday") or a "from" with no measure before it ("a good piece from Friday")."""
    if k.group("doc") or (
        k.group("at").startswith("from")
        and not re.search(r"\b(?:will|would|to|takes?|took)\b[^,;]*$", sentence[: k.start()])
    ):
        return k.group(0)
    return k.group(0)[: k.start("at") - k.start()] + " " * (k.end() - k.start("at"))


_DAY_HEADING = re.compile(r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day:\s")


def _heading_day(sentence: str, pos: int, article_day: date) -> date | None:
    """ "Thursday: MetaX stock dropped 18%, and Asia Tech Bulletin reported ...": a diary's
    day heads the entry and dates every credit in it."""
    heading = _DAY_HEADING.match(sentence)
    if not heading or heading.end() > pos:
        return None
    day = first_date(heading.group(0), article_day)
    return day[1] if day and day[1] <= article_day else None


_VERB_RE = re.compile(rf"\b(?:{ATTRIBUTION_VERBS})\b")


# after the attribution verb, what was said starts at a pronoun or "that": "Oracle said it
# had signed deals since June 1" is dated by nothing after "said"
_COMPLEMENT = re.compile(
    r"\bthat\b(?!\s+(?:afternoon|morning|evening|night|day))|"
    # "said the outage on Monday was caused by ...": what was said starts at its subject
    r"(?<=\bsaid |\bsays )(?:the|its|their|his|her)\b(?!\s+(?:day|week|month|morning|"
    r"afternoon|evening|night|previous|same|following|next|company|firm)\b)|"
    r"\b(?:it|they|he|she|we|there)\s+(?:had|has|have|was|is|were|are|would|will|"
    r"could|can|may|might|did|does|do|\w+ed|\w+s)\b"
)


def not_after(when: date | None, article_day: date) -> date | None:
    """A credit is never dated after its article: "saying on March 18" in a January article
    is last year's March 18; a day just ahead ("takes effect on January 15, the bureau
    said") is an event's, not the credit's."""
    if when is None or when <= article_day:
        return when
    try:
        earlier = when.replace(year=when.year - 1)
    except ValueError:  # February 29
        earlier = when - timedelta(days=365)
    far = (when - article_day).days > 45
    return earlier if far and earlier <= article_day else None


# A second speaker at the first one's event: "and C.C. Wei, standing beside him, said",
# "Anthropic's Tom Brown, speaking right after him, said", "confirmed it within the hour"
_SAME_OCCASION = re.compile(
    r"\b(?:within the hour|(?:an hour|moments|seconds) later|"
    r"speaking (?:right |just |shortly )?(?:after|before|alongside|with) (?:him|her|them)|"
    r"(?:standing|sitting|seated) (?:beside|next to|alongside|with) (?:him|her|them)|"
    r"who joined (?:him|her|them) on (?:stage|the panel|the call)|"
    r"on the same (?:panel|stage|call|livestream|broadcast))\b",
    re.I,
)


def _credit_scope(scope: str) -> str:
    """Cut ``scope`` (text from the credited name on) where the reported content starts."""
    verb = _VERB_RE.search(scope)
    if not verb:
        return scope
    start = _COMPLEMENT.search(scope, verb.end())
    return scope[: start.start()] if start else scope


def date_near(sentence: str, pos: int, article_day: date) -> date | None:
    """The date that belongs to the attribution starting at pos: the first date after the
    name within the same clause, else the nearest one before it."""
    sentence = _PERIOD_END.sub(lambda k: " " * len(k.group(0)), sentence)
    sentence = _EFFECTIVE.sub(lambda k: _mask_effective(k, sentence), sentence)
    after = sentence[pos:]
    # the credit's own date comes before what it reports: "X said on Friday that ...
    # on April 9" dates X on Friday; "according to X, ... on April 9" gives no date
    ends = (
        # (a colon inside a word is no clause's end: "at re:Invent on Tuesday")
        r";|:(?!\w)|\bwhile\b|\bbut\b|,\s+and\b|\bthat\b(?!\s+(?:afternoon|morning|evening|night|day))"
        # "X said ..., responding to a Bloomberg report on Wednesday": another's report
        # (a quotation may close before the comma: "'do not have backdoors,' responding")
        r"|,['’\"”]?\s+(?:responding|replying|reacting)\s+to\b|,\s+in\s+response\s+to\b"
        # "X said ..., contradicting a Tuesday report by Y": Y's day, not X's
        r"|,['’\"”]?\s+(?:contradicting|echoing|disputing|denying|confirming)\s+(?:an?|the)\b"
        # "the FT reported, a plan Arm confirmed on Thursday": another's credit in apposition
        rf"|{APPOSITIVE.pattern}[A-Z]"
    )
    if re.search(r"(?:according to|per|citing|via)\s+(?:\S+\s+){0,4}$", sentence[:pos], re.I):
        # (a comma inside a listed name is no end: "the Ministry of Trade, Industry and
        # Energy on the 1st")
        ends += r"|,(?!\s+[A-Z]\w*(?:,|\s+and\s+[A-Z]))"
    clause_end = re.search(ends, after)
    stop = clause_end.start() if clause_end and clause_end.start() > 0 else len(after)
    if clause_end and re.match(
        r",\s+which\s+(?:first\s+|had\s+|both\s+|also\s+|later\s+)?(?:reported|said|published|"
        r"wrote|broke|disclosed|carried|ran|revealed|flagged|noted|announced|estimated|"
        r"had it|had the story)\b",
        after[clause_end.start() :],
    ):
        # "according to Pacific Wire, which reported the plan on Friday": the which-clause
        # dates the credit
        rest = re.search(
            r";|:(?!\w)|\bwhile\b|\bbut\b|,\s+and\b|\bthat\b", after[clause_end.end() :]
        )
        stop = clause_end.end() + rest.start() if rest else len(after)
    scope = after[:stop]
    clause = scope
    scope = _credit_scope(scope)
    # "as Market Signal noted, Nvidia stock finished Monday's session 3.9% higher": a
    # possessive day is the event's, not when the source spoke
    scope = _POSSESSIVE_DAY.sub(lambda k: " " * len(k.group(0)), scope)
    # "X broke it on Monday, and Pacific Wire confirmed it the following day / the same
    # afternoon" / "announced on Friday, confirming what X had reported a day earlier":
    # counted from the date before the name, unless the credit's clause writes its own
    relative = SAME_OR_NEXT.search(clause) or _SAME_OCCASION.search(clause)
    if relative and not all_dates(scope, article_day):
        # ("this morning" and "last night" count: "Amazon said this morning ..., and
        # Anthropic posted minutes later")
        head = sentence[:pos]
        dated = all_dates(head, article_day) + relative_dates(head, article_day)
        earlier = max(dated, key=lambda x: x[1])[0] if dated else None
        if earlier:
            return earlier + timedelta(days=day_shift(relative.group(0)))
    found = first_date(scope, article_day)
    if found:
        return found[1]
    if re.match(
        r"[^,;]{0,50}?\blater\s+(?:confirmed|said|told|announced|denied|acknowledged|added|wrote)\b",
        sentence[pos:],
    ) or re.search(r"\blater\s+(?:[a-z]+\s+){0,3}$", sentence[max(0, pos - 40) : pos]):
        # (and "..., later matched by the Financial Times")
        return None  # "which Tesla CEO Elon Musk later confirmed": not the day before it
    trailing = re.match(
        r"[\w\s'’.\-]{0,40}?\b(?:said|says|indicated|indicates|showed|shows|added|noted|"
        r"reported|confirmed|stated|wrote)"
        r"(?:\s+in\s+(?:a|an|its)\s+(?:[\w\-]+\s+)?(?:statement|filing|release|post))?\W*$",
        sentence[pos:],
    )
    before = sentence[:pos][-60:]
    # "On April 3, Reuters reported": a date just before the name is its own, unless it
    # sits in an earlier clause ("reported by X on April 3, and Reuters confirmed") or
    # in what the credit reports ("production starts on Oct. 1, according to X")
    found = (
        None
        if re.search(
            r",\s+(?:according to|per|citing)\s+(?:the\s+)?"
            # ("..., according to court records reviewed by Law360")
            r"(?:(?:[\w\-]+\s+){1,4}?(?:seen|reviewed|obtained|viewed|examined)\s+by\s+(?:the\s+)?)?$",
            sentence[:pos],
            re.I,
        )
        # ("..., according to Pacific Wire's report that day" points back to it)
        and not re.search(r"\b(?:that|the same) day\b", sentence[pos:])
        else first_date(before, article_day)
    )
    if not found and trailing:
        # a credit closing a long sentence: "X priced its offering on Wednesday, above its
        # range of $36 to $40, raising $1.32 billion, the company said in a statement"
        # takes the date nearest before it (judged below like one just before it), but
        # not one that opens the sentence: "On April 14, officials told the company ...,
        # Nvidia said" dates what happened, and the company told of it later
        body = DATELINE.sub(lambda k: " " * len(k.group(0)), sentence[:pos])
        earlier = [
            (s, d)
            for d, s, _ in all_dates(body, article_day) + relative_dates(body, article_day)
            if body[:s].strip() and not re.fullmatch(r"\s*(?:On|on|By|by)\s*", body[:s])
        ]
        if earlier:
            start, day = max(earlier)
            before = sentence[start:pos]
            found = (0, day)
    if not found:
        return _heading_day(sentence, pos, article_day)
    if len(sentence[:pos]) - len(before) + found[0] == 0 and (
        heading_day := _heading_day(sentence, pos, article_day)
    ):
        return heading_day  # (the nearest date before the credit is the heading's)
    between = before[found[0] :]
    if re.search(
        r"\b(?:a|an|the)\s+(?:deal|move|figure|plan|number|valuation|price|sum|amount|step|"
        r"decision|rule|ban|order|contract|project|sale|purchase|investment|stake)\s+$",
        sentence[:pos],
    ):
        return None  # "..., Groq said on Wednesday, in a deal CNBC reported was worth ..."
    # ("shares soared on Monday after the company disclosed ..." keeps Monday: what was
    # disclosed moved the shares that day, as the story labels read it)
    if re.search(
        r"\band\b|;|\bwhile\b|\bbut\b|\bthat\b|\bthough\b|\balthough\b"
        r"|\b(?:weeks?|days?|months?) (?:before|after)\b"  # "a week before the company confirmed"
        r"|\b(?:confirming|denying)\b"  # "said on Friday ..., confirming a Semafor report"
        r"|,\s+as\s+(?:first\s+)?[a-z]+\s+by\b",  # "on Wednesday, as first spotted by CNBC"
        between,
    ):
        return None
    # "..., with trading to begin on Wednesday, the filing indicated": a date in an earlier
    # clause is what the source said, not when; "On April 3, Reuters reported" is its own
    date_at = len(sentence[:pos]) - len(before) + found[0]
    if re.search(
        r"\b(?:confirmed|denied|rejected|disputed|dismissed)\s+(?:on\s+)?$", sentence[:date_at]
    ):
        return None  # "Deutsche Telekom confirmed on Friday a report by Handelsblatt"
    if "," in between and any(
        # (lowercase: "at Cloud Next on Friday" names an event)
        k.group(0)[0].islower()
        for k in LOOKS_AHEAD.finditer(sentence[max(0, date_at - 60) : date_at])
    ):
        # "Operators have until June 30 to apply, the regulator said": a deadline or a
        # coming event, never when the source spoke
        return None
    if trailing and "," in between and re.search(r"[A-Za-z]", sentence[: max(0, date_at - 4)]):
        # ... unless what it reports happened on that day: "Cerebras priced its offering on
        # Wednesday ..., the company said" / "priced its IPO last night, Pacific Wire
        # reported" (a past event is announced the day it happens)
        lead_in = sentence[max(0, date_at - 60) : date_at]
        if found[1] <= article_day and not LOOKS_AHEAD.search(lead_in):
            return found[1]
        return None
    return found[1]
