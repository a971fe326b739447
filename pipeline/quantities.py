"""Find and normalise quantities in text: "1T", "one trillion", "1,000 billion" and
"roughly one-trillion-parameter" all become 1e12; "$5.5bn" and "5.5 billion dollars"
become 5.5e9 USD; "15%", "fifteen percent" and "a 15 per cent cut" become 15 pct.

Pure functions, used both for clustering keys (what a story is about) and for detail
matching (two sentences state the same value).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

WORD_NUMBERS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "hundred": 100,
    "a": 1,
    "an": 1,
    "dozen": 12,
    "half": 0.5,
}
SCALES = {
    "thousand": 1e3,
    "k": 1e3,
    "million": 1e6,
    "mn": 1e6,
    "m": 1e6,
    "mln": 1e6,
    "billion": 1e9,
    "bn": 1e9,
    "b": 1e9,
    "bln": 1e9,
    "trillion": 1e12,
    "tn": 1e12,
    "t": 1e12,
}
UNIT_WORDS = {
    # power
    "gw": ("W", 1e9),
    "gigawatt": ("W", 1e9),
    "gigawatts": ("W", 1e9),
    "mw": ("W", 1e6),
    "megawatt": ("W", 1e6),
    "megawatts": ("W", 1e6),
    "kw": ("W", 1e3),
    "kilowatt": ("W", 1e3),
    "kilowatts": ("W", 1e3),
    "w": ("W", 1),
    "watt": ("W", 1),
    "watts": ("W", 1),
    # memory and bandwidth
    "tb/s": ("B/s", 1e12),
    "gb/s": ("B/s", 1e9),
    # a memory pin's, a link's or a switch's data rate: bits
    "tbps": ("b/s", 1e12),
    "gbps": ("b/s", 1e9),
    "mbps": ("b/s", 1e6),
    # a pin moves one bit per transfer: "10 GT/s per pin" is 10Gbps per pin
    "gt/s": ("b/s", 1e9),
    "mt/s": ("b/s", 1e6),
    # rates written out: "17.2 terabytes per second", "11 gigabits a second"
    **{
        f"{size} {per} second": (unit, mult)
        for unit, sizes, mult in (
            ("B/s", ("tb", "terabyte", "terabytes"), 1e12),
            ("B/s", ("gb", "gigabyte", "gigabytes"), 1e9),
            ("b/s", ("terabit", "terabits"), 1e12),
            ("b/s", ("gigabit", "gigabits"), 1e9),
            ("b/s", ("megabit", "megabits"), 1e6),
        )
        for size in sizes
        for per in ("per", "a")
    },
    "gb": ("B", 1e9),
    "tb": ("B", 1e12),
    "mb": ("B", 1e6),
    "terabytes": ("B", 1e12),
    "terabyte": ("B", 1e12),
    "gigabytes": ("B", 1e9),
    "gigabyte": ("B", 1e9),
    "megabytes": ("B", 1e6),
    "megabyte": ("B", 1e6),
    # clocks
    "ghz": ("Hz", 1e9),
    "gigahertz": ("Hz", 1e9),
    "mhz": ("Hz", 1e6),
    "megahertz": ("Hz", 1e6),
    # compute: "4,614 teraFLOPS" is 4.614 petaflops
    **{
        name: ("FLOPS", mult)
        for prefix, short, mult in (
            ("giga", "g", 1e9),
            ("tera", "t", 1e12),
            ("peta", "p", 1e15),
            ("exa", "e", 1e18),
        )
        for name in (
            f"{prefix}flops",
            f"{prefix}flop",
            f"{prefix}-flops",
            f"{prefix}-flop",
            f"{short}flops",
            f"{short}flop",
        )
    },
    # AI throughput: "50 TOPS", "180 trillion operations per second"
    "tops": ("OPS", 1e12),
    **{f"{ops} {per} second": ("OPS", 1) for ops in ("operations", "ops") for per in ("per", "a")},
    # process nodes and time spans
    "nm": ("nm", 1),
    "nanometer": ("nm", 1),
    "nanometre": ("nm", 1),
    "nanometers": ("nm", 1),
    "nanometres": ("nm", 1),
}
CURRENCY_SYMBOLS = {
    "$": "usd", "us$": "usd", "nt$": "twd", "hk$": "hkd", "€": "eur", "£": "gbp", "¥": "cny",
    "rmb": "cny",
    "eur": "eur", "usd": "usd",  # "EUR4.5 billion", "USD 2bn"
}  # fmt: skip
CURRENCY_WORDS = {
    "dollars": "usd",
    "dollar": "usd",
    "usd": "usd",
    "euros": "eur",
    "yuan": "cny",
    "yen": "jpy",
    "renminbi": "cny",
}
MONEY_UNITS = frozenset(CURRENCY_SYMBOLS.values()) | frozenset(CURRENCY_WORDS.values())
# currencies the parser leaves as bare numbers ("22.8 trillion won": "won" is also a verb);
# named only to read a conversion, "22.8 trillion won ($16.5 billion)"
OTHER_CURRENCY_WORDS = frozenset(
    "won rupees rupee riyals riyal ringgit baht pesos francs pounds dirhams reais rubles "
    "lira rand zloty kronor krona kroner dong shekels".split()
)
PERCENT_WORDS = ("%", "percent", "per cent", "pct", "percentage points")
MULTIPLIER_WORDS = ("x", "times", "fold", "×")
APPROX_WORDS = (
    "about",
    "around",
    "roughly",
    "approximately",
    "nearly",
    "almost",
    "some",
    "close to",
    "more than",
    "over",
    "up to",
    "~",
    "an estimated",
    "circa",
    "just under",
    "just over",
)
# nouns that follow a count and say what is counted ("256 experts", "160 million shares")
COUNT_NOUN = re.compile(
    r"^[\s-]*(?:(?:total|active|new|additional|more|fewer|of)\s+)*"
    r"([a-z][a-z\-]{2,20})",
    re.I,
)
NOUN_NORMALISE = {
    "parameters": "parameter",
    "params": "parameter",
    "parameter": "parameter",
    "experts": "expert",
    "chips": "chip",
    "gpus": "gpu",
    "tpus": "tpu",
    "npus": "npu",
    "xpus": "xpu",
    "asics": "asic",
    "accelerators": "accelerator",
    "shares": "share",
    "tokens": "token",
    "employees": "employee",
    "units": "unit",
    "wafers": "wafer",
    "racks": "rack",
    "servers": "server",
    "customers": "customer",
    "stacks": "stack",
    "layers": "layer",
    "pages": "page",
    # counted in words too: "plans to build four fabs", "launches with eight partners"
    "fabs": "fab",
    "plants": "plant",
    "factories": "factory",
    "partners": "partner",
    "machines": "machine",
    "scanners": "machine",  # lithography tools: "five High-NA scanners", "7 EUV machines"
    "buildings": "building",
    "systems": "system",
}
_PLURAL = re.compile(r"[a-z]{3,}s")
# plural-looking words after a number that are not what it counts
NOT_COUNT_NOUNS = {
    "times",
    "was",
    "has",
    "this",
    "its",
    "plus",
    "versus",
    "whereas",
    "across",
    "less",
    "process",
    "business",
    "access",
    "class",
    "gas",
    "us",
    "thus",
    "series",
    "percentage",
    "points",
    "basis",
    "words",
    "terms",
    "ways",
    "levels",
    "hours",
    "minutes",
    "seconds",
    "is",
    "as",
    "does",
    "goes",
    "means",
    "makes",
    "takes",
    "gets",
    "sits",
    "runs",
    "costs",
    "comes",
    "needs",
    "uses",
    "remains",
    "includes",
    "leaves",
    "gives",
}


_MODIFIED_NOUN = re.compile(
    r"^[\s-]*((?:[A-Za-z0-9][\w\-]*\s+){1,2})([a-z]{3,}s|GPUs|CPUs|TPUs|NPUs)\b"
)
# lower-case words that may stand between a count in words and its noun ("eight initial
# partners"); other modifiers of a count in words must be names or codes ("High-NA")
_COUNT_ADJECTIVES = {"initial", "founding", "existing", "separate", "major", "additional"}


def _named_count(mod: re.Match[str]) -> bool:
    """A count in words before modifiers and a noun that is always a count ("five
    High-NA EXE-series scanners"), not a pronoun before a verb ("the two will build
    chips")."""
    return mod.group(2).lower() in NOUN_NORMALISE and all(
        w.lower() in _COUNT_ADJECTIVES or re.search(r"[A-Z0-9-]", w) for w in mod.group(1).split()
    )


# words that end a noun phrase rather than modify one ("192 of the cores", "15 to 20 units")
NOT_MODIFIERS = {
    "of",
    "to",
    "and",
    "or",
    "in",
    "on",
    "at",
    "for",
    "from",
    "by",
    "with",
    "than",
    "the",
    "a",
    "an",
    "per",
    "as",
    "is",
    "was",
    "are",
    "were",
    "be",
    "has",
    "had",
    "have",
    "its",
    "their",
    "that",
    "which",
    "who",
    "it",
    "this",
    "these",
    "those",
    "percent",
    "billion",
    "million",
    "thousand",
    "trillion",
    "year",
    "years",
    "month",
    "months",
    "day",
    "days",
    "week",
    # prepositions and conjunctions end the number's phrase: "in 2022 after dozens of
    # engineers left" counts no dozens
    "after",
    "before",
    "since",
    "until",
    "when",
    "while",
    "but",
    "into",
    "over",
    "under",
    "about",
    "if",
    "because",
}


# counted things that coverage names interchangeably: "a million TPUs" / "a million chips",
# "400 engineers" / "400 employees", "300,000 businesses" / "300,000 business customers".
# ("people" is not one: "three people familiar with the matter" are sources, not a fact)
UNIT_CLASS = {
    **dict.fromkeys(
        ("gpu", "tpu", "accelerator", "processor", "npu", "xpu", "asic", "superchip"), "chip"
    ),
    **dict.fromkeys(
        ("employee", "engineer", "worker", "staffer", "researcher", "user"),
        "people",
    ),
    **dict.fromkeys(("client", "business", "enterprise"), "customer"),
    # what a blacklist or a list of bidders counts: "23 Chinese companies and institutes"
    # is "23 entities"
    **dict.fromkeys(
        ("company", "firm", "institute", "institution", "organisation", "organization"), "entity"
    ),
}


def _count_unit(word: str) -> str:
    """The unit of a plural counted noun: singular, then its class (``UNIT_CLASS``)."""
    unit = NOUN_NORMALISE.get(word) or _singular(word)
    return UNIT_CLASS.get(unit, unit)


def _singular(word: str) -> str:
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith(("sses", "shes", "ches", "xes")):
        return word[:-2]
    return word[:-1]


DURATION_DAYS = {
    "day": 1.0,
    "days": 1.0,
    "week": 7.0,
    "weeks": 7.0,
    "month": 30.4375,
    "months": 30.4375,
    "year": 365.25,
    "years": 365.25,
}
NUM = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
WORDNUM = (
    r"(?:(?:a|one|three)\ (?:quarters?|third)\ of\ an?|"
    r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-](?:one|two|three|four|"
    r"five|six|seven|eight|nine))?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|"
    r"twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|half\ an?|a|an|half|"
    r"a dozen)"
)
SCALE = r"(?:thousand|million|billion|trillion|mln|bln|mn|bn|tn|[kmbt])"

_QTY = re.compile(
    rf"""
    (?P<approx>(?:about|around|roughly|approximately|nearly|almost|some|close\ to|more\ than|
        over|up\ to|an\ estimated|just\ under|just\ over|~)\s+)?
    (?P<cur>US\$|NT\$|HK\$|\$|€|£|¥|RMB\s?|(?<![A-Za-z])(?:EUR|USD)\s?(?=\d))?
    (?:(?<=EUR)|(?<=USD)|(?<=\d-)|(?<=\d%-)|(?<![A-Za-z0-9_.\-]))(?P<num>{NUM}|{WORDNUM})
    (?:[\s-]?(?P<scale>{SCALE})\b(?:[\s-]?(?P<scale2>{SCALE})\b)?)?
    (?P<tail>[\s-]?(?:%|percentage\ points|percent|per\ cent|pct|x\b|×|times|fold|-fold|
        GW|gigawatts?|MW|megawatts?|kW|kilowatts?|W\b|watts?|TB/s|GB/s|Tbps|Gbps|Mbps|GT/s|MT/s|
        (?:terabits?|gigabits?|megabits?)\ (?:per|a)\ second|
        (?-i:TOPS)\b|(?:operations|ops)\ (?:per|a)\ second|
        (?:terabytes?|gigabytes?|TB|GB)\ (?:of\ data\ )?(?:per|a)\ second|
        GB|TB|MB|terabytes?|gigabytes?|megabytes?|GHz|MHz|gigahertz|megahertz|nm|nanomet(?:er|re)s?|
        (?:giga|tera|peta|exa)-?flops?\b|[GTPE]FLOPS?\b|
        dollars?|USD|euros?|yuan|renminbi|yen))?
    """,
    re.I | re.X,
)


# "two and a half years", "a year and a half": one span of time
_AND_A_HALF = re.compile(
    rf"(?<![\w.])(?:(?P<n>{NUM}|{WORDNUM})\s+and\s+a\s+half\s+(?P<u>years?|months?|weeks?|days?)"
    r"|(?:an?|one)\s+(?P<u2>year|month|week|day)\s+and\s+a\s+half)\b",
    re.I,
)


# "the pause will last a year", "runs for a month": a span of one unit written without a
# number (not an offset, "a year earlier", nor "a year's worth")
_A_SPAN = re.compile(
    r"\b(?:last|lasts|lasted|lasting|for)\s+(?P<span>an?\s+(?P<u>year|month|week))\b"
    r"(?!\s+(?:ago|earlier|later|before|after|and\s+a\s+half)\b|['’]s)",
    re.I,
)


@dataclass(frozen=True)
class Quantity:
    value: float
    unit: str  # 'usd', 'pct', 'x', 'W', 'B', 'B/s', 'nm', a counted noun, or '' (bare number)
    text: str
    approx: bool
    start: int
    end: int

    def key(self) -> str:
        """A canonical string for exact comparison: unit + value to 3 significant digits."""
        return f"{self.unit}:{_sig(self.value)}"


def _sig(value: float, digits: int = 3) -> str:
    if value == 0:
        return "0"
    return f"{value:.{digits}g}"


def _parse_number(token: str) -> float | None:
    t = token.lower().replace(",", "").strip()
    try:
        return float(t)
    except ValueError:
        pass
    if t == "a dozen":
        return 12.0
    if t in ("half a", "half an"):
        return 0.5
    fraction = re.fullmatch(r"(a|one|three) (quarters?|third) of an?", t)
    if fraction:  # "a quarter of a billion dollars"
        return (3.0 if fraction.group(1) == "three" else 1.0) / (
            4.0 if fraction.group(2).startswith("quarter") else 3.0
        )
    parts = re.split(r"[\s-]+", t)
    total = 0.0
    for p in parts:
        if p not in WORD_NUMBERS:
            return None
        total += WORD_NUMBERS[p]
    return total


def find_quantities(text: str) -> list[Quantity]:
    """All quantities in a sentence, normalised. Years and bare small integers are kept
    (as unit '' or 'year') so callers can decide; dates are handled by pipeline.dates."""
    out: list[Quantity] = []
    halves = list(_AND_A_HALF.finditer(text))
    for m in _QTY.finditer(text):
        if any(h.start() <= m.start("num") < h.end() for h in halves):
            continue  # read whole below: "two and a half years" is not half a year
        raw_num = m.group("num")
        value = _parse_number(raw_num)
        if value is None:
            continue
        match_end = m.end()
        tail_raw = m.group("tail") or ""
        if tail_raw[:1].isspace() and match_end < len(text) and text[match_end].isalnum():
            # "300,000 GB300 GPUs": the "unit" is the start of a product code that follows
            match_end, tail_raw = m.start("tail"), ""
        if match_end < len(text) and (text[match_end].isalnum() or text[match_end] == "_"):
            continue  # part of a model name or code: "950PR", "MI450X"
        if re.match(r"[:.]\d\d", text[m.end() : m.end() + 3]) or re.match(
            r"\d{1,2}[:.]", text[m.start("num") - 3 if m.start("num") >= 3 else 0 : m.start("num")]
        ):
            continue  # a clock time: "10:30 a.m."
        word_number = not re.match(r"\d", raw_num)
        if (
            word_number
            and text[m.end("num") : m.end("num") + 1].isalpha()
            and not text[m.end("num") :].lower().startswith("fold")
        ):
            continue  # a word runs on: "ATB" (an outlet's initials) is not "a TB"
        scale = (m.group("scale") or "").lower()
        scale2 = (m.group("scale2") or "").lower()
        cur = (m.group("cur") or "").strip().lower()
        # ("0.8 terabytes of data per second" is the rate "0.8 terabytes per second")
        tail = tail_raw.strip().lstrip("-").strip().lower().replace(" of data ", " ")
        if text[m.start("num") - 1 : m.start("num")] == "-" and not (scale or tail or cur):
            continue  # "2026-04-03", "fiscal 2025-26": only a range's upper end ("1-2 GW")
        # single letters as scale only directly after a digit ("37B", "$5.5bn", "1T")
        if scale in ("k", "m", "b", "t") and (
            word_number or not re.search(rf"{re.escape(raw_num)}{scale}", m.group(0), re.I)
        ):
            if not cur:
                scale = ""
        physical = tail in UNIT_WORDS
        if word_number and raw_num.lower() in ("a", "an") and not scale and not physical:
            continue  # "a" on its own is an article, not a number; "a gigawatt" is one
        for s in (scale, scale2):
            if s:
                value *= SCALES[s]
        unit = ""
        if cur:
            unit = CURRENCY_SYMBOLS.get(cur.replace(" ", ""), "usd")
        if tail:
            if tail in ("%", "percent", "per cent", "pct", "percentage points"):
                unit = "pct"
            elif tail in ("x", "×", "times", "fold", "-fold"):
                unit = "x"
            elif tail in CURRENCY_WORDS:
                unit = CURRENCY_WORDS[tail]
            else:
                u, mult = UNIT_WORDS.get(tail, ("", 1.0))
                if u:
                    unit, value = u, value * mult
        end = match_end
        converted = False
        if not unit:
            after = text[end : end + 40]
            noun = COUNT_NOUN.match(after)
            if noun:
                word = noun.group(1).lower().rstrip("-")
                if word in DURATION_DAYS:
                    if re.search(
                        # (not the verb: "the pause would last 12 months")
                        r"(?<!\bwill )(?<!\bwould )(?<!\bcould )(?<!\bshould )(?<!\bmay )"
                        r"(?<!\bmight )(?<!\bcan )(?<!\bmust )(?<!\bto )"
                        r"\b(?:first|last|past|next|previous|recent|coming|final)\s+$",
                        text[max(0, m.start() - 20) : m.start()],
                        re.I,
                    ):
                        continue  # "the first six months of the year" is a period, not a fact
                    # "18 months", "two years", "a 180-day lock-up": one unit, in days
                    unit, value = "days", value * DURATION_DAYS[word]
                    converted = word not in ("day", "days", "week", "weeks")
                elif word in NOUN_NORMALISE:
                    unit = _count_unit(word)
                elif word == "people" and not word_number:
                    # "employs roughly 2,000 people" (not "three people familiar with ...")
                    unit = "people"
                elif word.endswith("-parameter") or word == "parameter":
                    unit = "parameter"
                elif (
                    not word_number  # "three Chinese tech giants" is prose, "196 cores" a count
                    and _PLURAL.fullmatch(word)
                    and noun.group(1).islower()  # "CoWoS" and "DDR5" name things; they modify
                    and word not in NOT_COUNT_NOUNS
                ):
                    # "192 cores", "12 channels": what is counted is the unit, so "192
                    # cores" can conflict with "196 cores" and never equals "192MB"
                    unit = _count_unit(word)
            if not unit:
                # "192 processing cores", "120,000 CoWoS wafers": up to two modifiers; in
                # words only before a noun that is always a count ("eight initial
                # partners", "five High-NA EXE-series scanners")
                mod = _MODIFIED_NOUN.match(after)
                if mod and word_number and not _named_count(mod):
                    mod = None
                if mod and mod.group(2) not in NOT_COUNT_NOUNS:
                    if not any(w.lower() in NOT_MODIFIERS for w in mod.group(1).split()):
                        plural = mod.group(2).lower()  # "GPUs" -> gpus -> gpu
                        unit = _count_unit(plural)
                        if unit == "unit" and mod.group(1).split()[-1].lower() == "processing":
                            unit = "chip"  # "tensor processing units", "neural processing units"
        if not unit and "-parameter" in text[m.start() : end + 12].lower():
            unit = "parameter"
        if not unit and not scale and not word_number:
            if re.fullmatch(r"(19|20)\d{2}", raw_num):
                unit = "year"
        if not unit and word_number and not scale:
            # "one of the", "two weeks" etc. carry little signal; but "nine to ten months"
            # is a range whose lower end takes the unit (merge_ranges), so it stays for now
            if not re.match(rf"\s*(?:to|or|-|–)\s*{WORDNUM}\b", text[end:], re.I):
                continue
        if math.isnan(value):
            continue
        if (
            not cur
            and not scale
            and unit not in MEASURES
            and re.fullmatch(r"\d{1,4}", raw_num)  # "9,216 chips" is a count, not a model
            and _product_number(text, m.start("num"))
        ):
            continue  # "Cobalt 300 servers", "Colossus 2": a product's name, not a count
        approx = (
            bool(m.group("approx"))
            or converted  # "six months" is about 183 days, and "180 days" agrees with it
            or "roughly" in text[max(0, m.start() - 12) : m.start()]
        )
        start = m.start()
        part = _FRACTION_OF.search(text[max(0, start - 20) : start])
        if part and raw_num.lower() in ("a", "an", "one") and (scale or unit):
            # "three-quarters of a billion dollars" is $750 million, not a billion
            value *= _FRACTIONS[part.group(1).lower().replace("-", " ")]
            start -= len(part.group(0))
        out.append(Quantity(value, unit, text[start:end].strip(), approx, start, end))
    for a in _A_SPAN.finditer(text):
        if not any(q.start <= a.start("span") < q.end for q in out):
            days = DURATION_DAYS[a.group("u").lower()]
            out.append(Quantity(days, "days", a.group("span"), True, a.start("span"), a.end()))
    for h in halves:
        whole = _parse_number(h.group("n")) if h.group("n") else 1.0
        unit = (h.group("u") or h.group("u2")).lower()
        if whole is None:
            continue
        value = (whole + 0.5) * DURATION_DAYS[unit]
        out.append(Quantity(value, "days", h.group(0), True, h.start(), h.end()))
    for m in _VAGUE.finditer(text):
        if any(q.start <= m.start() < q.end for q in out):
            continue
        value = (10.0 if m.group(1).lower() == "tens" else 100.0) * SCALES[
            m.group(2).lower().rstrip("s")
        ]
        money = bool(m.group(3))
        # its own unit: "tens of billions" agrees only with itself and never conflicts
        # with "$8 billion"
        unit = "vague:usd" if money else "vague"
        out.append(Quantity(value, unit, m.group(0), True, m.start(), m.end()))
    for m in _NODE.finditer(text):
        if any(q.start <= m.start() < q.end for q in out):
            continue
        around = text[max(0, m.start() - 40) : m.end() + 40]
        if not _NODE_CONTEXT.search(around):
            continue  # "N2" alone may be nitrogen or a product; a node is made or built on
        if m.group("tsmc"):  # N3P, N2: the number is the class in nanometres
            value = float(m.group("tsmc"))
        elif m.group("samsung"):
            value = float(m.group("samsung"))
        else:  # A16, 18A: angstroms
            value = float(m.group("tsmc_a") or m.group("intel_a")) / 10
        out.append(Quantity(value, "nm", m.group(0), False, m.start(), m.end()))
    return out


_FRACTIONS = {
    "three quarters": 0.75, "a quarter": 0.25, "one quarter": 0.25, "two thirds": 2 / 3,
    "a third": 1 / 3, "one third": 1 / 3, "half": 0.5, "one half": 0.5,
}  # fmt: skip
_FRACTION_OF = re.compile(
    r"\b(three[- ]quarters|a quarter|one[- ]quarter|two[- ]thirds|a third|one[- ]third|"
    r"one[- ]half|half) of\s+$",
    re.I,
)


# units that measure rather than count: a product name is never followed by one of them
# directly ("TSMC 3nm" is a node, "Cobalt 300 servers" a product)
MEASURES = {"usd", "pct", "x", "W", "B", "B/s", "b/s", "nm", "days", "year", "Hz", "FLOPS", "OPS"}
# capitalised words that can stand before a number without naming a product
_NOT_PRODUCT = {
    "about", "around", "some", "roughly", "nearly", "almost", "over", "under", "more",
    "up", "just", "only", "another", "the", "all", "those", "these", "with", "of", "in",
    "at", "by", "for", "from", "to", "and", "but", "or", "than", "exactly", "approximately",
    "its", "their", "our", "a", "an", "as", "after", "before", "since", "until", "when",
    "while", "if", "because", "top", "fewer", "least", "most", "between", "each", "every",
    "less", "below", "above", "beyond", "within", "per", "total",
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
    "sep", "sept", "oct", "nov", "dec", "fiscal", "fy", "us", "usd", "page", "no", "number",
}  # fmt: skip


def _product_number(text: str, start: int) -> bool:
    """The number at ``start`` follows a capitalised name ("Cobalt 300", "Colossus 2",
    "Graviton 4"): it is part of the name."""
    m = re.search(r"(?:^|[\s(])([A-Z][A-Za-z]+)\s$", text[max(0, start - 30) : start])
    return bool(m) and m.group(1).lower() not in _NOT_PRODUCT


# process nodes named by the foundries ("TSMC's N3P", "Samsung SF2", "Intel 18A", "A16"):
# the same fact as "3nm", "2nm", "1.8nm", "1.6nm"
_NODE = re.compile(
    r"\b(?:N(?P<tsmc>[2-7])[A-Z]?|SF(?P<samsung>[2-4])[A-Z]?|A(?P<tsmc_a>1[46])"
    r"|(?P<intel_a>1[48]|20)A)\b"
)
_NODE_CONTEXT = re.compile(
    r"\b(?:TSMC|Samsung|Intel|Rapidus|process|node|nodes|fab|fabbed|manufactur\w*|built|"
    r"made|class|technology)\b",
    re.I,
)


# "tens of billions of dollars", "hundreds of thousands of chips": an order of magnitude
_VAGUE = re.compile(
    r"\b(tens|hundreds) of (thousands|millions|billions|trillions)\b(\s+of\s+dollars)?", re.I
)


def significant_digit_string(q: Quantity) -> str:
    """The significant digits the text writes the number with: "5.5bn" "55", "120,000"
    "12", "1,000 billion" "1"; "" for a word number ("three", "a dozen")."""
    m = re.search(r"\d[\d,]*(?:\.\d+)?", q.text)
    if not m:
        return ""
    digits = m.group(0).replace(",", "")
    if "." in digits:
        return digits.replace(".", "").lstrip("0")
    return digits.strip("0")


def significant_digits(q: Quantity) -> int:
    """How precisely the text states the number: "5.5bn" 2, "three" 1, "1,000 billion" 1."""
    return len(significant_digit_string(q)) or 1


def _round_sig(value: float, digits: int) -> float:
    if value == 0:
        return 0.0
    return round(value, -int(math.floor(math.log10(abs(value)))) + digits - 1)


def compatible(a: Quantity, b: Quantity, tolerance: float = 0.005) -> bool:
    """The same value, allowing for rounding: "nearly three times" agrees with "2.8x" (the
    less precise statement rounds the other), "$5.3bn" does not agree with "about $5.5bn"
    (both give two digits and they differ). Units must not contradict."""
    if a.unit and b.unit and a.unit != b.unit:
        return False
    if a.value == b.value:
        return True
    if "year" in (a.unit, b.unit):
        return False  # 2029 is not "about" 2030
    big = max(abs(a.value), abs(b.value))
    if big > 0 and abs(a.value - b.value) / big <= tolerance:
        return True
    sa, sb = significant_digits(a), significant_digits(b)
    if sa == sb:
        return False
    digits = min(sa, sb)
    close = abs(a.value - b.value) / big <= 0.1  # "about 1 trillion" is not 1.4 trillion
    if "pct" in (a.unit, b.unit):
        close = close or abs(a.value - b.value) < 0.5  # "about 3%" is 3.4%: half a point
    # a rounded figure needs "about" when rounding leaves one digit ("$5 billion" is not
    # "$5.3 billion"); with two or more, reporters round without it ("closed 11% higher"
    # is "closed up 11.1%")
    return (
        close
        and (a.approx or b.approx or digits >= 2)
        and _round_sig(a.value, digits) == _round_sig(b.value, digits)
    )


def quantity_keys(text: str) -> set[str]:
    """Keys for clustering: only quantities specific enough to identify an event."""
    keys = set()
    for q in find_quantities(text):
        if q.unit in ("", "year"):
            continue
        keys.add(q.key())
    return keys


_RANGE_JOIN = re.compile(r"\s*(?:to|-|–|—|and)\s*")


_BARE_NUMBER = re.compile(NUM)


def _written(q: Quantity) -> float:
    """The first number as written in a quantity's text ("$63.7" -> 63.7), 0 if none."""
    lead = _BARE_NUMBER.search(q.text)
    return float(lead.group(0).replace(",", "")) if lead else 0.0


def merge_ranges(quantities: list[Quantity], body: str) -> list[Quantity]:
    """ "$36 to $40", "$36-$40", "between 20% and 25%": one value (a range), not two facts.
    A range compares equal only to the same range (its upper end is part of the unit)."""
    out: list[Quantity] = []
    i = 0
    while i < len(quantities):
        q = quantities[i]
        if i + 1 < len(quantities):
            r = quantities[i + 1]
            gap = body[q.end : r.start]
            joined = _RANGE_JOIN.fullmatch(gap)
            is_and = joined is not None and "and" in gap
            # ("around 1.7 to 1.8 TB/s": the hedge is the range's)
            bare_low = q.text.rsplit(None, 1)[-1] if q.approx else q.text
            words = bare_low.lower() in WORD_NUMBERS and r.text.split()[0].lower() in WORD_NUMBERS
            if joined and not q.unit and r.unit and (_BARE_NUMBER.fullmatch(bare_low) or words):
                # "120 to 140 kilowatts", "20 to 25 percent", "between 70,000 and 80,000
                # racks", "nine to ten months": the lower end takes the upper end's unit
                # (and scale)
                lead = _BARE_NUMBER.search(r.text)
                written = float(lead.group(0).replace(",", "")) if lead else 0.0
                if words:
                    written = float(WORD_NUMBERS[r.text.split()[0].lower()])
                if written:
                    low = q.value * r.value / written
                    if r.value / 10 <= low:  # not "from 5 to 7,000 chips"
                        q = Quantity(low, r.unit, q.text, q.approx, q.start, q.end)
            if (
                joined
                and q.unit in MONEY_UNITS
                and not r.unit
                and not is_and
                and _written(r) > 0
                and q.value == _written(q)
            ):
                # "$63.7-66.3 billion", "US$40-42 billion": the scale is the upper end's
                scaled = r.value / _written(r)
                if scaled > 1:
                    q = Quantity(q.value * scaled, q.unit, q.text, q.approx, q.start, q.end)
                    r = Quantity(r.value, q.unit, r.text, r.approx, r.start, r.end)
            if (
                joined
                and q.unit
                and q.unit == r.unit
                and q.value < r.value
                and (not is_and or re.search(r"\bbetween\s*$", body[: q.start]))
            ):
                out.append(
                    Quantity(
                        q.value,
                        f"{q.unit}..{r.value:g}",
                        body[q.start : r.end],
                        q.approx or r.approx,
                        q.start,
                        r.end,
                    )
                )
                i += 2
                continue
        if q.unit or not q.text.isalpha():
            out.append(q)  # (a lower end in words that found no unit is no value)
        i += 1
    return out
