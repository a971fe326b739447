"""Whom a credit names: organisations under their several names (ORG_ALIASES), people and
the companies they speak for ("Name, a Google engineer", known executives), and the
capitalised words that are never a speaker (places, sentence openers, demonyms).

Pure helpers for :class:`pipeline.citations.CitationFinder`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from pipeline.credit_patterns import (
    ORG_NOUNS,
)
from pipeline.keys import STOP

# a name that speaks: "Oracle said", "Broadcom confirmed"
OWNER = re.compile(
    r"\b([A-Z][\w&.\-]*(?:\s+[A-Z][\w&.\-]*){0,3})\s+(?:has\s+|had\s+|also\s+)?(?:said|says|"
    r"told|announced|confirmed|disclosed|reported|unveiled)\b"
)


# a sentence that opens on a name's possession: "Amazon.com's Graviton chips ..."
OPENING_POSSESSIVE = re.compile(
    r"(?P<org>[A-Z][\w&.\-]*[\w&](?:\s+[A-Z][\w&.\-]*[\w&]){0,2})(?:'s|’s)\s+[A-Z]"
)


# a sentence's subject: its leading name, followed by a lower-case verb
SUBJECT = re.compile(r"([A-Z][\w&.\-]*(?:\s+[A-Z][\w&.\-]*){0,3})(?:'s|’s)?\s+(?=[a-z])")


# an acronym or a Chinese name in brackets after a name: "(METI)", "(魏哲家)"
NAME_GLOSS = re.compile(
    r"\s*\(((?=[^)]*[A-Z][^)]*[A-Z])[A-Z][A-Za-z&]{1,7}|[\u3400-\u9fff]{2,8})\)(?=[\s,.;:])"
)


_SENTENCE_STARTS = {"The", "For", "In", "On", "At", "But", "And", "A", "An", "When", "As", "If"}


def drop_starts(name: str) -> list[str]:
    """A capitalised run's words without the sentence-opening ones ("The", "But", ...)."""
    words = name.split()
    while words and words[0] in _SENTENCE_STARTS:
        words = words[1:]
    return words


def first_org(
    text: str, orgs: frozenset[tuple[str, str]], before: str | Sequence[str] = ""
) -> str | None:
    """The canonical name of the organisation of ``orgs`` named first in ``text``, else
    in ``before``: the sentences before it, nearest first ("Lightmatter said on Monday
    ... The company did not name the customer. It did say ...")."""
    earlier = (before,) if isinstance(before, str) else tuple(before)
    for part in (text, *earlier):
        # the earliest named; at one place, the longest name ("Schematica AI" over
        # "Schematica"), then the first in order: never the set's order, which changes
        # with the process's hash seed
        found = [
            (m.start(), -len(written), canon)
            for written, canon in orgs
            if (m := re.search(rf"(?<![\w]){re.escape(written)}(?![\w])", part, re.I))
        ]
        if found:
            return min(found)[2]
    return None


def bare(name: str) -> str:
    """A name without case or a leading "the": "The Wall Street Journal" is the citing
    "Wall Street Journal"."""
    name = re.sub(r"^the\s+", "", re.sub(r"(?:'s|’s)\b", "", name.casefold()))
    return re.sub(r"\s+news agency$", "", name)  # "Yonhap News Agency" is Yonhap


# "the two companies said", "per the companies": both parties to the story's deal
BOTH = re.compile(
    r"\b(?:the (?:two |three |four )?companies|both companies|all (?:three|four) companies|"
    r"the pair|according to (?:a|their|the) joint (?:statement|announcement|press release))\b",
    re.I,
)


# words that end a company's full name and that the press drops ("Tianmu Compute",
# "Arista Networks"): what makes two capitalised headline words a company, and what a
# story's short name for a party leaves out (pipeline.citations, pipeline.timeline)
COMPANY_NAME_WORDS = (
    r"Systems|Compute|Computing|Semiconductors?|Networks|Technologies|Technology|Interconnect|"
    r"Photonics|Microsystems|Electronics|Group|Holdings"
)

CORPORATE_SUFFIX = re.compile(
    r"(?<=\w)\s+(?:Systems|Platforms|Electronics|Inc\.?|Corp\.?|Corporation|Holdings|"
    r"Holding|Technologies|Technology|Group|Co\.?|Ltd\.?|Web Services|Cloud|Incorporated)$"
)


# the US departments whose secretary speaks for them ("Commerce Secretary Howard Lutnick")
US_DEPARTMENTS = ("Commerce", "Energy", "Treasury", "State", "Defense")

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
            for dept in US_DEPARTMENTS
            if dept != "Commerce"  # named above, with its bureau's aliases
        },
        "SK hynix": ["SK Hynix", "SK hynix"],
        "Samsung": ["Samsung Electronics"],
        "Amazon": ["AWS"],
        "Microsoft": ["Azure", "Microsoft Azure"],
        "AMD": ["Advanced Micro Devices"],
        "Foxconn": ["Hon Hai", "Hon Hai Precision Industry", "Hon Hai Precision"],
        "Google": ["Alphabet Google", "Alphabet's Google"],  # "Alphabet's Google said"
        "Yonhap": ["Yonhap News Agency", "Yonhap news agency"],
        "CCTV": ["China Central Television"],
        "Dell'Oro Group": ["Dell'Oro", "Dell’Oro", "Dell’Oro Group"],
        # (the Commerce Department named before its bureau: one body, not a new name)
        "Bureau of Industry and Security": [
            "Commerce Department Bureau of Industry and Security",
            "Commerce Bureau of Industry and Security",
            "BIS",  # (in chip coverage; never the Bank for International Settlements here)
        ],
        # a body whose name only one country uses, under its country, as the banks'
        # writers name it (most of the time: "South Korea ..." 12 times, bare 5)
        "South Korea Ministry of Trade, Industry and Energy": [
            "Ministry of Trade, Industry and Energy",
            "Korea Ministry of Trade, Industry and Energy",
        ],
        "South Korea Ministry of Science and ICT": ["Ministry of Science and ICT"],
        "Japan Ministry of Economy, Trade and Industry": [
            "Ministry of Economy, Trade and Industry",
            "Japan Ministry of Economy",  # "Japan's economy minister"
        ],
        "China Ministry of Industry and Information Technology": [
            "Ministry of Industry and Information Technology",
        ],
        "China General Administration of Customs": ["General Administration of Customs"],
        "India Ministry of Electronics and Information Technology": [
            "Ministry of Electronics and Information Technology",
            "Ministry of Electronics and IT",
            "India Ministry of Electronics and IT",
        ],
        "Cyberspace Administration of China": ["China Cyberspace Administration"],
        # the economy ministry of Taiwan and of the Netherlands is "of Economic Affairs"
        "Taiwan Ministry of Economic Affairs": ["Taiwan Ministry of Economy"],
        "Netherlands Ministry of Economic Affairs": ["Netherlands Ministry of Economy"],
    }.items()
    for alias in aliases
}


# names with a lowercase word ("SK hynix"): the name patterns read capitalised words, so
# such a name is joined into one word before matching
LOWER_NAMES = re.compile(
    "|".join(
        rf"\b{re.escape(name)}\b"
        for name in sorted(set(ORG_ALIASES.values()))
        if any(w.islower() for w in name.split())
    ),
    re.I,
)


PLACES = {
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
    "uk",
    "united kingdom",
    "united states",
    "italy",
    "spain",
    "israel",
    "uae",
    "qatar",
    "canada",
    "australia",
    "poland",
    "sweden",
    "finland",
    "ireland",
    "switzerland",
    "austria",
    "belgium",
    "denmark",
    "norway",
    "thailand",
    "philippines",
    "brazil",
    "mexico",
    "egypt",
    "turkey",
    "kazakhstan",
    "indonesia",
    "bahrain",
    "kuwait",
    "oman",
    "delaware",
    "california",
    "new york",
    "ohio",
    "oregon",
    "virginia",
    "georgia",
    "nevada",
    "new mexico",
    "utah",
    "louisiana",
    "tennessee",
    "north carolina",
    "south carolina",
    "indiana",
    "michigan",
    "pennsylvania",
    "wisconsin",
    "washington state",
    "massachusetts",
    "new jersey",
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


OFFICER = (
    r"(?:(?:[Cc]o-)?chief executive(?: officer)?|[Cc]hief (?:[A-Za-z]+ ){1,2}[Oo]fficer|"
    r"(?:[Cc]o-)?CEO|"
    r"Chairman|Chairwoman|Chair|President|Founder|boss|chief|head|"
    r"chief financial officer|CFO|chief technology officer|general manager|press secretary|"
    r"CTO|president|chairman|chairwoman|chair|founder|co-founder|spokesperson|spokesman|"
    r"spokeswoman|Chief Executive(?: Officer)?|Chief Financial Officer|Chief Technology "
    r"Officer|(?<![Cc]hief )executive)"
)


ORG_NAME = r"(?:[A-Z]|\b[a-z](?=[A-Z]))[\w&.\-]*(?:\s+[A-Z][\w&.\-]*){0,2}"


PERSON = (
    r"(?:(?:[A-Z]\.){1,3}\s*[A-Z][a-z]+|[A-Z][a-z]+(?:-[A-Z][a-z]+)?"
    r"(?:\s+[A-Z][a-z]+(?:-[A-Za-z][a-z]+)?)?)"  # "Kim Woo-hyun", "Pua Khein-Seng"
)


# a title the sentence capitalises into the name: "Chairman C.C. Wei said"
TITLED = (
    rf"(?:(?:Vice|Deputy|Executive|Senior) |Co-)?"
    rf"(?:Chairman|Chairwoman|CEO|CFO|COO|CTO|Founder|Co-founder|Chief Executive|"
    rf"Chief (?:Financial|Operating|Technology|Executive) Officer)\s+(?P<person>{PERSON})"
)


@lru_cache(maxsize=32)
def acronyms(article_text: str) -> dict[str, str]:
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
def bare_officer(name: str) -> re.Pattern[str]:
    """A company officer's title right before ``name``, with no organisation before the
    title: "Chairman C.C. Wei", "..., chief executive Andy Jassy said". A surname alone
    may stand for the full name either way round ("Zhao" for "co-CEO Zhao Haijun", "Jassy"
    for "chief executive Andy Jassy")."""
    person = re.escape(name)
    if " " not in name:
        given = r"[A-Z][a-z]+(?:-[A-Za-z][a-z]+)?"
        person = rf"(?:{given}\s+)?{person}(?:\s+{given})?"
    return re.compile(
        r"(?:^|[,;:(—–]\s*|[.!?]\s+|\b(?:and|said|says|while|as|when|but)\s+)"
        r"(?:(?:interim|acting) )?(?:[Cc]o-)?"
        r"(?:[Cc]hief [Ee]xecutive(?: [Oo]fficer)?|CEO|[Cc]hairman|[Cc]hairwoman|"
        r"[Cc]hief (?:[Ff]inancial|[Tt]echnology|[Oo]perating) [Oo]fficer|CFO|CTO|COO|"
        r"[Cc]o-?[Ff]ounder|[Ff]ounder)\s+" + person + r"\b"
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
    "Sarah Friar": "OpenAI", "Greg Brockman": "OpenAI", "Matt Garman": "Amazon",
    "Amin Vahdat": "Google", "Thomas Kurian": "Google", "Eddie Wu": "Alibaba",
    "Arthur Mensch": "Mistral AI", "Brad Smith": "Microsoft", "Amy Hood": "Microsoft",
    "Kwak Noh-jung": "SK hynix", "Jun Young-hyun": "Samsung", "Charles Liang": "Supermicro",
    "Michael Dell": "Dell", "Pat Gelsinger": "Intel", "Ian Buck": "Nvidia",
    # a US president speaks for the White House ("Trump wrote on Truth Social"), a
    # minister or secretary for the ministry ("Trade minister Yoji Muto told reporters")
    "Donald Trump": "White House", "Joe Biden": "White House",
    "Howard Lutnick": "US Commerce Department", "Gina Raimondo": "US Commerce Department",
    "Scott Bessent": "US Treasury Department", "Janet Yellen": "US Treasury Department",
    "Chris Wright": "US Energy Department", "Jennifer Granholm": "US Energy Department",
    "Wang Wentao": "China Ministry of Commerce",
    "Kuo Jyh-huei": "Taiwan Ministry of Economic Affairs",
    "Wang Mei-hua": "Taiwan Ministry of Economic Affairs",
    "Yoji Muto": "Japan Ministry of Economy, Trade and Industry",
    "Ken Saito": "Japan Ministry of Economy, Trade and Industry",
    "Ahn Duk-geun": "South Korea Ministry of Trade, Industry and Energy",
    "Ashwini Vaishnaw": "India Ministry of Electronics and Information Technology",
}  # fmt: skip


def known_executive(known: dict[str, str], name: str, *texts: str) -> str | None:
    """The company of a well-known executive (``known``: person -> company) named in full,
    or by surname when one of ``texts`` (the article, the story) gives the full name, or
    failing that names the company ("Huang said on the earnings call, after Nvidia
    reported ...": nothing else in the article says who Huang is), or the surname is one
    the press uses alone (:data:`_FAMOUS_SURNAMES`)."""
    if name in known:
        return known[name]
    if " " in name:
        # initials however spelled: "CC Wei" and "C. C. Wei" are "C.C. Wei"
        key = _initials_key(name)
        return next((org for full, org in known.items() if _initials_key(full) == key), None)
    if name in _FIRST_NAMES and not any(
        re.search(rf"\b{re.escape(name)} (?!{_FIRST_NAMES[name].split()[-1]}\b)[A-Z][a-z]+", text)
        for text in texts
    ):
        # "Jensen said on Wednesday's call": the first name the industry's press uses alone
        # (not another Jensen named in full)
        full = _FIRST_NAMES[name]
        return known.get(full)
    for full, org in known.items():
        if full.split()[-1] == name and any(full in text for text in texts):
            return org
    for full, org in known.items():
        if full.split()[-1] == name and any(
            re.search(rf"\b{re.escape(org)}\b", text) for text in texts
        ):
            return org
    if name in _FAMOUS_SURNAMES and not any(
        # another full name with it, either order ("Huang Wei", family name first)
        re.search(rf"\b[A-Z][a-z]+ {re.escape(name)}\b|\b{re.escape(name)} [A-Z][a-z]+\b", text)
        for text in texts
    ):
        # "In an interview with CNBC, Huang said": the press's shorthand, when no other
        # person of that name is in the text
        # (``known`` may lack the built-in executives: then the surname says nothing)
        return next((org for full, org in known.items() if full.split()[-1] == name), None)
    return None


def _initials_key(name: str) -> str:
    """A full name with its initials' dots and spaces dropped ("C. C. Wei" -> "CC Wei")."""
    return re.sub(r"\b([A-Z])\.\s*(?=[A-Z]\b)|\b([A-Z])\s+(?=[A-Z]\b)", r"\1\2", name).replace(
        ".", ""
    )


# first names the AI-hardware press and its podcasts use alone for one executive
_FIRST_NAMES = {"Jensen": "Jensen Huang", "Satya": "Satya Nadella", "Sundar": "Sundar Pichai"}
# surnames the AI-hardware press uses alone for one executive ("Huang", "Altman"); the
# common ones ("Su", "Tan", "Son", "Wei") need the article to say who is meant
_FAMOUS_SURNAMES = frozenset(
    {
        "Huang", "Altman", "Nadella", "Zuckerberg", "Jassy", "Amodei", "Pichai", "Mehrotra",
        "Trump", "Biden", "Lutnick", "Raimondo", "Bessent", "Kress",
    }
)  # fmt: skip


def with_lower_word(org: str, rest: str) -> str:
    """``org`` with the lowercase word that follows it in ``rest`` when together they are a
    known name: "SK" + " hynix Chief Financial Officer ..." is "SK hynix" (the name
    patterns read capitalised words only)."""
    lower = re.match(r"\s+([a-z][\w\-]*)\b", rest)
    if lower and f"{org} {lower.group(1)}".casefold() in ORG_ALIASES:
        return f"{org} {lower.group(1)}"
    return org


_DAY_WORDS = (
    r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|Today|Tonight|Yesterday|Tomorrow|This|Last|"
    r"Next|January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Week|Weekend|Morning|Evening"
)


_BODY = r"(?P<body>commission|ministry|department|bureau|authority|administration|regulator)"
_BODY_ROLE = (
    r"(?:chair|chairman|chairwoman|chairperson|head|president|director|commissioner|"
    r"spokesperson|spokesman|spokeswoman|secretary)"
)


def _person(name: str) -> str:
    """A pattern for a person written in full, or for a surname with or without the given
    name before it ("Whitcomb", "Diane Whitcomb")."""
    return re.escape(name) if " " in name else rf"(?:[A-Z][a-z]+\s+)?{re.escape(name)}\b"


@lru_cache(maxsize=256)
def body_title_of(name: str, article_text: str) -> str | None:
    """The kind of public body a person's title ties them to when the article writes the
    body in lower case ("commission chair Diane Whitcomb", "Diane Whitcomb, who chairs the
    commission"): "commission". Which commission is for the caller to find."""
    if not article_text or not re.fullmatch(PERSON, name):
        return None
    person = _person(name)
    for rx in (
        rf"\b{_BODY}(?:'s|’s)?\s+(?:[a-z\-]+\s+)?{_BODY_ROLE}\s+{person}",
        rf"\b{person},\s+(?:who\s+(?:chairs|heads|leads|runs)|the\s+(?:[a-z\-]+\s+)?"
        rf"{_BODY_ROLE}\s+of)\s+the\s+{_BODY}\b",
    ):
        m = re.search(rx, article_text)
        if m:
            return m.group("body")
    return None


@lru_cache(maxsize=256)
def employer_of(name: str, article_text: str) -> str | None:
    """The organisation a person speaks for, when the article says so: "Nvidia chief
    executive Jensen Huang", "Jensen Huang, Nvidia's chief executive", "Lisa Su, chief
    executive of AMD". ``name`` may be the full name or the surname used later."""
    if not article_text or not re.fullmatch(PERSON, name):
        return None
    last = name.split()[-1]
    person = _person(name)
    full_person = rf"[A-Z][a-z]+\s+{re.escape(last)}\b" if " " not in name else re.escape(name)
    for k, rx in enumerate(
        (
            rf"\b(?P<org>{ORG_NAME})(?:'s|’s)?\s+(?P<mid>(?:[\w\-]+\s+){{0,2}}){OFFICER}\s+{person}",
            rf"\b{person},\s+(?P<org>{ORG_NAME})(?:'s|’s)\s+(?:[\w\-]+\s+)?{OFFICER}\b",
            rf"\b{person},\s+(?:the\s+)?(?:[\w\-]+\s+)?{OFFICER}\s+(?:of|at)\s+"
            rf"(?P<org>{ORG_NAME})",
            # "Norm Jouppi, a Google engineer who led the TPU program"
            rf"\b{person},\s+an?\s+(?P<org>{ORG_NAME})\s+(?:[\w\-]+\s+)?(?:engineer|executive|"
            rf"researcher|scientist|official|{OFFICER})\b",
            # "according to Bloomberg's Mark Gurman ... Gurman said": the possessor, named
            # in full before the person's full name (not a country's: "Taiwan's Lai")
            rf"\b(?P<org>{ORG_NAME})(?:'s|’s)\s+{full_person}",
        )
    ):
        m = re.search(rx, article_text)
        if m:
            # never across a sentence end: "... in OpenAI. Nvidia chief executive Jensen
            # Huang" is Nvidia's (the part next to the title), "Lisa Su, chief executive of
            # AMD. The company ..." is AMD's
            parts = re.split(r"\.(?:\s|$)", m.group("org"))
            org = parts[-1] if k in (0, 4) else parts[0]
            if not org:
                continue
            if k == 4 and (
                org.lower() in PLACES
                or org in DEMONYMS.values()
                or re.fullmatch(rf"{_DAY_WORDS}", org)  # "according to Friday's Asahi Shimbun"
            ):
                continue
            if org.split()[0].lower() in ("the", "its", "a", "an"):
                continue
            if k == 0 and re.match(r"ministry\b", m.group("mid")):
                # "Foreign ministry spokesperson Guo Jiakun": the ministry, not "Foreign"
                field = "Foreign Affairs" if org == "Foreign" else org
                return f"Ministry of {field}"
            return with_lower_word(org, article_text[m.end("org") :])
    return None


_ROLE = (
    r"analyst|executive|officer|chief|founder|director|president|spokes\w+|engineer|"
    r"researcher|professor|partner|head|manager|economist|strategist|minister|secretary|"
    r"chairman|chairwoman|CEO|CFO|CTO"
)


# peoples' adjectives and their countries: never a speaker's name alone ("the Chinese
# said"); a country word before a head of government's or minister's title ("Indian Prime
# Minister", "German Economy Minister")
DEMONYMS = {
    "american": "US", "chinese": "China", "taiwanese": "Taiwan", "korean": "South Korea",
    "south korean": "South Korea", "japanese": "Japan", "indian": "India", "european": "EU",
    "dutch": "Netherlands", "french": "France", "german": "Germany", "british": "UK",
    "malaysian": "Malaysia", "vietnamese": "Vietnam", "indonesian": "Indonesia",
    "singaporean": "Singapore", "saudi": "Saudi Arabia", "emirati": "UAE", "russian": "Russia",
    "mexican": "Mexico", "brazilian": "Brazil", "canadian": "Canada",
}  # fmt: skip


# last words of outlets' and organisations' names, never of a person's: "Commercial
# Appeal", "Economic Times", "S3 Partners"
ORG_LAST_WORDS = {
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
    "statistics", "shimbun", "analysis", "computer", "court", "holding", "scientific",
    "materials", "robotics", "dynamics", "software", "motors", "microsystems", "ratings",
}  # fmt: skip


_ORG_FIRST_WORDS = {"statistics", "bank", "university", "institute", "ministry", "national"}


# firms whose names read as a first name and a surname ("according to Morgan Stanley") or as
# a chip's ("G42 said")
PERSON_LIKE_FIRMS = frozenset(
    {
        "Morgan Stanley", "Goldman Sachs", "Wells Fargo", "Raymond James", "Piper Sandler",
        "Charles Schwab", "White House",
        # firms named with digits, where a name with digits is otherwise a chip's ("H20 said")
        "G42", "C3.ai", "01.AI", "4Paradigm",
    }
)  # fmt: skip


# a business's description before its name: "GPU maker Moore Threads", "start-up Rivos"
_BUSINESS_NOUNS = (
    r"maker|chipmaker|designer|developer|start-?up|supplier|provider|manufacturer|foundry|"
    r"company|firm|vendor|operator|producer|licensor|fabless"
)


def written_as_business(name: str, text: str) -> bool:
    """The text describes ``name`` as a business: "Chinese GPU maker Moore Threads",
    "Moore Threads, founded by ...", "Moore Threads' preliminary numbers", "Moore Threads
    unveiled its ..."."""
    return bool(
        re.search(
            rf"\b(?:{_BUSINESS_NOUNS})\s+{re.escape(name)}\b|"
            rf"\b{re.escape(name)},\s+(?:which\s+(?:was\s+)?)?founded\b|"
            # "Moore Threads unveiled its next chip", "Moore Threads, which listed in ...":
            # a person's would be "his" or "her", and "who"
            rf"\b{re.escape(name)}\s+(?:has\s+)?[a-z]+ed\s+its\b|\b{re.escape(name)},\s+which\b|"
            rf"\b{re.escape(name)}(?:'s|’s|'|’) (?:{ORG_NOUNS})\b",
            text,
        )
    )


def looks_like_person(
    name: str, article_text: str, org_hint: bool = False, as_org: bool = False
) -> bool:
    """Whether a credited name is a person's (whose employer is then sought), or no name at
    all. ``org_hint``: the sentence writes it as an organisation's ("the X", "X's report");
    ``as_org``: its role says so ("reviewed by X", "X analysts")."""
    if name in PERSON_LIKE_FIRMS:
        return False
    if re.fullmatch(r"(?:[A-Z]\.){1,3}\s*[A-Z][a-z]+", name):
        return True  # "C.C. Wei"
    if (
        name.split()[-1].lower() in ORG_LAST_WORDS
        or name.split()[0].lower() in _ORG_FIRST_WORDS
        or re.search(r"\w(?:'s|’s)\s", name)
    ):
        return False  # "Economic Times", "Tom's Hardware"
    if name.lower() in PLACES or name.lower() in DEMONYMS:
        return True
    if len(name.split()) > 1 and name.split()[0].lower() in PLACES:
        return False  # "Tokyo Electron confirmed": nobody's first name is a city's
    if any(ch.isdigit() for ch in name) and not as_org:
        return True  # "H100 said" is a chip's name; "reviewed by Law360" an outlet's
    words = name.split()
    if len(words) == 2 and all(w[:1].isupper() and w[1:].islower() for w in words):
        # "Dana Feld": a first and last name when the article gives a role ("Dana Feld, an
        # analyst at ...", "chief executive Dana Feld") or later uses the surname alone
        # ("Feld said"); "Moore Threads says" is an organisation
        if re.search(rf"\b{re.escape(name)}(?:'s|’s)? (?:{ORG_NOUNS})\b", article_text):
            return False
        if written_as_business(name, article_text):
            return False
        if re.search(
            # "Board Channels, a Chinese forum frequented by card makers, reported"
            rf"\b{re.escape(name)},\s+(?:a|an|the)\s+(?:[\w\-]+\s+){{0,3}}?(?:forum|website|"
            r"site|blog|newspaper|outlet|publication|magazine|daily|newsletter|broadcaster|"
            r"company|firm|start-up|startup|chipmaker|maker|designer|supplier|agency)\b",
            article_text,
        ):
            return False
        first, last = words
        return not org_hint and bool(
            not re.search(
                rf"\b{re.escape(name)}(?:'s|’s)?\s+(?:first\s+)?(?:said|says|announced|unveiled|"
                r"reported|reports)\b",
                article_text,
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
    "Per",  # "Per Counterpoint, TSMC's share ..."
    "Via",
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
