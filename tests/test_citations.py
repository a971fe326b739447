"""pipeline.citations: attributions to outlets and organisations, and their dates resolved
against the citing article's own date (CONTRACT.md, "Citation")."""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Any

import pytest

from pipeline.citations import Citation, CitationFinder, subject_of
from pipeline.textdates import all_dates, dates_in, resolve_date

OUTLETS: dict[str, list[str]] = {
    "The Information": [],
    "Reuters": ["Reuters News"],
    "Financial Times": ["FT", "the FT"],
    "Pacific Wire": [],
    "The Compute Report": [],
}
MONDAY = date(2026, 4, 6)  # the citing article's day in most tests
FRIDAY = date(2026, 4, 3)


@pytest.fixture(scope="module")
def finder() -> CitationFinder:
    return CitationFinder(OUTLETS)


def cites(
    finder: CitationFinder,
    sentence: str,
    day: date = MONDAY,
    citing: str | None = "Silicon Ledger",
    **kwargs: str,
) -> list[tuple[str, date | None, bool]]:
    return [
        (c.cited_outlet, c.cited_date, c.known)
        for c in finder.find(sentence, day, citing, **kwargs)  # type: ignore[arg-type]
    ]


BANK_FINDER = CitationFinder(
    {**OUTLETS, "The Wall Street Journal": ["WSJ"], "Nikkei Asia": ["Nikkei"]}
)


def _rows(
    shape: str, rows: list[tuple[Any, ...]], subject: str | None = None
) -> list[tuple[str, date, str | None, list[tuple[str, date | None, bool]]]]:
    """Phrase-bank cases as (sentence, article day, subject, credits): ``shape`` says what a
    row holds ("sw": sentence and credits; "sdw": with the article's day; "ssw": with the
    subject the article is about)."""
    out = []
    for row in rows:
        if shape == "sw":
            out.append((row[0], MONDAY, subject, row[1]))
        elif shape == "sdw":
            out.append((row[0], row[1], subject, row[2]))
        else:
            out.append((row[0], MONDAY, row[1] or subject, row[2]))
    return out


# ---------------------------------------------------------------------------- the contract


def test_according_to_a_report_from(finder: CitationFinder) -> None:
    s = "DeepSeek's V4 has about 1 trillion parameters, according to a report from The Information."
    assert cites(finder, s) == [("The Information", None, True)]


def test_first_published_by_with_date(finder: CitationFinder) -> None:
    s = "The details were first published by The Information on April 3."
    assert cites(finder, s) == [("The Information", date(2026, 4, 3), True)]


def test_confirmed_on_a_full_date(finder: CitationFinder) -> None:
    s = "Reuters confirmed on April 4, 2026 that the model runs on Huawei chips."
    assert cites(finder, s) == [("Reuters", date(2026, 4, 4), True)]


def test_the_financial_times_reported(finder: CitationFinder) -> None:
    s = "The chips cost less than expected, the Financial Times reported."
    assert cites(finder, s) == [("Financial Times", None, True)]


def test_organisation_own_researchers_is_kept_as_unknown(finder: CitationFinder) -> None:
    s = "The model was trained on Ascend chips, according to DeepSeek's own researchers."
    assert cites(finder, s) == [("DeepSeek", None, False)]


def test_citation_carries_the_sentence(finder: CitationFinder) -> None:
    s = "Reuters confirmed on April 4, 2026 that the model runs on Huawei chips."
    [c] = finder.find(s, MONDAY, "Silicon Ledger")
    assert c == Citation("Reuters", date(2026, 4, 4), s, True)


def test_two_outlets_in_one_sentence_each_with_its_date(finder: CitationFinder) -> None:
    s = (
        "The news was first reported by The Information on April 3, and Reuters "
        "confirmed it on April 4."
    )
    assert cites(finder, s) == [
        ("The Information", date(2026, 4, 3), True),
        ("Reuters", date(2026, 4, 4), True),
    ]


# ---------------------------------------------------------------------------- aliases


@pytest.mark.parametrize(
    "sentence",
    [
        "Orders doubled, the FT said.",
        "The FT reported that orders had doubled.",
        "Orders doubled, the Financial Times said.",
    ],
)
def test_alias_maps_to_canonical_name(finder: CitationFinder, sentence: str) -> None:
    assert cites(finder, sentence) == [("Financial Times", None, True)]


def test_alias_reuters_news(finder: CitationFinder) -> None:
    assert cites(finder, "Reuters News reported the ban on April 2.") == [
        ("Reuters", date(2026, 4, 2), True)
    ]


def test_alias_only_when_registered() -> None:
    bare = CitationFinder({"Financial Times": []})
    assert cites(bare, "Orders doubled, the Financial Times said.") == [
        ("Financial Times", None, True)
    ]
    # without the alias "FT" is a name as written, not the Financial Times
    assert all(name != "Financial Times" for name, _, _ in cites(bare, "Orders doubled, FT said."))


def test_outlet_names_match_case_insensitively(finder: CitationFinder) -> None:
    assert cites(finder, "Orders doubled, THE INFORMATION reported.")[0][:2] == (
        "The Information",
        None,
    )


# ---------------------------------------------------------------------------- dates


def test_month_day_resolves_in_the_article_year() -> None:
    assert resolve_date("first published on April 3", MONDAY) == date(2026, 4, 3)
    assert resolve_date("first published on 3 April", MONDAY) == date(2026, 4, 3)


def test_explicit_year_wins() -> None:
    assert resolve_date("on April 3, 2025", MONDAY) == date(2025, 4, 3)
    assert resolve_date("on 2025-11-02", MONDAY) == date(2025, 11, 2)


def test_year_rollover_december_in_january() -> None:
    assert resolve_date("first reported on December 30", date(2026, 1, 5)) == date(2025, 12, 30)


def test_weekday_is_the_latest_such_day_not_after_the_article() -> None:
    # 2026-04-06 is a Monday
    assert MONDAY.weekday() == 0
    assert resolve_date("reported on Tuesday", MONDAY) == date(2026, 3, 31)
    assert resolve_date("reported on Friday", MONDAY) == date(2026, 4, 3)
    assert resolve_date("reported on Sunday", MONDAY) == date(2026, 4, 5)
    # the article's own weekday is the article's day
    assert resolve_date("reported on Monday", MONDAY) == MONDAY


def test_last_weekday_on_that_weekday_is_a_week_earlier() -> None:
    assert FRIDAY.weekday() == 4
    assert resolve_date("reported last Friday", FRIDAY) == date(2026, 3, 27)
    assert resolve_date("reported this past Friday", FRIDAY) == date(2026, 3, 27)
    assert resolve_date("reported on Friday", FRIDAY) == FRIDAY
    assert resolve_date("reported last Thursday", FRIDAY) == date(2026, 4, 2)


def test_relative_days() -> None:
    assert resolve_date("Reuters reported yesterday", MONDAY) == date(2026, 4, 5)
    assert resolve_date("Reuters reported earlier today", MONDAY) == MONDAY


def test_weekday_before_explicit_date_is_the_same_day() -> None:
    assert resolve_date("on Friday, April 3, Reuters said", MONDAY) == FRIDAY


def test_no_date() -> None:
    assert resolve_date("the Financial Times reported", MONDAY) is None


def test_invalid_dates_are_ignored() -> None:
    assert resolve_date("on February 30", MONDAY) is None


def test_citation_weekday_resolved_against_the_article(finder: CitationFinder) -> None:
    assert cites(finder, "The FT reported on Tuesday that orders had doubled.") == [
        ("Financial Times", date(2026, 3, 31), True)
    ]
    assert cites(finder, "Reuters News reported the ban last Friday.", day=FRIDAY) == [
        ("Reuters", date(2026, 3, 27), True)
    ]


def test_citation_year_rollover(finder: CitationFinder) -> None:
    s = "The plan was first reported by The Information on December 30."
    assert cites(finder, s, day=date(2026, 1, 5)) == [("The Information", date(2025, 12, 30), True)]


def test_a_deadline_ahead_stays_in_the_article_year(finder: CitationFinder) -> None:
    # a yearless date far ahead is last year's, unless the words before it look ahead
    march = date(2026, 3, 24)
    assert dates_in("Applications close on June 30.", march) == [date(2026, 6, 30)]
    assert dates_in("The chip went on sale on June 30.", march) == [date(2025, 6, 30)]
    assert dates_in("It had until March 1 to reply.", march) == [date(2026, 3, 1)]
    assert dates_in("The offer is open until January 5.", date(2026, 12, 20)) == [date(2027, 1, 5)]
    # ... and the deadline is no date for the credit that closes the sentence
    s = "Operators have until June 30 to apply, the Infocomm Media Development Authority said."
    assert [d for d, _, _ in all_dates(s, march)] == [date(2026, 6, 30)]
    assert [when for _, when, _ in cites(finder, s, day=march)] == [None]


def test_all_dates_spans() -> None:
    s = "On Friday, April 3, the firm said and on March 30 it added"
    found = all_dates(s, MONDAY)
    assert [d for d, _, _ in found] == [date(2026, 4, 3), date(2026, 3, 30)]
    for _, start, end in found:
        assert s[start:end] in ("April 3", "March 30")


def test_date_of_another_attribution_is_not_borrowed(finder: CitationFinder) -> None:
    s = "The news was first reported by The Information on April 3, and Reuters confirmed it later."
    assert cites(finder, s) == [
        ("The Information", date(2026, 4, 3), True),
        ("Reuters", None, True),
    ]


# ---------------------------------------------------------------------------- not citations


def test_own_dateline_is_not_a_citation(finder: CitationFinder) -> None:
    s = "BEIJING, April 4 (Pacific Wire) - DeepSeek released its V4 model on Friday."
    assert cites(finder, s, citing="Pacific Wire") == []


def test_own_name_is_never_cited(finder: CitationFinder) -> None:
    s = "The chips were delayed, Pacific Wire reported on April 3."
    assert cites(finder, s, citing="Pacific Wire") == []
    # the same sentence in another outlet's article is a citation
    assert cites(finder, s, citing="Silicon Ledger") == [("Pacific Wire", date(2026, 4, 3), True)]
    # ... and an agency's own name with "News Agency" is still its own
    s = "A Halvorsen spokesperson told Yonhap News Agency on Friday that tests went smoothly."
    assert [c[0] for c in cites(finder, s, citing="Yonhap")] == ["Halvorsen"]


def test_a_wires_dateline_in_another_outlets_copy_credits_the_wire(
    finder: CitationFinder,
) -> None:
    # a syndicated copy: the wire is the source, on the dateline's day if it gives one
    # (the day in the sentence is the news's)
    s = "TAIPEI (Pacific Wire) - Halvorsen reported record revenue on Friday."
    assert cites(finder, s, citing="Silicon Ledger", subject="Halvorsen") == [
        ("Pacific Wire", None, True),
        ("Halvorsen", FRIDAY, False),
    ]
    s = "SEOUL, April 5 (Pacific Wire) - Halvorsen said on Sunday it had begun shipping."
    assert cites(finder, s, citing="Silicon Ledger")[0] == ("Pacific Wire", date(2026, 4, 5), True)
    # the wire's own copy credits only the company ("the chipmaker said")
    s = "NEW YORK, April 5 (Pacific Wire) - Halvorsen will buy a start-up, the chipmaker said."
    assert cites(finder, s, citing="Pacific Wire", subject="Halvorsen") == [
        ("Halvorsen", None, False)
    ]


def test_dateline_with_a_real_citation_after_it(finder: CitationFinder) -> None:
    s = "SHANGHAI, April 4 (Pacific Wire) - Reuters reported on Friday that DeepSeek released V4."
    assert cites(finder, s, citing="Pacific Wire") == [("Reuters", FRIDAY, True)]


PERSON_TEXT = (
    "Dana Feld, an analyst at Bernstein, expects more orders. "
    "Feld said the chips were cheap. Dana Feld said demand is strong."
)


@pytest.mark.parametrize(
    "sentence",
    [
        "Feld said the chips were cheap.",
        "Dana Feld said demand is strong.",
        "Dana Feld, an analyst at Bernstein, said demand is strong.",
    ],
)
def test_person_names_are_not_citations(finder: CitationFinder, sentence: str) -> None:
    names = [n for n, _, _ in cites(finder, sentence, article_text=PERSON_TEXT)]
    assert "Feld" not in names
    assert "Dana Feld" not in names


@pytest.mark.parametrize(
    "sentence",
    [
        "He said the chips were cheap.",
        "The company said shipments would start in May.",
        "Analysts said demand is strong.",
        "Sources said the deal was close.",
        "In April, prices rose sharply.",
    ],
)
def test_pronouns_and_generic_subjects_are_not_outlets(
    finder: CitationFinder, sentence: str
) -> None:
    assert cites(finder, sentence) == []


def test_the_company_said_resolves_to_the_subject(finder: CitationFinder) -> None:
    s = "Shipments would start in May, the company said."
    assert cites(finder, s, subject="Micron") == [("Micron", None, False)]
    assert cites(finder, s) == []  # no subject known: nobody to credit


def test_sentence_initial_the_company_said(finder: CitationFinder) -> None:
    s = "The company said shipments would start in May."
    assert cites(finder, s, subject="Micron") == [("Micron", None, False)]


# ---------------------------------------------------------------------------- unknown outlets


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Shipments rose 20%, according to TrendForce.", ("TrendForce", None, False)),
        (
            "TrendForce said on Thursday that shipments rose 20%.",
            ("TrendForce", date(2026, 4, 2), False),
        ),
        (
            "Shipments rose 20%, according to research firm Counterpoint Research Group.",
            ("Counterpoint Research Group", None, False),
        ),
    ],
)
def test_unknown_outlets_are_kept(
    finder: CitationFinder, sentence: str, expected: tuple[str, date | None, bool]
) -> None:
    assert cites(finder, sentence) == [expected]


def test_sentence_initial_according_to(finder: CitationFinder) -> None:
    # the date after the comma is the event's, not the report's: no cited date
    assert cites(finder, "According to Reuters, the ban was lifted on April 2.") == [
        ("Reuters", None, True)
    ]
    assert cites(finder, "According to a Reuters report on April 1, the ban was lifted.") == [
        ("Reuters", date(2026, 4, 1), True)
    ]
    # "X said on Friday that ... on April 9": X is dated Friday, April 9 is what it said
    assert cites(
        finder, "Nvidia said on Friday that officials informed it on April 9 of the rule."
    ) == [("Nvidia", date(2026, 4, 3), False)]
    assert cites(finder, "According to TrendForce, shipments rose 20%.") == [
        ("TrendForce", None, False)
    ]


# ---------------------------------------------------------------------------- subject_of


def test_subject_of_headline(finder: CitationFinder) -> None:
    assert subject_of("Micron ships HBM4 samples to Nvidia") == "Micron"
    assert subject_of("The Information: Micron ships HBM4 samples", finder) == "Micron"
    assert subject_of("Reuters: Micron ships HBM4 samples", finder) == "Micron"
    assert subject_of(None) is None
    assert subject_of("") is None


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # wire bylines name reporters, not sources
        ("(Reporting by Jun Tanaka; Editing by Tom Hale)", []),
        # "such as X" lists companies; it credits nobody
        ("Rivals such as Cambricon and Hygon want a slice of the orders.", []),
        # a company reporting results later is news to come, not a source
        ("Broadcom reports fiscal fourth-quarter results in December.", []),
        # relative days
        (
            "The Compute Report first revealed the plan three weeks ago.",
            [("The Compute Report", date(2026, 3, 16), True)],
        ),
        (
            "Pacific Wire confirmed the talks early this morning.",
            [("Pacific Wire", date(2026, 4, 6), True)],
        ),
        # a possessive inside an organisation's name is dropped; a month after it too
        (
            "Taiwan's Ministry of Economic Affairs said on Friday the plan was consistent.",
            [("Taiwan Ministry of Economic Affairs", date(2026, 4, 3), False)],
        ),
        ("Per Nvidia's April filing, the rule covers any such chip.", [("Nvidia", None, False)]),
    ],
)
def test_citation_edge_cases(
    finder: CitationFinder, sentence: str, expected: list[tuple[str, date | None, bool]]
) -> None:
    assert cites(finder, sentence) == expected


def test_two_word_company_that_speaks_is_not_a_person(finder: CitationFinder) -> None:
    text = (
        "Moore Threads said at a launch event in Beijing on Tuesday that the card ships soon. "
        "Dana Feld, an analyst at Halyard, said demand was strong."
    )
    got = [
        (c.cited_outlet, c.cited_date)
        for s in text.split(". ")
        for c in finder.find(s, MONDAY, "Byteframe", article_text=text)
    ]
    assert got == [("Moore Threads", date(2026, 3, 31))]


def test_future_weekdays_resolve_forward() -> None:
    from pipeline.textdates import all_dates

    tuesday = date(2026, 9, 29)
    assert [d for d, _, _ in all_dates("Shares will start trading on Thursday.", tuesday)] == [
        date(2026, 10, 1)
    ]
    assert [d for d, _, _ in all_dates("Pricing is expected on Wednesday.", tuesday)] == [
        date(2026, 9, 30)
    ]
    # a schedule in the present tense is ahead too: markets shut for a holiday "reopen"
    sunday = date(2026, 4, 5)
    assert [d for d, _, _ in all_dates("Mainland markets reopen on Tuesday.", sunday)] == [
        date(2026, 4, 7)
    ]
    assert [d for d, _, _ in all_dates("The rule takes effect on Friday.", sunday)] == [
        date(2026, 4, 10)
    ]
    assert [d for d, _, _ in all_dates("Markets reopened on Tuesday.", date(2026, 4, 9))] == [
        date(2026, 4, 7)
    ]
    # past tense stays in the past
    assert [d for d, _, _ in all_dates("The company said on Monday it filed.", tuesday)] == [
        date(2026, 9, 28)
    ]
    assert [d for d, _, _ in all_dates("It filed last Thursday.", tuesday)] == [date(2026, 9, 24)]


def test_a_date_in_what_was_said_does_not_date_the_credit(finder: CitationFinder) -> None:
    s = "Oracle said it had signed several cloud agreements since March 1."
    assert cites(finder, s) == [("Oracle", None, False)]
    s = "Reuters confirmed it on April 4."  # "it" is the object here, not a new clause
    assert cites(finder, s) == [("Reuters", date(2026, 4, 4), True)]


def test_an_executive_speaks_for_the_company(finder: CitationFinder) -> None:
    text = (
        "Nvidia chief executive Jensen Huang told analysts on Wednesday that China was worth "
        "$50 billion. Huang said the company had nothing to announce."
    )
    got = [
        (c.cited_outlet, c.cited_date)
        for s in text.split(". ")
        for c in finder.find(s, MONDAY, "Byteframe", article_text=text)
    ]
    assert got == [("Nvidia", date(2026, 4, 1)), ("Nvidia", None)]


def test_a_capitalised_title_names_the_company(finder: CitationFinder) -> None:
    # "Chief Executive" as some outlets write it, and the surname later in the story
    text = (
        "The chip deal runs to 2033, Tesla Chief Executive Elon Musk said on Monday. "
        "Musk wrote that the fab would be dedicated to the new chip. "
        "Kepler CEO Dana Ruiz said the order was the largest yet"
    )
    got = [
        (c.cited_outlet, c.cited_date)
        for s in text.split(". ")
        for c in finder.find(s, MONDAY, "Byteframe", article_text=text)
    ]
    assert got == [("Tesla", MONDAY), ("Tesla", None), ("Kepler", None)]


def test_the_employer_is_named_in_the_same_sentence_as_the_title(
    finder: CitationFinder,
) -> None:
    # the sentence before ends with another company's name
    text = (
        "Nvidia will invest up to $100 billion in OpenAI. Nvidia chief executive Jensen "
        "Huang called it the biggest project in history. Lisa Su, chief executive of AMD. "
        "Huang said the first systems ship next year. Su told analysts demand was strong."
    )
    got = [
        c.cited_outlet
        for s in text.split(". ")
        for c in finder.find(s, MONDAY, "Byteframe", article_text=text)
    ]
    assert got == ["Nvidia", "Nvidia", "AMD"]


def test_a_time_between_the_speaker_and_the_verb(finder: CitationFinder) -> None:
    # MONDAY is 2026-04-06
    s = "China's state broadcaster CCTV on Friday evening aired a segment showing the chip."
    assert cites(finder, s) == [("CCTV", date(2026, 4, 3), False)]
    s = "Kepler on April 2 said it would build the chips in Texas."
    assert cites(finder, s) == [("Kepler", date(2026, 4, 2), False)]
    # a name does not start inside a word: "8-K" holds no "K"
    s = "Nvidia's 8-K on Wednesday put the cost at $5.5 billion."
    assert [c[0] for c in cites(finder, s)] == ["Nvidia"]


def test_the_following_day_counts_from_the_date_before_it() -> None:
    from pipeline.textdates import all_dates

    s = "Pricing is expected on Wednesday, with trading to begin the following day."
    assert [d for d, _, _ in all_dates(s, date(2026, 9, 29))] == [
        date(2026, 9, 30),
        date(2026, 10, 1),
    ]
    # with no date before it, "the next day" resolves to nothing
    assert all_dates("Trading begins the next day.", date(2026, 9, 29)) == []


def test_an_agency_named_in_what_was_said_is_not_a_citation(finder: CitationFinder) -> None:
    s = "According to Nvidia, the Commerce Department notified it on April 3 of the rule."
    assert cites(finder, s) == [("Nvidia", None, False)]
    # when it does speak, the agency is cited under one canonical name
    s = "The Commerce Department said on Friday that the rule stays in force."
    assert cites(finder, s) == [("US Commerce Department", date(2026, 4, 3), False)]


def test_acronyms_lowercase_names_and_relative_confirmations(finder: CitationFinder) -> None:
    text = (
        "The Tennessee Valley Authority (TVA) must upgrade a substation first. "
        "TVA said the work will be finished by the end of August."
    )
    got = [
        c.cited_outlet
        for s in text.split(". ")
        for c in finder.find(s, MONDAY, "Byteframe", article_text=text)
    ]
    assert got == ["Tennessee Valley Authority"]
    assert cites(finder, "xAI said in a statement that the plan holds.") == [("xAI", None, False)]
    s = "The Compute Report broke the story on Friday, and Pacific Wire confirmed it the following day."
    assert cites(finder, s) == [
        ("The Compute Report", date(2026, 4, 3), True),
        ("Pacific Wire", date(2026, 4, 4), True),
    ]
    s = "The Compute Report broke the story on Friday, and Pacific Wire confirmed it hours later."
    assert cites(finder, s)[1] == ("Pacific Wire", date(2026, 4, 3), True)
    # "adds" as in "the CPUs Azure adds in 2027" is not an attribution
    assert cites(finder, "Cobalt is a quarter of the server CPUs Azure adds in 2027.") == []


@pytest.mark.parametrize(
    "sentence",
    [
        # "this morning" dates the first credit, and "minutes later" counts from it
        "On the livestream this morning, Amazon said Trainium3 is four times as fast, and "
        "Anthropic posted minutes later that it was already training on them.",
        "Jensen Huang told CNN this morning that licences will be granted, and the Commerce "
        "Department confirmed it within the hour.",
        # a second speaker at the first one's event
        "On a panel on Monday, Sarah Friar said OpenAI has 30 gigawatts lined up, and Satya "
        "Nadella, sitting beside her, said Azure is supplying a large share of it.",
    ],
)
def test_a_second_speaker_at_the_same_event_takes_its_day(
    finder: CitationFinder, sentence: str
) -> None:
    got = cites(finder, sentence)
    assert len(got) == 2
    assert [day for _, day, _ in got] == [MONDAY, MONDAY]


def test_a_second_speaker_without_a_link_to_the_event_stays_undated(
    finder: CitationFinder,
) -> None:
    s = (
        "On a panel on Monday, Sarah Friar said OpenAI has 30 gigawatts lined up, and Satya "
        "Nadella has said Azure is supplying a large share of it."
    )
    assert sorted(day is None for _, day, _ in cites(finder, s)) == [False, True]


def test_that_afternoon_and_initials(finder: CitationFinder) -> None:
    s = (
        "The Compute Report first reported on Friday that the cluster is late, and Pacific "
        "Wire confirmed it that afternoon."
    )
    assert cites(finder, s) == [
        ("The Compute Report", date(2026, 4, 3), True),
        ("Pacific Wire", date(2026, 4, 3), True),
    ]
    text = "The Tennessee Valley Authority owns the substation. TVA said the work ends in August."
    got = [
        c.cited_outlet
        for part in text.split(". ")
        for c in finder.find(part, MONDAY, "Byteframe", article_text=text)
    ]
    assert got == ["Tennessee Valley Authority"]


def test_retelling_phrasings_of_who_was_first(finder: CitationFinder) -> None:
    assert cites(finder, "Pacific Wire was first out of the gate with the official terms.") == [
        ("Pacific Wire", None, True)
    ]
    assert cites(
        finder, "Pacific Wire followed on Saturday with word that the orders were placed."
    ) == [("Pacific Wire", date(2026, 4, 4), True)]
    assert [
        name for name, _, _ in cites(finder, "Anthropic and Google made it official on Friday.")
    ] == ["Anthropic", "Google"]


def test_analysts_and_their_firms_are_not_citations(finder: CitationFinder) -> None:
    text = (
        "“This is a way to keep developers on CUDA,” said Tomasz Wierzbicki of Halyard Capital. "
        "Wierzbicki said he was not adding any China revenue to his estimates. "
        "Lena Ferraro at Northgate Advisors said the bigger risk was policy."
    )
    for s in text.split(". "):
        assert finder.find(s, MONDAY, "Market Signal", article_text=text) == [], s


def test_the_company_with_an_adjective_and_management(finder: CitationFinder) -> None:
    assert cites(
        finder, "The South Korean company said on Wednesday that HBM4 passed.", subject="Samsung"
    ) == [("Samsung", date(2026, 4, 1), False)]
    assert cites(
        finder, "A stronger currency would cut into margins, management warned.", subject="TSMC"
    ) == [("TSMC", None, False)]


def test_subject_of_headlines_with_lowercase_names_and_places() -> None:
    assert subject_of("SK hynix Lifts Spending Again as HBM Orders Stretch Into 2027") == "SK hynix"
    assert (
        subject_of("West Texas city powers up OpenAI's first Stargate computing hall") == "OpenAI"
    )


def test_subject_of_reads_the_article_to_tell_names_from_headline_capitals() -> None:
    text = (
        "Anthropic will rent up to a million TPUs from Google. The deal is worth tens of "
        "billions of dollars, Anthropic said."
    )
    assert subject_of("What a Million TPUs Actually Buys Anthropic", None, text) == "Anthropic"
    assert subject_of("Tens of Billions for Anthropic's TPU Deal", None, text) == "Anthropic"
    text = "Microsoft said its Cobalt 300 chip has 192 cores. Microsoft designs it in-house."
    assert subject_of("Cobalt 300 Deep Dive: Microsoft's 192-Core Arm CPU", None, text) == (
        "Microsoft"
    )
    text = "Nvidia chief executive Jensen Huang said China is a $50 billion market."
    assert subject_of("Jensen Huang Says Curbs Cost a $50 Billion Market", None, text) == "Nvidia"


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("Cerebras Systems said on Monday that the offering was priced.", "Cerebras"),
        ("Amazon Web Services said the chips would be available next year.", "Amazon"),
        ("Google Cloud said the capacity would include Ironwood.", "Google"),
    ],
)
def test_corporate_suffixes_name_the_company(
    finder: CitationFinder, sentence: str, name: str
) -> None:
    assert [n for n, _, _ in cites(finder, sentence)] == [name]


def test_lowercase_names_and_imperatives_before_a_company(finder: CitationFinder) -> None:
    assert cites(finder, "SK hynix said its Indiana plant remained on track.") == [
        ("SK hynix", None, False)
    ]
    text = "Expect Oracle, or developers acting for it, to buy land. Oracle said it would."
    assert [
        c.cited_outlet
        for c in finder.find("Oracle said it would.", MONDAY, "Byteframe", article_text=text)
    ] == ["Oracle"]


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("The Information's deep dive is the best technical read so far.", "The Information"),
        ("Wafer & Watt has the best explainer on the transformer shortage.", "Wafer & Watt"),
        ("Micron did not confirm the customer, but said it would ramp production.", "Micron"),
        ("In DeepSeek's tests, Engram pushed retrieval accuracy from 84% to 97%.", "DeepSeek"),
    ],
)
def test_retellings_credit_in_many_shapes(finder: CitationFinder, sentence: str, name: str) -> None:
    assert [n for n, _, _ in cites(finder, sentence, citing="ChipBrief")] == [name]


def test_management_speaks_for_the_subject(finder: CitationFinder) -> None:
    assert cites(
        finder, "Management put AI accelerators at close to 30% of revenue.", subject="TSMC"
    ) == [("TSMC", None, False)]


def test_dated_possessive_reports_and_cited_by(finder: CitationFinder) -> None:
    got = cites(finder, "It answers questions raised since The Information's April 3 scoop.")
    assert got == [("The Information", date(2026, 4, 3), True)]
    got = cites(finder, "The supply-chain sources cited by Reuters say the board is new.")
    assert [n for n, _, _ in got] == ["Reuters"]


def test_subject_of_ignores_the_headline_repeated_in_the_text() -> None:
    title = "Cerebras Sets IPO Range, Seeking Up to $1.2 Billion"
    text = (
        title + "\nCerebras Systems is looking to raise as much as $1.2 billion, the filing showed."
    )
    assert subject_of(title, None, text) == "Cerebras"


def test_the_two_companies_credit_both_parties(finder: CitationFinder) -> None:
    got = cites(
        finder,
        "The expansion will bring over a gigawatt online in 2027, the companies said.",
        subject="Anthropic",
        partner="Google",
    )
    assert [n for n, _, _ in got] == ["Anthropic", "Google"]
    got = cites(
        finder,
        "Money: tens of billions of dollars, per the companies.",
        subject="Anthropic",
        partner="Google",
    )
    assert [n for n, _, _ in got] == ["Anthropic", "Google"]


def test_an_executive_named_elsewhere_in_the_story_speaks_for_the_company(
    finder: CitationFinder,
) -> None:
    story = "Nvidia chief executive Jensen Huang told analysts China was worth $50 billion."
    article = "Asked about China, Huang said the company had nothing to announce."
    got = finder.find(article, MONDAY, "Byteframe", article_text=article, story_text=story)
    assert [c.cited_outlet for c in got] == ["Nvidia"]


def test_headline_subjects_read_the_second_organisation_of_a_headline() -> None:
    from pipeline.citations import headline_subjects

    text = "Anthropic will rent TPUs from Google. Anthropic and Google said so on Friday."
    title = "Anthropic Strikes Deal for Up to a Million Google TPUs"
    assert headline_subjects(title, None, text) == ("Anthropic", "Google")


def test_a_headlines_company_is_not_read_as_a_person_or_a_country() -> None:
    # (session 22, origin bank 2) "Northstar Silicon" had read as a person's name and the
    # subject fell to "Nasdaq"; "Korean" had been the subject of "Korean ... Orbis raises"
    from pipeline.citations import headline_subjects

    text = "Northstar Silicon Inc. filed on Friday. A Northstar Silicon spokesman declined."
    title = "Northstar Silicon prices Nasdaq IPO above range"
    assert headline_subjects(title, None, text)[0] == "Northstar Silicon"
    text = "Seoul-based Orbis said on Monday it raised 90 billion won. Orbis makes chips."
    title = "Korean AI chip designer Orbis raises pre-IPO funding"
    assert headline_subjects(title, None, text) == ("Orbis", None)
    # "SK hynix" read once, with its lowercase word: not "SK" again as the second party
    text = "SK hynix will charge Nvidia more. Nvidia declined to comment."
    assert headline_subjects("SK Hynix to charge Nvidia more for HBM4", None, text) == (
        "SK hynix",
        "Nvidia",
    )
    # a person stays a person: Jensen Huang is no company
    text = "Jensen Huang said on Monday that demand is strong."
    assert headline_subjects("Jensen Huang Says Demand Is Strong", None, text) == (None, None)


def test_names_in_a_speakers_description_do_not_speak(finder: CitationFinder) -> None:
    got = cites(
        finder,
        "TSMC, the company that makes processors for Apple, Nvidia, AMD and many others, "
        "said on Friday that its second factory will make 2nm chips in 2027.",
    )
    assert [n for n, _, _ in got] == ["TSMC"]


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("The company claims three times the performance per watt.", "Meta"),
        ("The company also raised its dividend and said it would consider buybacks.", "Meta"),
        ("“Supply is committed,” the company's chief financial officer said on the call.", "Meta"),
        ("Equipment is already being moved in, a company executive told reporters.", "Meta"),
    ],
)
def test_the_company_in_more_shapes(finder: CitationFinder, sentence: str, name: str) -> None:
    assert [n for n, _, _ in cites(finder, sentence, subject="Meta")] == [name]


def test_which_said_filings_with_and_denials(finder: CitationFinder) -> None:
    assert [
        n
        for n, _, _ in cites(
            finder,
            "Micron, which said earlier this month that it had begun sampling, closed lower.",
        )
    ] == ["Micron"]
    assert [
        n
        for n, _, _ in cites(
            finder,
            "It applied to run 15 more turbines, according to filings with the Shelby County Health Department.",
        )
    ] == ["Shelby County Health Department"]
    assert [
        n for n, _, _ in cites(finder, "Nvidia has denied that its chips contain any backdoors.")
    ] == ["Nvidia"]


def test_the_company_is_the_organisation_just_named(finder: CitationFinder) -> None:
    """ "The company said" after a sentence about Oracle means Oracle, not the headline's
    subject; with nobody named before it, the headline's subject it stays."""
    story = (
        "OpenAI is the customer behind the deal, a person familiar said. "
        "Oracle disclosed the contract in a filing on Tuesday. "
        "Oracle said demand was strong."
    )
    orgs = finder.story_orgs(story)
    said = "The company said the deal would add $30 billion a year."
    before = "Oracle disclosed the contract in a filing on Tuesday."
    got = finder.find(said, MONDAY, "Silicon Ledger", subject="OpenAI", before=before, orgs=orgs)
    assert [c.cited_outlet for c in got] == ["Oracle"]
    # earlier in the same sentence counts as well
    same = "Oracle's cloud arm will host the chips, the company said."
    got = finder.find(same, MONDAY, "Silicon Ledger", subject="OpenAI", orgs=orgs)
    assert [c.cited_outlet for c in got] == ["Oracle"]
    # no organisation named before: the headline's subject
    got = finder.find(said, MONDAY, "Silicon Ledger", subject="OpenAI", before="", orgs=orgs)
    assert [c.cited_outlet for c in got] == ["OpenAI"]
    # "the companies said" is the story's two parties, not whoever came before
    both = "The racks are live, the companies said."
    got = finder.find(
        both, MONDAY, "Silicon Ledger", subject="OpenAI", partner="Oracle", before=before, orgs=orgs
    )
    assert sorted(c.cited_outlet for c in got) == ["OpenAI", "Oracle"]


@pytest.mark.parametrize(
    ("sentence", "subject", "expected"),
    [
        (
            "OpenAI agreed to deploy 6 gigawatts of AMD GPUs under a multi-year deal, the two "
            "companies said in a joint statement.",
            "OpenAI",
            ["AMD", "OpenAI"],
        ),
        (
            "Meta has agreed to buy millions of Nvidia GPUs and Grace CPUs, the two companies "
            "said.",
            "Meta",
            ["Meta", "Nvidia"],
        ),
        (
            "ASML became Mistral AI's largest shareholder after leading the round, the two "
            "companies said.",
            "Mistral AI",
            ["ASML", "Mistral AI"],
        ),
    ],
)
def test_the_companies_without_a_headline_partner_are_the_sentences_two(
    finder: CitationFinder, sentence: str, subject: str, expected: list[str]
) -> None:
    # no second party from the headline: the other organisation the sentence names, cut
    # before its product ("Nvidia GPUs" is Nvidia)
    got = finder.find(sentence, MONDAY, "Silicon Ledger", subject=subject, article_text=sentence)
    assert sorted(c.cited_outlet for c in got) == expected


def test_story_orgs_are_speakers_not_people_or_outlets(finder: CitationFinder) -> None:
    story = (
        "Broadcom said the racks use Ethernet. Hock Tan said demand is strong. "
        "Pacific Wire reported the deal on Monday. SK Hynix shares rose."
    )
    canon = {c for _, c in finder.story_orgs(story)}
    assert "Broadcom" in canon and "SK hynix" in canon
    assert "Pacific Wire" not in canon and "Hock Tan" not in canon


def test_an_acronym_defined_in_another_article_of_the_story(finder: CitationFinder) -> None:
    story = "The Tennessee Valley Authority (TVA) owns the substation."
    got = finder.find(
        "TVA says the work will be finished by August.",
        MONDAY,
        "Silicon Ledger",
        article_text="TVA says the work will be finished by August.",
        story_text=story,
    )
    assert [c.cited_outlet for c in got] == ["Tennessee Valley Authority"]


def test_later_that_day_at_the_end_counts_from_the_previous_date(
    finder: CitationFinder,
) -> None:
    s = "Pacific Wire, citing a US official, confirmed the arrangement later that day."
    assert cites(finder, s, previous_day=FRIDAY) == [("Pacific Wire", FRIDAY, True)]  # type: ignore[arg-type]
    s = "Pacific Wire confirmed it a day later."
    assert cites(finder, s, previous_day=FRIDAY) == [  # type: ignore[arg-type]
        ("Pacific Wire", date(2026, 4, 4), True)
    ]
    # without an earlier date to count from there is no date
    assert cites(finder, s) == [("Pacific Wire", None, True)]
    # hours and minutes count as the same day
    for s in (
        "Keplerwire confirmed within hours that the customer was Tesla.",
        "Keplerwire had disclosed the order in a filing hours earlier.",
        "Keplerwire confirmed it minutes later.",
    ):
        assert cites(finder, s, previous_day=FRIDAY) == [("Keplerwire", FRIDAY, False)]  # type: ignore[arg-type]


def test_a_which_clause_dates_the_credit(finder: CitationFinder) -> None:
    s = (
        "The plant was meant to make 3nm chips from 2028, according to Pacific Wire, "
        "which reported the new plan on Friday."
    )
    assert cites(finder, s) == [("Pacific Wire", FRIDAY, True)]
    # a date in a later clause of another kind is not the credit's
    s = "The plant opens in 2028, according to Pacific Wire, and the first tools arrive Friday."
    assert cites(finder, s) == [("Pacific Wire", None, True)]


@pytest.mark.parametrize(
    "sentence",
    [
        "Pacific Wire scooped the deal on Friday.",
        "As Pacific Wire explained on Friday, the racks run hot.",
        "Pacific Wire carried the story on Friday.",
        "Pacific Wire's sources put the price at $2 billion on Friday.",
        "Pacific Wire has a good piece on the racks from Friday.",
    ],
)
def test_more_ways_to_credit_an_outlet(finder: CitationFinder, sentence: str) -> None:
    assert cites(finder, sentence) == [("Pacific Wire", FRIDAY, True)]


def test_carrying_something_else_is_not_a_credit(finder: CitationFinder) -> None:
    assert cites(finder, "TSMC carries more than 40% of the index weighting.") == []


def test_it_said_is_the_organisation_just_named(finder: CitationFinder) -> None:
    orgs = finder.story_orgs("Groq said it would expand. TSMC said demand is strong.")

    def names(sentence: str, before: str = "") -> list[str]:
        got = finder.find(sentence, MONDAY, "Silicon Ledger", before=before, orgs=orgs)
        return [c.cited_outlet for c in got]

    assert names("Groq has pitched Dammam as a hub, and it says most capacity is booked.") == [
        "Groq"
    ]
    assert names("It also said spending would be at the high end.", before="TSMC beat.") == ["TSMC"]
    # nobody named before: "it" credits nobody (not the headline's subject)
    assert names("It also said spending would be at the high end.") == []


def test_sentence_adverbs_and_plural_possessives_are_not_part_of_a_name(
    finder: CitationFinder,
) -> None:
    s = "Then Microsoft made it official in a blog post on Friday."
    assert cites(finder, s) == [("Microsoft", FRIDAY, False)]
    s = "In Moore Threads' own tests, the card matched the RTX 4060 Ti."
    text = "Moore Threads said the card ships in May. " + s
    assert [c[0] for c in cites(finder, s, article_text=text)] == ["Moore Threads"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Nvidia rose 1.1% and AMD added 2.4% on Wednesday.",  # a market move
        "We would not assume the two are the same product until Nvidia says so.",
        "We'll update this post if Nvidia says anything more.",
        "Our April notes on serving it still apply.",
        "Distributors in Shenzhen and Hong Kong said prices had already fallen.",
        "China is a much smaller share of Nvidia's data-centre revenue now.",
        "A slip would show up in build plans before Nvidia's reported revenue.",
        "DeepSeek also broke with industry habit on early access.",
        "Amazon has put $8 billion into the company.",
        "Meta writes its models in PyTorch.",
        # a town and its state: the place where a jury sat, not a speaker
        "Intel must pay $949m after a jury in Waco, Texas, found that its chips infringed.",
    ],
)
def test_not_a_credit(finder: CitationFinder, sentence: str) -> None:
    assert cites(finder, sentence) == []


def test_a_name_after_a_preposition_does_not_speak(finder: CitationFinder) -> None:
    s = "Operators that lease capacity to Microsoft told Pacific Wire on Friday they were ready."
    assert [c[0] for c in cites(finder, s)] == ["Pacific Wire"]


def test_the_subject_speaking_in_a_second_clause(finder: CitationFinder) -> None:
    s = "Tenstorrent employs around 1,300 people, and said it plans to add several hundred more."
    assert [c[0] for c in cites(finder, s)] == ["Tenstorrent"]


def test_days_after_a_credit_count_back_from_the_article(finder: CitationFinder) -> None:
    s = "The report comes two days after Nvidia told investors its outlook excludes China."
    assert cites(finder, s) == [("Nvidia", date(2026, 4, 4), False)]


def test_days_after_a_credit_count_back_from_the_day_the_sentence_gives(
    finder: CitationFinder,
) -> None:
    # the day given is the market's reaction; the credit came a day (a week) before it
    s = "Acme shares fell 1.9% on Friday, a day after Microsoft said it would use Intel."
    assert cites(finder, s) == [("Microsoft", date(2026, 4, 2), False)]
    s = "A week after Intel announced the deal, AMD said nothing."
    assert ("Intel", date(2026, 3, 30), False) in cites(finder, s)
    # the credit's own day wins
    s = "The milestone comes nearly three weeks after Meta confirmed on March 12 that it won."
    assert cites(finder, s) == [("Meta", date(2026, 3, 12), False)]


def test_the_date_after_a_speakers_description(finder: CitationFinder) -> None:
    s = (
        "TSMC, the company that makes processors for Apple and Nvidia, said on Friday that "
        "its second Arizona fab will make 2nm chips."
    )
    assert cites(finder, s) == [("TSMC", FRIDAY, False)]


def test_it_said_looks_back_through_the_paragraph(finder: CitationFinder) -> None:
    orgs = finder.story_orgs("Lightmatter said the L200 ships. Oracle said demand is strong.")
    said = "It did say the L200 comes in 32 Tbps and 64 Tbps versions."
    # the nearest earlier sentence naming an organisation, not only the one just before
    before = ("The company did not name the customer.", "Lightmatter said on Monday it ships.")
    got = finder.find(said, MONDAY, "Silicon Ledger", before=before, orgs=orgs)
    assert [c.cited_outlet for c in got] == ["Lightmatter"]
    before = ("Oracle did not comment.", "Lightmatter said on Monday it ships.")
    got = finder.find(said, MONDAY, "Silicon Ledger", before=before, orgs=orgs)
    assert [c.cited_outlet for c in got] == ["Oracle"]


@pytest.mark.parametrize(
    "sentence",
    [
        "According to the company, an L200 package moves data at several times the bandwidth.",
        "Its cloud unit made roughly $18bn last year, based on the company's own reporting.",
        "Per the firm, the package uses a fraction of the energy per bit.",
    ],
)
def test_according_to_the_company_is_the_organisation_just_named(
    finder: CitationFinder, sentence: str
) -> None:
    orgs = finder.story_orgs("Lightmatter said the L200 ships.")
    before = ("Lightmatter's claim is that Passage beats pluggables.",)
    got = finder.find(sentence, MONDAY, "Silicon Ledger", before=before, orgs=orgs)
    assert [c.cited_outlet for c in got] == ["Lightmatter"]
    # nobody named: not a credit to anyone
    assert finder.find(sentence, MONDAY, "Silicon Ledger", orgs=orgs) == []
    # "the company's shares" is not a credit
    s = "Based on the company's shares, the deal is worth $2bn."
    assert finder.find(s, MONDAY, "Silicon Ledger", before=before, orgs=orgs) == []


def test_a_trailing_credit_takes_the_day_of_the_past_event_it_reports(
    finder: CitationFinder,
) -> None:
    s = (
        "The chipmaker priced its offering at $44 a share on Friday, comfortably above "
        "the range it had marketed, Pacific Wire reported."
    )
    assert cites(finder, s) == [("Pacific Wire", FRIDAY, True)]
    # what the source says will happen is not when it said it
    s = (
        "The chipmaker will price its offering on Friday, with trading to begin the "
        "following week, Pacific Wire reported."
    )
    assert cites(finder, s, day=date(2026, 4, 1)) == [("Pacific Wire", None, True)]


def test_the_following_morning_counts_a_day_on(finder: CitationFinder) -> None:
    s = (
        "Pacific Wire first reported on Friday that the two had agreed terms; Google "
        "confirmed it the following morning."
    )
    assert cites(finder, s) == [
        ("Pacific Wire", FRIDAY, True),
        ("Google", date(2026, 4, 4), False),
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "At Micron's quoted pin rate of 11 Gb/s, a stack moves about 2.8 TB/s.",
            [("Micron", None, False)],
        ),
        (
            "Meta confirmed it is buying Rivos, the designer Bloomberg first named as a "
            "target on Friday.",
            [("Meta", None, False), ("Bloomberg", FRIDAY, False)],
        ),
        (
            # an outlet not in sources.yaml: only the phrasing makes it a credit
            "The Compute Report reported the delay on Friday, and Bloomberg had a source "
            "confirm it a few hours later.",
            [("The Compute Report", FRIDAY, True), ("Bloomberg", FRIDAY, False)],
        ),
    ],
)
def test_more_credit_phrasings(
    finder: CitationFinder, sentence: str, expected: list[tuple[str, date | None, bool]]
) -> None:
    got = cites(finder, sentence)
    assert sorted(got, key=str) == sorted(expected, key=str)


@pytest.mark.parametrize(
    "sentence",
    [
        "Three days after Nvidia wrote China out of its guidance, suppliers are busy.",
        "Huawei showed off its latest version on Friday.",
        "Huawei showed its latest version on Friday, and the reaction was muted.",
        "Google put N4A VMs, running on its Arm-based Axion CPUs, into preview the same day.",
    ],
)
def test_what_a_company_did_is_not_what_it_said(finder: CitationFinder, sentence: str) -> None:
    assert cites(finder, sentence) == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # MONDAY is 2026-04-06
        (
            "Keplerwire got there first, reporting on Friday that the deal was close.",
            [("Keplerwire", date(2026, 4, 3), False)],
        ),
        (
            "Keplerwire's after-the-bell piece has the full scorecard.",
            [("Keplerwire", None, False)],
        ),
        ("Keplerwire had the first full wire story.", [("Keplerwire", None, False)]),
        (
            "Keplerwire called it a hiring deal with a customer list.",
            [("Keplerwire", None, False)],
        ),
        (
            "Keplerwire quotes one analyst putting the deal at $2 billion.",
            [("Keplerwire", None, False)],
        ),
        (
            "That works out to about 4% of the company, as Keplerwire calculated.",
            [("Keplerwire", None, False)],
        ),
        (
            "Keplerwire's Friday write-up had the stock closing 3.9% higher.",
            [("Keplerwire", date(2026, 4, 3), False)],
        ),
        (
            "Keplerwire filled in the details on Friday: the first $10B arrives at signing.",
            [("Keplerwire", date(2026, 4, 3), False)],
        ),
        (
            "In a comparison table shown by Keplerwire, the chip has 96 GB of memory.",
            [("Keplerwire", None, False)],
        ),
        (
            "Vantor is building campuses in Riyadh, and has said it wants more inference work.",
            [("Vantor", None, False)],
        ),
    ],
)
def test_more_credit_phrasings_of_session_six(
    finder: CitationFinder, sentence: str, expected: list[tuple[str, date | None, bool]]
) -> None:
    assert cites(finder, sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        # the SEC is where the filing went, not who speaks
        "The purchase needs approval, according to a filing with the Securities and Exchange "
        "Commission.",
        "Washington took a tenth of the company, and Kepler wrote a $2 billion cheque.",
        "Owning both Vantor and Kepler puts the group in the awkward position of competing.",
    ],
)
def test_not_credits_of_session_six(finder: CitationFinder, sentence: str) -> None:
    assert cites(finder, sentence) == []


def test_the_company_disclosed(finder: CitationFinder) -> None:
    s = "Kepler shares soared 6.8% on Friday after the company disclosed a $16.5bn order."
    assert cites(finder, s, subject="Kepler") == [("Kepler", date(2026, 4, 3), False)]


def test_consensus_estimates_are_not_an_organisation(finder: CitationFinder) -> None:
    s = "Consensus estimates for the company's profit barely moved on Friday."
    assert cites(finder, s) == []


def test_a_described_company_said(finder: CitationFinder) -> None:
    s = "The US chip designer said on Friday that each card carries 768GB of memory."
    assert cites(finder, s, subject="Kepler") == [("Kepler", date(2026, 4, 3), False)]


def test_its_filings_are_the_subjects(finder: CitationFinder) -> None:
    # "its" is the sentence's subject, not the name just before it, even when the subject
    # never speaks elsewhere in the story (so is not among the story's organisations);
    # without "its", the filing is still the company's that was just named
    story = "Ampere said on Tuesday it would join SoftBank."
    orgs = finder.story_orgs(story)
    for sentence, want in [
        ("Halvorsen owns about 32% of Ampere, according to its filings.", "Halvorsen"),
        ("Halvorsen owns about 32% of Ampere, according to the filings.", "Ampere"),
    ]:
        text = sentence + " " + story
        got = finder.find(
            sentence,
            MONDAY,
            "Silicon Ledger",
            subject="Ampere",
            article_text=text,
            story_text=text,
            orgs=orgs,
        )
        assert [(c.cited_outlet, c.cited_date) for c in got] == [(want, None)]


def test_claiming_a_share_is_not_a_credit(finder: CitationFinder) -> None:
    # "claimed 60% of the total" takes a share; "claims:" heads a spec list
    assert cites(
        finder, "Halvorsen has claimed more than 60% of the 2026 total, Reuters reported."
    ) == [("Reuters", None, True)]
    assert cites(finder, "Halvorsen claimed a bigger share of the market, Reuters reported.") == [
        ("Reuters", None, True)
    ]
    got = cites(finder, "Performance claims: more than 4x per chip, the FT reported.")
    assert got == [("Financial Times", None, True)]
    # claiming something is still a credit
    assert [c[0] for c in cites(finder, "Halvorsen claims the chip is 4x faster.")] == ["Halvorsen"]


def test_family_name_first_is_a_person(finder: CitationFinder) -> None:
    # "Liang has told the team" after "chief executive Liang Wenfeng": a person, whose
    # family name comes first, not an organisation called Liang
    story = (
        "DeepSeek delayed R2 after founder and chief executive Liang Wenfeng told staff he "
        "was unhappy. Liang Wenfeng, who founded DeepSeek and runs it as chief executive, "
        "pushed engineers. Liang has told the team he wants a better model, one person said."
    )
    sentence = "Liang has told the team he wants a better model, one person said."
    got = finder.find(sentence, MONDAY, "Silicon Ledger", article_text=story, story_text=story)
    assert "Liang" not in [c.cited_outlet for c in got]


def test_a_name_that_says_he_is_a_person(finder: CitationFinder) -> None:
    # "Son has said he wants ...": a company would be "it"; no employer is given here
    story = (
        "The deal gives Masayoshi Son a team of chip engineers. Son has said he wants "
        "SoftBank to lead in AI, and has spent heavily to get there."
    )
    sentence = "Son has said he wants SoftBank to lead in AI, and has spent heavily to get there."
    got = finder.find(sentence, MONDAY, "Silicon Ledger", article_text=story, story_text=story)
    assert "Son" not in [c.cited_outlet for c in got]
    # ... while a company that "said it" is one
    sentence = "Halvorsen has said it wants to lead in AI."
    got = finder.find(sentence, MONDAY, "Silicon Ledger", article_text=sentence)
    assert [c.cited_outlet for c in got] == ["Halvorsen"]


def test_a_reporting_periods_end_does_not_date_the_credit(finder: CitationFinder) -> None:
    # "the quarter ended April 26" closed a period; Nvidia said it when the story says
    sentence = "Revenue for the quarter ended March 29 rose 30% to $57.4 billion, Nvidia said."
    assert [c[:2] for c in cites(finder, sentence)] == [("Nvidia", None)]
    sentence = "Nvidia said on Friday that revenue for the quarter ended March 29 rose 30%."
    assert [c[:2] for c in cites(finder, sentence)] == [("Nvidia", FRIDAY)]


def test_an_outlets_technical_breakdown_is_a_credit(finder: CitationFinder) -> None:
    # a recommendation names the source as surely as "according to"
    sentence = "The Compute Report's technical breakdown is worth your time."
    assert [c[:2] for c in cites(finder, sentence)] == [("The Compute Report", None)]
    # "earlier" is no such word: "Qualcomm's earlier data center attempts" credit nobody
    assert cites(finder, "Qualcomm's earlier data center attempts went nowhere.") == []


def test_a_companys_regulatory_filing_is_its_credit(finder: CitationFinder) -> None:
    # "Samsung's regulatory filing came first on Monday" is Samsung's word, dated Monday,
    # as "Samsung's filing" is
    for sentence in (
        "Halvorsen's regulatory filing came first on Monday: a 22.8 trillion won contract.",
        "Halvorsen's filing came first on Monday: a 22.8 trillion won contract.",
    ):
        assert [c[:2] for c in cites(finder, sentence)] == [("Halvorsen", MONDAY)]


def test_a_days_piece_by_an_outlet_is_its_credit_of_that_day(finder: CitationFinder) -> None:
    # "Tuesday's CCTV segment" credits CCTV, dated that Tuesday; an event of a company's
    # on a day ("Tuesday's Halvorsen event") is no piece of reporting
    sentence = "That is what made Friday's Pacific Wire report worth reading twice."
    assert [c[:2] for c in cites(finder, sentence)] == [("Pacific Wire", FRIDAY)]
    sentence = "That is what made Friday's CCTV segment worth freezing frame by frame."
    assert [c[:2] for c in cites(finder, sentence)] == [("CCTV", FRIDAY)]
    assert cites(finder, "Friday's Halvorsen event drew a crowd.") == []


def test_the_company_is_the_one_whose_product_opens_the_sentence(
    finder: CitationFinder,
) -> None:
    # in a story about Halvorsen, "the company has said" after "Amazon.com's Graviton
    # chips ..." is Amazon's word ...
    sentence = (
        "Amazon.com's Graviton chips, now in their fifth generation, are used by most of "
        "the top 1,000 customers of Amazon Web Services, the company has said."
    )
    assert [c[0] for c in cites(finder, sentence, subject="Halvorsen")] == ["Amazon"]
    # ... and a sentence that opens on no one's product leaves it to the story's subject
    sentence = "The chips are used by most of the top 1,000 customers, the company has said."
    assert [c[0] for c in cites(finder, sentence, subject="Halvorsen")] == ["Halvorsen"]


def test_people_at_work_are_no_source(finder: CitationFinder) -> None:
    # "X's engineers find and fix bugs" says what they do, not what they told anyone
    sentence = "Every bug Halvorsen's engineers find and fix is one the next customer won't hit."
    assert cites(finder, sentence) == []
    assert cites(finder, "Halvorsen's engineers have run TPU clusters for two years.") == []
    assert [c[0] for c in cites(finder, "Halvorsen's engineers said the chip was fast.")] == [
        "Halvorsen"
    ]


def test_a_speakers_own_words_credit_nobody(finder: CitationFinder) -> None:
    sentence = "“It ends the story that Samsung can't get past Halvorsen's tests,” he said."
    assert cites(finder, sentence) == []
    sentence = '"It ends the story that Samsung cannot pass Halvorsen\'s tests," he said.'
    assert cites(finder, sentence) == []
    # ... while the credit outside the quotation stands
    sentence = "“Demand is strong,” Halvorsen's chief executive said on Friday."
    assert [c[:2] for c in cites(finder, sentence)] == [("Halvorsen", FRIDAY)]


def test_a_credit_closing_a_long_sentence_takes_the_events_day(finder: CitationFinder) -> None:
    # the past event the sentence reports was announced the day it happened, however far
    # from the credit its date sits ...
    sentence = (
        "NEW YORK, April 3 (Pacific Wire) - Halvorsen priced its offering at $44 a share on "
        "Friday, above its marketed range of $36 to $40, raising $1.32 billion, the chipmaker "
        "said in a statement."
    )
    got = [c[:2] for c in cites(finder, sentence, citing="Pacific Wire", subject="Halvorsen")]
    assert got == [("Halvorsen", FRIDAY)]
    # ... but a date that opens the sentence is when it happened, not when it was told
    sentence = (
        "On April 3, officials told the company that the requirement would remain in place "
        "indefinitely, Halvorsen said."
    )
    assert [c[:2] for c in cites(finder, sentence)] == [("Halvorsen", None)]
    # a day counted from the article's is an event's day too: "last night" (Sunday)
    sentence = (
        "The chipmaker priced its IPO at $44 a share last night, comfortably above the "
        "$36-$40 range it had been marketing, Reuters reported."
    )
    assert [c[:2] for c in cites(finder, sentence)] == [("Reuters", MONDAY - timedelta(days=1))]


def test_a_day_earlier_counts_from_the_date_just_given(finder: CitationFinder) -> None:
    # "announced on Friday ..., confirming what X had reported a day earlier": Thursday,
    # not the day before the article (Monday)
    sentence = (
        "Halvorsen announced on Friday that it would take a million TPUs, confirming what "
        "Reuters had reported a day earlier."
    )
    got = dict(c[:2] for c in cites(finder, sentence))
    assert got["Reuters"] == FRIDAY - timedelta(days=1)
    # with no date before it, the day before the article
    got = dict(c[:2] for c in cites(finder, "Reuters had reported it the day before."))
    assert got["Reuters"] == MONDAY - timedelta(days=1)


def test_a_named_report_of_a_known_outlet_is_a_credit_without_a_verb(
    finder: CitationFinder,
) -> None:
    sentence = "That lines up with a thinner Reuters item from Friday saying samples were resent."
    assert [c[:2] for c in cites(finder, sentence)] == [("Reuters", FRIDAY)]
    sentence = "And the Reuters item didn't mention a delay at all."
    assert [c[:2] for c in cites(finder, sentence)] == [("Reuters", None)]
    # a known outlet named without its report or a verb is no credit
    assert cites(finder, "Reuters is a news agency with bureaus in Taipei.") == []


def test_dot_com_names_are_the_company(finder: CitationFinder) -> None:
    # "Amazon.com said" and "Amazon said" are one organisation
    assert [c[0] for c in cites(finder, "Amazon.com said on Friday it would buy more chips.")] == [
        "Amazon"
    ]


def test_a_possessive_day_is_the_events_not_the_credits(finder: CitationFinder) -> None:
    # "Monday's session" dates the trading, not when Pacific Wire wrote about it
    sentence = "As Pacific Wire noted, Halvorsen stock finished Monday's session 3.9% higher."
    assert cites(finder, sentence, day=date(2026, 4, 7)) == [("Pacific Wire", None, True)]
    # a plain day in the credit's clause still dates it
    dated = "As Pacific Wire noted on Monday, Halvorsen stock finished 3.9% higher."
    assert cites(finder, dated, day=date(2026, 4, 7)) == [("Pacific Wire", MONDAY, True)]


def test_a_possessive_day_of_the_source_dates_the_credit(finder: CitationFinder) -> None:
    # "Monday's press call" is when the source spoke, unlike "Monday's session"
    per = "Per Reuters on Monday's press call, the two have worked together for a year."
    assert cites(finder, per, day=date(2026, 4, 7)) == [("Reuters", MONDAY, True)]


# ------------------------------------------------------- phrasings from the citation bank


# MONDAY is 2026-04-06: Sunday is the 5th, Friday the 3rd
_BANK_1 = _rows(
    "ssw",
    [
        # spokespeople and officers speak for their organisation
        ("A Microsoft spokesperson said the company remained on track.", None,
         [("Microsoft", None, False)]),
        ("A spokesperson for Nvidia said on Sunday that it complies with export laws.", None,
         [("Nvidia", date(2026, 4, 5), False)]),
        ("Meta's chief AI officer said that the company would keep releasing models.", None,
         [("Meta", None, False)]),
        ("Oracle co-chief executive Clay Magouyrk said last month that Abilene would grow.",
         None, [("Oracle", None, False)]),
        # passive credits, with the company the article is about
        ("The fundraising was confirmed by the company on Friday.", "xAI",
         [("xAI", FRIDAY, False)]),
        ("The deal was first published by The Information on April 3 and confirmed by Nvidia "
         "a day later.", None,
         [("The Information", date(2026, 4, 3), True), ("Nvidia", date(2026, 4, 4), False)]),
        # a report by a named outlet, dated before the noun
        ("Marvell lost part of the design to Alchip, according to a Dec. 30 report from "
         "Reuters.", None, [("Reuters", date(2025, 12, 30), True)]),
        ("OpenAI will buy the chips, according to both Reuters and the FT.", None,
         [("Reuters", None, True), ("Financial Times", None, True)]),
        # an outlet by its description, never taken for a person
        ("SK Hynix is weighing a US listing, Korean newspaper Maeil Business reported on "
         "Sunday.", None, [("Maeil Business", date(2026, 4, 5), False)]),
        ("Samsung's HBM3E has passed Nvidia's tests, South Korea's Yonhap news agency "
         "reported.", None, [("Yonhap", None, False)]),
        # the subject speaking in a participle, after a dateline
        # (another outlet's copy credits the wire whose dateline it carries)
        ("LAS VEGAS (Pacific Wire) — Nvidia unveiled its platform at CES on Sunday, saying "
         "the chips were in production.", None,
         [("Nvidia", date(2026, 4, 5), False), ("Pacific Wire", None, True)]),
        # a headline's credit line
        ("AMD wins OpenAI order for MI450 racks — The Information", None,
         [("The Information", None, True)]),
        ("Unlike Intel, which said on Friday that it would cut spending, TSMC raised its "
         "budget.", None, [("Intel", FRIDAY, False)]),
        ("Hugging Face data shows the model was downloaded 4 million times.", None,
         [("Hugging Face", None, False)]),
    ],
)  # fmt: skip


@pytest.mark.parametrize(
    "sentence",
    [
        # unnamed sources near "the company" credit nobody
        "Sources close to the company said the launch had slipped to the fourth quarter.",
        # an instruction to customers is an act The Information reports, not a statement
        "Nvidia has told some Chinese customers to halt orders of its H20 accelerator.",
        # the exchange a filing is made with does not speak
        "TSMC said in a filing with the Taiwan Stock Exchange on Friday that it would issue bonds.",
    ],
)
def test_names_that_do_not_speak(finder: CitationFinder, sentence: str) -> None:
    got = {c[0] for c in cites(finder, sentence, subject="Huawei", article_text=sentence)}
    assert not got & {"Huawei", "Taiwan Stock Exchange"}
    if "told" in sentence:
        assert "Nvidia" not in got


def test_a_date_in_what_was_said_or_in_another_report_is_not_the_credit_date(
    finder: CitationFinder,
) -> None:
    # the outage happened on Friday; the statement gives no day
    s = "Amazon said the outage in its US-East-1 region on Friday was caused by a cooling failure."
    assert cites(finder, s) == [("Amazon", None, False)]
    # Friday is the day of the report Huawei answers, not of Huawei's statement
    s = (
        "Huawei said its chips comply with US law, responding to a Reuters report on Friday "
        "that officials had flagged the shipments."
    )
    assert sorted(cites(finder, s), key=str) == [
        ("Huawei", None, False),
        ("Reuters", FRIDAY, True),
    ]
    # a day right after the verb is still the credit's
    s = "Amazon said on Friday that the outage was caused by a cooling failure."
    assert cites(finder, s) == [("Amazon", FRIDAY, False)]
    s = "Intel's yields rose, per a Reuters report from Friday."
    assert cites(finder, s) == [("Reuters", FRIDAY, True)]


_BANK_2 = _rows(
    "sw",
    [
        # unknown outlets whose two-word names could pass for a person's
        ("xAI is adding turbines in Memphis, according to a Friday report by the Commercial "
         "Appeal.", [("Commercial Appeal", FRIDAY, False)]),
        ("OpenAI is looking at sites in India for a campus (via Economic Times).",
         [("Economic Times", None, False)]),
        ("Short interest reached 18% of the float, according to data from S3 Partners.",
         [("S3 Partners", None, False)]),
        ("Tesla ordered the chips, according to a recent report in the Seoul Economic Daily.",
         [("Seoul Economic Daily", None, False)]),
        ("Reuters was the first to report, on Friday, that Nvidia had asked for more output.",
         [("Reuters", FRIDAY, True)]),
        ("Foxconn's chairman said at the annual meeting on Friday that revenue would double.",
         [("Foxconn", FRIDAY, False)]),
        ("Arm will sell server chips to Meta, according to the FT and The Information, which "
         "both reported the talks on Friday.",
         [("Financial Times", FRIDAY, True), ("The Information", FRIDAY, True)]),
        # the participle carries the credit's day
        ("Nvidia pushed back on reports of a delay, saying in a statement late on Friday that "
         "the platform remains on track.", [("Nvidia", FRIDAY, False)]),
        # what was reported, questions, buildings, market moves: no credit
        ("The plan for a fab in Malaysia was first reported by Reuters on Friday.",
         [("Reuters", FRIDAY, True)]),
        ("Will Nvidia's guidance next week justify its valuation?", []),
        ("Meta's data centres in Ohio will draw more power than Chicago by 2030.", []),
        ("AMD shares jumped 24% on Friday, adding tens of billions of dollars to its value.", []),
    ],
)  # fmt: skip


_BANK_3 = _rows(
    "sdw",
    [
        # a credit is never dated after its article: last year's March 18
        ("Nvidia first showed the chip at GTC, saying on March 18 that it would ship in 2026.",
         date(2026, 1, 12), [("Nvidia", date(2025, 3, 18), False)]),
        # a name that lists its fields is one name
        ("Japan's Ministry of Economy, Trade and Industry said on Friday that it would fund "
         "Rapidus.", MONDAY, [("Japan Ministry of Economy, Trade and Industry", FRIDAY, False)]),
        ("TSMC's board approved more spending, the Taipei-based Commercial Times reported on "
         "Friday.", MONDAY, [("Commercial Times", FRIDAY, False)]),
        ("Nvidia is the largest HBM4 buyer, a position first detailed by the Korean outlet "
         "TheElec on Friday.", MONDAY, [("TheElec", FRIDAY, False)]),
        ("Results published by grid operator PJM on Friday show the auction cleared at the cap.",
         MONDAY, [("PJM", FRIDAY, False)]),
        ("Equinix is selling older sites, Data Center Dynamics reported on Friday.", MONDAY,
         [("Data Center Dynamics", FRIDAY, False)]),
        # newsletter brackets
        ("Nvidia–OpenAI deal wobbles (WSJ); Rubin on track (Nvidia, Friday).", MONDAY,
         [("The Wall Street Journal", None, True), ("Nvidia", FRIDAY, False)]),
    ],
)  # fmt: skip


_BANK_4 = _rows(
    "sw",
    [
        # a day counted from another credit's day
        ("Microsoft confirmed on Friday that it would build the campus, the day after "
         "Reuters first reported the plan.",
         [("Microsoft", FRIDAY, False), ("Reuters", date(2026, 4, 2), True)]),
        ("Google said on Friday it would buy the power, a deal Reuters had reported a week "
         "earlier.", [("Google", FRIDAY, False), ("Reuters", date(2026, 3, 27), True)]),
        ("The Information broke the news on Friday, and Reuters followed two days later.",
         [("The Information", FRIDAY, True), ("Reuters", date(2026, 4, 5), True)]),
        # "X and Y both said"
        ("Samsung and SK hynix both said on Friday that they had received US licences.",
         [("Samsung", FRIDAY, False), ("SK hynix", FRIDAY, False)]),
        ("Data from Synergy Research Group show hyperscalers run 1,250 large data centres.",
         [("Synergy Research Group", None, False)]),
        ("Kioxia will expand its Kitakami plant, reported the Nikkan Kogyo Shimbun.",
         [("Nikkan Kogyo Shimbun", None, False)]),
        # a country before a company or outlet is not part of its name
        ("Japan's SoftBank Group said on Friday that it had completed the acquisition.",
         [("SoftBank", FRIDAY, False)]),
        ("Oracle co-CEO Clay Magouyrk told investors that it had signed new contracts.",
         [("Oracle", None, False)]),
        ("CoWoS capacity will remain tight through 2027, TSMC Chairman C.C. Wei told analysts.",
         [("TSMC", None, False)]),
        ("Google's 2026 environmental report, published on Friday, said power use rose 27%.",
         [("Google", FRIDAY, False)]),
        # no credit: a refusal, a future report, results ahead
        ("A spokeswoman for Entergy declined to say how much the plants would cost.", []),
        ("Tokyo Electron forecast on Friday that China would shrink, while Lam Research, its "
         "US rival, reports results next week.", [("Tokyo Electron", FRIDAY, False)]),
        ("Options point to volatility ahead of Marvell's results on Thursday.", []),
    ],
)  # fmt: skip


def test_the_company_confirming_in_a_clause_of_its_own_is_credited_too(
    finder: CitationFinder,
) -> None:
    # a clause of its own after the outlet's credit: both are credited
    s = "Reuters reported the plan on Friday, and the company confirmed it later that day."
    assert sorted(cites(finder, s, subject="Equinix"), key=str) == [
        ("Equinix", FRIDAY, False),
        ("Reuters", FRIDAY, True),
    ]
    # "the company" inside the outlet's own clause is what the outlet said
    s = "Reuters reported on Friday that the company said it would build the campus."
    assert cites(finder, s, subject="Equinix") == [("Reuters", FRIDAY, True)]


_BANK_5 = _rows(
    "sw",
    [
        ("Sales of optical transceivers will top $25 billion in 2027, according to figures "
         "from market research firm LightCounting.", [("LightCounting", None, False)]),
        ("The H100's rental price fell to $2.10 an hour, according to a GPU pricing index "
         "compiled by Silicon Data.", [("Silicon Data", None, False)]),
        ("Researchers from ETH Zurich reported in a paper on Friday that the kernel cut "
         "memory use by 40%.", [("ETH Zurich", FRIDAY, False)]),
        ("At Hot Chips on Friday, Cerebras engineers said the next engine would stack SRAM.",
         [("Cerebras", FRIDAY, False)]),
        ("• Reuters (April 3): Applied Materials in talks to buy a metrology start-up.",
         [("Reuters", FRIDAY, True)]),
        ("Arm boss Rene Haas said half of the compute shipped next year would be Arm-based.",
         [("Arm", None, False)]),
        ("Intel CEO Lip-Bu Tan posted on LinkedIn that the first 18A chips had shipped.",
         [("Intel", None, False)]),
        ("Japan's Nikkei newspaper reported on the 3rd that Kioxia would start production.",
         [("Nikkei Asia", FRIDAY, True)]),
        ("India's Ministry of Electronics and Information Technology said Friday it had "
         "approved four projects.",
         [("India Ministry of Electronics and Information Technology", FRIDAY, False)]),
        ("Cerebras said in an amended filing with the US Securities and Exchange Commission "
         "on Friday that it would price its IPO at $28 to $32.", [("Cerebras", FRIDAY, False)]),
        ("STMicroelectronics trimmed its outlook to about $11.2 billion, blaming weak demand, "
         "and said it would close older lines.", [("STMicroelectronics", None, False)]),
        ("Demand will double from today's level, the International Energy Agency said in its "
         "annual report.", [("International Energy Agency", None, False)]),
        ("Marvell's deal was scaled back, Reuters reported Friday, though Marvell said on its "
         "most recent call that the program was on track.",
         [("Reuters", FRIDAY, True), ("Marvell", None, False)]),
        # an outlet's event is no credit
        ("Speaking at the FT's Future of AI summit, Arm's chief executive said demand was "
         "strong.", [("Arm", None, False)]),
        ("Chief Financial Officer Wendell Huang told the earnings call that revenue would "
         "rise.", []),
    ],
)  # fmt: skip


_BANK_6 = _rows(
    "sw",
    [
        ("According to the Korean daily Chosun Ilbo, Samsung has set up a task force.",
         [("Chosun Ilbo", None, False)]),
        ("Tenstorrent will open a centre in Pangyo, according to a Friday report in South "
         "Korea's Maeil Business Newspaper.", [("Maeil Business Newspaper", FRIDAY, False)]),
        ("Groq served the model at 620 tokens per second, according to benchmark data from "
         "Artificial Analysis.", [("Artificial Analysis", None, False)]),
        ("Lithography exports to China halved, according to figures from Statistics "
         "Netherlands.", [("Statistics Netherlands", None, False)]),
        ("Japan's Fair Trade Commission said it had ordered Broadcom's unit to stop.",
         [("Japan Fair Trade Commission", None, False)]),
        ("AMD CEO Lisa Su, speaking at a summit in San Francisco on Friday, said demand was "
         "running ahead of supply.", [("AMD", FRIDAY, False)]),
        ("Tokyo Electron cut its full-year net profit forecast by 9% on Friday, blaming "
         "slower Chinese purchases.", [("Tokyo Electron", FRIDAY, False)]),
        ("Kioxia's annual securities report shows a provision of ¥40 billion.",
         [("Kioxia", None, False)]),
        ("xAI founder Elon Musk wrote on X on Friday that Colossus 2 would reach a gigawatt.",
         [("xAI", FRIDAY, False)]),
        # no credit
        ("A person close to Tokyo Electron's management said the unit would not contest it.",
         []),
    ],
    subject="Tokyo Electron",
)  # fmt: skip


_BANK_7 = _rows(
    "sdw",
    [
        ("Speaking at GTC on Friday, Nvidia's Jensen Huang said orders would reach $500 "
         "billion.", MONDAY, [("Nvidia", FRIDAY, False)]),
        ("TSMC raised its forecast, chief executive C.C. Wei told analysts on Friday.", MONDAY,
         [("TSMC", FRIDAY, False)]),
        ("TSMC, whose board meets again on May 12, said on Friday it would invest more.", MONDAY,
         [("TSMC", FRIDAY, False)]),
        ("OpenAI denied a report by Reuters that it would sell chips, saying on Friday it had "
         "no such plans.", MONDAY, [("Reuters", None, True), ("OpenAI", FRIDAY, False)]),
        ("Samsung will raise memory prices, according to Yonhap, which first carried the news "
         "on Friday.", MONDAY, [("Yonhap", FRIDAY, False)]),
        ("Microsoft will take over the Texas site, a Business Insider report said.", MONDAY,
         [("Business Insider", None, False)]),
        ("Anthropic said on Friday it would spend $50 billion, confirming a Semafor report.",
         MONDAY, [("Anthropic", FRIDAY, False), ("Semafor", None, False)]),
        ("Samsung's preliminary results, released on Friday, showed profit doubling.", MONDAY,
         [("Samsung", FRIDAY, False)]),
        ("In a statement on Friday, the Netherlands' Ministry of Economic Affairs said it had "
         "taken control of Nexperia.", MONDAY,
         [("Netherlands Ministry of Economic Affairs", FRIDAY, False)]),
        ("Per Reuters, TSMC has told equipment makers to prepare for a fourth fab.", MONDAY,
         [("Reuters", None, True)]),
        # two outlets after one dated report noun share its day; an alias with "and" is one
        ("AMD won the order, according to separate reports published Friday by Reuters and "
         "Nikkei.", MONDAY, [("Reuters", FRIDAY, True), ("Nikkei Asia", FRIDAY, True)]),
        ("Rapidus has a second customer, according to Friday reports from Reuters and WSJ.",
         MONDAY, [("Reuters", FRIDAY, True), ("The Wall Street Journal", FRIDAY, True)]),
        ("Cambricon signed a 300-megawatt lease in Dallas, the data-centre landlord said "
         "on Friday.", MONDAY, [("Cambricon", FRIDAY, False)]),
        ("The Information broke the news on Friday; Reuters matched the story a day later.",
         MONDAY, [("The Information", FRIDAY, True), ("Reuters", date(2026, 4, 4), True)]),
        ("Grok 5 will train on Colossus 2, xAI founder Elon Musk said in a post on X on "
         "Christmas Day.", date(2025, 12, 26), [("xAI", date(2025, 12, 25), False)]),
        ("Per a Friday report in The Compute Report, Alibaba has begun training Qwen4.",
         MONDAY, [("The Compute Report", FRIDAY, True)]),
        ("Mistral's next model will use 600B parameters (via Reuters, Friday).", MONDAY,
         [("Reuters", FRIDAY, True)]),
        ("• Nvidia: said Friday the Groq deal has closed.", MONDAY,
         [("Nvidia", FRIDAY, False)]),
        ("By Epoch AI's count, the largest training run used about 5e26 FLOP.", MONDAY,
         [("Epoch AI", None, False)]),
        ("Alibaba's Qwen team wrote in a blog post on Friday that Qwen3.5 saw 36 trillion "
         "tokens.", MONDAY, [("Alibaba", FRIDAY, False)]),
        ("Intel Foundry chief Naga Chandrasekaran said that 14A risk production would start "
         "in 2027.", MONDAY, [("Intel Foundry", None, False)]),
        ("A preliminary probe found Nvidia had broken the law, the State Administration for "
         "Market Regulation said Friday.", MONDAY,
         [("State Administration for Market Regulation", FRIDAY, False)]),
        ("Chip exports rose 58%, data from the Ministry of Trade, Industry and Energy showed "
         "on Sunday.", MONDAY,
         [("South Korea Ministry of Trade, Industry and Energy", date(2026, 4, 5), False)]),
        ("Reuters first flagged the order on Friday, more than a week before the company "
         "confirmed it.", MONDAY, [("Reuters", FRIDAY, True), ("Cambricon", None, False)]),
        # an event's day just ahead is not the credit's; an instruction is no statement
        ("The rule takes effect on April 9, the Bureau of Industry and Security said in its "
         "notice.", MONDAY, [("Bureau of Industry and Security", None, False)]),
        ("China's Cyberspace Administration has told ByteDance and Alibaba to stop testing "
         "the chip, Reuters reported on Friday.", MONDAY, [("Reuters", FRIDAY, True)]),
    ],
    subject="Cambricon",
)  # fmt: skip


# bank 7, read in session 12
_BANK_8 = _rows(
    "sdw",
    [
        # an officer whose company goes unnamed speaks for the story's company; a head of
        # state does not
        ("Chief executive Chen Tianshi told investors that capacity for 2027 was committed.",
         MONDAY, [("Cambricon", None, False)]),
        ("The cloud business has grown fast, chief executive Chen Tianshi said on Friday.",
         MONDAY, [("Cambricon", FRIDAY, False)]),
        ("Chairman Chen Tianshi said demand for accelerators remained very strong.", MONDAY,
         [("Cambricon", None, False)]),
        # a chairman's company, but not a president's: Donald Trump speaks for the White
        # House (session 16), never for the story's company
        ("President Donald Trump said the tariffs would stay.", MONDAY,
         [("White House", None, False)]),
        # a rate is no credit
        ("The chip serves 6,688 tokens per second per NPU, according to Reuters.", MONDAY,
         [("Reuters", None, True)]),
        # (validation story) nor a count per product: "per" after a figure
        ("Specs: 3nm at TSMC, 144 chips per UltraServer, and AWS claims 4.4x the compute.",
         MONDAY, [("Amazon", None, False)]),
        ("The count rose to 10, per Reuters.", MONDAY, [("Reuters", None, True)]),
        ("Buyers were told to expect samples in July, according to a notice Nvidia sent to "
         "distributors on Friday.", MONDAY, [("Nvidia", FRIDAY, False)]),
        ("The Information was the first outlet to publish the block diagram, on Friday.",
         MONDAY, [("The Information", FRIDAY, True)]),
        # bank 8
        ("Meta may rent TPUs through Google Cloud next year, h/t The Information.", MONDAY,
         [("The Information", None, True)]),
        ("Huawei declined to comment to the Financial Times about the reports.", MONDAY, []),
        ("xAI alleged in a lawsuit filed on Friday that an engineer took trade secrets.",
         MONDAY, [("xAI", FRIDAY, False)]),
        ("The backlog jumped, the company said on Friday, and Reuters reported on Saturday "
         "that one contract made up most of it.", MONDAY,
         [("Cambricon", FRIDAY, False), ("Reuters", date(2026, 4, 4), True)]),
        ("SK hynix said on Monday that pricing was not final, pushing back against a Reuters "
         "report from Friday.", MONDAY, [("SK hynix", MONDAY, False), ("Reuters", FRIDAY, True)]),
        ("Revenue doubled, according to figures the company published on Friday.", MONDAY,
         [("Cambricon", FRIDAY, False)]),
        ("Revenue rose 26%, according to the company's monthly sales report released on "
         "Friday.", MONDAY, [("Cambricon", FRIDAY, False)]),
        ("• Reuters (Apr 2) / The Information (Apr 3): Samsung is raising HBM prices.", MONDAY,
         [("Reuters", date(2026, 4, 2), True), ("The Information", FRIDAY, True)]),
        ("Bloomberg, citing a Reuters report from Friday, said on Monday that output would "
         "double.", MONDAY, [("Bloomberg", MONDAY, False), ("Reuters", FRIDAY, True)]),
        # bank 9: well-known executives speak for their companies; "responded" only with
        # what was said
        ("At GTC on Friday, Jensen Huang said Rubin would ship in the second half.", MONDAY,
         [("Nvidia", FRIDAY, False)]),
        ("Nvidia responded in a post on X on Friday that it was a generation ahead.", MONDAY,
         [("Nvidia", FRIDAY, False)]),
        ("Neither Intel nor Nvidia responded to requests for comment on Friday.", MONDAY, []),
        ("ASML cautioned on Friday that sales to China would fall sharply.", MONDAY,
         [("ASML", FRIDAY, False)]),
        ("Intel denied a Reuters report that it had approached TSMC.", MONDAY,
         [("Intel", None, False), ("Reuters", None, True)]),
        ("Cambricon raised $500 million, the start-up said, confirming an earlier report by "
         "Reuters.", MONDAY, [("Cambricon", None, False), ("Reuters", None, True)]),
        ("Intel said it would take a $1.8 billion charge, according to a regulatory filing on "
         "Friday.", MONDAY, [("Intel", FRIDAY, False)]),
        # bank 10
        ("“Demand is strong,” Chief Financial Officer Colette Kress told analysts.", MONDAY,
         [("Nvidia", None, False)]),
        ("“It is transformative,” AMD executive vice president Forrest Norrod said.", MONDAY,
         [("AMD", None, False)]),
        ("Revenue rose 20.4%, according to figures the chipmaker posted on Friday.", MONDAY,
         [("Cambricon", FRIDAY, False)]),
        ("Capacity reached 31 gigawatts, according to a report dated April 2 from real-estate "
         "firm CBRE.", MONDAY, [("CBRE", date(2026, 4, 2), False)]),
        ("DRAM prices jumped 45%, according to market tracker DRAMeXchange.", MONDAY,
         [("DRAMeXchange", None, False)]),
        ("Cadence said it would buy a start-up, in a statement published alongside its quarterly "
         "report on Friday.", MONDAY, [("Cadence", FRIDAY, False)]),
        ("Vacancy rates in northern Virginia fell below 1%.", MONDAY, []),
        ("Britain's Competition and Markets Authority said on Friday it had opened a review.",
         MONDAY, [("Competition and Markets Authority", FRIDAY, False)]),
        # bank 11
        ("SK hynix CFO Kim Woo-hyun said on a call on Friday that HBM had sold out.", MONDAY,
         [("SK hynix", FRIDAY, False)]),
        ("Samsung passed the tests, according to a report by local outlet Hankyung on Friday.",
         MONDAY, [("Hankyung", FRIDAY, False)]),
        ("As first spotted by VideoCardz, a shipping manifest lists an MI450 sample.", MONDAY,
         [("VideoCardz", None, False)]),
        ("Ironwood uses a 3-nanometre process, according to teardown firm TechInsights.",
         MONDAY, [("TechInsights", None, False)]),
        ("OpenAI disputed the figure on Friday in a blog post.", MONDAY,
         [("OpenAI", FRIDAY, False)]),
        ("TSMC yesterday said its Arizona fab had begun producing 4-nanometre wafers.", MONDAY,
         [("TSMC", date(2026, 4, 5), False)]),
        ("The Cyberspace Administration of China told companies including ByteDance and "
         "Alibaba to stop testing the chip, Reuters reported on Friday.", MONDAY,
         [("Reuters", FRIDAY, True)]),
    ],
    subject="Cambricon",
)  # fmt: skip


_BANK_9 = _rows(
    "sdw",
    [
        # an official of a body speaks for it; nobody's words in "neither ... nor", "said
        # little" or a promotion
        ("A White House official confirmed the arrangement to reporters on Friday.", MONDAY,
         [("White House", FRIDAY, False)]),
        ("Neither Oracle nor OpenAI has confirmed the figure.", MONDAY, []),
        ("Huawei has said little in public about its production volumes.", MONDAY, []),
        ("Read our full breakdown of Nvidia's guidance.", MONDAY, []),
        # statements, joint or separate, from a list of organisations: each of them
        ("The site has reached 1.2 gigawatts, according to separate statements from OpenAI, "
         "Oracle and Crusoe.", MONDAY,
         [("OpenAI", None, False), ("Oracle", None, False), ("Crusoe", None, False)]),
        ("The cluster is live, according to a joint statement from OpenAI and Oracle.", MONDAY,
         [("OpenAI", None, False), ("Oracle", None, False)]),
        ("OpenAI, Oracle and SoftBank said on Friday the first site is live.", MONDAY,
         [("OpenAI", FRIDAY, False), ("Oracle", FRIDAY, False), ("SoftBank", FRIDAY, False)]),
        # a list that starts what was said is not credited
        ("According to Oracle, Nvidia and AMD will supply the chips.", MONDAY,
         [("Oracle", None, False)]),
        # "the commission said": the commission the sentence names
        ("The Louisiana Public Service Commission approved three gas plants for the site, the "
         "commission said on Friday.", MONDAY,
         [("Louisiana Public Service Commission", FRIDAY, False)]),
        ("China's Ministry of Commerce added 12 firms to its export list, the ministry said.",
         MONDAY, [("China Ministry of Commerce", None, False)]),
        # "according to commission staff": the commission the sentence names; no body named,
        # nobody credited
        ("Oregon's Public Utility Commission has about 11 GW of requests in its queue, "
         "according to commission staff.", MONDAY,
         [("Oregon Public Utility Commission", None, False)]),
        ("The queue holds about 11 GW of requests, according to agency documents.", MONDAY, []),
        # the day a measure starts is not the credit's; a report's own day is
        ("TSMC will halt shipments of advanced chips to Chinese customers from Friday, the "
         "Financial Times reported.", MONDAY, [("Financial Times", None, True)]),
        ("Broadcom's third customer is OpenAI, per a Semafor scoop from Friday.",
         MONDAY, [("Semafor", FRIDAY, False)]),
        # an acronym or a Chinese name between a name and its verb
        ("The Tennessee Valley Authority (TVA) said on Friday the substation will be ready "
         "in August.", MONDAY, [("Tennessee Valley Authority", FRIDAY, False)]),
        ("TSMC Chairman C.C. Wei (魏哲家) told an investor conference that demand remained "
         "very strong.", MONDAY, [("TSMC", None, False)]),
        ("Nvidia-OpenAI deal wobbles (WSJ); Rubin on track (Nvidia, Friday).", MONDAY,
         [("The Wall Street Journal", None, True), ("Nvidia", FRIDAY, False)]),
        # more report verbs and forms
        ("Huawei will ship the chip in October, Semafor reported, echoing an earlier report "
         "by Chinese outlet LatePost.", MONDAY,
         [("Semafor", None, False), ("LatePost", None, False)]),
        ("The figures, first published by TrendForce, were later echoed by Counterpoint "
         "Research.", MONDAY, [("TrendForce", None, False), ("Counterpoint Research", None, False)]),
        ("Training compute grows 4x a year, and a recent RAND report argues that power will cap "
         "the largest runs.", MONDAY, [("RAND", None, False)]),
        ("It is a figure that both SemiAnalysis and Bernstein have argued understates the cost.",
         MONDAY, [("SemiAnalysis", None, False), ("Bernstein", None, False)]),
        ("Lawrence Berkeley National Laboratory reckons data centres could use 12 percent of US "
         "power by 2028.", MONDAY, [("Lawrence Berkeley National Laboratory", None, False)]),
        ("Intel has cancelled Falcon Shores, interim co-CEO Michelle Johnston Holthaus said on "
         "the earnings call.", MONDAY, [("Intel", None, False)]),
        # a research note is the firm's publication; an analyst's estimate alone is not
        ("HSBC analysts estimated in a note on Friday that a GB200 could sell for $70,000.",
         MONDAY, [("HSBC", FRIDAY, False)]),
        ("Goldman Sachs analysts wrote in a note that supply remained the constraint.", MONDAY,
         [("Goldman Sachs", None, False)]),
        ("Per a note from Bernstein, hyperscaler capex is on track to exceed $350 billion.",
         MONDAY, [("Bernstein", None, False)]),
        ("Analysts at Halyard estimate that each gigawatt is worth $10bn to $15bn of hardware.",
         MONDAY, []),
        # bank 14: "each said", a consultancy's estimates, "which forecast", "countered",
        # an opening "Between", and a filing with unnamed regulators
        ("Alphabet, Microsoft and Meta each said on Friday that they would spend more.",
         MONDAY, [("Alphabet", FRIDAY, False), ("Microsoft", FRIDAY, False),
                  ("Meta", FRIDAY, False)]),
        ("Microsoft bought about 485,000 Hopper chips, according to estimates from technology "
         "consultancy Omdia.", MONDAY, [("Omdia", None, False)]),
        ("TrendForce expects prices to slip, a view at odds with Omdia, which forecast in a note "
         "that prices would rise.", MONDAY, [("TrendForce", None, False), ("Omdia", None, False)]),
        ("AMD CEO Lisa Su countered in her own keynote with the MI455X.", MONDAY,
         [("AMD", None, False)]),
        ("Between Microsoft's guidance on Friday for more capex and Amazon's backlog, the "
         "message was clear.", MONDAY, [("Microsoft", FRIDAY, False)]),
        ("Dominion Energy said in a filing with Virginia regulators on Friday that contracted "
         "capacity rose to 47 gigawatts.", MONDAY, [("Dominion Energy", FRIDAY, False)]),
        # bank 15: who issued or filed a document, "so says X", inverted "Says X:", a body's
        # mixed-case acronym, an official later confirming, "which on Friday forecast"
        ("The unit will make display driver chips, according to an official statement issued "
         "by the Press Information Bureau (PIB) on Friday.", MONDAY,
         [("Press Information Bureau", FRIDAY, False)]),
        ("According to a complaint Applied Materials filed in federal court on Friday, a former "
         "engineer downloaded thousands of files.", MONDAY, [("Applied Materials", FRIDAY, False)]),
        ("Says Intel, in its first-quarter earnings presentation: 18A remains on track.", MONDAY,
         [("Intel", None, False)]),
        ("India's Ministry of Electronics and Information Technology (MeitY) said on Friday that "
         "the fab remained on course.", MONDAY,
         [("India Ministry of Electronics and Information Technology", FRIDAY, False)]),
        ("Meta is testing its first training chip, and a Meta spokesperson later confirmed the "
         "test.", MONDAY, [("Meta", None, False)]),
        ("Hardware will swallow most of the budget - so says Gartner, which on Friday forecast "
         "that spending will reach $644 billion.", MONDAY, [("Gartner", FRIDAY, False)]),
        ("Oracle's backlog could top half a trillion dollars (Semafor, Apr. 3).", MONDAY,
         [("Semafor", FRIDAY, False)]),
        # legal forms and titles: the company; a date the credit reports is not its own
        ("Samsung Electronics Co. said on Friday it will start supplying HBM3E.", MONDAY,
         [("Samsung", FRIDAY, False)]),
        ("Microsoft Vice Chair Brad Smith wrote in a blog post on Friday that the company would "
         "spend $80 billion.", MONDAY, [("Microsoft", FRIDAY, False)]),
        ("SK Hynix will begin mass production of HBM4 on Oct. 1, according to the Maeil "
         "Business Newspaper.", MONDAY, [("Maeil Business Newspaper", None, False)]),
        ("Alibaba's shares climbed 3.4% on Friday, according to Semafor's report that day.",
         MONDAY, [("Semafor", FRIDAY, False)]),
        ("Details of the deal were disclosed in Samsung Electronics' quarterly report on Friday.",
         MONDAY, [("Samsung", FRIDAY, False)]),
        # not credits: anonymous people at a company, a country's official
        ("OpenAI has begun renting TPUs, though people at Google told The Register that the "
         "newest chips are not on offer.", MONDAY, []),
        ("Nvidia and AMD will pay 15% of revenue to the government, a U.S. official said.",
         MONDAY, []),
        # an opening document phrase: the organisation right after it issued it
        ("In a statement, Nvidia called DeepSeek an excellent AI advancement.", MONDAY,
         [("Nvidia", None, False)]),
    ],
    subject="Cambricon",
)  # fmt: skip


_BANK_10 = _rows(
    "sdw",
    [
        # names: "AWS" is Amazon, "the Justice Department" the US one; an executive's
        # surname alone speaks for the company the sentence names
        ("AWS said on Friday that Trainium3 racks were shipping.", MONDAY,
         [("Amazon", FRIDAY, False)]),
        ("Two engineers were charged with smuggling GPUs, the Justice Department said on "
         "Friday.", MONDAY, [("US Justice Department", FRIDAY, False)]),
        ("“Demand is off the charts,” Huang said on Friday, after Nvidia reported record "
         "sales.", MONDAY, [("Nvidia", FRIDAY, False)]),
        ("The Dutch government said on Friday it would widen licence rules for immersion "
         "tools.", MONDAY, [("Dutch government", FRIDAY, False)]),
        ("Nikkei Asia, DigiTimes and Taiwan's Central News Agency (CNA) all reported on Friday "
         "that the fab would open early.", MONDAY,
         [("Nikkei Asia", FRIDAY, True), ("DigiTimes", FRIDAY, False),
          ("Central News Agency", FRIDAY, False)]),
        # phrasings: "has since said", documents an outlet reviewed, an interview's outlet,
        # a fact sheet, figures presented, researchers describing, a model's report
        ("Reuters reported the delay on Friday, and Halvorsen has since said only that volume "
         "shipments begin in the autumn.", MONDAY,
         [("Reuters", FRIDAY, True), ("Halvorsen", None, False)]),
        ("Halvorsen sued its former supplier on Friday, according to court records reviewed by "
         "Law360.", MONDAY, [("Law360", None, False)]),
        ("In an interview with CNBC aired on Friday, Nvidia chief executive Jensen Huang said "
         "demand was strong.", MONDAY, [("CNBC", FRIDAY, False), ("Nvidia", FRIDAY, False)]),
        ("Per a White House fact sheet published on Friday, the levy applies to both "
         "chipmakers.", MONDAY, [("White House", FRIDAY, False)]),
        ("The accelerator trains models 40% faster, according to figures Halvorsen presented "
         "at its developer day on Friday.", MONDAY, [("Halvorsen", FRIDAY, False)]),
        ("In a paper released on Friday, DeepSeek researchers described a sparse attention "
         "kernel.", MONDAY, [("DeepSeek", FRIDAY, False)]),
        ("DeepSeek's V3 technical report says the run took 2.8 million GPU hours.", MONDAY,
         [("DeepSeek", None, False)]),
        ("Google unveiled Ironwood, its seventh-generation TPU, at Cloud Next on Friday, "
         "saying a pod links 9,216 chips.", MONDAY, [("Google", FRIDAY, False)]),
        ("Halvorsen on Friday kept its full-year revenue forecast unchanged.", MONDAY,
         [("Halvorsen", FRIDAY, False)]),
        ("Samsung signed a supply letter with OpenAI on Friday, with OpenAI saying demand could "
         "reach 900,000 wafers a month.", MONDAY, [("OpenAI", FRIDAY, False)]),
        ("Halvorsen's demos went viral, with the start-up claiming on its website that it "
         "serves 300 tokens a second.", MONDAY, [("Halvorsen", None, False)]),
        # dates: a colon inside a word ends no clause; a bracketed source and a credit
        # inside a noun phrase ("a deal X said was worth") take no day from beside them
        ("Amazon said at re:Invent on Friday that its cluster had doubled.", MONDAY,
         [("Amazon", FRIDAY, False)]),
        ("Halvorsen traced the crashes to a firmware bug, the company said in a forum post on "
         "Friday (h/t The Compute Report).", MONDAY,
         [("Halvorsen", FRIDAY, False), ("The Compute Report", None, True)]),
        ("Halvorsen has started risk production of its 2nm die (source: Commercial Times).",
         MONDAY, [("Commercial Times", None, False)]),
        ("Halvorsen will license its designs to Nvidia, Halvorsen said in a blog post on "
         "Friday, in a deal The Compute Report said was worth $20 billion.", MONDAY,
         [("Halvorsen", FRIDAY, False), ("The Compute Report", None, True)]),
        # not a credit: a rumour about a name
        ("Halvorsen's next part is reportedly running late, with tape-out at TSMC said to be "
         "weeks away.", MONDAY, []),
    ],
    subject="Halvorsen",
)  # fmt: skip


_BANK_11 = _rows(
    "sdw",
    [
        # officials and offices: a secretary, a spokesperson named after the body, officials
        # of or from it, a department's officials; US departments under one name each
        ("US Commerce Secretary Howard Lutnick said on Friday that the stake was final.",
         MONDAY, [("US Commerce Department", FRIDAY, False)]),
        ("The Treasury Department said on Friday it had finalised the investment rules.",
         MONDAY, [("US Treasury Department", FRIDAY, False)]),
        ("Ministry of Commerce spokesperson He Yadong said on Friday that exemptions would be "
         "granted.", MONDAY, [("Ministry of Commerce", FRIDAY, False)]),
        ("Officials from the National Development and Reform Commission told a briefing on "
         "Friday that construction would be curbed.", MONDAY,
         [("National Development and Reform Commission", FRIDAY, False)]),
        ("Commerce Department officials said Friday the rules would close loopholes.", MONDAY,
         [("US Commerce Department", FRIDAY, False)]),
        # people: "a Google engineer", "head of memory", analysts led by someone writing in a
        # note, a research note by name
        ("Norm Jouppi, a Google engineer who led the TPU program, said on Friday that Ironwood "
         "was shipping.", MONDAY, [("Google", FRIDAY, False)]),
        ("Halvorsen's head of memory told Reuters on Friday that HBM4 samples had shipped.",
         MONDAY, [("Halvorsen", FRIDAY, False), ("Reuters", FRIDAY, True)]),
        ("Bernstein analysts led by Stacy Rasgon wrote in a note to clients on Friday that the "
         "charge was expected.", MONDAY, [("Bernstein", FRIDAY, False)]),
        ("Memory prices could climb another 30%, according to a Morgan Stanley research note "
         "published Friday.", MONDAY, [("Morgan Stanley", FRIDAY, False)]),
        # outlets: an interview's outlet, a state broadcaster
        ("Huawei founder Ren Zhengfei told the People's Daily in an interview that the chips "
         "lag by a generation.", MONDAY, [("Huawei", None, False), ("People's Daily", None, False)]),
        ("Huawei's cluster has entered service in Guizhou, according to state broadcaster "
         "CCTV.", MONDAY, [("CCTV", None, False)]),
        # the company by its description, "they said" with both companies named, "claiming"
        ("TAIPEI (Reuters) - The world's largest contract chipmaker said on Friday it expected "
         "revenue to rise.", MONDAY, [("Reuters", None, True), ("Halvorsen", FRIDAY, False)]),
        ("Nvidia will invest in Halvorsen and the two companies will co-develop chips, they said "
         "on Friday.", MONDAY, [("Halvorsen", FRIDAY, False), ("Nvidia", FRIDAY, False)]),
        ("Nvidia unveiled its B200 GPU at GTC on Friday, claiming 30 times the inference "
         "speed.", MONDAY, [("Nvidia", FRIDAY, False)]),
        # not credits: a market move "added to" its gains, a name added to a list, a test a
        # chip must pass, a model's release
        ("Halvorsen's stock closed up 24% on Friday and added to those gains on Monday.", MONDAY,
         []),
        ("The Ministry of Industry and Information Technology has added Huawei and Cambricon processors to a procurement list, according "
         "to a Reuters report on Friday.", MONDAY, [("Reuters", FRIDAY, True)]),
        ("Halvorsen's memory chips have yet to pass Nvidia's tests, three people briefed on the "
         "matter said.", MONDAY, []),
        ("Anthropic's chief executive argued in an essay on Friday that export controls matter "
         "more after DeepSeek's release.", MONDAY, [("Anthropic", FRIDAY, False)]),

        # (more from bank 13, read again) a note by analysts opening the sentence, a document
        # before the verb, participles, a ministry by its brief, a company's annual report
        ("Analysts at Morgan Stanley wrote in a research note on Friday that shipments could "
         "surprise.", MONDAY, [("Morgan Stanley", FRIDAY, False)]),
        ("Goldman Sachs, in a report released Friday, raised its estimate for SK hynix.", MONDAY,
         [("Goldman Sachs", FRIDAY, False)]),
        ("Halvorsen has filed for an IPO, revealing in its S-1 that one customer accounted for "
         "87 percent of revenue.", MONDAY, [("Halvorsen", None, False)]),
        ("Nvidia blasted the rule in a blog post on Friday, calling it a regulatory morass.",
         MONDAY, [("Nvidia", FRIDAY, False)]),
        ("China's foreign ministry said on Friday that it firmly opposes the curbs.", MONDAY,
         [("China foreign ministry", FRIDAY, False)]),
        ("According to its annual report filed on Friday, Nvidia counted two customers above "
         "10% of revenue.", MONDAY, [("Nvidia", FRIDAY, False)]),
        # two credits: a quotation's comma before "while" parts them; a later confirmation
        # and another credit's filing take no day from what comes before
        ('In a statement, Nvidia called DeepSeek "an excellent advance," while Microsoft chief '
         "executive Satya Nadella wrote on Friday that demand would grow.", MONDAY,
         [("Nvidia", None, False), ("Microsoft", FRIDAY, False)]),
        ("Halvorsen disclosed the order in a filing on Friday, which Tesla CEO Elon Musk later "
         "confirmed was his company's.", MONDAY,
         [("Halvorsen", FRIDAY, False), ("Tesla", None, False)]),
        ("According to Maeil Business Newspaper, SK hynix will spend 20 trillion won on the fab, "
         "a figure SK hynix confirmed in a regulatory filing on Friday.", MONDAY,
         [("Maeil Business Newspaper", None, False), ("SK hynix", FRIDAY, False)]),

        # (banks 9 and 11, read again) a day of the month alone, also "on the evening of";
        # a company spokesperson by name; a slide the company showed; an outlet's leak and its
        # adjective-led piece; a shout-out; an analyst's note by name; a spokesperson disputing
        ("Halvorsen's revenue hit a record, company spokesperson James Wu said at an investor "
         "conference on the 3rd.", MONDAY, [("Halvorsen", FRIDAY, False)]),
        ("Halvorsen's April revenue rose 150%, the company announced on the evening of the 3rd.",
         MONDAY, [("Halvorsen", FRIDAY, False)]),
        ("According to the Ministry of Trade, Industry and Energy on the 3rd, chip exports hit a "
         "record.", MONDAY,
         [("South Korea Ministry of Trade, Industry and Energy", FRIDAY, False)]),
        ("Halvorsen's yields have passed 70%, according to a slide the company showed at a "
         "conference earlier this month.", MONDAY, [("Halvorsen", None, False)]),
        ("AMD confirmed the MI500 on Friday, after Wccftech's leak of the road map.", MONDAY,
         [("AMD", FRIDAY, False), ("Wccftech", FRIDAY, False)]),
        ("SemiAccurate's paywalled piece claims Broadcom's fourth customer is xAI.", MONDAY,
         [("SemiAccurate", None, False)]),
        ("Halvorsen's HBM4 hits 11 Gbps, the company said on Friday, and shoutout to "
         "ServeTheHome for flagging the footnote.", MONDAY,
         [("Halvorsen", FRIDAY, False), ("ServeTheHome", None, False)]),
        ("Bernstein analyst Stacy Rasgon wrote in a note Friday that the outlook resets the "
         "bar.", MONDAY, [("Bernstein", FRIDAY, False)]),
        ("Morgan Stanley analysts pegged the allocation at about 595,000 wafers, roughly 60% of "
         "the total, in a note dated April 3.", MONDAY, [("Morgan Stanley", FRIDAY, False)]),
        ("The budget comes via The Information; an OpenAI spokesperson disputed the figure on "
         "Friday.", MONDAY, [("The Information", None, True), ("OpenAI", FRIDAY, False)]),
        # someone speaking to an outlet credits both; "has repeatedly said"; "though" parts a
        # second clause; the cooling supplier; an appositive's credit takes its own day
        ("The Commerce Department is finalising the terms, a department spokesperson told "
         "Semafor on Friday.", MONDAY,
         [("US Commerce Department", FRIDAY, False), ("Semafor", FRIDAY, False)]),
        ("Infineon expects AI power revenue to double, chief executive Jochen Hanebeck told "
         "Handelsblatt.", MONDAY, [("Infineon", None, False), ("Handelsblatt", None, False)]),
        ("Nvidia has repeatedly said its chips have no backdoors.", MONDAY,
         [("Nvidia", None, False)]),
        ("SK hynix is weighing a US listing, Korea Economic Daily reported on Friday, though the "
         "company said in a disclosure the same day that nothing had been decided.", MONDAY,
         [("Korea Economic Daily", FRIDAY, False), ("SK hynix", FRIDAY, False)]),
        ("Halvorsen's backlog reached $9.5 billion, the cooling supplier said.", MONDAY,
         [("Halvorsen", None, False)]),
        ("Arm is developing its own server chip, the FT reported, a plan Arm confirmed on Friday "
         "in its letter to shareholders.", MONDAY,
         [("Financial Times", None, True), ("Arm", FRIDAY, False)]),

        # (bank 15, read again) "the three companies said": every party named before it;
        # an inverted credit with its note; "presented by"; a company's verb in an
        # appositive after another credit; "a day after short seller X"; a vice-president
        ("Microsoft and Halvorsen will invest in Anthropic, which will buy Azure capacity, the "
         "three companies said on Friday.", MONDAY,
         [("Microsoft", FRIDAY, False), ("Halvorsen", FRIDAY, False), ("Anthropic", FRIDAY, False)]),
        ("Rubin CPX is a bet that prefill deserves its own silicon, argues SemiAnalysis in a note "
         "published Friday.", MONDAY, [("SemiAnalysis", FRIDAY, False)]),
        ("A paper presented by TSMC at ISSCC in February describes a denser SRAM macro.", MONDAY,
         [("TSMC", None, False)]),
        ("Halvorsen will phase out its 6-inch lines, according to an Economic Daily News report on "
         "Friday, a plan the company later confirmed in a statement.", MONDAY,
         [("Economic Daily News", FRIDAY, False), ("Halvorsen", None, False)]),
        ("Halvorsen said on Monday it would delay its annual report, a day after short seller "
         "Hindenburg disclosed a position.", MONDAY,
         [("Halvorsen", MONDAY, False), ("Hindenburg", date(2026, 4, 5), False)]),
        ("Halvorsen is adding a test line in Gujarat, the company's senior vice-president of "
         "global operations said.", MONDAY, [("Halvorsen", None, False)]),
        # ... but a document phrase in an appositive is the nearer name's
        ("China's Cyberspace Administration said on Friday it had summoned Nvidia, a claim "
         "Nvidia rejected in a statement on Saturday.", MONDAY,
         [("Cyberspace Administration of China", FRIDAY, False),
          ("Nvidia", date(2026, 4, 4), False)]),

        # (bank 18, read) an opening research note; a vice chairman; a company named with a
        # lowercase word before its officer; a state-run daily told; a ranking's name; the
        # asset manager; an inverted "said X, which"; dates a confirmation or "as first
        # spotted by" keep to themselves
        ("In a research note dated April 3, Morgan Stanley lifted its price target on "
         "Halvorsen.", MONDAY, [("Morgan Stanley", FRIDAY, False)]),
        ("Samsung Vice Chairman Jun Young-hyun said on Friday that the company had caused "
         "concern.", MONDAY, [("Samsung", FRIDAY, False)]),
        ("SK hynix Chief Financial Officer Kim Woo-hyun said on Friday that volumes were "
         "largely set.", MONDAY, [("SK hynix", FRIDAY, False)]),
        ("Huawei founder Ren Zhengfei told the state-run People's Daily that the chips lag a "
         "generation.", MONDAY, [("Huawei", None, False), ("People's Daily", None, False)]),
        ("El Capitan hit 1.742 exaflops (according to the Top500 list released Friday).", MONDAY,
         [("Top500", FRIDAY, False)]),
        ("Halvorsen will invest €20bn in French data centres, the Canadian asset manager said "
         "on Friday.", MONDAY, [("Halvorsen", FRIDAY, False)]),
        ("The cuts will affect 15% of the workforce, said Halvorsen, which also suspended its "
         "dividend.", MONDAY, [("Halvorsen", None, False)]),
        ("Halvorsen confirmed on Friday a report by Handelsblatt that it was planning a "
         "data centre.", MONDAY,
         [("Halvorsen", FRIDAY, False), ("Handelsblatt", None, False)]),
        ("Nvidia disclosed stakes in Arm and SoundHound in a filing on Friday, as first spotted "
         "by CNBC.", MONDAY, [("Nvidia", FRIDAY, False), ("CNBC", None, False)]),
        # not credits: people involved in something, a number of people
        ("OpenAI has started renting TPUs, a person involved in the arrangement said.", MONDAY,
         []),
        ("Two people familiar with the matter told Reuters that shipments begin in May, adding "
         "that some have shipped.", MONDAY, [("Reuters", None, True)]),

        # (bank 19, read) descriptors before a name; "SK Group" keeps its "Group"; an S-1;
        # preliminary figures; a which-clause that dates the credit; an inverted "said X"
        # after a quotation; "noted in its"; a press secretary; an employer with a digit;
        # "confirmed to" an outlet; a note's day inside its description
        ("TSMC will take 2nm orders in April, the Chinese-language Commercial Times reported "
         "on Friday.", MONDAY, [("Commercial Times", FRIDAY, False)]),
        ("Nvidia-backed CoreWeave said on Friday it would buy Core Scientific.", MONDAY,
         [("CoreWeave", FRIDAY, False)]),
        ("SK Group chairman Chey Tae-won said on Friday that HBM4 supply would be pulled "
         "forward.", MONDAY, [("SK Group", FRIDAY, False)]),
        ("CoreWeave's S-1 filing shows Microsoft accounted for 62% of its revenue.", MONDAY,
         [("CoreWeave", None, False)]),
        ("Gartner's preliminary figures show Nvidia became the largest chip vendor.", MONDAY,
         [("Gartner", None, False)]),
        ("Microsoft has walked away from some leases, according to TD Cowen, which first flagged "
         "the cancellations in a note on Friday.", MONDAY, [("TD Cowen", FRIDAY, False)]),
        ('"GB300 systems ship in the third quarter," said Nvidia on Friday, as its keynote wrapped '
         "up.", MONDAY, [("Nvidia", FRIDAY, False)]),
        ("As Morgan Stanley noted in its latest CoWoS tracker, capacity should reach 70,000 "
         "wafers a month.", MONDAY, [("Morgan Stanley", None, False)]),
        ("Nvidia and AMD will hand over 15% of revenue, White House press secretary Karoline "
         "Leavitt confirmed on Friday.", MONDAY, [("White House", FRIDAY, False)]),
        ("G42 chief executive Peng Xiao told Bloomberg in an interview on Friday that the company "
         "would divest.", MONDAY, [("G42", FRIDAY, False), ("Bloomberg", FRIDAY, False)]),
        ("Halvorsen confirmed to Yonhap News Agency on Friday that its chips were still in "
         "testing.", MONDAY,
         [("Halvorsen", FRIDAY, False), ("Yonhap", FRIDAY, False)]),
        ('Morgan Stanley, in a note titled "Memory supercycle" that it sent to clients on Friday, '
         "raised its targets.", MONDAY, [("Morgan Stanley", FRIDAY, False)]),

        # "the companies said" after a list of three or more: every name of the list
        ("OpenAI, SoftBank and Halvorsen will form a joint venture, the companies said on "
         "Friday.", MONDAY,
         [("OpenAI", FRIDAY, False), ("SoftBank", FRIDAY, False), ("Halvorsen", FRIDAY, False)]),
        ("Halvorsen will build the Stargate UAE cluster with OpenAI, Oracle and Cisco, the "
         "companies said on Friday.", MONDAY,
         [("Halvorsen", FRIDAY, False), ("OpenAI", FRIDAY, False), ("Oracle", FRIDAY, False),
          ("Cisco", FRIDAY, False)]),

        # (bank 20, read) "in comments to" an outlet; "per Korean outlet X"; "per a scoop
        # from X"; "told Dutch newspaper X"; "X's supply-chain checks"; "In a Sept. 12 note,
        # X analysts said"; "have each said" after a list; "Episode notes" are nobody's
        ("In comments to Nikkei Asia on Friday, TSMC chairman C.C. Wei called AI demand "
         "insane.", MONDAY, [("Nikkei Asia", FRIDAY, True)]),
        ("Per Korean outlet The Elec, Samsung has pushed HBM4 production back.", MONDAY,
         [("Elec", None, False)]),
        ("My take: per a scoop from The Information on Friday, Meta is in talks to rent TPUs.",
         MONDAY, [("The Information", FRIDAY, True)]),
        ("ASML chief executive Christophe Fouquet told Dutch newspaper NRC on Friday that "
         "customers were stockpiling.", MONDAY, [("ASML", FRIDAY, False), ("NRC", FRIDAY, False)]),
        ("Jefferies' supply-chain checks, detailed in a note to clients on Friday, point to a "
         "slip.", MONDAY, [("Jefferies", FRIDAY, False)]),
        ("In an April 3 note, Citi analysts said the ramp was ahead of estimates.", MONDAY,
         [("Citi", FRIDAY, False)]),
        ("Micron, SK hynix and Samsung have each said their HBM supply is sold out.", MONDAY,
         [("Micron", None, False), ("SK hynix", None, False), ("Samsung", None, False)]),
        ("Episode notes: we unpack TSMC's earnings call.", MONDAY, [("TSMC", None, False)]),

        # not credits (banks 4, 5 and 8, read again): a comment declined on a report, a
        # career, officials speaking on condition of anonymity, a working server shown ...
        # but a report "which said" still credits its outlet
        ("Halvorsen declined to comment on the Reuters report about its CoWoS plans.", MONDAY,
         []),
        ("Halvorsen did not respond to a request for comment on the Reuters report, which "
         "said prices would rise.", MONDAY, [("Reuters", None, True)]),
        ("Lip-Bu Tan, who became Intel's chief executive in March, previously ran Cadence.",
         MONDAY, []),
        ("Licence applications fell, two Commerce officials said on condition of anonymity.",
         MONDAY, []),
        ("Intel showed a working Clearwater Forest server at an event in Seoul.", MONDAY, []),
    ],
    subject="Halvorsen",
)  # fmt: skip


_BANK_12 = _rows(
    "sdw",
    [
        # (bank 22, read in session 15) an outlet's name in lower case is a plain word
        ("Kestrel agreed to buy the unit, Pacific Wire reported on Friday, without saying "
         "how it obtained the information.", MONDAY, [("Pacific Wire", FRIDAY, True)]),
        # a live report in the progressive
        ("4:05 p.m.: Reuters is reporting that the licences will be granted.", MONDAY,
         [("Reuters", None, True)]),
        ("Kestrel is reporting earnings on Friday, and investors want margins.", MONDAY, []),
        # "earlier in the day" is the day just given
        ("Halvorsen said on Friday that tests were going well, pushing back against a "
         "report by Reuters earlier in the day.", MONDAY,
         [("Halvorsen", FRIDAY, False), ("Reuters", FRIDAY, True)]),
        # the company's own document, possessive or "its"
        ("Halvorsen's margin fell to 12% in the quarter, its quarterly report showed on "
         "Friday.", MONDAY, [("Halvorsen", FRIDAY, False)]),
        ("Two customers made up 60% of revenue, the company's IPO prospectus showed.", MONDAY,
         [("Halvorsen", None, False)]),
        ("The fund sold its stake in 2019, according to Halvorsen's IPO filing made public "
         "on Friday.", MONDAY, [("Halvorsen", FRIDAY, False)]),
        # "Unit 1" is a thing with a number, not a party to "the companies said"
        ("Halvorsen will restart Unit 1 of the plant to power Kestrel's data centres, the "
         "companies said on Friday.", MONDAY,
         [("Halvorsen", FRIDAY, False), ("Kestrel", FRIDAY, False)]),
        # what an analyst spoke of is not a speaker
        ("\"It is a turning point,\" one veteran analyst said of Kestrel's results.", MONDAY,
         []),
        # (bank 23, read in session 15) firms whose names read as a person's
        ("Halvorsen is weighing a price rise, according to Morgan Stanley.", MONDAY,
         [("Morgan Stanley", None, False)]),
        ("Per Counterpoint, Halvorsen's share reached 38% in the quarter.", MONDAY,
         [("Counterpoint", None, False)]),
        # an executive named by the company and "executive" alone; an inverted spokesperson
        ("Speaking on Friday, Kestrel executive Dana Feld said the part would ship in June.",
         MONDAY, [("Kestrel", FRIDAY, False)]),
        ("\"We see no impact on supply,\" said a spokesperson for Kestrel.", MONDAY,
         [("Kestrel", None, False)]),
        ("\"We see no impact on supply,\" said a Kestrel spokesperson.", MONDAY,
         [("Kestrel", None, False)]),
        # the citing outlet under its initials ("told SL" in Silicon Ledger) is no credit
        ("A Kestrel spokesperson told SL that spending would rise.", MONDAY,
         [("Kestrel", None, False)]),
        # a chart's credit line; a source who spoke to an outlet; a firm's analyst by name
        ("Source: TrendForce, January 2026", MONDAY, [("TrendForce", None, False)]),
        ("The cluster uses 384 chips, according to a person who spoke to Semafor.", MONDAY,
         [("Semafor", None, False)]),
        ("Bank of America's Vivek Arya wrote in a note on Friday that the delay was minor.",
         MONDAY, [("Bank of America", FRIDAY, False)]),
        # the day's document, and a newsletter named between the day and its noun
        ("Friday's 10-Q filing showed two customers made up 39% of revenue.", MONDAY,
         [("Halvorsen", FRIDAY, False)]),
        ("Pacific Wire's Dana Feld reported in Sunday's Power On newsletter that the chips "
         "slipped.", MONDAY, [("Pacific Wire", date(2026, 4, 5), True)]),
        # a minister speaks for the ministry, one office however long its portfolio (a
        # known minister's country comes with it: session 16)
        ("Economy, Trade and Industry Minister Yoji Muto told reporters on Friday that "
         "the stake would be considered.", MONDAY,
         [("Japan Ministry of Economy, Trade and Industry", FRIDAY, False)]),
        ("Economic Affairs Minister Kung Ming-hsin said on Friday that the split was "
         "unworkable.", MONDAY, [("Ministry of Economic Affairs", FRIDAY, False)]),
        # (bank 24, read in session 15) the press's shorthand for one executive; full names
        # of companies; filings by their form; "the regulator" is the body just named
        ("In an interview with Reuters on Friday, Huang said demand was insane.", MONDAY,
         [("Reuters", FRIDAY, True), ("Nvidia", FRIDAY, False)]),
        ("Advanced Micro Devices said on Friday that the market would reach $400 billion.",
         MONDAY, [("AMD", FRIDAY, False)]),
        ("Alphabet's Google said on Friday that Ironwood would be available this year.",
         MONDAY, [("Google", FRIDAY, False)]),
        ("Kestrel's 10-K, filed Friday, lists Halvorsen among its top competitors.", MONDAY,
         [("Kestrel", FRIDAY, False)]),
        ("The UK Competition and Markets Authority cleared the deal, the regulator said on "
         "Friday.", MONDAY, [("UK Competition and Markets Authority", FRIDAY, False)]),
        # a participle opening the sentence is no name; the paper by its last word is
        # the citing one ("the Ledger" in Silicon Ledger)
        ("Asked about the report, Feld smiled and said she would not comment.", MONDAY, []),
        ("The Ledger reported last year that Kestrel was developing the chip.", MONDAY, []),
        # "a day later" in a clause of its own counts from the sentence's last day
        ("Kestrel said on Friday it had started production; a day later, Halvorsen said it "
         "had a rival part.", MONDAY,
         [("Kestrel", FRIDAY, False), ("Halvorsen", date(2026, 4, 4), False)]),
        # a firm's note, however it is introduced; a memo seen by an outlet, and its writer;
        # an inverted credit with the speaker's title
        ("Morgan Stanley analysts, in a note dated Friday and titled 'Winter Looms', warned "
         "that supply could exceed demand.", MONDAY, [("Morgan Stanley", FRIDAY, False)]),
        ("Plus: what TD Cowen's Friday note on the leases does and doesn't tell us.", MONDAY,
         [("TD Cowen", FRIDAY, False)]),
        ("Intel will cut 15% of staff, according to a memo from CEO Lip-Bu Tan that was seen "
         "by The Oregonian.", MONDAY, [("Intel", None, False), ("Oregonian", None, False)]),
        ("\"Demand is very strong,\" said Kestrel Chief Executive Dana Feld on a call with "
         "analysts on Friday.", MONDAY, [("Kestrel", FRIDAY, False)]),
        # a long company name the pattern cut, with its chairman; a ministry written the
        # short way, its capital read as its country
        ("Taiwan Semiconductor Manufacturing Co. Chairman C.C. Wei told shareholders on "
         "Friday that no fab was planned there.", MONDAY, [("TSMC", FRIDAY, False)]),
        ("Beijing's commerce ministry said on Friday it would bar exports of gallium.", MONDAY,
         [("China Ministry of Commerce", FRIDAY, False)]),
        # X the platform is no speaker
        ("A well-known leaker on X claimed this week that the card has 32GB.", MONDAY, []),
    ],
    subject="Halvorsen",
)  # fmt: skip


_BANK_13 = _rows(
    "sw",
    [
        # (session 16) a lowercase secretary's title still names the department
        ("Commerce secretary Gina Raimondo said on Friday that the rules close loopholes.",
         [("US Commerce Department", FRIDAY, False)]),
        ("US commerce secretary Howard Lutnick told reporters on Friday that a licence was "
         "needed.", [("US Commerce Department", FRIDAY, False)]),
        # a head of government by title is the person, a US president the White House; a
        # company's president is still the company's
        ("Indian Prime Minister Narendra Modi said on Friday that India would build fabs.",
         [("Narendra Modi", FRIDAY, False)]),
        ("Chinese President Xi Jinping said on Friday that China would rely on its own chips.",
         [("Xi Jinping", FRIDAY, False)]),
        ("President Donald Trump said on Friday that chips would face a tariff.",
         [("White House", FRIDAY, False)]),
        ("Kestrel President Dana Feld told reporters on Friday that output would start.",
         [("Kestrel", FRIDAY, False)]),
        ("Premier Foods said on Friday that sales rose.", [("Premier Foods", FRIDAY, False)]),
        # what was confirmed stands between the verb and the outlet told; Yonhap News
        # Agency is Yonhap
        ("Kestrel confirmed the figures to Yonhap on Friday.",
         [("Kestrel", FRIDAY, False), ("Yonhap", FRIDAY, False)]),
        ("Kestrel's chip passed the tests, Yonhap News Agency reported on Friday.",
         [("Yonhap", FRIDAY, False)]),
        # a day's edition: the paper, dated that day
        ("Kestrel will build a plant in Hiroshima, according to Friday's Asahi Shimbun.",
         [("Asahi Shimbun", FRIDAY, False)]),
        # names kept whole, and no garbage names: a possessive that is part of the name; a
        # long legal name; a question; a title left by a list; a people
        ("Kestrel will ship in May, per a Tom's Hardware report on Friday.",
         [("Tom's Hardware", FRIDAY, False)]),
        ("Three men were charged, the Attorney-General's Chambers said on Friday.",
         [("Attorney-General's Chambers", FRIDAY, False)]),
        ("Kestrel Group Holding Ltd. Chairman Dana Feld said on Friday that demand was strong.",
         [("Kestrel", FRIDAY, False)]),
        ("Will Kestrel's guidance justify the price? Investors think so.", []),
        ("Kestrel expects to spend $8 billion, Vice Chair and President Dana Feld wrote in a "
         "blog post on Friday.", [("Kestrel", FRIDAY, False)]),
        ("Kestrel's chips funnel Americans' data abroad, the Senate Commerce Committee said "
         "on Friday.", [("Senate Commerce Committee", FRIDAY, False)]),
        # (bank 26, read in session 16) a firm's document with its day; a filer's
        # prospectus; "word from"; "shared by"; "conceded"; a US president by surname; two
        # outlets that "both reported"
        ("A Bernstein note dated Friday put Kestrel's revenue at $3 billion.",
         [("Bernstein", FRIDAY, False)]),
        ("The figures come from a Jefferies note circulated to clients on Friday.",
         [("Jefferies", FRIDAY, False)]),
        ("Omdia data published on Friday show Kestrel holding a 62% share.",
         [("Omdia", FRIDAY, False)]),
        ("The prospectus Kestrel filed with the Hong Kong stock exchange on Friday shows losses "
         "narrowing.", [("Kestrel", FRIDAY, False)]),
        ("Word from the Economic Daily News on Friday is that Kestrel will ship in September.",
         [("Economic Daily News", FRIDAY, False)]),
        ("The numbers were shared by Taiwan's Ministry of Economic Affairs at a Friday briefing.",
         [("Taiwan Ministry of Economic Affairs", FRIDAY, False)]),
        ("Speaking at the shareholders' meeting on Friday, Kestrel co-CEO Dana Feld conceded "
         "the company had been slow.", [("Kestrel", FRIDAY, False)]),
        ("Trump wrote on Truth Social on Friday that Kestrel would be allowed to ship.",
         [("White House", FRIDAY, False)]),
        ("The Korea Economic Daily and the Chosun Ilbo both reported on Friday that Kestrel "
         "would raise prices.",
         [("Korea Economic Daily", FRIDAY, False), ("Chosun Ilbo", FRIDAY, False)]),
        # known ministers and secretaries speak for their ministry, country included,
        # whatever the title's case; a secretary's surname alone
        ("Trade minister Yoji Muto told reporters on Friday that Tokyo would seek more.",
         [("Japan Ministry of Economy, Trade and Industry", FRIDAY, False)]),
        ("Economics Minister Kuo Jyh-huei told lawmakers on Friday that fabs would lag.",
         [("Taiwan Ministry of Economic Affairs", FRIDAY, False)]),
        ("Lutnick said in an interview with Fox Business that licensing would tighten.",
         [("US Commerce Department", None, False)]),
        # (banks 27 and 28, read in session 16) a company whose first word is a city's name;
        # an editor's note; "carried by"; "disclosed to X by"; "in a statement to X"; a
        # long company name before its officer; a channel's full name; a ministry's
        # spokesperson; a council's deputy minister; not the opening's day; "Both X and Y
        # said"; a ministry only one country has; a condition; a body's own plan
        ("Tokyo Electron confirmed on Friday that one of those detained was an employee.",
         [("Tokyo Electron", FRIDAY, False)]),
        ("Editor's note: This story has been updated to correct the name of the operator.", []),
        ("A commentary carried by the People's Daily app on Friday asked for proofs.",
         [("People's Daily", FRIDAY, False)]),
        ("The figure was first disclosed to Yonhap News Agency by a person familiar with it.",
         [("Yonhap", None, False)]),
        ("Kestrel confirmed the timeline in a statement to Moneycontrol on Friday.",
         [("Kestrel", FRIDAY, False), ("Moneycontrol", FRIDAY, False)]),
        ("Quanta Computer Vice Chairman C.C. Leung said on Friday that shipments would grow.",
         [("Quanta Computer", FRIDAY, False)]),
        ("China Central Television reported on Friday that the network links eight hubs.",
         [("CCTV", FRIDAY, False)]),
        ("Foreign ministry spokesperson Guo Jiakun told a press conference on Friday that "
         "Beijing opposes the rules.", [("China Ministry of Foreign Affairs", FRIDAY, False)]),
        ("Mainland Affairs Council Deputy Minister Liang Wen-chieh told reporters on Friday "
         "that rules would be reviewed.", [("Mainland Affairs Council", FRIDAY, False)]),
        ("On Friday, Economic Affairs Minister Kung Ming-hsin said the split was unworkable.",
         [("Ministry of Economic Affairs", FRIDAY, False)]),
        ("Both Kestrel and Halvorsen said on Friday that they would comply.",
         [("Kestrel", FRIDAY, False), ("Halvorsen", FRIDAY, False)]),
        ("The Ministry of Trade, Industry and Energy said on Friday that exports rose.",
         [("South Korea Ministry of Trade, Industry and Energy", FRIDAY, False)]),
        ("If Kestrel confirms the price hike on Friday's call, expect a rally.", []),
        ("The White House released its AI Action Plan on Friday.",
         [("White House", FRIDAY, False)]),
        ("Kestrel released its new chip on Friday.", []),
        ("According to the company's March 30 press release, the round raised $700 million.",
         [("Halvorsen", date(2026, 3, 30), False)]),
        # a body's name with "for ... and ..." is one name; a two-word outlet that
        # "reported" is no person; another's report that a credit follows is undated
        ("The Federal Ministry for Economic Affairs and Climate Action said on Friday that "
         "it approved subsidies.",
         [("Ministry for Economic Affairs and Climate Action", FRIDAY, False)]),
        ("De Telegraaf first reported on Friday that the cabinet would set aside funds.",
         [("De Telegraaf", FRIDAY, False)]),
        ("Kestrel is in talks with Halvorsen, Pacific Wire reported on Friday, following a "
         "similar report in the Economic Times.",
         [("Pacific Wire", FRIDAY, True), ("Economic Times", None, False)]),
        # an appositive spokesperson's body; "the company's chairman, Name,"; a known
        # president by title alone; an announcement "via" an exchange credits no exchange
        ("Dana Feld, spokesperson for the Ministry of Commerce, told a briefing on Friday "
         "that the move was unfair.", [("Ministry of Commerce", FRIDAY, False)]),
        ("The company's chairman, Dana Feld, told shareholders on Friday that revenue would "
         "double.", [("Halvorsen", FRIDAY, False)]),
        ("President Emmanuel Macron said on Friday that investors had committed 109 billion "
         "euros.", [("Emmanuel Macron", FRIDAY, False)]),
        ("Kestrel announced via the Shanghai Stock Exchange on Friday that it would buy a "
         "rival.", [("Kestrel", FRIDAY, False)]),
        # a note's day written as a date; a body's findings, with their day in apposition
        ("Citi analysts said in a March 30 note that shipments should roughly double.",
         [("Citi", date(2026, 3, 30), False)]),
        ("The CMA's provisional findings, published on Friday, say Kestrel's licensing harms "
         "competition.", [("CMA", FRIDAY, False)]),
        # a firm's note "from" its day
        ("Bloomberg picked up on a TD Cowen note from Friday saying leases were cut.",
         [("TD Cowen", FRIDAY, False)]),
        # the filer's 10-K or S-1, like its 10-Q
        ("In its 10-K filed Friday, Kestrel listed Halvorsen as a competitor.",
         [("Kestrel", FRIDAY, False)]),
    ],
    subject="Halvorsen",
)  # fmt: skip


_BANK_14 = _rows(
    "sw",
    [
        # (session 17) a minister's country word is the country, and the ministry is named
        # whole: "Minister of X" before its holder, a deputy's, a list's last field
        ("German Economy Minister Lena Vogt said on Friday that the subsidy would stay.",
         [("Germany Ministry of Economy", FRIDAY, False)]),
        ("Kestrel will stay in Dresden, Economy Minister Lena Vogt said on Friday.",
         [("Ministry of Economy", FRIDAY, False)]),
        ("Saudi Arabia's Minister of Communications and Information Technology Omar Haddad "
         "said on Friday that the kingdom would buy chips.",
         [("Saudi Arabia Ministry of Communications and Information Technology", FRIDAY, False)]),
        ("Taiwan's Deputy Minister of Economic Affairs said on Friday that exports doubled.",
         [("Taiwan Ministry of Economic Affairs", FRIDAY, False)]),
        ("Vice Minister of Commerce Li Wen told reporters on Friday that talks went well.",
         [("Ministry of Commerce", FRIDAY, False)]),
        # a ministry without its country takes the one the sentence is about
        ("Taiwan's exports rose 30 percent in May, the Ministry of Finance said on Friday.",
         [("Taiwan Ministry of Finance", FRIDAY, False)]),
        ("Exports to Japan and Korea rose, the Ministry of Finance said on Friday.",
         [("Ministry of Finance", FRIDAY, False)]),
        ("Kestrel will invest US$2 billion, the Ministry of Economic Affairs said on Friday.",
         [("Ministry of Economic Affairs", FRIDAY, False)]),
        ("Foreign Ministry spokesperson Lin Wei said on Friday that China opposes the rule.",
         [("China Ministry of Foreign Affairs", FRIDAY, False)]),
        ("The state took control of Kestrel, the economy ministry said on Friday.",
         [("Ministry of Economy", FRIDAY, False)]),
        ("Taiwan's economy ministry said on Friday it would review the investment.",
         [("Taiwan Ministry of Economic Affairs", FRIDAY, False)]),
        # a body "for X and Y" is one name
        ("The Korea Institute for Industrial Economics and Trade projected on Friday that "
         "chip exports would grow.",
         [("Korea Institute for Industrial Economics and Trade", FRIDAY, False)]),
        # the two companies of a deal, whichever the article is about
        ("Halvorsen agreed to buy Core Scientific for $9 billion, the companies said on "
         "Friday.", [("Halvorsen", FRIDAY, False), ("Core Scientific", FRIDAY, False)]),
        # where a company filed is no outlet; a known outlet's name inside a hyphenated
        # word is no credit; "have both added capacity" is no speech
        ("Kestrel said in a statement to the Taiwan Stock Exchange on Friday that it would "
         "sell its stake.", [("Kestrel", FRIDAY, False)]),
        ("The state will invest through the Information-technology Promotion Agency, the "
         "Yomiuri Shimbun reported on Friday.", [("Yomiuri Shimbun", FRIDAY, False)]),
        ("Kestrel and Auras Technology have both added cooling capacity this year, according "
         "to supply-chain sources.", []),
        # a name with a hyphenated given name's second half capitalised; a firm named with
        # digits; European commissioners; a country's government; a consensus's provider,
        # undated; an outlet that quoted someone; no credit for an outlet that could not
        # verify, or a platform someone posted on
        ("Halvorsen chief executive Pua Khein-Seng said on Friday that shortages would last.",
         [("Halvorsen", FRIDAY, False)]),
        ("The campus will come online next year, G42 said on Friday.", [("G42", FRIDAY, False)]),
        ("The Commission cleared the deal on Friday, Commissioner Teresa Ribera said in a "
         "statement.", [("European Commission", FRIDAY, False)]),
        ("Commission President Ursula von der Leyen said on Friday the EU would fund gigafactories.",
         [("European Commission", FRIDAY, False)]),
        ("The European Commission was asked to review the deal, the Commission said on Friday.",
         [("European Commission", FRIDAY, False)]),
        ("FCC Commissioner Brendan Carr said on Friday that the rule was wrong.",
         [("FCC", FRIDAY, False)]),
        ("Federal Trade Commissioner Dana Feld said on Friday that the deal was reviewed.",
         [("Federal Trade Commission", FRIDAY, False)]),
        ("Halvorsen will invest $30 billion in Britain, according to the UK government.",
         [("UK government", None, False)]),
        ("Halvorsen said on Friday its profit beat the LSEG SmartEstimate of 10.1 trillion won.",
         [("Halvorsen", FRIDAY, False), ("LSEG", None, False)]),
        ("Capex came in at $52 billion, above the $46 billion analysts expected, according to a "
         "Visible Alpha consensus.", [("Visible Alpha", None, False)]),
        ("Jiji Press quoted chief executive Dana Feld as saying that demand has no ceiling.",
         [("Jiji Press", None, False)]),
        ("Reuters could not independently verify the claims about Halvorsen's order.", []),
        ("An unverified post on Weibo claimed Halvorsen's yields had passed 50 percent.", []),
        # a people's adjective before a ministry is its country; "Minister for X"; a
        # minister in an aside speaks for the ministry; a country's possessive before a
        # portfolio; a US state is no speaker
        ("The Dutch economy ministry said on Friday that it had taken control of Kestrel.",
         [("Netherlands Ministry of Economic Affairs", FRIDAY, False)]),
        ("The Dutch Ministry of Foreign Affairs said on Friday it would require licences.",
         [("Netherlands Ministry of Foreign Affairs", FRIDAY, False)]),
        ("Spain's Minister for Digital Transformation, Oscar Lopez, said on Friday that Madrid "
         "would commit funds.", [("Spain Ministry for Digital Transformation", FRIDAY, False)]),
        ("Sultan Al Jaber, the UAE's Minister of Industry and Advanced Technology, told a forum "
         "on Friday that demand could rise.",
         [("UAE Ministry of Industry and Advanced Technology", FRIDAY, False)]),
        ("Italy's Industry Minister Adolfo Urso said on Friday that Rome would not back the plan.",
         [("Italy Ministry of Industry", FRIDAY, False)]),
        ("A federal jury in Delaware found on Friday that Halvorsen had not breached its licence.",
         []),
        # a rating agency's action, a regulator's or a court's decision, a proxy adviser's
        # recommendation, a forecast "instead"
        ("Fitch Ratings downgraded Halvorsen to BBB on Friday, citing weak profitability.",
         [("Fitch Ratings", FRIDAY, False)]),
        ("The European Commission cleared Halvorsen's purchase of Kestrel on Friday.",
         [("European Commission", FRIDAY, False)]),
        ("The US Supreme Court on Friday dismissed Halvorsen's appeal.",
         [("US Supreme Court", FRIDAY, False)]),
        ("Institutional Shareholder Services recommended on Friday that investors reject the "
         "pay package.", [("Institutional Shareholder Services", FRIDAY, False)]),
        ("Analysts had expected $37.1 billion; Halvorsen instead forecast $37.5 billion.",
         [("Halvorsen", None, False)]),
        # a broker's rating change; a figure "put closer to" another
        ("Kestrel fell 6% after KeyBanc Capital Markets cut the stock to underweight on "
         "Friday.", [("KeyBanc Capital Markets", FRIDAY, False)]),
        ("Citi's Atif Malik cut Halvorsen to sell in a note to clients on Friday.",
         [("Citi", FRIDAY, False)]),
        ("Start-ups raised 12 billion euros, while Dealroom put the figure closer to 14 billion "
         "euros in a report on Friday.", [("Dealroom", FRIDAY, False)]),
    ],
    subject="Halvorsen",
)  # fmt: skip


_BANK_15 = _rows(
    "ssw",
    [
        # (session 18) a securities form is its filer's word, and "10-Q" holds no name "Q"
        ("Kestrel's amended 10-Q, filed on Friday, shows the state holds 9.9% of the company.",
         None, [("Kestrel", FRIDAY, False)]),
        ("Halvorsen's own 6-K, filed Friday, put the contract at $17.4 billion.",
         None, [("Halvorsen", FRIDAY, False)]),
        ("Halvorsen's 13F, filed on Friday, shows a new $1 billion stake in Kestrel.",
         None, [("Halvorsen", FRIDAY, False)]),
        # a notice or a complaint, published or filed by someone
        ("The Commerce Department's notice, published in the Federal Register on Friday, adds "
         "23 entities to the Entity List.", None, [("US Commerce Department", FRIDAY, False)]),
        ("The final rule, published in the Federal Register on Friday by the Bureau of "
         "Industry and Security, caps exports.", None,
         [("Bureau of Industry and Security", FRIDAY, False)]),
        ("The complaint, filed by Kestrel in a federal court in Delaware on Friday, alleges "
         "that an engineer took trade secrets.", None, [("Kestrel", FRIDAY, False)]),
        ("Kestrel's amended complaint, filed on Friday, says Halvorsen planned to buy $2 "
         "billion of chips.", None, [("Kestrel", FRIDAY, False)]),
        # a minister in an aside: the office in lower case, or without a country
        ("Lena Vogt, Germany's minister of economic affairs, said on Friday that the state "
         "would co-fund the plant.", None, [("Germany Ministry of Economic Affairs", FRIDAY, False)]),
        ("Ravi Menon, Minister of Electronics and Information Technology, said on Friday that "
         "India would have its first packaged chips by December.", None,
         [("India Ministry of Electronics and Information Technology", FRIDAY, False)]),
        # "the company said" in a sentence that names the story's company: that company
        ("Kestrel has won a 38.6 billion won order for bonders from SK hynix, the company "
         "said in a regulatory filing.", "Kestrel", [("Kestrel", None, False)]),
        # a joint statement of the two companies the sentence opens with
        ("Kestrel and Halvorsen will switch on the first 200 megawatts of Stargate North in "
         "2027, according to a joint statement.", "Kestrel",
         [("Kestrel", None, False), ("Halvorsen", None, False)]),
        # "Kress" alone is Nvidia's finance chief
        ("Asked about margins, Kress reiterated the mid-70s outlook for the year.", "Nvidia",
         [("Nvidia", None, False)]),
        # no credit: a call that began late
        ("Kestrel's call began 40 minutes late after the company pushed back its release.",
         "Kestrel", []),
        # a statement in a clause of its own is its own speaker's, not the first name's
        ("The State Administration for Market Regulation said on Friday that Kestrel broke the "
         "law; Kestrel said in a statement on Monday that it complies.", "Kestrel",
         [("State Administration for Market Regulation", FRIDAY, False),
          ("Kestrel", MONDAY, False)]),
        # a person "of" a firm is the firm
        ("Priya Raman of SemiAnalysis estimated that Kestrel would ship 3 million chips.", None,
         [("SemiAnalysis", None, False)]),
        # a dated test, an original scoop, a hat tip, a note, a position called in a statement
        ("The lawsuit cites an April 3 Tom's Hardware test showing melted connectors.", None,
         [("Tom's Hardware", FRIDAY, False)]),
        ("h/t to Ana Ruiz at The Information, but the original scoop was Nikkei Asia on Friday.",
         None,
         [("The Information", None, True), ("Nikkei Asia", FRIDAY, True)]),
        ("A Barclays note on Friday said the developer accounted for 600 megawatts.", None,
         [("Barclays", FRIDAY, False)]),
        ("The rule is unfair, a position China's Ministry of Commerce called 'discriminatory' "
         "in a statement on Friday.", "Kestrel", [("China Ministry of Commerce", FRIDAY, False)]),
        ("The BIS guidance issued on Friday said using Kestrel chips risks violating export "
         "controls.", "Kestrel", [("Bureau of Industry and Security", FRIDAY, False)]),
        # the day of what a speaker answers is not the speaker's
        ("Kestrel spokesperson Ana Ruiz said the company's chips 'have no backdoors,' "
         "responding to the Cyberspace Administration of China's summons on Friday.", "Kestrel",
         [("Kestrel", None, False)]),
        ("Kestrel's memory chief said samples had gone to every customer, contradicting a "
         "Friday report by the Korea Economic Daily.", "Kestrel",
         [("Kestrel", None, False), ("Korea Economic Daily", FRIDAY, False)]),
        ("The order figure was first reported by Reuters on Friday, later matched by the "
         "Financial Times, and confirmed by Kestrel on Monday.", "Kestrel",
         [("Reuters", FRIDAY, True), ("Financial Times", None, True), ("Kestrel", MONDAY, False)]),
        # a transcript: the interviewer's premise is read, the question is not; an
        # executive's label and "we said" is the company's word; "you" is nobody
        ("Q: Bloomberg reported on Friday that Kestrel is raising prices, can you confirm "
         "that?", "Kestrel", [("Bloomberg", FRIDAY, False)]),
        ("Q: The Financial Times says regulators summoned you, is that right?", "Kestrel",
         [("Financial Times", None, True)]),
        ("HAAS: We said on the April 3 call that royalty revenue doubled.", "Arm",
         [("Arm", FRIDAY, False)]),
        ("Q: You told Nikkei Asia last week that your share had fallen, is it lower now?",
         "Kestrel", [("Nikkei Asia", None, True)]),
        ("Will Kestrel's guidance justify the rally?", "Kestrel", []),
        # a newsletter's "TSMC: said ..." is the company, not a speaker's label
        ("TSMC: said on Friday that revenue rose 30 percent.", "Kestrel",
         [("TSMC", FRIDAY, False)]),
        # results still to come credit nobody
        ("Kestrel reports Wednesday, and my guess is China sales fall off a cliff.", "Kestrel",
         []),
        ("Reuters reports Monday that Kestrel has cut orders.", "Kestrel",
         [("Reuters", MONDAY, True)]),
        ("Samsung followed, cutting its prices by 10 percent.", "Kestrel", []),
        ("Q: Kestrel's results are out next week, so what are you watching for?", "Kestrel",
         []),
        # a company's officer by role alone speaks for it; an economy minister for the ministry
        ("Kestrel's foundry chief, speaking at a Morgan Stanley conference on Friday, said "
         "yields support external customers.", "Kestrel", [("Kestrel", FRIDAY, False)]),
        ("Kestrel's rotating chairman told a Shenzhen conference on Friday that chips ship "
         "soon.", "Kestrel", [("Kestrel", FRIDAY, False)]),
        ("A Kestrel vice president told the forum on Friday that the node is on track.",
         "Kestrel", [("Kestrel", FRIDAY, False)]),
        ("Kestrel's CFO told analysts on Friday that the sale funds the new fab.", "Kestrel",
         [("Kestrel", FRIDAY, False)]),
        ("Japan's economy minister said on Friday that Kestrel will get 100 billion yen.",
         "Kestrel", [("Japan Ministry of Economy, Trade and Industry", FRIDAY, False)]),
        # spoken: a first name the industry uses alone, an executive the finder knows, an
        # outlet that "had this story", a thread, a platform post from a company's unit
        ("Jensen said on Friday that China is now zero percent of the forecast.", "Kestrel",
         [("Nvidia", FRIDAY, False)]),
        ("Sarah Friar said on Friday that the lab has 30 gigawatts of commitments.", "Kestrel",
         [("OpenAI", FRIDAY, False)]),
        ("So Bloomberg had this story Friday that Kestrel is cutting orders.", "Kestrel",
         [("Bloomberg", FRIDAY, False)]),
        ("Per a thread from SemiAnalysis on Friday, Kestrel cut its build plan by 10 percent.",
         "Kestrel", [("SemiAnalysis", FRIDAY, False)]),
        ("According to a Weibo post from Kestrel's China unit on Friday, the chip ships in "
         "September.", "Kestrel", [("Kestrel", FRIDAY, False)]),
        # "just now" is the article's day; "which had it yesterday" dates the outlet
        ("Breaking just now: Kestrel says revenue came in at $9.3 billion.", "Kestrel",
         [("Kestrel", MONDAY, False)]),
        ("Per the Financial Times, which had it on Friday, Kestrel's lenders want tougher "
         "terms.", "Kestrel", [("Financial Times", FRIDAY, True)]),
        # an outlet named but not credited: a former reporter, a piece someone read, a
        # paywall, a correction's "not X"
        ("We had a former Reuters reporter on last season, and she said the beat is hard.",
         "Kestrel", []),
        ("I read the Reuters piece like everybody else, but I won't speculate.", "Kestrel", []),
        ("Half the thread was people screenshotting a Financial Times paywall and asking "
         "what it said.", "Kestrel", []),
        # "X and Y say they've ...", "and Yonhap followed", "the company has since confirmed"
        ("Big deal out this morning: Kestrel and OpenAI say they've signed a six-gigawatt "
         "agreement.", "Kestrel", [("Kestrel", MONDAY, False), ("OpenAI", MONDAY, False)]),
        ("The Korea Economic Daily reported on Friday, and Yonhap followed, that Kestrel "
         "passed qualification.", "Kestrel",
         [("Korea Economic Daily", FRIDAY, False), ("Yonhap", None, False)]),
        ("The Information reported that Kestrel signed a contract, and the company has since "
         "confirmed it.", "Kestrel", [("The Information", None, True), ("Kestrel", None, False)]),
        ("Analysts say that the Kestrel deal is big.", "Kestrel", []),
        ("Korea JoongAng Daily reported on Friday, and then Kestrel put out its own statement "
         "the same day, that it had signed.", "Kestrel",
         [("Korea JoongAng Daily", FRIDAY, False), ("Kestrel", FRIDAY, False)]),
    ],
    subject="Halvorsen",
)  # fmt: skip


@pytest.mark.parametrize(
    ("sentence", "day", "subject", "want"),
    _BANK_1
    + _BANK_2
    + _BANK_3
    + _BANK_4
    + _BANK_5
    + _BANK_6
    + _BANK_7
    + _BANK_8
    + _BANK_9
    + _BANK_10
    + _BANK_11
    + _BANK_12
    + _BANK_13
    + _BANK_14
    + _BANK_15,
)
def test_credits_phrased_outside_the_story_labels(
    sentence: str, day: date, subject: str | None, want: list[tuple[str, date | None, bool]]
) -> None:
    """Phrasings from the citation phrase banks (bench/citation_bank*.yaml), each sentence
    read alone, as bench/citation_bank.py reads them."""
    kwargs = {"subject": subject} if subject else {}
    got = [
        (c.cited_outlet, c.cited_date, c.known)
        for c in BANK_FINDER.find(
            sentence,
            day,
            "Silicon Ledger",
            article_text=sentence,
            story_text=sentence,
            orgs=BANK_FINDER.story_orgs(sentence),
            **kwargs,  # type: ignore[arg-type]
        )
    ]
    assert sorted(got, key=str) == sorted(want, key=str)


def test_an_outlet_named_digits_first_is_known_and_never_cut() -> None:
    # the name patterns read capitalised words, so "36Kr" is a built-in known outlet, and
    # the "Kr" they would find inside it is no name
    from pipeline.timeline import make_finder

    finder = make_finder({})
    s = "Kestrel has lined up orders, according to 36Kr, which reported the plan this month."
    got = [(c.cited_outlet, c.cited_date, c.known) for c in finder.find(s, MONDAY, "Ledger")]
    assert got == [("36Kr", None, True)]


def test_a_famous_surname_alone_needs_its_executive_known() -> None:
    # "Huang said" is Nvidia's only while the built-in executives are known; a finder
    # given other executives alone reads the surname as nobody's (and does not fail)
    from pipeline.credit_names import known_executive

    assert known_executive({"Jensen Huang": "Nvidia"}, "Huang", "Huang said.") == "Nvidia"
    assert known_executive({"Dana Feld": "Kestrel"}, "Huang", "Huang said.") is None
    # another person of that surname in the text: not the famous one
    assert known_executive({"Jensen Huang": "Nvidia"}, "Huang", "Huang Wei said.") is None


def test_a_co_chief_executive_speaks_for_the_company() -> None:
    # (session 22, origin bank 1) "Co-CEO Zhao Haijun told analysts" had credited the
    # person, title and all
    s = "Co-CEO Zhao Haijun told analysts on Wednesday that spending would be flat."
    got = CitationFinder(OUTLETS).find(s, MONDAY, "Ledger", subject="SMIC", article_text=s)
    assert [(c.cited_outlet, c.cited_date) for c in got] == [("SMIC", date(2026, 4, 1))]


def test_a_reporter_named_with_the_outlets_possessive_speaks_for_it() -> None:
    # (session 22, origin bank 2) "Gurman said" had credited the person after the
    # article named "Bloomberg's Mark Gurman"; a country's possessive names no employer
    text = (
        "Apple will launch OLED laptops, according to Bloomberg's Mark Gurman. In his "
        "newsletter on Sunday, Gurman said they will have touchscreens."
    )
    s = text.split(". ")[1]
    got = CitationFinder(OUTLETS).find(s, MONDAY, "Ledger", article_text=text)
    assert [(c.cited_outlet, c.cited_date) for c in got] == [("Bloomberg", date(2026, 4, 5))]
    from pipeline.credit_names import employer_of

    assert employer_of("Lai", "Taiwan's Lai Ching said so. Lai said it again.") is None
    assert (
        employer_of("Asahi Shimbun", "Kestrel will build, according to Friday's Asahi Shimbun.")
        is None
    )


def test_credits_read_in_session_22s_origin_banks() -> None:
    finder = CitationFinder(OUTLETS)
    # a forum described in an appositive is no person's name
    s = "Board Channels, a Chinese forum used by card makers, reported that the RTX 50 Super slipped."
    assert cites(finder, s, article_text=s) == [("Board Channels", None, False)]
    # a company that reported revenue reported it; "the reported revenue" credits nobody
    s = "For the fourth quarter, Marvell reported revenue of $2.34 billion."
    assert cites(finder, s, article_text=s) == [("Marvell", None, False)]
    assert cites(finder, "Investors cheered Marvell's reported revenue of $2.34 billion.") == []
    # "the day the FT story appeared" dates a share move; it credits nothing
    finder = CitationFinder({**OUTLETS, "Financial Times": ["FT"]})
    s = "SMIC's shares rose 5.2% on Thursday, the day the FT story appeared."
    assert cites(finder, s) == []
    assert cites(finder, "The FT story appeared on Thursday.") != []


def test_the_company_that_it_said_is_the_stories_company() -> None:
    # (session 22, origin bank 2) "The company kept its budget ..., it said" after a
    # sentence crediting a data provider had credited nobody
    s = "The company kept its 2026 capital spending budget at $52 billion, it said."
    before = ("Analysts had expected NT$472.1 billion, according to LSEG data.",)
    got = CitationFinder(OUTLETS).find(s, MONDAY, "Ledger", subject="TSMC", before=before)
    assert [c.cited_outlet for c in got] == ["TSMC"]
    # without "the company" as its subject, "it" still means nobody named
    s = "Capital spending stays at $52 billion, it said."
    assert CitationFinder(OUTLETS).find(s, MONDAY, "Ledger", subject="TSMC", before=before) == []


def test_the_first_organisation_named_does_not_depend_on_set_order() -> None:
    # (session 22 review) two names at one place ("Schematica AI", "Schematica") had been
    # told apart by the set's order, which changes with the process's hash seed; the
    # longer one is the name the text gives
    from pipeline.credit_names import first_org

    short, full = ("Schematica", "Schematica"), ("Schematica AI", "Schematica AI")
    text = "Chip design startup Schematica AI has raised $85 million."
    for orgs in ((short, full), (full, short)):
        assert first_org("", orgs, (text,)) == "Schematica AI"  # type: ignore[arg-type]
    # the earliest named still comes first
    assert first_org("Nvidia and Schematica AI", (full, ("Nvidia", "Nvidia"))) == "Nvidia"  # type: ignore[arg-type]


def test_a_post_on_a_named_forum_credits_the_forum() -> None:
    # (session 22, origin bank 2) the forum graphics-card leaks come from
    s = "The RTX 50 Super slipped to the third quarter, according to a post on the Board Channels forum on Wednesday."
    assert cites(CitationFinder(OUTLETS), s) == [("Board Channels", date(2026, 4, 1), False)]


def test_an_executives_initials_however_spelled_name_their_company() -> None:
    # (session 22, detail bank 1) "Chief executive CC Wei told analysts" had credited
    # "CC Wei", a person, where the built-in list knows "C.C. Wei"
    s = "Chief executive CC Wei told analysts that AI demand was stronger than expected."
    assert [c.cited_outlet for c in CitationFinder(OUTLETS).find(s, MONDAY, "Ledger")] == ["TSMC"]
    from pipeline.credit_names import known_executive

    assert known_executive({"C.C. Wei": "TSMC"}, "C. C. Wei") == "TSMC"
    assert known_executive({"C.C. Wei": "TSMC"}, "C Wei") is None


def test_bloombergs_research_arm_and_a_corrections_not_x_are_no_newsroom_credit() -> None:
    # (session 18) with Bloomberg a known outlet, "Bloomberg Intelligence" had read as it
    finder = CitationFinder({**OUTLETS, "Bloomberg": []})
    s = "Bloomberg Intelligence said in a report published on Friday that capex would top $400 billion."
    assert cites(finder, s) == [("Bloomberg Intelligence", FRIDAY, False)]
    # an analyst's own view credits nobody, and never the newsroom
    s = "Bloomberg Intelligence analyst Ken Ota said the weak yen would add about 5% to profit."
    assert cites(finder, s) == []
    assert cites(finder, "Bloomberg reported on Friday that Kestrel cut orders.") == [
        ("Bloomberg", FRIDAY, True)
    ]
    # a correction's "not X" credits only the other
    s = "It was Reuters, not Bloomberg, that first reported the Kestrel deal."
    assert cites(finder, s) == [("Reuters", None, True)]


def test_an_officer_under_a_lowercase_or_opening_title_speaks_for_the_company() -> None:
    # (session 23, origin bank 6) the title's first capitalised word or an opening
    # participle had been read as the company: "Co-chief", "Speaking"
    f = CitationFinder(OUTLETS)
    text = (
        "Co-chief executive Zhao Haijun told analysts on Friday that orders were pulled forward. "
        "Speaking on Friday's call, co-CEO Zhao Haijun said demand was steady. "
        "Zhao said capital spending would be flat."
    )
    got = [
        [c.cited_outlet for c in f.find(s, MONDAY, "Ledger", subject="SMIC", article_text=text)]
        for s in re.split(r"(?<=\.) ", text)
    ]
    # ... and the surname alone, Chinese order ("Zhao" of "Zhao Haijun"), is the same man
    assert got == [["SMIC"], ["SMIC"], ["SMIC"]]


def test_the_town_based_company_is_the_company() -> None:
    # (session 23, origin bank 6) "The Beijing-based company ... and said" credited
    # "The Beijing-based"
    s = (
        "The Beijing-based company forecast a net loss of about 1.1 billion yuan, and said "
        "it expected to break even in 2027."
    )
    f = CitationFinder(OUTLETS)
    assert [c.cited_outlet for c in f.find(s, MONDAY, "Ledger", subject="Moore Threads")] == [
        "Moore Threads"
    ]
    assert f.find(s, MONDAY, "Ledger") == []


def test_the_company_at_a_sentences_end_is_the_one_it_opens_on() -> None:
    # (session 23, origin bank 6) "Lambda has gone further, ..., the company announced"
    # credited a company of the sentence before (Lambda never speaks elsewhere)
    f = CitationFinder(OUTLETS)
    orgs = frozenset({("Silicon Data", "Silicon Data")})
    before = ["The H100 rents for $1.72 an hour, Silicon Data said on Monday."]
    s = "Lambda has gone further, cutting its H100 price to $1.49 an hour, the company announced in a blog post."
    got = f.find(s, MONDAY, "Ledger", orgs=orgs, before=before, article_text=" ".join([*before, s]))
    assert [c.cited_outlet for c in got] == ["Lambda"]
    # a capitalised opening word that owns nothing is no company
    s = "Revenue rose to 29.6 trillion won, the company said."
    got = f.find(s, MONDAY, "Ledger", orgs=orgs, before=before, article_text=" ".join([*before, s]))
    assert [c.cited_outlet for c in got] == ["Silicon Data"]


def test_a_two_word_business_in_a_headline_is_its_subject() -> None:
    # (session 23, origin bank 6) "Moore Threads" read as a person's name: the headline's
    # company was "Huashan", the chip, or nobody
    text = "Chinese GPU maker Moore Threads expects a narrower loss, the company said."
    assert subject_of("Moore Threads forecasts narrower 2025 loss", None, text) == "Moore Threads"
    text = "Moore Threads, founded by a former Nvidia executive, showed the Huashan chip."
    assert subject_of("Moore Threads unveils Huashan chip", None, text) == "Moore Threads"
    text = "Moore Threads unveiled its next AI chip, codenamed Huashan, on Thursday."
    assert subject_of("Moore Threads unveils Huashan chip", None, text) == "Moore Threads"
    # a person the article introduces by role stays a person
    text = "Chief executive Dana Feld said the group would grow at Kestrel. Feld said so again."
    assert subject_of("Dana Feld joins Kestrel", None, text) == "Kestrel"


def test_the_ministry_is_the_one_named_anywhere_in_the_article_or_story() -> None:
    # (session 23, origin bank 6) "The ministry said" two paragraphs after the ministry
    # was named credited a company of the sentence before; a retelling that names it
    # only as "the MIIT" credited nobody
    f = CitationFinder(OUTLETS)
    text = (
        "China's Ministry of Industry and Information Technology has published a list of 27 "
        "approved chips.\n\nNo products from Nvidia appear on it. "
        "The ministry said the list would be reviewed every six months."
    )
    s = "The ministry said the list would be reviewed every six months."
    orgs = frozenset({("Nvidia", "Nvidia")})
    before = ["No products from Nvidia appear on it."]
    got = f.find(s, MONDAY, "Ledger", article_text=text, orgs=orgs, before=before)
    assert [c.cited_outlet for c in got] == [
        "China Ministry of Industry and Information Technology"
    ]
    other = "The MIIT's list came out on Friday. " + s
    got = f.find(s, MONDAY, "Ledger", article_text=other, story_text=f"{text}\n{other}")
    assert [c.cited_outlet for c in got] == [
        "China Ministry of Industry and Information Technology"
    ]


def test_a_commission_chair_speaks_for_the_commission_the_story_names() -> None:
    # (validation story) "commission chair Diane Whitcomb said" had credited the chair by
    # name; the body written in lower case is the one the article or story names
    from pipeline.credit_names import body_title_of

    f = CitationFinder(OUTLETS)
    s = "“We are not closing the door on data centers,” commission chair Diane Whitcomb said."
    text = "Oregon's Public Utility Commission voted 3-0 on Thursday to pause the deals. " + s
    got = f.find(s, MONDAY, "Ledger", article_text=text, story_text=text)
    assert [c.cited_outlet for c in got] == ["Oregon Public Utility Commission"]
    assert body_title_of("Diane Whitcomb", "Diane Whitcomb, who chairs the commission") == (
        "commission"
    )
    assert body_title_of("Whitcomb", "the ministry spokesperson Whitcomb said") == "ministry"
    # a company's chair is no body's, and a capitalised body is the employer's business
    assert body_title_of("Diane Whitcomb", "company chair Diane Whitcomb said") is None


def test_the_filing_is_the_story_companys() -> None:
    # (session 23, origin bank 6) a listing's filing had been credited to the first
    # company of the sentence, or of the sentence before
    f = CitationFinder(OUTLETS)
    title = "Baidu chip unit Kunlunxin files for Hong Kong listing"
    text = "Kunlunxin, the AI chip unit of Baidu, filed for a listing. Baidu said it was pleased."
    assert subject_of(title, None, text) == "Kunlunxin"
    orgs = frozenset({("Baidu", "Baidu")})

    def who(s: str) -> list[str]:
        got = f.find(
            s, MONDAY, "Ledger", subject="Kunlunxin", article_text=f"{text} {s}", orgs=orgs,
            before=[text],
        )  # fmt: skip
        return [c.cited_outlet for c in got]

    assert who("Baidu owns 59% of Kunlunxin, the filing showed.") == ["Kunlunxin"]
    assert who(
        "The company's net loss narrowed to 610 million yuan, according to the prospectus."
    ) == ["Kunlunxin"]
    assert who("Its prospectus shows that Baidu bought 40 per cent of its output.") == ["Kunlunxin"]
    # a filing the sentence gives its company stays that company's
    assert who("Baidu said in a filing that it owns 59% of the unit.") == ["Baidu"]


def test_names_asked_about_and_generic_openers_are_not_credits(finder: CitationFinder) -> None:
    # (session 25, validation) a name inside an indirect question had been credited with
    # the forecast it is asked about, and "Other states" had credited "Other"
    assert cites(finder, "CoreWeave expects to spend $5 billion on the campus.") == [
        ("CoreWeave", None, False)
    ]
    for s in (
        "Neither company would say how much CoreWeave expects to spend on the campus itself.",
        "The company would not say how many chips Apple expects to buy.",
        "Vistra declined to say when CoreWeave expects to draw power.",
        "Other states have been writing special rules for very large power users.",
    ):
        assert cites(finder, s) == [], s


def test_a_lowercase_letter_and_hyphen_open_a_name(finder: CitationFinder) -> None:
    # (session 25, validation) "d-Matrix" had been read as "Matrix" in headlines, so "the
    # company has claimed" credited "Matrix", and "d-Matrix said" credited no one
    assert subject_of("Qualcomm to buy d-Matrix for $2.6bn", finder) == "Qualcomm"
    text = "Qualcomm agreed to buy d-Matrix. The d-Matrix chips use in-memory compute."
    assert subject_of("d-Matrix deal: what Qualcomm gets", finder, text) == "d-Matrix"
    assert cites(finder, "d-Matrix said on Tuesday it had raised $275 million.") == [
        ("d-Matrix", date(2026, 3, 31), False)
    ]


def test_it_disclosed_credits_whom_it_means(finder: CitationFinder) -> None:
    # (session 25, validation) "as it disclosed in a research paper" credited no one
    s = "The company trained its first models on Google's TPUs, as it disclosed in a paper."
    assert cites(finder, s, subject="Apple", article_text=s) == [("Apple", None, False)]
    s = "The company sells 40% of its output to Nvidia, as it confirmed on Friday."
    assert cites(finder, s, subject="Micron", article_text=s) == [("Micron", FRIDAY, False)]


def test_a_diary_day_and_an_event_just_over_date_the_credit(finder: CitationFinder) -> None:
    # (session 25, validation) a day heading ("Thursday: ...") and "said after Thursday's
    # vote" had left the credits undated; "the company has described" credited no one
    thursday = date(2026, 4, 2)
    s = "Thursday: the stock dropped 18%, and Pacific Wire reported the company's response."
    assert cites(finder, s) == [("Pacific Wire", thursday, True)]
    s = "Thursday: the stock dropped, and on Friday Pacific Wire reported the response."
    assert cites(finder, s) == [("Pacific Wire", FRIDAY, True)]
    s = "“We are making sure families do not pay,” Acme said after Thursday's vote."
    assert cites(finder, s) == [("Acme", thursday, False)]
    s = "As Pacific Wire noted, the stock finished Monday's session 3.9% higher."
    assert cites(finder, s) == [("Pacific Wire", None, True)]
    s = "Acme moved its GPU to a 7nm process, a shift the company has described as insurance."
    assert cites(finder, s, subject="Acme", article_text=s) == [("Acme", None, False)]


def test_prosecutors_speak_for_the_prosecuting_office_the_story_names() -> None:
    # (session 26, origin bank 3) "Prosecutors said" had credited "Prosecutors"
    finder = CitationFinder(OUTLETS)
    s = "Prosecutors said the defendants routed the chips through Malaysia."
    text = "Three people were charged, the US Justice Department said on Friday. " + s
    got = finder.find(s, MONDAY, "Ledger", article_text=text)
    assert [c.cited_outlet for c in got] == ["US Justice Department"]
    s = "Prosecutors said on Friday that two executives had been detained."
    text = "The Taipei District Prosecutors Office raided the firm. " + s
    got = finder.find(s, MONDAY, "Ledger", article_text=text)
    assert [c.cited_outlet for c in got] == ["Taipei District Prosecutors Office"]


def test_a_company_website_or_pricing_page_credits_the_company() -> None:
    # (session 26, origin bank 3) "according to its website" credited nobody
    finder = CitationFinder(OUTLETS)
    s = "Lambda lowered its on-demand H100 price to $2.49 an hour, according to its website."
    got = finder.find(s, MONDAY, "Ledger", article_text=s)
    assert [c.cited_outlet for c in got] == ["Lambda"]
    s = "The card has 96GB of memory, according to the company's product page."
    got = finder.find(s, MONDAY, "Ledger", subject="Alibaba", article_text=s)
    assert [c.cited_outlet for c in got] == ["Alibaba"]


def test_a_participle_credit_after_the_subjects_aside() -> None:
    # (session 26, origin bank 6) "Kunlunxin, the AI chip unit of Baidu, filed ...,
    # disclosing that" credited nobody
    s = (
        "Kunlunxin, the AI chip unit of Baidu, filed for a listing in Hong Kong on Friday, "
        "disclosing that its revenue more than doubled last year to 3.5 billion yuan."
    )
    got = CitationFinder(OUTLETS).find(s, MONDAY, "Ledger", article_text=s)
    assert [(c.cited_outlet, c.cited_date) for c in got] == [("Kunlunxin", FRIDAY)]
