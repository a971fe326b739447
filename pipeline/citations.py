"""Find attributions ("according to a report from The Information", "Reuters confirmed on
April 4, 2026", "the Financial Times reported") and resolve their dates against the
citing article's own date.

Known outlets (sources.yaml names and aliases) are matched first; other organisations
are kept too when the sentence pattern makes the attribution unambiguous.

Date expressions themselves are read by pipeline.textdates.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from pipeline.claims import DATELINE, QUOTED
from pipeline.keys import STOP
from pipeline.quantities import WORD_NUMBERS
from pipeline.textdates import (
    LOOKS_AHEAD,
    MONTH_NAMES,
    SAME_OR_NEXT,
    all_dates,
    day_shift,
    first_date,
    last_date,
    opening_shift,
    relative_dates,
    relative_shift,
    resolve_date,
)

ATTRIBUTION_VERBS = (
    r"reported|reports|said|says|confirmed|confirms|wrote|writes|noted|notes|revealed|reveals|"
    r"disclosed|discloses|first reported|broke|published|announced|announces|added|"
    r"adds(?=\s+that\b)|points out|pointed out|"
    r"estimated|estimates|stated|states|found|finds|cited|cites|learned|detailed|details|"
    r"claimed|claims|told|tells|showed|shows|described|describes|put|puts|flagged|flags|"
    r"rated|expects|expected|reaffirmed|posted|attributed|forecast|forecasts|"
    r"guided|projects|projected|warned|warns|data shows?|data showed|figures shows?|"
    r"figures showed|"
    r"made (?:it|the \w+) official|followed (?:on|with|up)|was first|were first|had it first|"
    r"(?:was|were) the first to (?:report|break|reveal)|"
    r"matched (?:the|its|that) (?:story|report|scoop)|ruled|"
    r"denied|denies|reiterated|reiterates|scooped|scoops|explains|explained|alleged|alleges|"
    r"argued|argues|reckons|reckoned|countered|repeated|cautioned|cautions|indicated|indicates|"
    r"hinted|hints|"
    r"responded(?=\s+(?:in\s+a|that|with\s+a))|rejected(?=\s+in\s+a)|disputed|disputes|"
    r"first named|first identified|calculated|calculates|quotes|called it|calls it|"
    r"filled in|fills in|"
    r"got (?:there|it|the story|the news) first|"
    r"(?:had|has|got) (?:a|its own|its|two|several) sources? (?:confirm|say|tell)|"
    r"(?:carried|carries|ran) (?:the|a|an|its) (?:[\w\-]+ ){0,2}(?:story|report|news|scoop|item|"
    r"details)"
)
_ORG_NOUNS = (
    r"report|reporting|story|scoop|article|filing|statement|announcement|analysis|"
    r"chief (?:[A-Za-z]+ ){1,2}officer|spokes(?:wo)?man|product page|status page|spec sheet|"
    r"specifications|environmental report|"
    r"technical report|tests?|paper|researchers|engineers|data|figures|estimates?|guidance|"
    r"numbers|results|release(?=\s+(?:said|says|showed|shows|stated|states|noted))|press release|"
    r"blog post|disclosure|spokesperson|executives|"
    r"chief executive|CEO|own researchers|own tests|benchmarks|presentation|slides|website|"
    r"piece|scoop|story|coverage|newsletter|exclusive|deep dive|breakdown|explainer|rundown|"
    r"item|telling|own reporting|answer|official line|explanation|8-K|10-Q|prospectus|"
    r"earnings call|call|remarks|comments|forecast|outlook|claim|quoted|figure|"
    r"public response|sources|reporters|write-up|writeup|segment|leaks?|checks|channel checks|"
    r"tracker"
)
_MONTH_DAY = rf"(?:{MONTH_NAMES}) \d{{1,2}}"
_MONTH_ABBR = r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)"
# "Nvidia's April filing", "Monday": a month or weekday, never a name
_MONTH_OR_WEEKDAY = re.compile(rf"(?:{MONTH_NAMES}|{_MONTH_ABBR}\.?|[A-Z][a-z]+day)")
# a day before a report noun: "a Dec. 30 report", "Tuesday's report", "an April 3 story"
_DAY_BEFORE = rf"(?:(?:{_MONTH_DAY}|{_MONTH_ABBR}\. \d{{1,2}}|[A-Z][a-z]+day(?:'s|’s)?) )"
# a capitalised name, or one like "xAI" / "iFlytek" (a lowercase letter, then capitals)
_CAP = r"(?:[A-Z]|\b[a-z](?=[A-Z]))[\w&.'’\-]*"
_NAME = rf"(?:[Tt]he\s+)?{_CAP}(?:\s+(?:of\s+|&\s+|and\s+|for\s+(?:the\s+)?)?{_CAP}){{0,4}}"
# a time between the speaker and the verb: "CCTV on Tuesday evening aired", "Samsung last
# week said"
_WHEN = (
    r"(?:on (?:[A-Z][a-z]+day|(?:" + MONTH_NAMES + r"|(?:Jan|Feb|Aug|Sept?|Oct|Nov|Dec)\.) "
    r"\d{1,2})(?: (?:morning|afternoon|evening|"
    r"night))?|last (?:week|month|night|[A-Z][a-z]+day)|earlier (?:this|on|in) \w+|"
    r"this (?:week|morning|afternoon|evening)|late on [A-Z][a-z]+day|yesterday|today)"
)
_IN_A_NOTE = r"[^.;]{0,100}?\bin (?:an? |their |separate )(?:[\w\-]+ )?(?:notes?|reports?)\b(?! by)"
_NOTE_AHEAD = re.compile(r"[^.;]{0,80}?" + _IN_A_NOTE)
# what marks a name as an organisation's: its officials or analysts after it ("a White
# House official", "Goldman Sachs analysts", "Applied Materials filed"), or a document it
# issued or an inverted quote before it ("a statement issued by the PIB", "Says Intel:")
_ORG_ROLE_AFTER = re.compile(
    r"\s+(?:spokes\w+|representative|officials?|analysts|filed|fact sheet|press release|"
    r"(?:research |analyst )?notes?)\b"
    r"|,\s+in an? (?:[\w\-]+ )?(?:report|note)\b"  # "Goldman Sachs, in a report released"
    r"|\s+(?:list|ranking|rankings|index|survey|tally)\b"  # "the Top500 list released Monday"
    r"|\s+(?:noted|wrote|said|estimated|argued)\s+in\s+its\b"  # "As Morgan Stanley noted in its"
)
_ORG_ROLE_BEFORE = re.compile(
    r"(?:\b(?:issued|released|published|posted|filed|seen|reviewed|obtained|viewed|examined) "
    r"(?:[\w.]+ ){0,3}by (?:the )?"
    r"|\b[Ss]ays "
    # "In a research note dated July 14, Morgan Stanley lifted ..."
    r"|^In an? (?:[\w.]+ ){0,3}?note[^,]{0,40}, )$"
)
_SPEAKER_ASIDE = re.compile(
    rf"(?P<name>{_NAME}), (?P<desc>(?:which|who|whose|the|an?|its|speaking|writing|citing) "
    rf"[^.;“”\"]{{3,160}}?), "
    rf"(?:has |had |also |later |then )?(?:{ATTRIBUTION_VERBS})\b"
)
# a wire's dateline on a syndicated copy, "TAIPEI (Reuters) -", and a bracketed source,
# "(source: Commercial Times)", "(h/t Tom's Hardware)": credits with no day of their own
# (the day beside them is the news's; a dateline may give the wire's own)
_UNDATED = re.compile(
    rf"^[A-Z][A-Z.'’\-]+(?: [A-Z][A-Z.'’\-]+)*(?:,\s+[A-Z][a-z]+)*"
    rf"(?:,\s+(?P<day>{_MONTH_DAY}|{_MONTH_ABBR}\.? \d{{1,2}}))?\s*"
    rf"\((?P<name>{_NAME})\)\s*[-–—]"
    rf"|\((?:[Ss]ources?:|[Hh]/[Tt]:?|[Vv]ia|[Hh]at tip(?: to)?:?)\s+(?P<name2>{_NAME})\)"
)
# "Nvidia will invest in Intel and the two companies will co-develop chips, they said"
_THEY_SAID = re.compile(r"\b[Tt]hey (?:also |later |then )?(?P<name>said|announced|confirmed)\b")
_PATTERNS = [
    _SPEAKER_ASIDE,
    re.compile(
        rf"(?P<name>{_NAME}), which (?:{_WHEN} )?(?:has |had |also |later )?(?:said|says|"
        rf"reported|announced|confirmed|disclosed|forecast|estimated|wrote|noted)\b"
    ),
    # "records from the Commerce Department"; a filing with the SEC is the filer's word
    re.compile(
        rf"\b(?:filings?|records|documents) (?:with|filed with|from) "
        rf"(?!(?:the )?(?:US |U\.S\. )?(?:SEC|Securities and Exchange Commission|"
        rf"(?:[A-Z]\w+ )*(?:Stock )?"
        rf"Exchange)\b)(?P<name>{_NAME})"
        # "a filing with Virginia regulators": the body goes unnamed
        rf"(?![\w&.'’\-]|\s+(?:regulators|officials|authorities|lawmakers)\b)"
    ),
    re.compile(
        rf"\b[Aa]ccording to (?:both )?(?:an? |the )?(?:{_DAY_BEFORE}?(?:new |earlier |exclusive |"
        rf"original |recent |latest |joint |separate )?"
        rf"(?:reports?|story|article|scoop|filings?|statements?|announcements?|analysis|note|"
        rf"research|estimates?|data|figures) "
        rf"(?:dated {_MONTH_ABBR}\.? \d{{1,2}} |dated {_MONTH_DAY} )?"
        rf"(?:from|by|in|of) )?"
        rf"(?:(?:research|market|consulting|analyst|data|real-estate|industry|teardown) "
        rf"(?:firm|group|house|company|tracker|researcher) "
        rf"|(?:technology |tech |research |market |industry )?consultancy )?"
        rf"(?:(?:the )?(?:[A-Z][a-z]+ |local |financial |business |tech |state |state-run |"
        rf"state-owned |public )?(?:daily|newspaper|"
        rf"outlet|broadcaster|news agency|magazine|news site|trade publication) )?"
        rf"(?P<name>{_NAME})"
    ),
    re.compile(rf"\((?P<name>{_NAME}), (?:19|20)\d\d\)"),
    _UNDATED,
    # a newsletter's credit in brackets with its day: "Rubin on track (Nvidia, Thursday)"
    re.compile(
        rf"\((?:via |per )?(?P<name>{_NAME}), "
        rf"(?P<day>[A-Z][a-z]+day|{_MONTH_DAY}|{_MONTH_ABBR}\.? \d{{1,2}})\)"
    ),
    # a newsletter bullet that names its speaker: "• Nvidia: said Thursday the deal closed"
    re.compile(
        rf"^[•\-*—]?\s*(?P<name>{_NAME}):\s+(?:said|says|confirmed|announced|reported|told)\b"
        rf"(?:\s+(?P<day>(?:on\s+)?[A-Z][a-z]+day)\b)?"
    ),
    # "according to a notice Nvidia sent to distributors on June 9", "according to a
    # technical paper the company published last June": who sent or published it
    re.compile(
        rf"\b(?:[Aa]ccording to|[Pp]er|[Ii]n|[Cc]iting) (?:an? )?(?:[\w\-]+ ){{0,2}}?"
        rf"(?:paper|notice|memo|letter|document|presentation|circular|bulletin|figures|data|"
        rf"numbers|slides?|chart) (?:that )?"
        rf"(?:(?P<name>{_NAME})|the "
        rf"(?P<name5>company|firm|chipmaker|group)) (?:had )?(?:sent|published|released|posted|"
        rf"filed|circulated|issued|gave|distributed|presented|shared|provided|showed|disclosed)\b"
    ),
    # "court records reviewed by Law360", "documents seen by Reuters": the outlet that read them
    re.compile(
        rf"\b(?:documents?|records?|letters?|memos?|filings?|e-?mails?|messages?|slides?|"
        rf"contracts?|agreements?|presentations?|cop(?:y|ies)|minutes|invoices?|papers|"
        rf"transcripts?) (?:seen|reviewed|obtained|viewed|examined) by (?P<name>{_NAME})"
    ),
    # "In an interview with CNBC broadcast on Sunday, Huang said", "In comments to Nikkei
    # Asia on Thursday": the outlet that asked
    re.compile(
        rf"\b(?:[Ii]n|[Dd]uring) an? (?:[\w\-]+ ){{0,2}}?interview with (?:the )?(?P<name>{_NAME})"
        rf"|\b[Ii]n (?:comments|remarks) to (?:the )?(?P<name2>{_NAME})"
    ),
    # "The Dutch government said on Friday"
    re.compile(
        rf"^[Tt]he (?P<name>[A-Z][a-z]+ government) (?:{_WHEN} )?(?:has |also )?(?:said|"
        rf"announced|confirmed|told)\b"
    ),
    # "In a research note dated July 14, Morgan Stanley lifted its price target"
    re.compile(
        rf"^In an? {_DAY_BEFORE}?(?:research |client |investor )?note(?: (?:dated|published|"
        rf"released|issued|sent) [^,]{{1,30}})?, (?P<name>{_NAME})"
    ),
    # "Goldman Sachs, in a report released Monday, raised its estimate": the document's owner
    re.compile(
        rf"(?P<name>{_NAME}), in an? (?:[\w\-]+ )?(?:report|note|statement|filing|blog post|"
        rf"letter|presentation)\b(?P<day>[^,;]{{0,80}})"
    ),
    # "China's foreign ministry said": a ministry named by its brief
    re.compile(
        rf"\b(?P<name>[A-Z][a-z]+(?:'s|’s) (?:foreign|commerce|trade|finance|defen[cs]e|"
        rf"industry|economy|science|technology|interior) ministry) (?:{_WHEN} )?(?:has |also )?"
        rf"(?:said|says|announced|confirmed|told)\b"
    ),
    # "Silicon Ledger was the first outlet to publish the block diagram, on September 22"
    re.compile(
        rf"(?P<name>{_NAME}) (?:was|were) (?:the )?first (?:outlet |publication |newspaper |"
        rf"site |news organi[sz]ation )?to (?:publish|report|break|reveal|detail|disclose|name)\b"
    ),
    # "Tuesday's CCTV segment", "Monday's Pacific Wire report": the outlet's piece of that day
    re.compile(
        rf"\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day(?:'s|’s) (?P<name>{_NAME}) "
        rf"(?:segment|report|story|broadcast|piece|article|scoop|write-up|item|interview)\b"
    ),
    re.compile(
        rf"\b(?:[Ff]irst |[Oo]riginally )?(?:published|reported|broken|revealed|disclosed|"
        rf"cited|quoted|named|described|identified|flagged|shown|aired|broadcast|confirmed|"
        rf"announced|acknowledged|detailed|compiled|spotted|picked up|dug up|echoed|presented|"
        rf"authored)"
        rf"(?: (?:on )?[A-Z][a-z]+day)? by "
        # "first detailed by the Korean outlet TheElec", "published by grid operator PJM"
        rf"(?:(?:the |a |an )?(?:[A-Z][a-z]+ )?(?:outlet|newspaper|daily|broadcaster|news agency|"
        rf"magazine|trade publication|publication|website|(?:grid|system|market) operator|"
        rf"regulator|research firm|data provider|brokerage|consultancy) )?"
        rf"(?P<name>{_NAME})"
    ),
    re.compile(
        # (not a rate: "6,688 tokens per second per NPU")
        rf"(?:\b(?:(?<!second )(?<!minute )(?<!hour )(?<!token )(?<!watt )[Pp]er |[Cc]iting |"
        rf"[Vv]ia |[Hh]at tip to |[Rr]eports? (?:from|by) |[Rr]eporting (?:from|by) )"
        rf"|(?<!\w)[Hh]/[Tt] |[Ss]hout-?out to )"
        # ("Per Korean outlet The Elec")
        rf"(?:[A-Z][a-z]+ (?:outlet|newspaper|daily|broadcaster|news agency|site|blog) )?"
        rf"(?P<name>{_NAME})"
        # "Per a Thursday report in The Compute Report"
        rf"|\b(?:[Pp]er|[Cc]iting) an? {_DAY_BEFORE}?(?:report|story|article|piece|scoop|note|"
        rf"item) (?:in|from|by) "
        rf"(?P<name3>{_NAME})"
        # "per a Tom's Hardware report from Wednesday"
        rf"|\b(?:[Pp]er|[Cc]iting) an? {_DAY_BEFORE}?(?P<name2>{_NAME}) (?:report|story|article|"
        rf"scoop|piece|item|analysis|note|fact sheet|statement|filing|blog post|press release|"
        rf"memo|notice|presentation)\b"
    ),
    # "Foxconn's chairman said", "Samsung's foundry chief told"
    re.compile(
        rf"(?P<name>{_NAME})(?:'s|’s) (?:(?:[a-z]+ )?chief|chairman|chairwoman|chair|president|"
        rf"founder|head(?: of(?: [\w\-]+){{1,3}}?)?) (?:{_WHEN} )?(?:said|says|told|tells|wrote|"
        rf"added|noted)\b"
    ),
    # "Researchers from ETH Zurich and Huawei reported", "Cerebras engineers said", "A
    # Tsinghua University team reported"
    re.compile(
        rf"\b[Rr]esearchers (?:from|at) (?P<name>{_NAME}) (?:{_WHEN} )?(?:reported|said|say|found|"
        rf"wrote|showed)\b"
        rf"|(?P<name2>{_NAME}) (?:researchers|engineers|scientists) (?:{_WHEN} )?(?:say|said|"
        rf"found|reported|wrote|showed|described|detailed|claimed|claim|estimated|estimate)\b"
        rf"|\b(?:[Aa]n?|[Tt]he) (?P<name3>{_NAME}) (?:team|lab) (?:{_WHEN} )?(?:reported|said|"
        rf"found|wrote)\b"
        rf"|(?P<name4>{_NAME})(?:'s|’s) (?:[A-Z][\w\-.]* )?(?:team|lab|researchers|engineers) "
        rf"(?:{_WHEN} )?(?:said|wrote|reported|found|say|says)\b"
    ),
    # a newsletter bullet's credit and day: "• Reuters (Oct 30): Applied Materials in talks",
    # "• The Elec (Feb 2) / Nikkei Asia (Feb 4): Samsung is preparing ..."
    re.compile(
        rf"(?:^[•\-*]?\s*|\s/\s)(?P<name>{_NAME}) \((?P<day>{_MONTH_DAY}|{_MONTH_ABBR}\.? "
        rf"\d{{1,2}}|[A-Z][a-z]+day)\)(?=:|\s/\s)"
    ),
    # "Tokyo Electron cut its full-year net profit forecast by 9% on Friday": a company's
    # own guidance is its statement
    re.compile(
        rf"^(?P<name>{_NAME}) (?:{_WHEN} )?(?:cut|raised|lowered|lifted|trimmed|reaffirmed|"
        rf"reiterated|kept|maintained|narrowed|withdrew|slashed|boosted) its (?:[\w\-]+ ){{0,4}}"
        rf"(?:forecast|outlook|guidance|estimate|target)s?\b"
    ),
    # "Kioxia's annual securities report ... shows", "Nvidia's quarterly earnings release"
    re.compile(
        rf"(?P<name>{_NAME})(?:'s|’s) (?:[a-z]+ ){{1,2}}(?:report|filing|statement|release|"
        rf"presentation|disclosure)\b(?!-)"
        # "Samsung's preliminary results, released on Thursday, showed"
        rf"|(?P<name2>{_NAME})(?:'s|’s) (?:[a-z]+ ){{1,2}}(?:results|figures|numbers)\b"
        rf"(?=[^.;]{{0,40}}\b(?:showed|shows|said|says|found)\b)"
    ),
    # "a Business Insider report said"; "confirming a Semafor report from last week"
    re.compile(
        rf"\b[Aa]n? (?:recent |new |separate |earlier )?(?P<name>{_NAME}) (?:report|story|article|"
        rf"analysis) (?:{_WHEN} )?(?:said|says|showed|shows|found|argues|argued|estimates|"
        rf"estimated)\b"
        rf"|\b(?:confirming|denying|disputing|echoing|contradicting|rejecting|rejected|rejects|"
        rf"disputed|disputes|contradicted|denied|denies|"
        rf"(?:pushing|pushed|pushes) back (?:against|on)) (?:an? |the )?{_DAY_BEFORE}?"
        rf"(?P<name2>{_NAME})(?:'s|’s)? (?:report|story|article|scoop)\b"
    ),
    # a research note is the firm's publication (a view an analyst gives is not): "HSBC
    # analysts estimated in a note last week", "per a note from Bernstein"
    re.compile(
        # ("Bernstein analysts led by Stacy Rasgon wrote in a note")
        rf"(?P<name>{_NAME}) analysts (?:led by [A-Z][\w.\-]*(?: [A-Z][\w.\-]*){{0,2}} )?"
        rf"(?:{_WHEN} )?(?:said|wrote|estimated|estimate|forecast|predicted|argued|noted|"
        rf"calculated|pegged|put|see|saw)\b(?={_IN_A_NOTE})"
        rf"|\b(?:[Pp]er|[Ii]n|[Aa]ccording to) an? (?:[\w\-]+ )?note (?:from|by) (?P<name2>{_NAME})"
        # ("Bernstein analyst Stacy Rasgon wrote in a note Friday")
        rf"|(?P<name3>{_NAME}) analyst [A-Z][\w\-]* [A-Z][\w\-]* (?:{_WHEN} )?(?:said|wrote|"
        rf"estimated|estimates|argued|noted)\b(?={_IN_A_NOTE})"
        rf"|(?P<name4>{_NAME})(?:'s|’s) [a-z]+ (?:piece|story|report|article|scoop) (?:claims|says|"
        rf"said|reports|reported|argues|argued)\b"
    ),
    # "a statement issued by the Press Information Bureau", "a complaint Applied Materials
    # filed in federal court", "so says Gartner", "Says Intel, in its presentation:"
    re.compile(
        rf"\b(?:statement|notice|release|report|ruling|order|filing)s? (?:issued|released|"
        rf"published|posted|filed) (?:{_WHEN} )?by (?:the )?(?P<name>{_NAME})"
        rf"|\b(?:complaint|lawsuit|suit|petition|filing) (?P<name2>{_NAME}) filed\b"
        rf"|(?:^|\b[Ss]o |[-–—:]\s+so\s+)[Ss]ays (?P<name3>{_NAME})"
    ),
    # "echoing an earlier report by Chinese outlet LatePost"
    re.compile(
        rf"\b(?:echoing|confirming|denying|contradicting|disputing) (?:an? |the )?(?:earlier |"
        rf"previous |recent |original )?(?:report|story|article|scoop) (?:by|from|in) "
        rf"(?:(?:the )?(?:[A-Z][a-z]+ |local |financial |business |tech )?(?:daily|newspaper|"
        rf"outlet|broadcaster|news agency|magazine|news site|trade publication) )?"
        rf"(?P<name>{_NAME})"
    ),
    # "A Microsoft spokesperson said", "a spokeswoman for Nvidia told"
    re.compile(
        rf"\b[Aa]n? (?P<name>{_NAME}) (?:spokes\w+|representative|official|executive|"
        rf"engineer|manager) (?:{_WHEN} )?(?:later |also |then )?"
        rf"(?:said|says|told|added|confirmed|wrote|disputed|denied|rejected|acknowledged)\b"
        rf"|\b(?:spokes\w+|representative) for (?P<name2>{_NAME}) (?:{_WHEN} )?"
        rf"(?:said|says|told|added|confirmed|wrote)\b"
    ),
    # "Ministry of Commerce spokesperson He Yadong said", "Officials from the National
    # Development and Reform Commission told a briefing", "Commerce Department officials
    # said", "told the People's Daily in an interview"
    re.compile(
        rf"(?P<name>{_NAME}) spokes(?:person|man|woman) [A-Z][\w\-]*(?: [A-Z][\w\-]*){{0,2}} "
        rf"(?:{_WHEN} )?(?:said|told|added)\b"
        rf"|\b[Oo]fficials? (?:from|at|of) (?:the )?(?P<name2>{_NAME}) (?:{_WHEN} )?(?:said|told)\b"
        rf"|(?P<name3>{_NAME}) officials (?:{_WHEN} )?(?:said|told|say)\b"
        rf"(?![^.;]{{0,60}}\banonymity\b)"  # ("... said on condition of anonymity": nobody)
        rf"|\btold (?:the )?(?P<name4>{_NAME}) in an? (?:[\w\-]+ )?interview\b"
    ),
    # "a department spokesperson told Semafor": the body named before
    re.compile(
        r"\b[Aa] (?:department|ministry|agency|commission|regulator) (?:spokes\w+|official) "
        r"(?P<pron>said|told)\b"
    ),
    # "a department spokesperson told Semafor on Monday", "two people familiar with the
    # agreement told Asia Tech Bulletin", "chief executive Jochen Hanebeck told Handelsblatt":
    # the outlet they spoke to (not "told suppliers to ...")
    re.compile(
        rf"\b(?:spokes\w+|official|executive|representative|people|sources?|person|"
        rf"(?:chief executive|CEO|chairman|president|founder) [A-Z][\w\-]* [A-Z][\w\-]*)"
        rf"(?: familiar with [^,.;]{{3,40}}| briefed on [^,.;]{{3,40}})? told "
        rf"(?:the )?(?:state-run |state-owned |state |local |business |financial |"
        # ("told Dutch newspaper NRC")
        rf"[A-Z][a-z]+ (?=(?:newspaper|broadcaster|daily|outlet|magazine|news agency) ))?"
        rf"(?:newspaper |broadcaster |daily |outlet |magazine |news agency )?(?P<name>{_NAME})"
        rf"(?!\s+to\b)(?=\s*(?:[.,;]|$|that\b|{_WHEN}|in an? ))"
    ),
    # "Samsung confirmed to Yonhap News Agency on Monday that ...": the outlet told
    re.compile(
        rf"\b(?:confirmed|said|explained|denied|disclosed) to (?:the )?(?P<name>{_NAME})"
        rf"(?=\s+(?:on\b|in\b|that\b|{_WHEN})|\s*[.,;])"
    ),
    # "Data from Synergy Research Group show ..."
    re.compile(
        rf"\b(?:[Dd]ata|[Ff]igures|[Ss]tatistics|[Ee]stimates|index|[Rr]ankings?) (?:compiled |"
        rf"published |released )?(?:from|by) (?:the )?(?:(?:market )?research firm |"
        rf"data provider |consultancy |analytics firm )?(?P<name>{_NAME})"
    ),
    # "Korean newspaper Maeil Business reported", "Yonhap news agency reported": an
    # outlet by its description
    re.compile(
        rf"\b(?:newspaper|news agency|outlet|broadcaster|daily|magazine|news site|publication|"
        rf"wire service) (?P<outlet>{_NAME}) (?:{_WHEN} )?(?:has |had |first )?(?:reported|said|"
        rf"wrote|reports|says)\b"
        rf"|(?P<outlet2>{_NAME}) (?:news agency|newspaper|daily) (?:{_WHEN} )?(?:reported|said|"
        rf"wrote|reports|says)\b"
    ),
    # "Nvidia unveiled its Vera Rubin platform at CES on Monday, saying ...": the
    # sentence's subject, speaking in a participle
    re.compile(
        rf"^(?:[A-Z][A-Z .,'\-]+(?:,\s+[A-Z][a-z]+\.?\s+\d{{1,2}})?\s*\([^)]*\)\s*[-–—]\s*)?"
        rf"(?P<name>{_NAME}) (?!said|says|shares|stock)[^.;,“”\"]{{5,120}}?"
        # ("Google unveiled Ironwood, its seventh-generation TPU, at Cloud Next, saying")
        rf"(?:, (?:its|their|a|an|the) [^.;,“”\"]{{3,60}}?,[^.;,“”\"]{{3,80}}?)?, "
        rf"(?P<at>saying|adding that|claiming|calling|revealing|disclosing)\b"
        rf"(?:\s+(?:in a statement\s+)?(?P<day>(?:late\s+|early\s+)?on\s+[A-Z][a-z]+day)\b)?"
    ),
    # "..., with OpenAI saying demand could reach", "with chief executive C.C. Wei telling
    # analysts", "with the start-up claiming on its website"
    re.compile(
        rf"\bwith (?P<name>(?:(?:its |their )?(?:chief executive|chief financial officer|"
        rf"chairman|chairwoman|president|founder) )?{_NAME}) (?:saying|telling|adding|claiming)\b"
        rf"|\bwith the (?P<name5>company|firm|start-up|startup|chipmaker|group) (?:saying|telling|"
        rf"adding|claiming)\b"
    ),
    # an inverted credit closing the sentence: "..., reported the Nikkan Kogyo Shimbun."
    # "The cuts will affect 15% of its workforce, said Intel, which also suspended ..."
    re.compile(
        # (a plain name: "said Tomasz Wierzbicki of Halyard Capital" is a person's view)
        rf"(?:(?<=,)|(?<=,[\"”’]))\s+said (?P<name>(?:[Tt]he\s+)?{_CAP}(?:\s+{_CAP}){{0,3}})"
        rf"(?=\s*(?:,\s+which\b|[.;]|$|{_WHEN}))"
    ),
    re.compile(
        rf",\s+(?:reported|reports|wrote|writes|argues|argued|notes|noted|estimates|estimated) "
        rf"(?P<name>{_NAME})(?:\s+in an? (?:[\w\-]+ )?(?:note|report|post|newsletter)"
        rf"[^.;]{{0,40}})?\s*[.!]?\s*$"
    ),
    # a headline credit: "AMD wins OpenAI order for MI450 racks — The Information"
    re.compile(rf"\s[—–]\s(?P<outlet3>{_NAME})\s*$"),
    re.compile(
        rf"(?<![\w\-])(?P<name>{_NAME})(?:'s|’s)? (?:{_WHEN} )?(?:(?:has since |have since |"
        rf"(?:has|have|had) (?:repeatedly|publicly|long|previously|already|also|each|both|all) |"
        rf"has |have |had |first |"
        rf"also |already |both |each |all |later |then |separately |earlier |subsequently |"
        rf"previously |originally )?)"
        rf"(?:{ATTRIBUTION_VERBS}|aired|broadcast)\b"
    ),
    re.compile(
        rf"(?P<name>{_NAME}), (?:an? |the )?[\w\s\-']{{3,60}}, (?:has |had |first |also |"
        rf"later |then |originally )?(?:{ATTRIBUTION_VERBS})\b"
    ),
    re.compile(
        # ("DeepSeek's V3 technical report": a model's name with a digit may come first)
        rf"(?P<name>{_NAME})(?:'s|’s|(?<=s)['’]) (?:[A-Za-z]*-?\d[\w.\-]* )?"
        rf"(?:own |latest |new |first |quarterly |annual |preliminary |final |revised |updated |"
        rf"technical |"
        rf"regulatory |"
        rf"detailed |full |exclusive |overnight |weekend )?"
        rf"(?:(?:{_MONTH_DAY}|[A-Z][a-z]+day|(?:19|20)\d\d) )?(?:[a-z]+(?:-[a-z]+)+ )?"
        rf"(?:{_ORG_NOUNS})\b(?!-)"
        r"(?!\s+(?:cent(?:re|er)s?|halls?|campus(?:es)?)\b)"
        # "OpenAI's engineers find and fix bugs": people at work, not a source speaking
        r"(?!\s+(?:have\s+|has\s+|had\s+)?(?:find|fix|build|built|design|designed|work|worked|"
        r"run|ran|spend|spent|join|"
        r"joined|leave|left|use|used|develop|developed|write|wrote code)\b)"
    ),
    re.compile(
        r"\b(?:[Tt]he|[Ii]ts|[Bb]oth) (?:world(?:'s|’s) (?:largest|biggest|second-largest|"
        r"top|leading) )?(?:(?:[A-Z][\w\-]+|[a-z]+-[a-z]+|chip|memory|server|cloud|contract|"
        r"software|semiconductor|networking|hardware) ){0,2}"
        r"(?:company|firm|(?:two|three|four) companies|companies|"
        r"chipmaker|group|memory maker|startup|start-up|designer|lab|foundry|conglomerate|"
        r"(?:equipment|GPU|chip|packaging|server|power|cooling|memory|network) "
        r"(?:maker|house|supplier|vendor)|landlord|asset manager|investment firm|utility|"
        r"carrier|operator|provider|miner|automaker|manufacturer)"
        r"(?:(?:'s|’s) (?:chief \w+ officer|chief executive|spokes\w+|executives?|"
        r"management|(?:senior |executive )?vice[- ]president"
        r"(?: (?:of|for) [a-z][\w\s\-]{1,40}?)?))?"
        r" (?:has |had |also |later |already )?"
        r"(?:[^,.;“”\"]{0,80}? and )?"
        r"(?P<name>said|says|announced|confirmed|added|reaffirmed|told|claims|claimed|"
        r"reiterated|reported|guided|denied|disclosed)\b"
        r"|\b(?:[Aa] )?[Cc]ompany (?:executive|spokes\w+|official)"
        r"(?: [A-Z][\w\-]*(?: [A-Z][\w\-]*){0,2})? (?P<name4>said|told)\b"
        # "was confirmed by the company yesterday"
        r"|\b(?P<name6>confirmed|announced|disclosed) by (?:the|its) (?:company|firm|chipmaker)\b"
        r"|\b(?:[Mm]anagement|[Ee]xecutives) (?P<name2>said|says|warned|told|added|put|"
        r"guided|expects|forecast)\b"
        r"|\b(?:[Pp]er|[Aa]ccording to) the (?:two )?(?P<name3>companies)\b"
        # "an approach it says is faster", "It also said", "the utility said": whoever
        # was just named (never the headline's subject by default)
        r"|\b(?:[Ii]t|[Tt]he (?:utility|"
        r"regulator|agency|operator|commission|ministry|department|bureau|authority|"
        r"administration))(?: also| has| had| then| later| did| now)? "
        r"(?P<pron>said|says|say|claims|claimed|reported|reports|forecast|expects|warned|added|"
        r"told)\b"
    ),
    re.compile(
        r"\b(?:[Aa]ccording to|[Pp]er|[Cc]iting|[Ii]n) (?:the|its|an?) (?:[\w\-'’]+ ){0,2}?"
        r"(?P<name>said|filings?|statement|announcement|press release|disclosure|"
        r"regulatory filings?|8-K|10-Q|prospectus|blog post|"
        r"(?:annual|quarterly|earnings|financial) report)\b"
        # "According to the company, an L200 package can ...", "based on the company's own
        # reporting": whichever organisation was just named
        r"|\b(?:[Aa]ccording to|[Pp]er|[Bb]ased on) the (?P<name5>company|firm)"
        r"(?:(?:'s|’s) (?:own )?(?:[a-z\-]+ ){0,2}?(?:reporting|figures|numbers|data|filings?|"
        r"accounts|guidance|results|report))?\b(?!['’])"
    ),
    re.compile(
        r"\b(?:[Tt]he|[Ii]ts) (?:updated |new |latest |regulatory )?(?P<name>filing|prospectus|"
        r"statement|press release|announcement) (?:showed|shows|said|says|indicated|indicates|"
        r"stated|states)\b"
    ),
    re.compile(
        rf"(?P<name>{_NAME}) (?:has|had) (?:the|more|a|an) (?:[\w\-]+ ){{0,3}}"
        rf"(?:story|details|numbers|scoop|rundown|explainer|breakdown|read|deep dive|piece|"
        rf"write-up|writeup|coverage|report)\b"
    ),
    # "Tenstorrent employs about 1,300 people, and said it plans to add more": the
    # sentence's subject, speaking in its second clause
    re.compile(
        rf"^(?P<name>{_NAME}) (?!said|says)(?:[^.;“”\"]|\.(?=\d)){{5,120}}?,? and "
        rf"(?:also |has |had )?"
        rf"(?:said|says|added|told)\b"
    ),
    _THEY_SAID,
    # "Micron did not confirm the customer, but said it would ramp volume production"
    re.compile(
        rf"(?P<name>{_NAME}) (?:did not|didn't|would not|declined to) \w+[^.;]{{0,80}}?,? but "
        rf"(?:said|says|added|noted)\b"
    ),
    # "In DeepSeek's own tests", "by OpenAI's telling"
    re.compile(
        rf"\b(?:[Ii]n|[Bb]y|[Ff]rom) (?P<name>{_NAME})(?:'s|’s|(?<=s)['’]) (?:own )?"
        rf"(?:tests|telling|benchmarks|figures|numbers|data|account|estimates?|count|tally|"
        rf"reckoning|calculations?)\b"
    ),
]
# after the verb: a market move ("AMD added 2.4%") or an adjective ("Nvidia's reported
# revenue"), not a credit
_NOT_A_CREDIT = re.compile(
    r"(?<=\badded)\s+(?:about |roughly |nearly |almost |another )?[\d$]"
    # "added to those gains", "has added Huawei and Cambricon to a list": not speech
    r"|(?<=\badded)\s+(?:to\b|(?!that\b|on\b|[A-Z][a-z]+day\b)[A-Z][\w\-]*(?:\s+and\s+[A-Z][\w\-]*)?"
    r"\s+(?:\w+\s+)?to\b)"
    r"|(?<=\breported)\s+(?:revenue|sales|earnings|results|figures|numbers|profit)\b"
    # "Huawei has said little in public": nothing said
    r"|(?<=\bsaid)\s+(?:little|nothing|(?:almost|very) (?:little|nothing))\b"
    # "tape-out at TSMC said to be imminent": a rumour about the name
    r"|(?<=\bsaid)\s+to\s+(?:be|have)\b"
    # "DeepSeek broke with industry habit", "Amazon has put $8 billion into", "Meta writes
    # its models in PyTorch": the verb's other senses
    r"|(?<=\bbroke)\s+(?:with|into|ground|even|down|away|records?)\b"
    r"|(?<=\bput)\s+[^.;]{0,60}?\b(?:into|on hold|in place|forward)\b"
    # "puts SoftBank in an awkward position": "put" credits only a figure put at a value
    r"|(?:(?<=\bput)|(?<=\bputs))(?![^.;]{0,60}?\b(?:at|as)\b)"
    r"|(?:(?<=\bwrote)|(?<=\bwrites))\s+(?:a|an)\s+[^.;]{0,30}?\b(?:cheque|check)\b"
    # "Three days after Nvidia wrote China out of its guidance", "Huawei showed off its
    # latest version": what the name did, not what it said
    r"|(?<=\bwrote)\s+[^.;,]{0,30}?\bout of\b"
    r"|(?:(?<=\bshowed)|(?<=\bshows))\s+(?:off\b|(?:its|a|an|the)\s+(?:latest|new|first|next|"
    r"working|prototype|demo)\b)"
    r"|(?:(?<=\bwrites)|(?<=\bwrote))\s+(?:its |their |the )?(?:own )?(?:models?|code|software|"
    r"kernels?|down)\b"
    # "Nvidia has claimed more than 60% of the total": a share taken, not a statement;
    # "Performance claims: 4x ...": a spec sheet's heading
    r"|(?:(?<=\bclaimed)|(?<=\bclaims)|(?<=\bclaim))\s+(?:(?:more than|about|roughly|nearly|"
    r"almost|over|at least|up to)\s+)?(?:\d[\d.,]*\s*(?:%|percent)|a\s+(?:[\w\-]+\s+)?share\b)"
    r"|(?<=\bclaims):"
    r"|(?:(?<=\bwas first)|(?<=\bwere first))\s+(?:reported|published|revealed|disclosed|detailed|"
    r"flagged|named|described)\b"
    # "Nvidia has told some Chinese customers to halt orders": an instruction, not a
    # statement ("told investors to expect ..." is one)
    r"|(?<=\btold)\s+(?:some |its |several |many |all |the |their )?(?:[\w\-]+\s+){0,2}?"
    r"(?:customers|clients|suppliers|employees|staff|workers|partners|companies|firms|"
    r"manufacturers|distributors|buyers|vendors|assemblers|developers|contractors|foundries|makers|"
    r"operators)(?:\s+(?:including|such as)\s+[A-Z][\w\-]*(?:(?:,\s+|\s+and\s+)[A-Z][\w\-]*)*)?"
    r"\s+to\s+(?!expect)\w+"
    r"|(?<=\btold)\s+(?:[A-Z][\w\-]*(?:,\s+|\s+and\s+|\s+)?){1,4}to\s+(?!expect)\w+"
)
# a list of three or more names: "OpenAI, SoftBank and Oracle", "OpenAI, Oracle, Nvidia,
# Cisco and SoftBank"
_NAME_LIST = re.compile(
    r"\b[A-Z][\w\-]*(?:\s+[A-Z][\w\-]*)?(?:,\s+[A-Z][\w\-]*(?:\s+[A-Z][\w\-]*)?)+,?\s+and\s+"
    r"[A-Z][\w\-]*(?:\s+[A-Z][\w\-]*)?"
)
_VERB_WORDS = {"said", "says", "confirmed", "announced", "denied", "disclosed", "added", "told"}
_APPOSITIVE = re.compile(
    r",\s+(?:a|an)\s+(?:plan|deal|move|figure|claim|report|number|decision|step)\s+"
)
# what sets "the company said" in a clause of its own, apart from another credit
_OWN_CLAUSE = re.compile(
    r",[\"”’]?\s+(?:and|while|but|with|though|although)\s|;\s|\b(?:before|after|when|until)\s"
    r"|,\s+(?:confirming|denying|echoing|disputing)\s"
    # "..., the company said on Monday (h/t Tom's Hardware)": a bracketed source
    r"|\((?:[Hh]/[Tt]|[Vv]ia|[Ss]ources?:|[Hh]at tip)"
    # a wire's dateline: "TAIPEI (Reuters) - The chipmaker said"
    r"|\)\s*[-–—]\s"
    # "a department spokesperson told Semafor": the body speaking to an outlet
    r"|^told\s+(?:the\s+)?$"
)
# the head of a name that lists its fields with commas, up to the last comma: "Ministry of
# Economy, Trade and Industry", "Ministry of Trade, Industry and Energy"
_LISTED_NAME = re.compile(
    r"(?:\b(?:[A-Z][\w.]*\s+)?[A-Z][\w.]*(?:'s|’s)\s+)?\b(?:Ministry|Department|Office|Bureau|Commission|"
    r"Administration|Agency|Council|Committee) of (?:[A-Z][\w\-]*(?:\s+[A-Z][\w\-]*)*,\s+)+$"
)
# a government body's name, which keeps its country ("Taiwan Ministry of Economic Affairs")
_GOVERNMENT = re.compile(
    r"\b(?:Ministry|Prosecutors|Department|Office|Bureau|Commission|Administration|Agency|Council|Committee|"
    r"Cabinet|Government|State|National|Federal|Central|Customs|Parliament|Court|Senate)\b"
)
# "Sources close to the company said": unnamed people near a name
_UNNAMED_NEAR = re.compile(
    r"\b(?:close to|familiar with|briefed by|near|(?:people|employees|staff|sources) at)\s+"
    r"(?:the\s+)?"
    r"(?:[A-Z][\w.&\-]*(?:'s|’s)?\s+){0,3}$"
    # "a person involved in the arrangement said"
    r"|\b(?:person|people|sources?|someone|officials?)\s+(?:directly\s+)?involved\s+$"
)
_DAYS_AFTER = re.compile(
    r"\b(\d{1,2}|an?|the|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+"
    r"(days?|weeks?)\s+after\s+(?:(?:the\s+)?[a-z][\w\-]*\s+){0,3}$",
    re.I,
)
# a name after one of these is the object of the clause, not who speaks
_OBJECT_BEFORE = re.compile(
    r"\b(?:to|for|with|from|than|like|into|about|passed|failed|cleared|pass|fail|clear|passing|"
    r"failing|clearing|undergoing|undergo|watch|await|ahead of|"
    # "Lip-Bu Tan, who became Intel's chief executive in March": a career, not a statement
    r"became|become|becomes|joined|left|ran|runs)\s+$"
)
# "..., according to a regulatory filing on Friday": the day of the speaker's document
_DOCUMENT_DAY = re.compile(
    r"\b(?:according to|in|per)\s+(?:a|an|its|the)\s+(?:regulatory\s+|stock[- ]exchange\s+)?"
    r"(?:filing|statement|release|press release|announcement|disclosure)\s+"
    r"(?:(?:published|released|issued|filed)\s+(?:[\w\-]+\s+){0,4}?)?"
    r"(?P<day>(?:on|dated)\s+[A-Z][a-z]+\.?(?:\s+\d{1,2})?)"
)
# "until Nvidia says so", "if Nvidia says anything more": what has not been said
_HYPOTHETICAL = re.compile(
    r"\b(?:if|until|unless|whether|once)\s+$"
    # "Neither Oracle nor OpenAI has confirmed the figure"
    r"|\bnor\s+$",
    re.I,
)
# "Lena Ferraro at Northgate Advisors said", "an analyst at Halyard Capital, said": the
# firm is where an analyst works; analysts' views are not citations
_ANALYST_BEFORE = re.compile(
    r"(?:\b[Aa]nalysts?|\b[A-Z][a-z]+ [A-Z][a-z]+),?(?: an? [\w\s\-]{0,40}?)? (?:at|of|from) $"
)
_GENERIC = {
    "episode",
    "two",
    "three",
    "four",
    "several",
    "some",
    "many",
    "ai",
    "management",
    "consensus",
    "one",
    "its",
    "to",
    "gpu",
    "he",
    "she",
    "it",
    "they",
    "we",
    "i",
    "our",
    "their",
    "his",
    "her",
    "your",
    "my",
    "the company",
    "company",
    "the firm",
    "analysts",
    "analyst",
    "sources",
    "people",
    "officials",
    "the report",
    "report",
    "the people",
    "executives",
    "a spokesperson",
    "spokesperson",
    "the statement",
    "this",
    "that",
    "which",
    "who",
    "the",
    "a",
    "an",
    "in",
    "on",
    "but",
    "and",
    "so",
    "earlier",
    "later",
    "separately",
    "meanwhile",
    "however",
    "today",
    "yesterday",
    "last",
    "the model",
    "the chip",
    "as",
    "first",
    "originally",
}
# a document noun is no name, but may open one ("Data Center Dynamics")
_DOCUMENT_WORDS = {"results", "data", "figures", "documents", "records"}


@dataclass(frozen=True)
class Citation:
    cited_outlet: str  # canonical name when known, else the name as written
    cited_date: date | None
    sentence: str
    known: bool  # matched a source in sources.yaml


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
        self._known_re = [
            (re.compile(rf"(?<![\w]){re.escape(n)}(?![\w])", re.I), canon)
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
        # "Japan's Ministry of Economy, Trade and Industry (METI) said", "Chairman C.C. Wei
        # (魏哲家) told": a name's acronym or Chinese name stands between it and its verb
        # (an outlet in brackets is a credit: "deal wobbles (WSJ)")
        sentence = _NAME_GLOSS.sub(
            lambda k: k.group(0) if self._match_name(k.group(1))[1] else "", sentence
        )
        original = sentence
        # "SK hynix said": a name with a lowercase word, joined (same length) so the
        # name patterns read it as one word
        sentence = _LOWER_NAMES.sub(lambda k: k.group(0).replace(" ", "_"), sentence)
        if re.match(r"\(?(?:Reporting|Writing|Additional reporting) by\b", sentence):
            return []  # a wire byline names reporters, not sources
        if sentence.rstrip().endswith("?"):
            return []  # "Will Nvidia's guidance justify ...?" attributes nothing
        if re.match(r"(?:Read|Subscribe to|Sign up for) (?:our|the)\b", sentence):
            return []  # "Read our full breakdown of Nvidia's guidance": a promotion
        # "TSMC, the company that makes chips for Apple, Nvidia and AMD, said on Friday":
        # the sentence's subject speaks; names inside its description do not
        aside = _SPEAKER_ASIDE.match(sentence)
        # a speaker's own words credit nobody for the article: "“... can't get past
        # Nvidia's tests,” said Herzog"
        quoted = [(q.start(), q.end()) for q in QUOTED.finditer(sentence)]
        for pattern in _PATTERNS:
            for m in pattern.finditer(sentence):
                if (
                    aside
                    and aside.end("name") < m.start() < aside.end("desc")
                    and not aside.group("desc").startswith("citing")
                ):
                    continue  # a name inside a description; one cited ("citing X") counts
                if any(qs < m.start() < qe for qs, qe in quoted):
                    continue
                if (
                    _NOT_A_CREDIT.match(sentence, m.end())
                    or _HYPOTHETICAL.search(sentence[max(0, m.start() - 12) : m.start()])
                    or _UNNAMED_NEAR.search(sentence[max(0, m.start() - 48) : m.start()])
                ):
                    continue
                group = next(
                    g
                    for g in (
                        "name", "name2", "name3", "name4", "name5", "name6", "pron", "outlet",
                        "outlet2", "outlet3",
                    )
                    if g in m.re.groupindex and m.group(g)
                )  # fmt: skip
                raw = m.group(group).strip().rstrip(".,;:")
                if (
                    m.start() == m.start(group)
                    and _OBJECT_BEFORE.search(sentence[max(0, m.start() - 12) : m.start()])
                    and ", which " not in m.group(0)  # "at odds with Omdia, which forecast"
                ):
                    continue  # "Operators that lease capacity to Microsoft told X": an object
                if group in ("pron", "name5"):
                    # "it said": the organisation named just before, or nobody; "according
                    # to the company": that, else the story's company
                    local = self._named_body(original, m.start(), before, article_text) or (
                        _first_org(original[: m.start()], orgs, before)
                    )
                    if group == "name5" and not local:
                        local = subject
                    if local:
                        by_subject.append((local, m.start(group)))
                    continue
                # "analysts at Morgan Stanley said in a note": the firm's publication
                analyst = _ANALYST_BEFORE.search(sentence[: m.start(group)])
                in_note = bool(analyst and _NOTE_AHEAD.match(sentence, m.start(group)))
                if analyst and not in_note:
                    continue  # "Lena Ferraro at Northgate Advisors said": an analyst's view
                if m.re is _THEY_SAID and not _BOTH.search(sentence):
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
                    "prospectus",
                    "annual report",
                    "quarterly report",
                    "earnings report",
                    "financial report",
                ):
                    # "the company said", "in a filing": the story's subject, unless the
                    # sentence names its speaker ("Nvidia said in a filing")
                    # "the companies said" is the story's two parties, whoever came before
                    local = (
                        None
                        if _BOTH.search(sentence)
                        else self._possessor(original, m.start(), m.start(group), article_text)
                        or _first_org(original[: m.start()], orgs)
                        or (
                            self._document_owner(original, m, article_text)
                            if m.group(group) not in ("said", "says")
                            else None
                        )
                        or _first_org("", orgs, before)
                        or self._opening_owner(original, m.start(), article_text)
                    )
                    if local or subject:
                        by_subject.append((local or subject or "", m.start(group)))
                        if _BOTH.search(sentence):
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
                listed = _LISTED_NAME.search(original[: m.start(group)])
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
                if re.search(r"\bof\s+\S+.*\s+and\s+", raw):
                    keep_whole = True  # "Ministry of Electronics and Information Technology"
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
                if group.startswith("outlet"):
                    # "South Korea's Yonhap news agency": the outlet, not its country
                    parts = [re.sub(r"^(?:[A-Z][\w.]*\s+)*[A-Z][\w.]*(?:'s|’s)\s+", "", raw)]
                # "a White House official", "Goldman Sachs analysts", a note's firm, who
                # issues or files a document, "Says Intel:": people have none of these
                as_org = bool(
                    in_note
                    or group.startswith("outlet")
                    or _ORG_ROLE_AFTER.match(original, m.end(group))
                    or _ORG_ROLE_BEFORE.search(original[: m.start(group)])
                )
                for part in parts:
                    name, known = self._match_name(part)
                    org_titled = (
                        re.fullmatch(rf"(?P<org>.+?)\s+{_TITLED}", part)
                        if name is None or not known
                        else None
                    )
                    if org_titled and not re.fullmatch(_TITLED, part):
                        # "SK Hynix CFO Kim Woo-hyun said": the company named before the title
                        name, known = self._match_name(org_titled.group("org"))
                    titled = re.fullmatch(_TITLED, part) if name is None else None
                    if titled:
                        # "Chairman C.C. Wei said": the person's company, else the story's
                        person = titled.group("person")
                        org = (
                            _known_executive(self.executives, person, article_text, story_text)
                            or _employer(person, article_text)
                            or subject
                        )
                        if org:
                            name, known = self._match_name(org)
                    if name and not known and re.fullmatch(r"[A-Z]{2,6}", name):
                        # "TVA" after "the Tennessee Valley Authority (TVA)"
                        full = _acronyms(article_text).get(name) or _acronyms(story_text).get(name)
                        if full:
                            name, known = self._match_name(full)
                    employer = (
                        (
                            _employer(name, article_text)
                            or _employer(name, story_text)
                            or _known_executive(self.executives, name, article_text, story_text)
                        )
                        if name and not known
                        else None
                    )
                    if (
                        not employer
                        and subject
                        and name
                        and not known
                        and _bare_officer(name).search(original)
                    ):
                        # "chief executive Andy Jassy said": an officer whose company goes
                        # unnamed speaks for the sentence's subject ("TSMC raised its
                        # forecast, chief executive C.C. Wei said"), else the story's company
                        lead = _SUBJECT.match(sentence)  # ("SK_hynix": joined, one word)
                        employer = (
                            lead.group(1).replace("_", " ")
                            if lead
                            and not re.match(
                                r"(?:Chief|CEO|Chair|The|A|An|It|Its|This|That|In|On|But|And)\b",
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
                    org_hint = org_hint or as_org
                    if name is None or (
                        not known
                        and _looks_like_person(
                            name, article_text, org_hint, as_org or bool(employer)
                        )
                    ):
                        continue
                    # "Nvidia pushed back ..., saying in a statement late on Wednesday": the
                    # credit's day follows the participle
                    pos = m.start("at") if "at" in m.re.groupindex else m.start(group)
                    if m.re is _UNDATED:
                        if citing_outlet and _bare(name) == _bare(citing_outlet):
                            continue  # its own dateline: "NEW YORK, Jan 4 (PacWire) -"
                        given[name] = None
                    if "day" in m.re.groupindex and m.group("day"):
                        found = first_date(m.group("day"), article_day)
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
                    after and verb and verb.group(0) in _VERB_WORDS and _APPOSITIVE.search(between)
                )
                if not _OWN_CLAUSE.search(between) and not appositive:
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
            lead = sentence[max(0, m.start() - 24) : m.start()]
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
                (gate and _is_attribution_context(sentence, m))
                or _REPORT_AFTER.match(sentence, m.end())
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
            if citing_outlet and _bare(name) == _bare(citing_outlet):
                continue  # datelines and self-references
            if re.match(
                r"[^,;]{0,40}?(?:,[^,;]{0,40},\s*)?\breports? (?:its |[\w\-]+ ){0,3}(?:results|"
                r"earnings)\b",
                sentence[pos:],
            ):
                continue  # "Broadcom reports fiscal fourth-quarter results in December"
            # "TSMC fell on Wednesday, a day after Microsoft said": counted back from the
            # day the sentence gives before it (else the article's own day), not that day
            back = _DAYS_AFTER.search(sentence[max(0, pos - 30) : pos])
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
                when = _not_after(_date_near(sentence, aside.end("desc"), article_day), article_day)
            else:
                when = _not_after(_date_near(sentence, pos, article_day), article_day)
            if when is None and not known:
                # "Intel said it would take a charge, according to a regulatory filing on
                # Friday": the filing's day is the statement's
                doc = _DOCUMENT_DAY.search(sentence, pos)
                if doc and any(pos < p < doc.start() for p, _ in candidates.values()):
                    doc = None  # another credit's document: "..., a figure SK hynix
                    # confirmed in a regulatory filing on Wednesday"
                if doc:
                    found = first_date(doc.group("day"), article_day)
                    when = _not_after(found[1], article_day) if found else None
            if when is None and aside and pos == aside.start("name"):
                # "TSMC, the company that makes chips for Apple, said on Friday": the date
                # follows the description
                when = _date_near(sentence, aside.end("desc"), article_day)
                if when is None and re.match(r"(?:speaking|writing)\b", aside.group("desc")):
                    # "..., speaking at the Bloomberg Tech summit on Thursday, said": the
                    # occasion's day is the statement's
                    found = first_date(aside.group("desc"), article_day)
                    when = found[1] if found else None
            if when is None and previous_day is not None:
                # "A day later, AMD said" / "Pacific Wire confirmed it later that day":
                # counted from the last date the article gave before this sentence
                shift = opening_shift(sentence) if pos < 40 else None
                if shift is None:
                    clause = re.split(r"[;:]|,\s+(?:and|but|while)\b", sentence[pos:])[0]
                    shift = relative_shift(clause)
                if shift is not None:
                    when = previous_day + timedelta(days=shift)
            out.append(Citation(name, _not_after(when, article_day), as_written, known))
        return out

    def _match_name(self, raw: str) -> tuple[str | None, bool]:
        text = re.sub(r"(?:'s|’s|(?<=s)['’])$", "", raw.replace("_", " ")).strip()
        for pattern, canon in self._known_re:
            if pattern.search(text):
                return canon, True
        # "per X", and sentence adverbs: "Then Microsoft made it official"
        text = re.sub(
            r"^(?:[Pp]er|[Vv]ia|[Cc]iting|[Aa]s|Then|Later|Also|Now|Meanwhile|Separately|"
            r"Earlier|Instead|Still|So|And|But|Yet|At|In|On|For|From|With|By|Under|Unlike|Like|"
            r"After|Before|While|Between|Despite|[A-Z][\w.]*-based|[A-Z][\w.]*-headquartered)\s+",
            "",
            text,
        )
        owner = re.fullmatch(
            rf"(?P<org>{_ORG_NAME})(?:'s|’s)\s+(?P<who>(?:[A-Z]\.){{1,3}}\s*[A-Z][a-z]+|"
            rf"[A-Z][a-z]+(?:-[A-Z][a-z]+)?\s+[A-Z][a-z]+)",
            text,
        )
        if (
            owner
            and owner.group("org").lower() not in _PLACES
            and owner.group("who").split()[-1].lower() not in _ORG_LAST_WORDS
            and not _GOVERNMENT.search(owner.group("who"))
        ):
            return self._match_name(owner.group("org"))  # "Nvidia's Jensen Huang said"
        if re.fullmatch(r"(?:[Tt]he )?People(?:'s|’s) [A-Z][\w\s]+", text):
            # "the People's Daily", "the People's Bank of China": a name, not "people"
            return re.sub(r"^[Tt]he ", "", text), False
        secretary = re.fullmatch(
            rf"(?P<office>(?:US |U\.S\. )?(?:[A-Z][a-z]+ Secretary|Attorney General))\s+{_PERSON}",
            text,
        )
        if secretary and secretary.group("office").casefold() in ORG_ALIASES:
            # "US Commerce Secretary Howard Lutnick said": the department speaks
            return ORG_ALIASES[secretary.group("office").casefold()], False
        # "Samsung Vice Chairman Jun Young-hyun": the title, not part of the company's name
        text = re.sub(
            r"\b(?:Vice|Deputy|Executive|Senior)\s+(?=(?:Chairman|Chairwoman|Chair|President)\b)",
            "",
            text,
        )
        if re.fullmatch(rf"(?:[Cc]hief [A-Za-z ]+|{_OFFICER})\s+{_PERSON}", text):
            return None, False  # "Chief Financial Officer Wendell Huang": a person
        titled = re.fullmatch(
            rf"(?P<org>{_ORG_NAME}?)(?:'s|’s)?\s+(?:[\w\-]+\s+)?{_OFFICER}\s+{_PERSON}", text
        )
        if titled:
            # "Tesla Chief Executive Elon Musk said": the company speaks ("SK hynix Chief
            # Financial Officer ...": with its lowercase word)
            return self._match_name(
                _with_lower_word(titled.group("org"), text[titled.end("org") :])
            )
        words = text.split()
        # trim trailing lowercase/generic words and leading "The"
        if text.lower() in _GENERIC or text.lower() in _DOCUMENT_WORDS or not words:
            return None, False
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
                and re.sub(r"(?:'s|’s)$", "", head).lower() in _PLACES
                and (
                    not _GOVERNMENT.search(" ".join(words[k:]))
                    or re.search(r"\bNews\b", " ".join(words[k:]))  # "Central News Agency"
                )
                # ("China's foreign ministry" keeps its country too)
                and not re.search(r"\bministry\b", " ".join(words[k:]))
            ):
                words = words[k:]
                break
        while len(words) > 1 and _MONTH_OR_WEEKDAY.fullmatch(words[-1]):
            words = words[:-1]  # "Nvidia's April filing" -> Nvidia
        name = " ".join(words)
        name = re.sub(r"(?:'s|’s)$", "", name)
        if len(words) > 1:
            name = re.sub(
                r"(?:'s|’s)\s", " ", name
            )  # "Taiwan's Ministry of ..." -> "Taiwan Ministry of ..."
            name = re.sub(r"(?<=s)['’]\s", " ", name)  # "the Netherlands' Ministry of ..."
        name = ORG_ALIASES.get(name.casefold(), name)
        # "Samsung Electronics Co.", "Core Scientific Inc.": the legal form is never the name
        legal = re.sub(r"(?<=\w)\s+(?:Co|Inc|Corp|Ltd|Limited|plc|PLC|LLC)\.?$", "", name)
        if legal != name and " " in name:
            name = ORG_ALIASES.get(legal.casefold(), legal)
        # "Cerebras Systems", "Meta Platforms", "Amazon Web Services", "Google Cloud": the
        # company, under the short name the coverage uses
        short = re.sub(r"(?<=[a-z])\.com$", "", _CORPORATE_SUFFIX.sub("", name))  # Amazon.com
        if short != name and " " not in short and short.lower() not in _GENERIC and len(short) > 2:
            name = ORG_ALIASES.get(short.casefold(), short)
        if name.lower() in _GENERIC or name.split()[0].lower() in _GENERIC:
            return None, False
        if _MONTH_OR_WEEKDAY.fullmatch(name):
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
        m = _SUBJECT.match(sentence, opening.end() if opening and start < opening.end() else 0)
        words = _drop_starts(m.group(1)) if m else []
        if not words:
            return None
        return self._organisation(" ".join(words), article_text)

    def _organisation(self, written: str, article_text: str) -> str | None:
        """The canonical name of ``written`` when it is an organisation that is not a news
        outlet (nor a person)."""
        name, known = self._match_name(written)
        if not name or known or _looks_like_person(name, article_text):
            return None
        return name

    def _named_body(
        self, sentence: str, start: int, before: str | Sequence[str], article_text: str
    ) -> str | None:
        """Which body "the commission / ministry / department said" (at ``start``) is: the
        one of that kind named earlier in the sentence, else in ``before`` ("The Louisiana
        Public Service Commission approved ..., the commission said")."""
        kind = re.match(
            r"[Tt]he (commission|ministry|department|bureau|authority|administration)\b",
            sentence[start:],
        )
        if not kind:
            return None
        earlier = [before] if isinstance(before, str) else list(before)
        named = [
            n
            for n in re.findall(
                rf"((?:[A-Z][\w&.\-]*(?:'s|’s)?\s+(?:of\s+(?:the\s+)?)?){{0,5}}"
                rf"{kind.group(1).capitalize()}(?:\s+of(?:,?\s+(?:and\s+)?[A-Z][\w\-]*)+)?)",
                " ".join([sentence[:start], *earlier]),
            )
            if " " in n  # "Commission" alone names nobody
        ]
        return self._organisation(named[0], article_text) if named else None

    def _other_org(
        self, text: str, first: str | None, article_text: str, exclude: Collection[str] = ()
    ) -> str | None:
        """The first organisation named in ``text`` other than ``first`` (and those in
        ``exclude``): the second party of "the companies said" when no headline names
        one."""
        skip = {x.casefold() for x in exclude}
        for m in re.finditer(r"[A-Z][\w&.\-]*(?:\s+[A-Z][\w&.\-]*){0,3}", text):
            words = _drop_starts(re.sub(r"(?:'s|’s)$", "", m.group(0)))
            # "Nvidia GPUs", "AMD MI450 chips": the maker, not its product
            cut = next(
                (i for i, w in enumerate(words) if re.fullmatch(r"[A-Z]{2,}s|.*\d.*", w)),
                len(words),
            )
            words = words[:cut]
            if not words or words[0].lower() in STOP or words[0].lower() in _PLACES:
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
        listed = _NAME_LIST.search(before)
        if listed and re.search(r"\bthe companies\b", sentence, re.I):
            for part in re.split(r",\s+(?:and\s+)?|\s+and\s+", listed.group(0)):
                org = self._organisation(part, article_text)
                if org and org not in named:
                    named.add(org)
                    out.append((org, pos))
            return
        other = partner or self._other_org(before, first, article_text)
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

    def _document_owner(self, sentence: str, m: re.Match[str], article_text: str) -> str | None:
        """Who issued the statement an opening document phrase names: the organisation
        right after it ("In a statement, Nvidia called DeepSeek ...")."""
        if m.start() > 1:
            return None
        after = re.match(
            r",\s+((?:[A-Z][\w&.\-]*\s+){0,3}?[A-Z][\w&.\-]*)\s+[a-z]", sentence[m.end() :]
        )
        return self._organisation(after.group(1), article_text) if after else None

    def _opening_owner(self, sentence: str, start: int, article_text: str) -> str | None:
        """Whose products a sentence opens on, when "the company" speaks at its end:
        "Amazon.com's Graviton chips ... are used by most of the top customers, the
        company has said" is Amazon's word, whoever the story is about."""
        m = _OPENING_POSSESSIVE.match(sentence)
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
        text = _LOWER_NAMES.sub(lambda k: k.group(0).replace(" ", "_"), story_text)
        for m in _OWNER.finditer(text):
            words = _drop_starts(m.group(1))
            if not words or self._match_name(m.group(1))[1]:
                continue  # (an outlet: "The Information reported")
            name, known = self._match_name(" ".join(words))
            if name and not known and not _looks_like_person(name, story_text):
                out.add((" ".join(words).replace("_", " "), name))
        for alias, canon in ORG_ALIASES.items():
            if re.search(rf"(?<!\w){re.escape(alias)}(?!\w)", story_text, re.I):
                out.add((alias, canon))
        return frozenset(out)


# a name that speaks: "Oracle said", "Broadcom confirmed"
_OWNER = re.compile(
    r"\b([A-Z][\w&.\-]*(?:\s+[A-Z][\w&.\-]*){0,3})\s+(?:has\s+|had\s+|also\s+)?(?:said|says|"
    r"told|announced|confirmed|disclosed|reported|unveiled)\b"
)
# a sentence that opens on a name's possession: "Amazon.com's Graviton chips ..."
_OPENING_POSSESSIVE = re.compile(
    r"(?P<org>[A-Z][\w&.\-]*[\w&](?:\s+[A-Z][\w&.\-]*[\w&]){0,2})(?:'s|’s)\s+[A-Z]"
)
# a sentence's subject: its leading name, followed by a lower-case verb
_SUBJECT = re.compile(r"([A-Z][\w&.\-]*(?:\s+[A-Z][\w&.\-]*){0,3})(?:'s|’s)?\s+(?=[a-z])")
# "Monday's session" (masked) but not "Thursday's press call" or "Monday's statement",
# which date the source itself
_POSSESSIVE_DAY = re.compile(
    r"\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day(?:'s|’s)"
    r"(?!\s+(?:[\w\-]+\s+)?(?:statement|call|report|filing|announcement|briefing|interview|"
    r"post|segment|note|release|broadcast|presentation|blog|story|article|piece|remarks|"
    r"comments|event|keynote|conference|letter|update)s?\b)"
)
# "the quarter ended April 26": when a reporting period closed, never when anyone spoke
_PERIOD_END = re.compile(
    r"\b(?:quarter|period|months|weeks|year|half)\s+(?:ended|ending|that\s+ended|through)\s+"
    r"(?:on\s+)?(?:[A-Z][a-z]+\.?\s+\d{1,2}(?:,\s+\d{4})?|\d{1,2}\s+[A-Z][a-z]+(?:\s+\d{4})?)"
)
# an acronym or a Chinese name in brackets after a name: "(METI)", "(魏哲家)"
_NAME_GLOSS = re.compile(
    r"\s*\(((?=[^)]*[A-Z][^)]*[A-Z])[A-Z][A-Za-z&]{1,7}|[\u3400-\u9fff]{2,8})\)(?=[\s,.;:])"
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


_SENTENCE_STARTS = {"The", "For", "In", "On", "At", "But", "And", "A", "An", "When", "As", "If"}


def _drop_starts(name: str) -> list[str]:
    """A capitalised run's words without the sentence-opening ones ("The", "But", ...)."""
    words = name.split()
    while words and words[0] in _SENTENCE_STARTS:
        words = words[1:]
    return words


def _first_org(
    text: str, orgs: frozenset[tuple[str, str]], before: str | Sequence[str] = ""
) -> str | None:
    """The canonical name of the organisation of ``orgs`` named first in ``text``, else
    in ``before``: the sentences before it, nearest first ("Lightmatter said on Monday
    ... The company did not name the customer. It did say ...")."""
    earlier = (before,) if isinstance(before, str) else tuple(before)
    for part in (text, *earlier):
        best: tuple[int, str] | None = None
        for written, canon in orgs:
            m = re.search(rf"(?<![\w]){re.escape(written)}(?![\w])", part, re.I)
            if m and (best is None or m.start() < best[0]):
                best = (m.start(), canon)
        if best:
            return best[1]
    return None


def _bare(name: str) -> str:
    """A name without case or a leading "the": "The Wall Street Journal" is the citing
    "Wall Street Journal"."""
    name = re.sub(r"^the\s+", "", re.sub(r"(?:'s|’s)\b", "", name.casefold()))
    return re.sub(r"\s+news agency$", "", name)  # "Yonhap News Agency" is Yonhap


# "the two companies said", "per the companies": both parties to the story's deal
_BOTH = re.compile(
    r"\b(?:the (?:two |three |four )?companies|both companies|all (?:three|four) companies|"
    r"the pair)\b",
    re.I,
)
_CORPORATE_SUFFIX = re.compile(
    r"(?<=\w)\s+(?:Systems|Platforms|Electronics|Inc\.?|Corp\.?|Corporation|Holdings|"
    r"Technologies|Technology|Group|Co\.?|Ltd\.?|Web Services|Cloud|Incorporated)$"
)

# companies and agencies cited under several names: one canonical name each. They are not
# news outlets, so they stay "unknown" (a bare mention of one is not a citation)
ORG_ALIASES = {
    alias.casefold(): canon
    for canon, aliases in {
        "TSMC": ["Taiwan Semiconductor Manufacturing Co", "Taiwan Semiconductor Manufacturing"],
        "US Commerce Department": [
            "Commerce Department",
            "US Department of Commerce",
            "Department of Commerce",
            "U.S. Commerce Department",
            "Commerce Secretary",
            "US Commerce Secretary",
            "U.S. Commerce Secretary",
        ],
        "US Justice Department": [
            "Justice Department",
            "US Department of Justice",
            "Department of Justice",
            "U.S. Justice Department",
            "U.S. Department of Justice",
            "Attorney General",
            "US Attorney General",
            "U.S. Attorney General",
        ],
        **{
            f"US {dept} Department": [
                f"{dept} Department",
                f"US Department of {dept}",
                f"Department of {dept}",
                f"U.S. {dept} Department",
                f"U.S. Department of {dept}",
                # the secretary speaks for the department
                f"{dept} Secretary",
                f"US {dept} Secretary",
                f"U.S. {dept} Secretary",
            ]
            for dept in ("Energy", "Treasury", "State", "Defense")
        },
        "SK hynix": ["SK Hynix", "SK hynix"],
        "Samsung": ["Samsung Electronics"],
        "Amazon": ["AWS"],
        "Microsoft": ["Azure", "Microsoft Azure"],
    }.items()
    for alias in aliases
}
# names with a lowercase word ("SK hynix"): the name patterns read capitalised words, so
# such a name is joined into one word before matching
_LOWER_NAMES = re.compile(
    "|".join(
        rf"\b{re.escape(name)}\b"
        for name in sorted(set(ORG_ALIASES.values()))
        if any(w.islower() for w in name.split())
    ),
    re.I,
)

_PLACES = {
    "beijing",
    "shanghai",
    "shenzhen",
    "washington",
    "taipei",
    "hsinchu",
    "tokyo",
    "seoul",
    "guizhou",
    "hangzhou",
    "china",
    "taiwan",
    "korea",
    "japan",
    "europe",
    "america",
    "us",
    "u.s.",
    "u.s",
    "silicon valley",
    "wall street",
    "santa clara",
    "san francisco",
    "london",
    "arizona",
    "texas",
    "hong kong",
    "singapore",
    "south korea",
    "india",
    "germany",
    "france",
    "britain",
    "the netherlands",
    "netherlands",
    "malaysia",
    "vietnam",
    "idaho",
    "boise",
    "dammam",
    "saudi arabia",
    "whoever",
    "nobody",
    "everyone",
    "investors",
    "traders",
    "customers",
    "users",
    "developers",
    "critics",
}


_OFFICER = (
    r"(?:(?:co-)?chief executive(?: officer)?|[Cc]hief (?:[A-Za-z]+ ){1,2}[Oo]fficer|(?:co-)?CEO|"
    r"Chairman|Chairwoman|Chair|President|Founder|boss|chief|head|"
    r"chief financial officer|CFO|chief technology officer|general manager|press secretary|"
    r"CTO|president|chairman|chairwoman|chair|founder|co-founder|spokesperson|spokesman|"
    r"spokeswoman|Chief Executive(?: Officer)?|Chief Financial Officer|Chief Technology "
    r"Officer)"
)
_ORG_NAME = r"(?:[A-Z]|\b[a-z](?=[A-Z]))[\w&.\-]*(?:\s+[A-Z][\w&.\-]*){0,2}"
_PERSON = (
    r"(?:(?:[A-Z]\.){1,3}\s*[A-Z][a-z]+|[A-Z][a-z]+(?:-[A-Z][a-z]+)?"
    r"(?:\s+[A-Z][a-z]+(?:-[a-z]+)?)?)"  # "Kim Woo-hyun"
)
# a title the sentence capitalises into the name: "Chairman C.C. Wei said"
_TITLED = (
    rf"(?:(?:Vice|Deputy|Executive|Senior) )?"
    rf"(?:Chairman|Chairwoman|CEO|CFO|COO|CTO|Founder|Co-founder|Chief Executive|"
    rf"Chief (?:Financial|Operating|Technology|Executive) Officer)\s+(?P<person>{_PERSON})"
)


@lru_cache(maxsize=32)
def _acronyms(article_text: str) -> dict[str, str]:
    """Acronyms for names in the text: "the Tennessee Valley Authority (TVA)" defines TVA;
    failing that, a name of three or more capitalised words stands for its initials."""
    out: dict[str, str] = {}
    for m in re.finditer(r"\b[A-Z][a-z]+(?:\s+(?:of\s+|and\s+)?[A-Z][a-z]+){2,5}", article_text):
        name = re.sub(r"^The\s+", "", m.group(0))
        words = [w for w in name.split() if w[:1].isupper()]
        out.setdefault("".join(w[0] for w in words), name)
    for m in re.finditer(
        r"((?:[A-Z][\w&\-]*\s+(?:of\s+|and\s+|&\s+)?){1,6})\(([A-Z]{2,6})\)", article_text
    ):
        words = [w for w in m.group(1).split() if w[:1].isupper()]
        if "".join(w[0] for w in words[-len(m.group(2)) :]) == m.group(2):
            out[m.group(2)] = " ".join(m.group(1).split())
    return out


@lru_cache(maxsize=256)
def _bare_officer(name: str) -> re.Pattern[str]:
    """A company officer's title right before ``name``, with no organisation before the
    title: "Chairman C.C. Wei", "..., chief executive Andy Jassy said"."""
    return re.compile(
        r"(?:^|[,;:(—–]\s*|\b(?:and|said|says|while|as|when|but)\s+)"
        r"(?:(?:interim|acting) )?(?:co-)?"
        r"(?:[Cc]hief [Ee]xecutive(?: [Oo]fficer)?|CEO|[Cc]hairman|[Cc]hairwoman|"
        r"[Cc]hief (?:[Ff]inancial|[Tt]echnology|[Oo]perating) [Oo]fficer|CFO|CTO|COO|"
        r"[Cc]o-?[Ff]ounder|[Ff]ounder)\s+" + re.escape(name) + r"\b"
    )


# executives the AI-hardware press quotes by name alone ("Jensen Huang said", and "Huang
# said" once the article has given the full name): whom they speak for
KNOWN_EXECUTIVES = {
    "Jensen Huang": "Nvidia", "Colette Kress": "Nvidia", "Lisa Su": "AMD",
    "Lip-Bu Tan": "Intel", "David Zinsner": "Intel",
    "C.C. Wei": "TSMC", "Sam Altman": "OpenAI", "Satya Nadella": "Microsoft",
    "Sundar Pichai": "Google", "Mark Zuckerberg": "Meta", "Andy Jassy": "Amazon",
    "Masayoshi Son": "SoftBank", "Cristiano Amon": "Qualcomm", "Hock Tan": "Broadcom",
    "Sanjay Mehrotra": "Micron", "Rene Haas": "Arm", "Dario Amodei": "Anthropic",
    "Christophe Fouquet": "ASML", "Andrew Feldman": "Cerebras", "Jim Keller": "Tenstorrent",
    "Liang Wenfeng": "DeepSeek", "Safra Catz": "Oracle", "Larry Ellison": "Oracle",
    "Michael Intrator": "CoreWeave", "Jonathan Ross": "Groq",
}  # fmt: skip


def _known_executive(known: dict[str, str], name: str, *texts: str) -> str | None:
    """The company of a well-known executive (``known``: person -> company) named in full,
    or by surname when one of ``texts`` (the article, the story) gives the full name, or
    failing that names the company ("Huang said on the earnings call, after Nvidia
    reported ...": nothing else in the article says who Huang is)."""
    if name in known:
        return known[name]
    if " " in name:
        return None
    for full, org in known.items():
        if full.split()[-1] == name and any(full in text for text in texts):
            return org
    for full, org in known.items():
        if full.split()[-1] == name and any(
            re.search(rf"\b{re.escape(org)}\b", text) for text in texts
        ):
            return org
    return None


def _with_lower_word(org: str, rest: str) -> str:
    """``org`` with the lowercase word that follows it in ``rest`` when together they are a
    known name: "SK" + " hynix Chief Financial Officer ..." is "SK hynix" (the name
    patterns read capitalised words only)."""
    lower = re.match(r"\s+([a-z][\w\-]*)\b", rest)
    if lower and f"{org} {lower.group(1)}".casefold() in ORG_ALIASES:
        return f"{org} {lower.group(1)}"
    return org


@lru_cache(maxsize=256)
def _employer(name: str, article_text: str) -> str | None:
    """The organisation a person speaks for, when the article says so: "Nvidia chief
    executive Jensen Huang", "Jensen Huang, Nvidia's chief executive", "Lisa Su, chief
    executive of AMD". ``name`` may be the full name or the surname used later."""
    if not article_text or not re.fullmatch(_PERSON, name):
        return None
    last = name.split()[-1]
    person = rf"(?:[A-Z][a-z]+\s+)?{re.escape(last)}\b" if " " not in name else re.escape(name)
    for k, rx in enumerate(
        (
            rf"\b(?P<org>{_ORG_NAME})(?:'s|’s)?\s+(?:[\w\-]+\s+){{0,2}}{_OFFICER}\s+{person}",
            rf"\b{person},\s+(?P<org>{_ORG_NAME})(?:'s|’s)\s+(?:[\w\-]+\s+)?{_OFFICER}\b",
            rf"\b{person},\s+(?:the\s+)?(?:[\w\-]+\s+)?{_OFFICER}\s+(?:of|at)\s+"
            rf"(?P<org>{_ORG_NAME})",
            # "Norm Jouppi, a Google engineer who led the TPU program"
            rf"\b{person},\s+an?\s+(?P<org>{_ORG_NAME})\s+(?:[\w\-]+\s+)?(?:engineer|executive|"
            rf"researcher|scientist|official|{_OFFICER})\b",
        )
    ):
        m = re.search(rx, article_text)
        if m:
            # never across a sentence end: "... in OpenAI. Nvidia chief executive Jensen
            # Huang" is Nvidia's (the part next to the title), "Lisa Su, chief executive of
            # AMD. The company ..." is AMD's
            parts = re.split(r"\.(?:\s|$)", m.group("org"))
            org = parts[-1] if k == 0 else parts[0]
            if not org:
                continue
            if org.split()[0].lower() in ("the", "its", "a", "an"):
                continue
            return _with_lower_word(org, article_text[m.end("org") :])
    return None


_ROLE = (
    r"analyst|executive|officer|chief|founder|director|president|spokes\w+|engineer|"
    r"researcher|professor|partner|head|manager|economist|strategist|minister|secretary|"
    r"chairman|chairwoman|CEO|CFO|CTO"
)
_DEMONYMS = {
    "chinese",
    "taiwanese",
    "korean",
    "south korean",
    "japanese",
    "american",
    "european",
    "indian",
    "saudi",
    "emirati",
}


# last words of outlets' and organisations' names, never of a person's: "Commercial
# Appeal", "Economic Times", "S3 Partners"
_ORG_LAST_WORDS = {
    "times", "post", "journal", "daily", "herald", "inquirer", "appeal", "news", "tribune",
    "gazette", "review", "echos", "ilbo", "wire", "insider", "register", "observer",
    "standard", "chronicle", "telegraph", "guardian", "express", "weekly", "today", "monitor",
    "partners", "research", "securities", "capital", "group", "holdings", "technologies",
    "systems", "energy", "authority", "department", "ministry", "commission", "administration",
    "institute", "university", "labs", "networks", "semiconductor", "electronics",
    "instruments", "devices", "computing", "bank", "exchange", "agency", "council", "office",
    "bureau", "board", "power", "electric", "utilities", "corporation", "foundation",
    "association", "alliance", "analytics", "intelligence", "insights", "economics",
    "advisors", "ventures", "media", "magazine", "broadcasting", "television", "data",
    "statistics", "shimbun", "analysis",
}  # fmt: skip


_ORG_FIRST_WORDS = {"statistics", "bank", "university", "institute", "ministry", "national"}


def _looks_like_person(
    name: str, article_text: str, org_hint: bool = False, as_org: bool = False
) -> bool:
    """Whether a credited name is a person's (whose employer is then sought), or no name at
    all. ``org_hint``: the sentence writes it as an organisation's ("the X", "X's report");
    ``as_org``: its role says so ("reviewed by X", "X analysts")."""
    if re.fullmatch(r"(?:[A-Z]\.){1,3}\s*[A-Z][a-z]+", name):
        return True  # "C.C. Wei"
    if (
        name.split()[-1].lower() in _ORG_LAST_WORDS
        or name.split()[0].lower() in _ORG_FIRST_WORDS
        or re.search(r"\w(?:'s|’s)\s", name)
    ):
        return False  # "Economic Times", "Tom's Hardware"
    if name.lower() in _PLACES or name.lower() in _DEMONYMS:
        return True
    if any(ch.isdigit() for ch in name) and not as_org:
        return True  # "H100 said" is a chip's name; "reviewed by Law360" an outlet's
    words = name.split()
    if len(words) == 2 and all(w[:1].isupper() and w[1:].islower() for w in words):
        # "Dana Feld": a first and last name when the article gives a role ("Dana Feld, an
        # analyst at ...", "chief executive Dana Feld") or later uses the surname alone
        # ("Feld said"); "Moore Threads says" is an organisation
        if re.search(rf"\b{re.escape(name)}(?:'s|’s)? (?:{_ORG_NOUNS})\b", article_text):
            return False
        first, last = words
        return not org_hint and bool(
            not re.search(
                rf"\b{re.escape(name)}(?:'s|’s)?\s+(?:said|says|announced|unveiled)\b", article_text
            )
            or re.search(
                rf"\b{re.escape(name)},\s+(?:a|an|the|its|who)?\s*[\w\s\-]{{0,40}}?\b(?:{_ROLE})",
                article_text,
            )
            or re.search(rf"\b(?:{_ROLE})\w*\s+{re.escape(name)}\b", article_text)
            or re.search(
                rf"(?<!{re.escape(first)} )\b{re.escape(last)} (?:said|says|told|added|wrote|"
                rf"argued|noted|thinks|expects)\b",
                article_text,
            )
        )
    if article_text and re.search(
        rf"\b{re.escape(name)}\s+(?:has\s+|had\s+)?(?:said|says|told\s+\w+|argued|added|wrote)"
        r"\s+(?:that\s+)?(?:he|she)\b",
        article_text,
    ):
        return True  # "Son has said he wants ...": a company is "it"
    if len(words) == 1 and article_text:
        # "Feld said" after "Dana Feld, an analyst at ..."
        for m in re.finditer(
            rf"\b([A-Z][a-z]+) {re.escape(name)}\b(?:,| said| told| wrote| added| of\b| at\b)",
            article_text,
        ):
            if m.group(1).lower() not in STOP and m.group(1) not in _NOT_FIRST_NAMES:
                return True
        # "Liang has told the team" after "chief executive Liang Wenfeng" (family name
        # first) or "Liang Wenfeng, who runs it as chief executive": the full name with a
        # role, in either order
        for m in re.finditer(
            rf"\b(?:([A-Z][a-z]+) {re.escape(name)}|{re.escape(name)} ([A-Z][a-z]+))\b",
            article_text,
        ):
            other = m.group(1) or m.group(2)
            if other.lower() in STOP or other in _NOT_FIRST_NAMES:
                continue
            if re.search(
                rf"\b(?:{_ROLE})\w*\s+{re.escape(m.group(0))}\b", article_text
            ) or re.search(
                rf"\b{re.escape(m.group(0))},\s+(?:a|an|the|its|who)?\s*[\w\s\-]{{0,40}}?\b(?:{_ROLE})",
                article_text,
            ):
                return True
    return False


# capitalised words that stand before a name at the start of a sentence or clause but are
# not anyone's first name ("When Feld said", "Expect Oracle, or developers acting for it,")
_NOT_FIRST_NAMES = {
    "Says",  # "Says Intel, in its presentation:"
    "When",
    "If",
    "After",
    "Before",
    "Since",
    "Because",
    "Although",
    "Until",
    "Whether",
    "Expect",
    "Watch",
    "See",
    "Ask",
    "Meanwhile",
    "Still",
    "Yet",
    "Also",
    "Even",
    "Unlike",
    "Like",
    "Including",
    "With",
    "Without",
    "For",
    "From",
    "Both",
    "Only",
    "Then",
    "Now",
    "Today",
    "Yesterday",
    "Neither",
    "Either",
    "Where",
    "While",
    "Why",
    "How",
    "What",
    "Which",
    "Who",
    "Rival",
    "Rivals",
    "Chipmaker",
    "Customer",
    "Customers",
    "Partner",
    "Partners",
    "Unless",
    "Once",
    "Though",
    "Whereas",
    "Against",
    "Beyond",
    "Besides",
}


_REPORT_AFTER = re.compile(
    r"(?:'s|’s)?\s+(?:[\w\-]+\s+)?(?:item|report|story|scoop|piece|article|write-up|writeup|"
    r"exclusive|analysis)\b"
)


def _is_attribution_context(sentence: str, m: re.Match[str]) -> bool:
    if re.match(
        r"(?:['’]s)?\s+(?:[A-Z][\w\-]*\s+){0,3}(?:summit|conference|event|festival|awards?|forum)\b",
        sentence[m.end() :],
        re.I,
    ):
        return False  # "at the FT's Future of AI summit", "the Bloomberg Tech summit"
    window = sentence[max(0, m.start() - 60) : m.end() + 60].lower()
    return bool(re.search(rf"\b({ATTRIBUTION_VERBS}|according to|per|citing|report)\b", window))


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


def _not_after(when: date | None, article_day: date) -> date | None:
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


def _credit_scope(scope: str) -> str:
    """Cut ``scope`` (text from the credited name on) where the reported content starts."""
    verb = _VERB_RE.search(scope)
    if not verb:
        return scope
    start = _COMPLEMENT.search(scope, verb.end())
    return scope[: start.start()] if start else scope


def _date_near(sentence: str, pos: int, article_day: date) -> date | None:
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
        r"|,\s+(?:responding|replying|reacting)\s+to\b|,\s+in\s+response\s+to\b"
        # "the FT reported, a plan Arm confirmed on Thursday": another's credit in apposition
        rf"|{_APPOSITIVE.pattern}[A-Z]"
    )
    if re.search(r"(?:according to|per|citing|via)\s+(?:\S+\s+){0,4}$", sentence[:pos], re.I):
        # (a comma inside a listed name is no end: "the Ministry of Trade, Industry and
        # Energy on the 1st")
        ends += r"|,(?!\s+[A-Z]\w*(?:,|\s+and\s+[A-Z]))"
    clause_end = re.search(ends, after)
    stop = clause_end.start() if clause_end and clause_end.start() > 0 else len(after)
    if clause_end and re.match(
        r",\s+which\s+(?:first\s+|had\s+|both\s+|also\s+|later\s+)?(?:reported|said|published|"
        r"wrote|broke|disclosed|carried|ran|revealed|flagged|noted|announced|estimated)\b",
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
    relative = SAME_OR_NEXT.search(clause)
    if relative and not all_dates(scope, article_day):
        earlier = last_date(sentence[:pos], article_day)
        if earlier:
            return earlier + timedelta(days=day_shift(relative.group(0)))
    found = first_date(scope, article_day)
    if found:
        return found[1]
    if re.match(
        r"[^,;]{0,50}?\blater\s+(?:confirmed|said|told|announced|denied|acknowledged|added|wrote)\b",
        sentence[pos:],
    ) or re.search(r"\blater\s+$", sentence[max(0, pos - 12) : pos]):
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
        return None
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
    if trailing and "," in between and re.search(r"[A-Za-z]", sentence[: max(0, date_at - 4)]):
        # ... unless what it reports happened on that day: "Cerebras priced its offering on
        # Wednesday ..., the company said" / "priced its IPO last night, Pacific Wire
        # reported" (a past event is announced the day it happens)
        lead_in = sentence[max(0, date_at - 60) : date_at]
        if found[1] <= article_day and not LOOKS_AHEAD.search(lead_in):
            return found[1]
        return None
    return found[1]


# capitalised headline words that are never the company a story is about
_HEADLINE_WORDS = {"west", "east", "north", "south", "inside", "exclusive", "analysis", "why"}


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

    # "SK hynix" and other names with a lowercase word
    for m in _LOWER_NAMES.finditer(title):
        yield ORG_ALIASES.get(m.group(0).casefold(), m.group(0))
    if finder is not None:
        for pattern, _ in finder._known_re:
            title = pattern.sub(lambda k: " " * len(k.group(0)), title)  # outlets don't speak
    skip_until = 0
    for m in re.finditer(r"\b[A-Z][A-Za-z&\-]*[a-zA-Z](?=(\s+[A-Z][a-z]+)?)", title):
        word = m.group(0)
        if m.start() < skip_until:
            continue  # the surname of a person just read
        if (
            word.lower() in STOP
            or word.lower() in _PLACES
            or word.lower() in _GENERIC
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
            if " " in full and re.fullmatch(_PERSON, full):
                employer = _employer(full, text)
                if employer:
                    skip_until = m.start() + len(full)
                    yield ORG_ALIASES.get(employer.casefold(), employer)
                    continue
                if re.search(rf"\b{re.escape(full)}\b", text):
                    skip_until = m.start() + len(full)
                    continue  # a person with no employer given
        yield word
