"""Claims: clauses of a sentence with the attribution stripped (pipeline.claims)."""

from __future__ import annotations

import pytest

from pipeline.claims import asides, claims


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # leading credit with "that"
        (
            "The Compute Report said last Friday that DeepSeek had built V4 to run on "
            "Huawei's Ascend 950PR accelerators.",
            ["DeepSeek had built V4 to run on Huawei's Ascend 950PR accelerators"],
        ),
        # dateline and trailing credit
        (
            "BEIJING, April 4 (Pacific Wire) - Alibaba and Tencent have ordered hundreds of "
            "thousands of the chips, two people familiar with the matter said.",
            ["Alibaba and Tencent have ordered hundreds of thousands of the chips"],
        ),
        # "according to X," at the start
        (
            "According to a report from The Compute Report, DeepSeek has built V4 to run on "
            "Ascend chips.",
            ["DeepSeek has built V4 to run on Ascend chips"],
        ),
        # two clauses joined by ", and that": two claims
        (
            "Nvidia said in its filing that the US now requires a licence to export the H20, "
            "and that officials told the company on April 14 the rule would stay indefinitely.",
            [
                "The US now requires a licence to export the H20",
                "Officials told the company on April 14 the rule would stay indefinitely",
            ],
        ),
        # (detail bank 2) what the subject "said" after its own act is a claim of its own
        (
            "SambaNova on Tuesday launched a processor called SN50, and said Japan's SoftBank "
            "would be its first customer.",
            [
                "SambaNova on Tuesday launched a processor called SN50",
                "Japan's SoftBank would be its first customer",
            ],
        ),
        # two clauses joined by a bare "and" before a subject and its verb: two claims; an
        # "and" inside a list or before an object does not split
        (
            "Samsung will make the AI6 chips in Texas and Tesla will pay about $16.5 billion.",
            ["Samsung will make the AI6 chips in Texas", "Tesla will pay about $16.5 billion"],
        ),
        (
            "Samsung and SK hynix will supply HBM4 samples to Nvidia and AMD this quarter.",
            ["Samsung and SK hynix will supply HBM4 samples to Nvidia and AMD this quarter"],
        ),
        # a short label before a colon is dropped; "per X" at the end too
        (
            "Pricing pressure: 950PR prices are up about 20% in a matter of weeks, per "
            "Pacific Wire.",
            ["950PR prices are up about 20% in a matter of weeks"],
        ),
        # a credit in the middle
        (
            "Cerebras raised $1.32 billion, the company said in a statement, in a deal that "
            "valued it at $13 billion.",
            ["Cerebras raised $1.32 billion, in a deal that valued it at $13 billion"],
        ),
        # "X says" without "that"
        (
            "Nvidia's filing says it was informed on April 9 that a licence is needed.",
            ["It was informed on April 9 that a licence is needed"],
        ),
        (
            "Nvidia said the requirement would stay in force.",
            ["The requirement would stay in force"],
        ),
        # a quotation is one claim, whatever its commas; the speaker after it is dropped
        (
            "“We design the CPU, the server and the software together, and that lets us cut "
            "costs,” said Leena Varghese, a Microsoft vice-president.",
            [
                "“We design the CPU, the server and the software together, and that lets us cut costs,”"
            ],
        ),
        # a list joined by "and" is one claim, not two
        (
            "Alibaba, ByteDance and Tencent ordered the chips for their clouds.",
            ["Alibaba, ByteDance and Tencent ordered the chips for their clouds"],
        ),
    ],
)
def test_claims(sentence: str, expected: list[str]) -> None:
    assert [c.text for c in claims(sentence)] == expected


def test_claim_spans_cover_their_clause() -> None:
    s = "Prices rose 20% in April; shipments fell 5% in May as buyers waited."
    parts = claims(s)
    assert [c.text for c in parts] == [
        "Prices rose 20% in April",
        "Shipments fell 5% in May as buyers waited",
    ]
    # a quantity's position tells which claim holds it
    assert parts[0].start <= s.index("20%") < parts[0].end
    assert parts[1].start <= s.index("5%") < parts[1].end


def test_a_sentence_that_is_all_credit_keeps_its_text() -> None:
    # nothing but attribution: the claim falls back to the sentence, never empty
    parts = claims("The Compute Report first reported the plan on April 4.")
    assert len(parts) == 1 and parts[0].text


def test_appositives_and_participles_are_claims_of_their_own() -> None:
    from pipeline.claims import asides

    got = [
        c.text
        for c in asides(
            "NEW YORK, Sept 30 (Pacific Wire) - Meta has agreed to acquire Rivos, a start-up "
            "that designs processors based on RISC-V, according to people familiar with it."
        )
    ]
    assert got == ["Rivos is a start-up that designs processors based on RISC-V"]
    assert [
        c.text for c in asides("The start-up, founded in 2021, counts Intel among its backers.")
    ] == ["The start-up was founded in 2021"]
    # a name given in passing is a fact of its own ("the PPU is designed by T-Head")
    assert [
        c.text
        for c in asides(
            "The processor, called the PPU and designed by T-Head, runs in a Qinghai data centre."
        )
    ] == ["The processor is called the PPU and designed by T-Head"]
    assert [c.text for c in asides("The chip, made by TSMC on its N3 process, ships in May.")] == [
        "The chip was made by TSMC on its N3 process"
    ]


@pytest.mark.parametrize(
    ("sentence", "want"),
    [
        (
            "Per Datacenter Dispatch's write-up, the racks pull about 160kW each, use direct "
            "liquid cooling, and scale up over PCIe.",
            [
                "The racks pull about 160kW each",
                "The racks use direct liquid cooling",
                "The racks scale up over PCIe",
            ],
        ),
        (
            "The chip carries 96GB of HBM2e and beats the H20 on memory bandwidth.",
            ["The chip carries 96GB of HBM2e", "The chip beats the H20 on memory bandwidth"],
        ),
        (
            "The start-up will build a fab in Ohio and hire 400 engineers by 2027.",
            [
                "The start-up will build a fab in Ohio",
                "The start-up will hire 400 engineers by 2027",
            ],
        ),
        (
            "According to Nvidia, the Commerce Department notified it on April 8 that exports "
            "would need a licence, and then followed up on April 14 saying the rule stays.",
            [
                "The Commerce Department notified it on April 8 that exports would need a licence",
                "The Commerce Department then followed up on April 14 saying the rule stays",
            ],
        ),
        # (detail bank 2) a perfect tense in each predicate, a credit between them
        (
            "Etched has raised $350 million, The Information reported on Tuesday, and has "
            "started delivering its Sohu chips.",
            ["Etched has raised $350 million", "Etched has started delivering its Sohu chips"],
        ),
        # (detail bank 2) a relative clause's verb is no subject's predicate
        (
            "The chip, which SambaNova says runs three times faster than the B200, carries "
            "64GB of memory and sells in 64-chip pods.",
            [],
        ),
        # one predicate: nothing to add (the clause is a claim already)
        ("The racks use direct liquid cooling and Ethernet.", []),
        # a noun after "and" is not a second predicate
        ("Both will be sold as accelerator cards and as full racks.", []),
        # a speaker's words stay one claim
        ("“We build the chips and ship the racks,” the company said.", []),
    ],
)
def test_a_list_of_predicates_gives_a_claim_each(sentence: str, want: list[str]) -> None:
    from pipeline.claims import predicates

    assert [c.text for c in predicates(sentence)] == want


def test_a_thousands_comma_does_not_end_an_aside() -> None:
    """The aside "built from 8,192 chips" is whole; cut at the comma, it claimed the
    SuperPoD "was built from 8"."""
    from pipeline.claims import asides

    got = [c.text for c in asides("Its Atlas 950 SuperPoD, built from 8,192 Ascend chips, ships.")]
    assert got == ["Its Atlas 950 SuperPoD was built from 8,192 Ascend chips"]
    got = [c.text for c in asides("Rivos, a start-up with 1,200 engineers in Texas, agreed.")]
    assert got == ["Rivos is a start-up with 1,200 engineers in Texas"]
    # a comma between a number and the next clause still ends the aside
    got = [c.text for c in asides("The chip, made in 2025, 12 months late, ships in May.")]
    assert got == ["The chip was made in 2025"]


def test_a_speakers_description_is_not_an_aside() -> None:
    from pipeline.claims import asides

    assert asides("“It is cheap,” said Tomasz Wierzbicki, an analyst at Halyard Capital.") == []
    assert asides("Dana Feld, an analyst at Halyard, said the deal was small.") == []
    assert asides("SAN FRANCISCO, Oct 23 (Pacific Wire) - Anthropic will rent more chips.") == []


@pytest.mark.parametrize(
    "sentence",
    [
        # the name closes an opening phrase; what follows the comma is the main clause
        "According to CCTV, the PPU has 96 gigabytes of HBM3 memory, the same as the H20.",
        "In a comparison table shown by CCTV, the PPU was listed with 96 GB of HBM2e memory.",
        "Per Datacenter Dispatch, the first phase of the Memphis site is running late.",
    ],
)
def test_an_opening_phrase_is_not_an_aside(sentence: str) -> None:
    from pipeline.claims import asides

    assert [
        c.text for c in asides(sentence) if c.text.startswith(("CCTV", "Per", "Datacenter"))
    ] == []


def test_an_aside_after_a_clause_stands() -> None:
    from pipeline.claims import asides

    got = asides(
        "In raw terms the 950PR is 2.8 times as capable as Nvidia's H20, the most advanced "
        "Nvidia part cleared for sale in China."
    )
    assert [c.text for c in got] == [
        "Nvidia's H20 is the most advanced Nvidia part cleared for sale in China"
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        # a list of items is not a description of the first one
        "Nvidia makes the GPU, the switch and the software stack that ties them together.",
        # the speaker's words are one claim, whatever their commas
        "“We design the CPU, a custom board built for Azure racks, and the software,” she said.",
    ],
)
def test_lists_and_quotations_hold_no_asides(sentence: str) -> None:
    assert asides(sentence) == []
