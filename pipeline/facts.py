"""The data of the details stage: a *mention* (one fact stated in one sentence), a
*detail* (the mentions of one fact across a story's articles, with rival values as
conflicts) and the parameters that decide how mentions are grouped.

Shared by pipeline.mentions (which finds mentions), pipeline.details (which groups them)
and pipeline.conflicts (which decides when two values are rivals).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from pipeline.quantities import Quantity

# a quotation long enough to be a statement of its own (short ones are names or terms)
LONG_QUOTE = re.compile(r"[\"“]([^\"”]{25,})[\"”]")


@dataclass(frozen=True)
class Mention:
    """One fact stated in one sentence of one article: a quantity, a date, or a claim in
    words (a *statement*)."""

    article_id: str
    sentence: str
    paragraph: int
    kind: str  # 'quantity' | 'date' | 'statement'
    value: Quantity | None
    day: date | None  # for kind == 'date'
    context: frozenset[str]  # content words around the value
    keys: frozenset[str]  # named entities / product codes in the sentence
    vector_index: int  # row of the sentence vector
    values: tuple[Quantity, ...] = ()  # for statements: the sentence's quantities
    claim: str = ""  # for statements: the clause stated, attribution stripped
    of: str = ""  # what a value is of, where rival mentions disagree on it ("HBM3")
    news: bool = False  # a cited report's date, credited to a news outlet (not a company)

    def value_text(self) -> str:
        if self.kind == "date" and self.day:
            return self.day.isoformat()
        if self.value is not None:
            return f"{self.value.text} of {self.of}" if self.of else self.value.text
        return ""


@dataclass
class Detail:
    """The mentions of one fact across a story's articles; ``conflicts`` holds the groups
    that give the same fact another value."""

    mentions: list[Mention]
    conflicts: list[list[Mention]] = field(default_factory=list)  # other-value groups

    def articles(self) -> set[str]:
        return {m.article_id for m in self.mentions}

    def is_notable(self) -> bool:
        """Values, dates and quotes always are; a plain statement is when a second outlet
        repeats it (a lone sentence in words is commentary as often as it is a fact)."""
        first = self.mentions[0]
        if first.kind != "statement" or self.conflicts:
            return True
        if len({m.article_id for m in self.mentions}) >= 2:
            return True
        return bool(LONG_QUOTE.search(first.sentence))


@dataclass(frozen=True)
class DetailParams:
    """The grouping's thresholds (scores are claim cosine plus ``lexical_weight`` x shared
    rare words); chosen on the development splits with ``bench/tune_details.py``."""

    conflict_cos: float = 0.5  # same unit, other value, this similar + shared context
    date_conflict_cos: float = 0.75
    conflict_max_ratio: float = 1.7  # values further apart are different facts, not a conflict
    # ... unless the two claims are near paraphrases: "scale to 65,536 GPUs" against "with
    # 131,072 GPUs" is one slot, twice the other (a generation or a doubling misread)
    far_conflict_cos: float = 0.85
    far_conflict_ratio: float = 2.0
    min_context_overlap: int = 0
    lexical_weight: float = 1.25  # weight of shared rare words next to claim cosine
    statement_threshold: float = 0.7  # mean pair score for statements to be one detail
    quantity_threshold: float = 0.35
    date_threshold: float = 0.45
    repeat_threshold: float = 0.8  # one article's two mentions of a value: the same fact
    second_fact_threshold: float = 0.75  # a statement joins a second group at this mean score
    attach_max: float = 0.8  # a lone mention joins a group one member of which it matches so
    attach_mean: float = 0.5  # ... and the whole group on average
    # a lone value mention joins the group of its value on far less ("Five billion dollars
    # is real money" and "Nvidia will invest $5 billion in Intel"): the value agrees already
    value_attach_max: float = 0.2
    value_attach_mean: float = 0.1
    join_max: float = 0.8  # two groups of one value join when one pair states it this alike
    join_mean: float = 0.3  # ... and all pairs across agree on average at this
    quote_keep: float = 1.0  # a non-quoting member of a quotation's group matches it this well
    first_keep: float = 0.7  # a statement group's earliest member matches the rest this well
    # two mentions of one precise figure ("more than $37 billion", "16.5 billion") score
    # this much more: a figure with two or more significant digits is a fingerprint
    precise_bonus: float = 0.2
    # a counted unit or a span only two value groups of the story use ("five High-NA
    # scanners" and "7 High-NA EUV machines", "valid for one year" and "two-year
    # licences"): one slot at this lower similarity than conflict_cos
    sole_unit_cos: float = 0.3
