"""What a credit looks like: the sentence patterns that attribute a statement to an outlet
or an organisation ("according to a report from X", "X reported on Monday", "X, citing
people familiar"), and the shapes that look like credits but are not ("said to be", a
comment declined, a name added to a list).

The patterns are data for :class:`pipeline.citations.CitationFinder`; whom a credit names
is decided in pipeline.credit_names and when it was made in pipeline.credit_dates.
"""

from __future__ import annotations

import re

from pipeline.textdates import (
    MONTH_NAMES,
)

# Bloomberg's research arms, which are not its newsroom ("Bloomberg Intelligence said")
RESEARCH_ARM = r"(?:Intelligence|Economics|NEF)"
# the offices a country's minister speaks for in lower case ("Taiwan's economy minister")
MINISTER_OFFICES = r"(?:economy|economic|commerce|finance|trade|industry|foreign)"

ATTRIBUTION_VERBS = (
    # ("ASML reports Wednesday", "Alphabet reports after the bell": results to come)
    # ("Reuters reports Monday that ..." is news)
    r"reported|reports(?!\s+(?:on\s+)?(?:[A-Z][a-z]+day|after the bell|before the bell|"
    r"tomorrow|next week|later (?:today|this week)|this week)\b(?!,?\s+that\b))|"
    # "AMD and OpenAI say they've signed"; "..., and Yonhap followed, that"
    r"say(?=\s+(?:they|they've|they have|that)\b)|followed(?=,\s+that\b)|"
    r"said|says|confirmed|confirms|wrote|writes|noted|notes|revealed|reveals|"
    r"disclosed|discloses|first reported|broke|published|announced|announces|"
    # "added" as speech, not "have both added cold-plate capacity"
    r"(?<!\bhave )(?<!\bhas )(?<!\bhad )(?<!\bboth )added|"
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
    r"conceded|concedes|admitted|admits|"
    r"argued|argues|reckons|reckoned|countered|repeated|cautioned|cautions|indicated|indicates|"
    r"hinted|hints|(?:is|are) (?:now |also )?reporting|"
    r"responded(?=\s+(?:in\s+a|that|with\s+a))|rejected(?=\s+in\s+a)|disputed|disputes|"
    r"first named|first identified|calculated|calculates|quotes|called it|calls it|"
    r"filled in|fills in|"
    r"got (?:there|it|the story|the news) first|"
    r"(?:had|has|got) (?:a|its own|its|two|several) sources? (?:confirm|say|tell)|"
    r"(?:carried|carries|ran) (?:the|a|an|its) (?:[\w\-]+ ){0,2}(?:story|report|news|scoop|item|"
    r"details)"
)


ORG_NOUNS = (
    r"report|reporting|story|scoop|article|filing|statement|announcement|analysis|"
    r"chief (?:[A-Za-z]+ ){1,2}officer|spokes(?:wo)?man|product page|status page|spec sheet|"
    r"specifications|environmental report|"
    r"technical report|tests?|paper|researchers|engineers|data|figures|estimates?|guidance|"
    r"numbers|results|release(?=\s+(?:said|says|showed|shows|stated|states|noted))|press release|"
    r"blog post|disclosure|spokesperson|executives|"
    r"chief executive|CEO|own researchers|own tests|benchmarks|presentation|slides|website|"
    r"piece|scoop|story|coverage|newsletter|exclusive|deep dive|breakdown|explainer|rundown|"
    r"item|telling|own reporting|answer|official line|explanation|8-K|6-K|10-Q|10-K|13F|S-1|"
    r"F-1|20-F|prospectus|note|memo|notice|database|investor relations|"
    r"earnings call|call|remarks|comments|forecast|outlook|claim|quoted|figure|"
    r"public response|sources|reporters|write-up|writeup|segment|leaks?|checks|channel checks|"
    r"tracker"
)


_MONTH_DAY = rf"(?:{MONTH_NAMES}) \d{{1,2}}"


_MONTH_ABBR = r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)"


# "Nvidia's April filing", "Monday": a month or weekday, never a name
MONTH_OR_WEEKDAY = re.compile(rf"(?:{MONTH_NAMES}|{_MONTH_ABBR}\.?|[A-Z][a-z]+day)")


# a day before a report noun: "a Dec. 30 report", "Tuesday's report", "an April 3 story"
_DAY_BEFORE = rf"(?:(?:{_MONTH_DAY}|{_MONTH_ABBR}\. \d{{1,2}}|[A-Z][a-z]+day(?:'s|’s)?) )"


# a capitalised name, or one like "xAI" / "iFlytek" / "d-Matrix" (a lowercase letter,
# then capitals)
_CAP = r"(?:[A-Z]|\b[a-z](?=-?[A-Z]))[\w&.'’\-]*"


_NAME = (
    rf"(?<![\w\-])(?:[Tt]he\s+)?{_CAP}(?:\s+(?:of\s+|&\s+|and\s+|for\s+(?:the\s+)?)?{_CAP}){{0,4}}"
)


# a time between the speaker and the verb: "CCTV on Tuesday evening aired", "Samsung last
# week said"
_WHEN = (
    r"(?:on (?:[A-Z][a-z]+day|(?:" + MONTH_NAMES + r"|(?:Jan|Feb|Aug|Sept?|Oct|Nov|Dec)\.) "
    r"\d{1,2})(?: (?:morning|afternoon|evening|"
    r"night))?|last (?:week|month|night|[A-Z][a-z]+day)|earlier (?:this|on|in) \w+|"
    r"this (?:week|morning|afternoon|evening)|late on [A-Z][a-z]+day|yesterday|today)"
)


_IN_A_NOTE = (
    # ("in a Jan. 8 note")
    r"[^.;]{0,100}?\bin (?:an? |their |separate )(?:[\w\-.]+ ){0,2}?(?:notes?|reports?)\b(?! by)"
)


NOTE_AHEAD = re.compile(r"[^.;]{0,80}?" + _IN_A_NOTE)


# what marks a name as an organisation's: its officials or analysts after it ("a White
# House official", "Goldman Sachs analysts", "Applied Materials filed"), or a document it
# issued or an inverted quote before it ("a statement issued by the PIB", "Says Intel:")
ORG_ROLE_AFTER = re.compile(
    r"\s+(?:spokes\w+|representative|officials?|analysts|filed|fact sheet|press release|"
    r"(?:research |analyst )?notes?)\b"
    r"|,\s+in an? (?:[\w\-]+ )?(?:report|note)\b"  # "Goldman Sachs, in a report released"
    r"|\s+(?:list|ranking|rankings|index|survey|tally)\b"  # "the Top500 list released Monday"
    r"|\s+(?:consensus|SmartEstimate)\b"  # "a Visible Alpha consensus"
    r"|\s+(?:noted|wrote|said|estimated|argued)\s+in\s+its\b"  # "As Morgan Stanley noted in its"
)


ORG_ROLE_BEFORE = re.compile(
    r"(?:\b(?:issued|released|published|posted|filed|seen|reviewed|obtained|viewed|examined) "
    r"(?:[\w.]+ ){0,3}by (?:the )?"
    r"|\b[Ss]ays "
    # "In a research note dated July 14, Morgan Stanley lifted ..."
    r"|^In an? (?:[\w.]+ ){0,3}?note[^,]{0,40}, )$"
)


SPEAKER_ASIDE = re.compile(
    rf"(?P<name>{_NAME}), (?P<desc>(?:which|who|whose|the|an?|its|speaking|writing|citing) "
    # (not a minister's office: "Sultan Al Jaber, the UAE's Minister of Industry ...," is
    # the ministry, a pattern of its own)
    rf"(?![^,]*\bMinister (?:of|for)\b)[^.;“”\"]{{3,160}}?), "
    rf"(?:has |had |also |later |then )?(?:{ATTRIBUTION_VERBS})\b"
)


# a wire's dateline on a syndicated copy, "TAIPEI (Reuters) -", and a bracketed source,
# "(source: Commercial Times)", "(h/t Tom's Hardware)": credits with no day of their own
# (the day beside them is the news's; a dateline may give the wire's own)
# a data provider's consensus, which has no day of its own: "above an LSEG consensus
# estimate", "according to a Visible Alpha consensus", "the consensus compiled by FactSet"
CONSENSUS = re.compile(
    rf"\b(?:an?|the|[Aa]ccording to (?:an?|the)) (?P<name>{_NAME}) (?:consensus|SmartEstimate)\b"
    rf"|\bconsensus (?:estimates? |forecasts? )?compiled by (?P<name2>{_NAME})"
)
UNDATED = re.compile(
    rf"^[A-Z][A-Z.'’\-]+(?: [A-Z][A-Z.'’\-]+)*(?:,\s+[A-Z][a-z]+)*"
    rf"(?:,\s+(?P<day>{_MONTH_DAY}|{_MONTH_ABBR}\.? \d{{1,2}}))?\s*"
    rf"\((?P<name>{_NAME})\)\s*[-–—]"
    rf"|\((?:[Ss]ources?:|[Hh]/[Tt]:?|[Vv]ia|[Hh]at tip(?: to)?:?)\s+(?P<name2>{_NAME})\)"
    # a chart's credit line: "Source: TrendForce, January 2025"
    rf"|^(?:[Ss]ources?|[Dd]ata):\s+(?P<name3>{_NAME})(?=\s*(?:[,;.]|$))"
    # "..., following a similar report in the Economic Times": another's undated report
    rf"|\b(?:following|after|echoing|matching) (?:an? |the )?(?:similar |"
    rf"earlier |previous |separate |local )?(?:report|story|article|scoop) (?:in|by|from) "
    rf"(?:the )?(?P<name4>{_NAME})(?![\w&.'’\-]|\s+(?:on|dated|from|published|in)\b|,?\s+\w+day\b)"
)


# a town's state or country after its name ("Waco, Texas,", "Hsinchu, Taiwan,")
_STATE = (
    r"(?:Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|"
    r"Georgia|Hawaii|Idaho|Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|"
    r"Massachusetts|Michigan|Minnesota|Mississippi|Missouri|Montana|Nebraska|Nevada|"
    r"New Hampshire|New Jersey|New Mexico|New York|North Carolina|North Dakota|Ohio|"
    r"Oklahoma|Oregon|Pennsylvania|Rhode Island|South Carolina|South Dakota|Tennessee|"
    r"Texas|Utah|Vermont|Virginia|Washington|West Virginia|Wisconsin|Wyoming|Taiwan|China|"
    r"Japan|South Korea|Germany|France|India|Malaysia|the Netherlands)"
)


# "Nvidia will invest in Intel and the two companies will co-develop chips, they said"
THEY_SAID = re.compile(r"\b[Tt]hey (?:also |later |then )?(?P<name>said|announced|confirmed)\b")


PATTERNS = [
    SPEAKER_ASIDE,
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
    UNDATED,
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
    # "Jiji Press quoted chief executive Douglas Lefever as saying": the outlet that quoted
    re.compile(rf"(?P<name>{_NAME}) quoted [^.;]{{1,80}}? as saying\b"),
    CONSENSUS,
    # a regulator's or a court's decision is its announcement: "The European Commission
    # cleared the purchase on Friday", "The US Supreme Court on Wednesday dismissed"
    re.compile(
        rf"(?P<name>(?:[Tt]he\s+)?[A-Z][\w&.\-]*\s+(?:(?:[A-Z][\w&.\-]*|and|of|for)\s+){{0,5}}?"
        rf"(?:Commission|Authority|Court|"
        rf"Administration|Tribunal|Bureau)) (?:{_WHEN} )?(?:(?:has |had )?(?:conditionally )?"
        rf"(?:cleared|approved|fined|blocked|dismissed|upheld|rejected|struck down|ruled))\b"
    ),
    # a broker's rating change is its note: "KeyBanc Capital Markets cut the stock to
    # underweight on Thursday", "Citi's Atif Malik cut Intel to sell"
    re.compile(
        rf"(?P<name>{_NAME})(?:(?:'s|’s) [A-Z][a-z]+ [A-Z][a-z]+)? (?:{_WHEN} )?"
        rf"(?:cut|raised|lowered|lifted|downgraded|upgraded|moved) (?:the stock|the shares|"
        rf"its rating|[A-Z][\w&.\-]*) to (?:buy|sell|hold|neutral|overweight|underweight|"
        rf"outperform|underperform|equal[- ]weight|market perform|sector perform|reduce|"
        rf"accumulate)\b"
    ),
    # a rating agency's action is its statement: "S&P Global Ratings raised SK Hynix to BBB"
    re.compile(
        rf"(?P<name>(?:[A-Z][\w&.\-]*\s+){{0,2}}Ratings|Moody(?:'s|’s)|Fitch)"
        rf"(?: Investors Service)? (?:{_WHEN} )?(?:downgraded|upgraded|raised|cut|lowered|"
        rf"assigned|affirmed|withdrew|placed)\b"
    ),
    # "The Dutch government said on Friday"
    re.compile(
        rf"^[Tt]he (?P<name>[A-Z][a-z]+ government) (?:{_WHEN} )?(?:has |also )?(?:said|"
        rf"announced|confirmed|told)\b"
        # "..., according to the UK government"
        rf"|\b(?:[Aa]ccording to|[Pp]er) the (?P<name2>(?:[A-Z][a-z]+|UK|US) government)\b"
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
        rf"\b(?P<name>(?:[A-Z][a-z]+(?:'s|’s)|[Tt]he(?: [A-Z][a-z]+)?) (?:foreign|commerce|trade|"
        rf"finance|defen[cs]e|"
        rf"industry|economy|science|technology|interior) ministry) (?:{_WHEN} )?(?:has |also )?"
        rf"(?:said|says|announced|confirmed|told)\b"
    ),
    # "Silicon Ledger was the first outlet to publish the block diagram, on September 22"
    re.compile(
        rf"(?P<name>{_NAME}) (?:was|were) (?:the )?first (?:outlet |publication |newspaper |"
        rf"site |news organi[sz]ation )?to (?:publish|report|break|reveal|detail|disclose|name)\b"
    ),
    # "A Bernstein note dated Feb. 18 put ...", "a Jefferies note circulated to clients on
    # Sunday", "Omdia data published on the 3rd show": a firm's document, with its day
    re.compile(
        rf"\b(?:[Aa]n? |[Tt]he )?(?P<name>{_NAME}) (?:research )?(?:note|report|data|figures|"
        rf"estimates|survey|analysis) (?:dated|circulated|published|released|issued|sent|"
        rf"from (?=[A-Z][a-z]+day\b|{_MONTH_ABBR}\.? \d))"
    ),
    # "The prospectus Biren filed with the Hong Kong stock exchange on Dec. 22 shows"
    re.compile(
        rf"\b(?:prospectus|filing|10-K|10-Q|20-F|S-1|F-1|annual report|quarterly report) "
        rf"(?P<name>{_NAME}) (?:filed|submitted|published|released)\b"
    ),
    # "The White House released its AI Action Plan on Wednesday": a body's own document
    re.compile(
        rf"\b(?P<name>{_NAME}) (?:released|published|issued|unveiled) (?:its|a|an|the) "
        rf"(?:[\w\-]+ ){{0,3}}?(?i:report|plan|data|figures|statement|study|survey|estimates?|"
        rf"forecast|outlook|guidance|rules?|notice|white paper)\b"
    ),
    # "Word from the Economic Daily News on Sunday is that ..."
    re.compile(rf"\b[Ww]ord from (?:the )?(?P<name>{_NAME})"),
    # "Tuesday's CCTV segment", "Monday's Pacific Wire report": the outlet's piece of that day
    re.compile(
        rf"\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day(?:'s|’s) (?P<name>{_NAME}) "
        rf"(?:segment|report|story|broadcast|piece|article|scoop|write-up|item|interview)\b"
    ),
    re.compile(
        rf"\b(?:[Ff]irst |[Oo]riginally )?(?:published|reported|broken|revealed|disclosed|"
        rf"cited|quoted|named|described|identified|flagged|shown|aired|broadcast|confirmed|"
        rf"announced|acknowledged|detailed|compiled|spotted|picked up|dug up|echoed|presented|"
        rf"authored|shared|provided|released|carried)"
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
        rf"(?<!announced )(?<!disclosed )(?<!filed )(?<!said )[Vv]ia |[Hh]at tip to |"
        rf"[Rr]eports? (?:from|by) |[Rr]eporting (?:from|by) )"
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
        rf"\b[Aa]n? (?:recent |new |separate |earlier )?{_DAY_BEFORE}?(?P<name>{_NAME}) "
        rf"(?:report|story|article|analysis|note|test|survey) (?:{_WHEN} )?(?:said|says|showed|"
        rf"shows|found|argues|argued|estimates|estimated)\b"
        rf"|\b(?:confirming|denying|disputing|echoing|contradicting|rejecting|rejected|rejects|"
        rf"disputed|disputes|contradicted|denied|denies|"
        rf"(?:pushing|pushed|pushes) back (?:against|on)) (?:an? |the )?{_DAY_BEFORE}?"
        rf"(?P<name2>{_NAME})(?:'s|’s)? (?:report|story|article|scoop)\b"
    ),
    # "cites a Feb. 3 Tom's Hardware test", "the original scoop was Nikkei Asia on Oct. 1",
    # "h/t to Tae Kim at Barron's": the outlet whose work it was
    re.compile(
        rf"\b(?:cites?|cited|citing) (?:an? |the )?{_DAY_BEFORE}?(?P<name>{_NAME})(?:'s|’s)? "
        rf"(?:test|report|analysis|story|article|review|study|survey)\b"
        rf"|\b[Tt]he (?:original|first) (?:scoop|report|story) (?:was|came from) (?P<name2>{_NAME})"
        rf"|\b[Hh]/[Tt] (?:to )?(?:[A-Z][\w\-]+ ){{1,3}}(?:at|of) (?P<name3>{_NAME})"
    ),
    # "Huawei's rotating chairman told a Shenzhen conference", "Intel's foundry chief,
    # speaking at a Morgan Stanley conference on Monday, said", "A TSMC vice president
    # told the OIP forum": the company speaks through its officer
    re.compile(
        rf"(?P<name>{_NAME})(?:'s|’s) (?:[a-z\-]+ ){{0,2}}(?:chief|head|boss|chairman|"
        rf"chairwoman|president|vice president|executive|CEO|CFO|COO|CTO)"
        rf"(?:, [^,;]{{3,80}},)? (?:{_WHEN} )?(?:said|says|told|added)\b"
        rf"|\b(?:[Aa]n?|[Tt]he) (?P<name2>{_NAME}) (?:[a-z\-]+ ){{0,2}}(?:vice president|"
        rf"executive|official|boss|spokes(?:person|man|woman))(?:, [^,;]{{3,80}},)? "
        rf"(?:{_WHEN} )?(?:said|says|told|added)\b"
        # ("Taiwan's economy minister told reporters": the ministry)
        rf"|(?P<name3>[A-Z][\w.]*(?:'s|’s) {MINISTER_OFFICES} minister) (?:{_WHEN} )?"
        rf"(?:said|says|told|added|posted)\b"
    ),
    # spoken: "So Bloomberg had this story Tuesday that ...", "..., the FT had that",
    # "Per a thread from SemiAnalysis on Sunday", "a Weibo post from Nvidia's China unit"
    re.compile(
        rf"(?P<name>{_NAME}) had (?:this|a|the|an) (?:[\w\-]+ )?(?:story|report|piece|scoop|"
        rf"item)\b"
        rf"|,\s+(?:the\s+)?(?P<name2>{_NAME}) had (?:that|it|this)\b"
        rf"|\b(?:[Pp]er|[Aa]ccording to|[Ii]n) (?:a|an|the|their|its) (?:[A-Z][\w\-]+ )?"
        rf"(?:thread|post|tweet|blog post|livestream) (?:from|by) (?P<name3>{_NAME})"
        rf"|\b[Aa] (?:thread|post) (?:from|by) (?P<name4>{_NAME}) (?:{_WHEN} )?(?:claimed|said|"
        rf"says|showed|shows)\b"
        # "then Rapidus itself put out a statement Wednesday"
        rf"|(?P<name6>{_NAME})(?: itself)? put out (?:a|an|its own|its) (?:statement|release|"
        rf"press release)\b"
    ),
    # "a position China's Ministry of Commerce called 'discriminatory' in a statement"
    re.compile(
        rf"(?P<name>{_NAME}) (?:called|described|termed|labell?ed|branded) [^.;]{{1,60}}? "
        rf"in an? (?:statement|note|post|letter|filing)\b"
        # "The BIS guidance issued May 13 said"
        rf"|\b[Tt]he (?P<name2>{_NAME}) (?:guidance|rule|notice|order) (?:issued|published|"
        rf"released)\b"
    ),
    # a research note is the firm's publication (a view an analyst gives is not): "HSBC
    # analysts estimated in a note last week", "per a note from Bernstein"
    re.compile(
        # ("Bernstein analysts led by Stacy Rasgon wrote in a note")
        rf"(?P<name>{_NAME}) analysts (?:led by [A-Z][\w.\-]*(?: [A-Z][\w.\-]*){{0,2}} )?"
        rf"(?:{_WHEN} )?(?:said|wrote|estimated|estimate|forecast|predicted|argued|noted|"
        rf"calculated|pegged|put|see|saw)\b(?={_IN_A_NOTE})"
        rf"|\b(?:[Pp]er|[Ii]n|[Aa]ccording to) an? (?:[\w\-]+ )?note (?:from|by) (?P<name2>{_NAME})"
        # ("Morgan Stanley analysts, in a note dated Sunday, warned")
        rf"|(?P<name6>{_NAME}) analysts, in an? (?:[\w\-]+ )?note\b[^;]{{0,100}}?, "
        rf"(?:said|wrote|warned|estimated|forecast|predicted|argued|noted|cut|raised|lowered)\b"
        # ("Bernstein analyst Stacy Rasgon wrote in a note Friday")
        rf"|(?P<name3>{_NAME}) analyst [A-Z][\w\-]* [A-Z][\w\-]* (?:{_WHEN} )?(?:said|wrote|"
        rf"estimated|estimates|argued|noted)\b(?={_IN_A_NOTE})"
        rf"|(?P<name4>{_NAME})(?:'s|’s) (?:[a-z]+ ){{1,2}}?(?:piece|story|report|article|scoop|"
        rf"findings|study|survey|paper|complaint|lawsuit)(?:, (?:published|released|issued|filed) "
        rf"[^,;]{{1,60}},)? "
        rf"(?:claims|says|say|said|reports|reported|argues|argued|shows?|showed|found|finds|"
        rf"alleges|alleged)\b"
    ),
    # "a statement issued by the Press Information Bureau", "a complaint Applied Materials
    # filed in federal court", "so says Gartner", "Says Intel, in its presentation:"
    re.compile(
        # ("The complaint, filed by xAI in the Northern District of California on Monday";
        # "The interim final rule, published in the Federal Register on Wednesday by BIS")
        rf"\b(?:statement|notice|release|report|ruling|order|filing|complaint|lawsuit|suit|"
        rf"petition|rule|guidance)s?,? (?:issued|released|published|posted|filed) "
        rf"(?:{_WHEN} |(?:in|with|on) [^,;]{{3,60}}? )?by (?:the )?(?P<name>{_NAME})"
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
        # "He Yadong, spokesperson for the Ministry of Commerce, told a briefing"
        rf"|, (?:an? |the )?(?:spokes\w+|representative|"
        rf"official|chairman|chairwoman|chief executive|president|director) (?:for|of|at) "
        rf"(?:the )?(?P<name3>{_NAME}), (?:{_WHEN} )?(?:said|says|told|added|confirmed|wrote)\b"
        # "The company's chairman, C.C. Wei, told the shareholders' meeting"
        rf"|\b[Tt]he (?P<name5>company|firm)(?:'s|’s) (?:chairman|chairwoman|chief executive|CEO|"
        rf"CFO|president|founder|spokes\w+)(?:, [A-Z][\w.\-]*(?: [A-Z][\w.\-]*){{0,2}},)? "
        rf"(?:{_WHEN} )?(?:said|says|told|added|confirmed|wrote)\b"
    ),
    # "Sultan Al Jaber, the UAE's Minister of Industry and Advanced Technology, told": the
    # ministry of the minister named first
    re.compile(
        # ("Katherina Reiche, Germany's minister of economic affairs, said"; "Ashwini
        # Vaishnaw, Minister of Electronics and Information Technology, said")
        rf"^(?:[A-Z][\w\-]*\s+){{1,3}}?[A-Z][\w\-]*, (?:the )?"
        rf"(?P<name>(?:(?:[A-Z][\w.]*\s+){{0,2}}?[A-Z][\w.]*(?:'s|’s) )?"
        rf"(?:(?:Deputy|Vice|Senior)\s+)?[Mm]inister (?:of|for) "
        rf"[A-Za-z][\w,\- ]{{2,80}}?), "
        rf"(?:{_WHEN} )?(?:has )?(?:said|says|told|added)\b"
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
    # ("SK hynix confirmed the figures to Yonhap": with what it confirmed)
    re.compile(
        rf"\b(?:(?:confirmed|explained|denied|disclosed)(?: (?:the|its) [a-z]+)?|said) to "
        rf"(?:the )?(?P<name>{_NAME})"
        rf"(?=\s+(?:on\b|in\b|that\b|by\b|{_WHEN})|\s*[.,;])"
    ),
    # "Micron confirmed the timeline in a statement to Moneycontrol": the outlet told
    # (not "in a statement to the Taiwan Stock Exchange": where it filed, not who reported)
    re.compile(
        rf"\bin an? (?:emailed |written )?statement to "
        rf"(?!(?:the )?(?:[A-Z][\w&.\-]* ){{0,3}}(?:Exchange|Bourse)\b)(?:the )?(?P<name>{_NAME})"
    ),
    # "Data from Synergy Research Group show ..."
    re.compile(
        rf"\b(?:[Dd]ata|[Ff]igures|[Ss]tatistics|[Ee]stimates|index|[Rr]ankings?) (?:compiled |"
        rf"published |released )?(?:from|by) (?:the )?(?:(?:market )?research firm |"
        rf"data provider |consultancy |analytics firm )?(?P<name>{_NAME})"
    ),
    # "according to a post on the Board Channels forum on Wednesday": the forum the
    # industry's leaks come from
    re.compile(
        rf"\b(?:[Aa]ccording to|[Pp]er|[Ii]n) an? (?:new |recent )?post (?:on|in|to) the "
        rf"(?P<outlet>{_NAME}) (?:forum|message board|bulletin board)\b"
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
        # ("Kunlunxin, the AI chip unit of Baidu, filed for a listing ..., disclosing")
        rf"(?P<name>{_NAME})(?:, (?:the|a|an|its) [^.;,“”\"]{{3,60}}?,)? "
        rf"(?!said|says|shares|stock)[^.;,“”\"]{{5,120}}?"
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
        # ('"...," said AMD Chief Executive Lisa Su on a call with analysts')
        rf"|(?:(?<=,)|(?<=,[\"”’]))\s+said (?P<name2>{_CAP}\s+(?:Chief Executive|CEO|"
        rf"Chairman|Chairwoman|President|Chief Financial Officer|CFO)\s+{_CAP}(?:\s+{_CAP})?)"
        rf"(?=\s*(?:[.,;]|$)|\s+(?:on|at|in|during)\b)"
    ),
    # "a memo from CEO Lip-Bu Tan that was seen by The Oregonian": the outlet that saw it,
    # and whoever wrote it
    re.compile(
        rf"\b(?:memos?|documents?|letters?|e-?mails?|presentations?|slides?|drafts?|records|"
        rf"notices?)\b[^.;]{{0,80}}?\b(?:seen|reviewed|obtained|viewed) by (?P<name>{_NAME})"
    ),
    re.compile(
        rf"\b(?:memo|letter|e-?mail|note) (?:to (?:staff|employees|workers) )?from "
        rf"(?:(?:CEO|chief executive|founder|chairman|president) )?(?P<name>{_NAME})"
    ),
    # "a person who spoke to the Wall Street Journal", "a teardown by TechInsights"
    re.compile(
        rf"\b(?:spoke|spoken|speaking) (?:to|with) (?P<name>{_NAME})(?=\s*[.,;]|\s+(?:on|in|"
        rf"about|last|this|earlier)\b)"
        rf"|\b[Aa]n? (?:[\w\-]+ )?(?:teardown|analysis|study|survey) by (?P<name2>{_NAME})"
    ),
    # '"We have seen no impact," said a Micron spokesperson', '..., said a spokesperson
    # for Micron'
    re.compile(
        rf"(?:(?<=,)|(?<=,[\"”’]))\s+said (?:an? |the )"
        rf"(?:(?P<name>{_NAME}) (?:spokes(?:person|man|woman)|representative)\b"
        rf"|(?:spokes(?:person|man|woman)|representative) (?:for|at) (?P<name2>{_NAME}))"
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
        rf"previously |originally |instead )?)"
        rf"(?:{ATTRIBUTION_VERBS}|aired|broadcast|recommended)\b"
    ),
    re.compile(
        # (not "a jury in Waco, Texas, found": a town and its state)
        rf"(?P<name>{_NAME}), (?![^,]*\bMinister (?:of|for)\b)(?!{_STATE}, )"
        rf"(?:an? |the )?[\w\s\-']{{3,60}}, "
        rf"(?:has |had |first |also |"
        rf"later |then |originally )?(?:{ATTRIBUTION_VERBS})\b"
    ),
    re.compile(
        # ("DeepSeek's V3 technical report": a model's name with a digit may come first;
        # "an analyst said of DeepSeek's results": what was spoken of, not who spoke)
        rf"(?<!\bsaid of )(?<!\bsays of )(?<!\bwrote of )(?<![\w&'’\-])"
        rf"(?P<name>{_NAME})(?:'s|’s|(?<=s)['’]) (?:[A-Za-z]*-?\d[\w.\-]* )?"
        rf"(?:own |latest |new |first |quarterly |annual |preliminary |final |revised |updated |"
        rf"amended |"
        rf"technical |"
        rf"regulatory |"
        rf"detailed |full |exclusive |overnight |weekend )?"
        rf"(?:(?:{_MONTH_DAY}|[A-Z][a-z]+day|(?:19|20)\d\d) )?(?:[a-z]+(?:-[a-z]+)+ )?"
        rf"(?:{ORG_NOUNS})\b(?!-)"
        r"(?!\s+(?:cent(?:re|er)s?|halls?|campus(?:es)?)\b)"
        # "OpenAI's engineers find and fix bugs": people at work, not a source speaking
        r"(?!\s+(?:have\s+|has\s+|had\s+)?(?:find|fix|build|built|design|designed|work|worked|"
        r"run|ran|spend|spent|join|"
        r"joined|leave|left|use|used|develop|developed|write|wrote code)\b)"
        # "Supermicro's call began 40 minutes late": an event, not what it said
        r"(?!\s+(?:began|begins|started|starts|ended|ends|was delayed|is scheduled|"
        r"(?:are|is) (?:out|due))\b)"  # ("ASML's results are out next week")
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
        r" (?:has |had |also |later |already )?(?:since )?"  # ("the company has since confirmed")
        r"(?:[^,.;“”\"]{0,80}? and )?"
        r"(?P<name>said|says|announced|confirmed|added|reaffirmed|told|claims|claimed|"
        r"reiterated|reported|guided|denied|disclosed|described)\b"
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
        r"told|disclosed|confirmed|announced)\b"
    ),
    re.compile(
        r"\b(?:[Aa]ccording to|[Pp]er|[Cc]iting|[Ii]n) (?:the|its|an?) (?:[\w\-'’]+ ){0,2}?"
        r"(?P<name>said|filings?|statement|announcement|press release|disclosure|"
        r"regulatory filings?|8-K|10-Q|10-K|20-F|S-1|F-1|prospectus|blog post|website|"
        r"(?:pricing|product) page|(?:annual|quarterly|earnings|financial) report)\b"
        # "According to the company, an L200 package can ...", "based on the company's own
        # reporting": whichever organisation was just named
        # "according to commission staff", "per the regulator's filings": the body of that
        # kind the article names ("Oregon's Public Utility Commission")
        r"|\b(?:[Aa]ccording to|[Pp]er|[Cc]iting|[Bb]ased on) (?P<body>(?:the )?(?:commission|"
        r"regulator|agency|ministry|department|bureau|authority)(?:'s|’s)? (?:staff|documents|"
        r"filings?|data|records|officials|figures))\b"
        r"|\b(?:[Aa]ccording to|[Pp]er|[Bb]ased on) the (?P<name5>company|firm)"
        r"(?:(?:'s|’s) (?:own )?(?:[A-Z][a-z]{2,8}\.? \d{1,2} )?(?:[a-z\-]+ ){0,2}?(?:reporting|"
        r"figures|numbers|data|filings?|accounts|guidance|results|report|press release|"
        r"statement|announcement))?\b(?!['’])"
    ),
    re.compile(
        r"\b(?:[Tt]he|[Ii]ts|[Tt]he (?:company|firm|chipmaker|group)(?:'s|’s)|"
        r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day(?:'s|’s)) "
        r"(?:updated |new |latest |regulatory |IPO |S-1 |10-Q |10-K |8-K )?"
        r"(?P<name>filing|prospectus|statement|press release|announcement|"
        r"(?:annual|quarterly|earnings|financial) report) "
        r"(?:showed|shows|said|says|indicated|indicates|"
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
    THEY_SAID,
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
NOT_A_CREDIT = re.compile(
    r"(?<=\badded)\s+(?:about |roughly |nearly |almost |another )?[\d$]"
    # "added to those gains", "has added Huawei and Cambricon to a list": not speech
    r"|(?<=\badded)\s+(?:to\b|(?!that\b|on\b|[A-Z][a-z]+day\b)[A-Z][\w\-]*(?:\s+and\s+[A-Z][\w\-]*)?"
    r"\s+(?:\w+\s+)?to\b)"
    # ("Marvell reported revenue of $2.34 billion" is the company's report)
    r"|(?:(?<='s reported)|(?<=’s reported)|(?<=\bthe reported)|(?<=\bits reported)|"
    r"(?<=\btheir reported))\s+(?:revenue|sales|earnings|results|figures|numbers|profit)\b"
    # "Huawei has said little in public": nothing said
    r"|(?<=\bsaid)\s+(?:little|nothing|(?:almost|very) (?:little|nothing))\b"
    # "tape-out at TSMC said to be imminent": a rumour about the name
    r"|(?<=\bsaid)\s+to\s+(?:be|have)\b"
    # "DeepSeek broke with industry habit", "Amazon has put $8 billion into", "Meta writes
    # its models in PyTorch": the verb's other senses
    r"|(?<=\bbroke)\s+(?:with|into|ground|even|down|away|records?)\b"
    r"|(?<=\bput)\s+[^.;]{0,60}?\b(?:into|on hold|in place|forward)\b"
    # "puts SoftBank in an awkward position": "put" credits only a figure put at a value
    r"|(?:(?<=\bput)|(?<=\bputs))(?![^.;]{0,60}?\b(?:at|as|closer to|near)\b)"
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
NAME_LIST = re.compile(
    r"\b[A-Z][\w\-]*(?:\s+[A-Z][\w\-]*)?(?:,\s+[A-Z][\w\-]*(?:\s+[A-Z][\w\-]*)?)+,?\s+and\s+"
    r"[A-Z][\w\-]*(?:\s+[A-Z][\w\-]*)?"
)


VERB_WORDS = {"said", "says", "confirmed", "announced", "denied", "disclosed", "added", "told"}


APPOSITIVE = re.compile(
    r",\s+(?:a|an)\s+(?:plan|deal|move|figure|claim|report|number|decision|step)\s+"
)


# what sets "the company said" in a clause of its own, apart from another credit
OWN_CLAUSE = re.compile(
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
LISTED_NAME = re.compile(
    r"(?:\b(?:[A-Z][\w.]*\s+)?[A-Z][\w.]*(?:'s|’s)\s+)?\b(?:Ministry|Department|Office|Bureau|Commission|"
    r"Administration|Agency|Council|Committee) of (?:[A-Z][\w\-]*(?:\s+[A-Z][\w\-]*)*,\s+)+$"
)


# a government body's name, which keeps its country ("Taiwan Ministry of Economic Affairs")
GOVERNMENT = re.compile(
    r"\b(?:Ministry|Prosecutors|Department|Office|Bureau|Commission|Administration|Agency|Council|"
    r"Committee|Cabinet|Government|State|National|Federal|Central|Customs|Parliament|Court|"
    r"Senate)\b"
)


# "Sources close to the company said": unnamed people near a name
UNNAMED_NEAR = re.compile(
    r"\b(?:close to|familiar with|briefed by|near|(?:people|employees|staff|sources) at)\s+"
    r"(?:the\s+)?"
    r"(?:[A-Z][\w.&\-]*(?:'s|’s)?\s+){0,3}$"
    # "a person involved in the arrangement said"
    r"|\b(?:person|people|sources?|someone|officials?)\s+(?:directly\s+)?involved\s+$"
)


DAYS_AFTER = re.compile(
    r"\b(\d{1,2}|an?|the|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+"
    r"(days?|weeks?)\s+after\s+(?:(?:the\s+)?[a-z][\w\-]*\s+){0,3}$",
    re.I,
)


# a name after one of these is the object of the clause, not who speaks
OBJECT_BEFORE = re.compile(
    r"\b(?:to|for|with|from|than|like|into|about|passed|failed|cleared|pass|fail|clear|passing|"
    r"failing|clearing|undergoing|undergo|watch|await|ahead of|"
    # "Lip-Bu Tan, who became Intel's chief executive in March": a career, not a statement
    r"became|become|becomes|joined|left|ran|runs)\s+$"
)


# "..., according to a regulatory filing on Friday": the day of the speaker's document
DOCUMENT_DAY = re.compile(
    r"\b(?:according to|in|per)\s+(?:a|an|its|the)\s+(?:regulatory\s+|stock[- ]exchange\s+)?"
    r"(?:filing|statement|release|press release|announcement|disclosure)\s+"
    r"(?:(?:published|released|issued|filed)\s+(?:[\w\-]+\s+){0,4}?)?"
    r"(?P<day>(?:on|dated)\s+[A-Z][a-z]+\.?(?:\s+\d{1,2})?)"
)


# "until Nvidia says so", "if Nvidia says anything more": what has not been said
HYPOTHETICAL = re.compile(
    r"\b(?:if|until|unless|whether|once)\s+$"
    # "Neither Oracle nor OpenAI has confirmed the figure"
    r"|\bnor\s+$",
    re.I,
)


# "Neither company would say how much CoreWeave expects to spend": a name inside an
# indirect question is asked about, not credited
INDIRECT_QUESTION = re.compile(
    r"\b(?:say|said|disclose|disclosed|reveal|specify|comment on|confirm|asked|know)\s+"
    r"(?:how(?:\s+(?:much|many|long|far|soon|big)(?:\s+[\w\-]+){0,2}?)?|what|when|where|which|"
    r"who|why)\s+$",
    re.I,
)


# "Lena Ferraro at Northgate Advisors said", "an analyst at Halyard Capital, said": the
# firm is where an analyst works; analysts' views are not citations
ANALYST_BEFORE = re.compile(
    r"(?:\b[Aa]nalysts?|\b[A-Z][a-z]+ [A-Z][a-z]+),?(?: an? [\w\s\-]{0,40}?)? (?:at|of|from) $"
)


GENERIC = {
    "editor",  # "Editor's note: This story has been updated ..."
    "asked",  # "Asked about the report, Huang smiled and said ..."
    "pressed",
    "reached",
    "contacted",
    "episode",
    "two",
    "three",
    "four",
    "several",
    "some",
    "other",  # "Other states have been writing special rules ..."
    "others",
    "neither",
    "each",
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
DOCUMENT_WORDS = {"results", "data", "figures", "documents", "records"}


REPORT_AFTER = re.compile(
    r"(?:'s|’s)?\s+(?:[\w\-]+\s+)?(?:item|report|story|scoop|piece|article|write-up|writeup|"
    r"exclusive|analysis)\b"
)


def is_attribution_context(sentence: str, m: re.Match[str]) -> bool:
    if re.match(
        r"(?:['’]s)?\s+(?:[A-Z][\w\-]*\s+){0,3}(?:summit|conference|event|festival|awards?|forum)\b",
        sentence[m.end() :],
        re.I,
    ):
        return False  # "at the FT's Future of AI summit", "the Bloomberg Tech summit"
    window = sentence[max(0, m.start() - 60) : m.end() + 60].lower()
    return bool(re.search(rf"\b({ATTRIBUTION_VERBS}|according to|per|citing|report)\b", window))
