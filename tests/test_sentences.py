"""Sentence splitting: where a sentence ends, and where it does not."""

from __future__ import annotations

import pytest

from pipeline.sentences import split_sentences


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        # initials and abbreviations do not end a sentence
        (
            "J. Smith said so. U.S. officials agreed.",
            ["J. Smith said so.", "U.S. officials agreed."],
        ),
        # (session 22, origin bank 2) nor do two initials run together
        (
            "Chief Executive Officer C.C. Wei said demand is strong. CEO J.P. Lee agreed.",
            ["Chief Executive Officer C.C. Wei said demand is strong.", "CEO J.P. Lee agreed."],
        ),
        # a product code ending in a capital letter does
        (
            "It beats its HBM3E. In an accelerator, memory matters.",
            ["It beats its HBM3E.", "In an accelerator, memory matters."],
        ),
        # a quotation of two sentences and its attribution are one sentence
        (
            "“Rubin is on schedule. We work with all our partners,” the company said. Shares rose.",
            [
                "“Rubin is on schedule. We work with all our partners,” the company said.",
                "Shares rose.",
            ],
        ),
        # (detail bank 1) the platform X ends a sentence, and so does a letter before a
        # quotation; an initial before a name does not
        (
            'Musk said on X. "I will walk the line," he wrote. He posted on X. It agreed.',
            [
                "Musk said on X.",
                '"I will walk the line," he wrote.',
                "He posted on X.",
                "It agreed.",
            ],
        ),
        (
            "It was signed by Lisa T. Su. “We are ready,” she said. Reporting by A. B. Jones.",
            [
                "It was signed by Lisa T. Su.",
                "“We are ready,” she said.",
                "Reporting by A. B. Jones.",
            ],
        ),
        # (the sample corpus) a straight quotation of two sentences is one sentence too;
        # quoted words inside sentences still end nothing early
        (
            'It is cheap. "The US framed it as chips. China is treating it as energy," she said.',
            [
                "It is cheap.",
                '"The US framed it as chips. China is treating it as energy," she said.',
            ],
        ),
        (
            'He said "yes" twice. Then "no" once. End.',
            ['He said "yes" twice.', 'Then "no" once.', "End."],
        ),
        # a quotation that never closes in the paragraph does not swallow it
        ("“Rubin is on schedule. Shares rose.", ["“Rubin is on schedule.", "Shares rose."]),
    ],
)
def test_sentence_boundaries(paragraph: str, expected: list[str]) -> None:
    assert split_sentences(paragraph) == expected
