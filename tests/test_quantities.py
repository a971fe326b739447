"""pipeline.quantities: finding and normalising quantities, and telling whether two
statements of a value agree (``compatible``). Pure functions, no I/O."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline.quantities import Quantity, compatible, find_quantities, quantity_keys


def one(text: str) -> Quantity:
    """The single quantity a phrase states."""
    found = find_quantities(text)
    assert len(found) == 1, f"{text!r} -> {found}"
    return found[0]


def agree(a: str, b: str) -> bool:
    return compatible(one(a), one(b))


# ---------------------------------------------------------------------------- parameters

TRILLION_PARAMETERS = [
    "The model has 1T parameters.",
    "The model has one trillion parameters.",
    "The model has 1,000 billion parameters.",
    "It is a roughly one-trillion-parameter model.",
    "It has approximately one trillion total parameters.",
    "It has about 1 trillion total parameters.",
    "It is a 1 trillion-parameter model.",
    "The model has 1tn parameters.",
]


@pytest.mark.parametrize("text", TRILLION_PARAMETERS)
def test_one_trillion_parameters_in_every_phrasing(text: str) -> None:
    q = one(text)
    assert q.value == 1e12
    assert q.unit == "parameter"
    assert q.key() == "parameter:1e+12"


def test_trillion_phrasings_all_compatible_with_each_other() -> None:
    qs = [one(t) for t in TRILLION_PARAMETERS]
    for a in qs:
        for b in qs:
            assert compatible(a, b), (a.text, b.text)


def test_roughly_marks_the_value_approximate() -> None:
    assert one("It is a roughly one-trillion-parameter model.").approx
    assert one("It has about 1 trillion total parameters.").approx
    assert not one("The model has 1T parameters.").approx


def test_one_trillion_with_abbreviation_in_brackets() -> None:
    """ "1 Trillion (1T)": two statements of one value, both 1e12."""
    found = find_quantities("It has 1 Trillion (1T) parameters.")
    assert [q.value for q in found] == [1e12, 1e12]
    assert compatible(found[0], found[1])


def test_37b_equals_37_billion() -> None:
    a, b = one("37B active per token"), one("37 billion active per token")
    assert a.value == b.value == 37e9
    assert a.key() == b.key()
    assert compatible(a, b)


def test_37b_parameters_counted_noun() -> None:
    assert one("a 37B-parameter expert").unit == "parameter"
    assert one("37 billion parameters").unit == "parameter"


# ---------------------------------------------------------------------------- money

MONEY = ["a charge of $5.5bn", "a charge of $5.5 billion", "a charge of 5.5 billion dollars"]


@pytest.mark.parametrize("text", MONEY)
def test_five_and_a_half_billion_dollars(text: str) -> None:
    q = one(text)
    assert q.value == pytest.approx(5.5e9)
    assert q.unit == "usd"
    assert q.key() == "usd:5.5e+09"


def test_money_phrasings_compatible() -> None:
    qs = [one(t) for t in MONEY]
    assert all(compatible(a, b) for a in qs for b in qs)


@pytest.mark.parametrize(
    ("text", "unit", "value"),
    [
        ("US$5.5 billion", "usd", 5.5e9),
        ("€5bn", "eur", 5e9),
        ("RMB 10 billion", "cny", 1e10),
        ("$0.14 per million input tokens", "usd", 0.14),
        ("$12,000 each", "usd", 12_000.0),
    ],
)
def test_currencies(text: str, unit: str, value: float) -> None:
    q = one(text)
    assert q.unit == unit
    assert q.value == pytest.approx(value)


def test_different_currencies_never_compatible() -> None:
    assert not agree("$5bn", "€5bn")


# ---------------------------------------------------------------------------- percent

PERCENT = ["up 15%", "up fifteen percent", "a 15 per cent cut", "up 15 percent", "up 15pct"]


@pytest.mark.parametrize("text", PERCENT)
def test_fifteen_percent(text: str) -> None:
    q = one(text)
    assert q.value == 15.0
    assert q.unit == "pct"


def test_percent_phrasings_compatible() -> None:
    qs = [one(t) for t in PERCENT]
    assert all(compatible(a, b) for a in qs for b in qs)


def test_percent_and_bare_number_do_not_contradict_but_percent_and_money_do() -> None:
    assert not agree("up 15%", "$15bn")


def test_percentage_points_are_a_quantity() -> None:
    q = one("margins rose 3 percentage points")
    assert (q.value, q.unit) == (3.0, "pct")


# ---------------------------------------------------------------------------- power, memory

POWER = ["a 10 GW campus", "ten gigawatts of capacity", "10,000 megawatts of capacity", "10GW"]


@pytest.mark.parametrize("text", POWER)
def test_ten_gigawatts(text: str) -> None:
    q = one(text)
    assert q.unit == "W"
    assert q.value == pytest.approx(1e10)
    assert q.key() == "W:1e+10"


def test_power_phrasings_compatible() -> None:
    qs = [one(t) for t in POWER]
    assert all(compatible(a, b) for a in qs for b in qs)


@pytest.mark.parametrize(
    ("text", "unit", "value"),
    [
        ("16 GB of memory", "B", 16e9),
        ("6.4 TB/s of bandwidth", "B/s", 6.4e12),
        ("a 3nm process", "nm", 3.0),
        ("7 nanometres", "nm", 7.0),
    ],
)
def test_memory_and_process_units(text: str, unit: str, value: float) -> None:
    q = one(text)
    assert q.unit == unit
    assert q.value == pytest.approx(value)


@pytest.mark.parametrize("text", ["Power: 400W each.", "both draw 400 watts", "a 400-watt card"])
def test_watts_are_power(text: str) -> None:
    q = one(text)
    assert (q.unit, q.value) == ("W", 400.0)
    assert compatible(q, one("0.4 kW"))


def test_hyphenated_units() -> None:
    assert (one("a 10-gigawatt campus").value, one("a 10-gigawatt campus").unit) == (1e10, "W")
    assert one("a 15-percent cut").unit == "pct"


# ---------------------------------------------------------------------------- codes


@pytest.mark.parametrize(
    "text",
    [
        "H20",
        "950PR",
        "MI450",
        "HBM4",
        "Nvidia's H20 chip",
        "Ascend 950PR chips",
        "AMD's MI450 accelerator",
        "HBM4 memory",
        "the MI450X",
        "Ascend 910C",
        "H20s shipped",
        "the H20 and MI450 chips use HBM4 memory",
    ],
)
def test_numbers_inside_product_codes_are_not_quantities(text: str) -> None:
    assert find_quantities(text) == []
    assert quantity_keys(text) == set()


def test_code_next_to_a_real_quantity() -> None:
    found = find_quantities("Alibaba ordered 200,000 Ascend 950PR chips for $2.4bn.")
    assert [(q.value, q.unit) for q in found] == [(200_000.0, "chip"), (2.4e9, "usd")]


def test_years_are_marked_and_left_out_of_keys() -> None:
    found = find_quantities("prices rose 20% in 2026")
    assert [(q.value, q.unit) for q in found] == [(20.0, "pct"), (2026.0, "year")]
    assert quantity_keys("prices rose 20% in 2026") == {"pct:20"}


# ---------------------------------------------------------------------------- compatible()


def test_nearly_three_times_agrees_with_2_8x() -> None:
    assert agree("nearly three times", "2.8x")
    assert agree("2.8x", "nearly three times")


def test_5_3bn_disagrees_with_about_5_5bn() -> None:
    assert not agree("$5.3bn", "about $5.5bn")
    assert not agree("about $5.5bn", "$5.3bn")


def test_1_2_trillion_disagrees_with_1_trillion() -> None:
    assert not agree("1.2 trillion", "1 trillion")
    assert not agree("1.2 trillion parameters", "1T parameters")
    assert not agree("1T parameters", "1.6T parameters")


def test_compatible_requires_matching_units_when_both_given() -> None:
    assert not agree("15%", "15x")
    assert not agree("10 GW", "10 GB")


def test_exact_different_values_at_same_precision_disagree() -> None:
    assert not agree("37B", "38B")
    assert not agree("up 15%", "up 16%")


def test_compatible_is_symmetric_on_examples() -> None:
    pairs = [
        ("nearly three times", "2.8x"),
        ("$5.3bn", "about $5.5bn"),
        ("1.2 trillion", "1 trillion"),
        ("about 1 trillion", "1,000 billion"),
        ("10 GW", "10,000 megawatts"),
    ]
    for a, b in pairs:
        assert agree(a, b) == agree(b, a), (a, b)


def test_about_one_trillion_does_not_absorb_1_4_trillion() -> None:
    assert not agree("about 1 trillion parameters", "1.4 trillion parameters")


def test_half_a_trillion() -> None:
    values = [q.value for q in find_quantities("half a trillion parameters")]
    assert values == [5e11]


# ---------------------------------------------------------------------------- property


@given(st.integers(min_value=10, max_value=10**15))
def test_comma_formatted_integers_parse_back(n: int) -> None:
    text = f"The company shipped {n:,} units last year."
    found = [q for q in find_quantities(text) if q.unit != "year"]
    assert len(found) == 1
    q = found[0]
    assert q.value == n
    assert q.unit == "unit"
    assert q.text == f"{n:,}"
    # and the same integer without commas is the same quantity
    plain = one(f"The company shipped {n} units last year.")
    assert plain.key() == q.key()
    assert compatible(plain, q)


@given(st.integers(min_value=1, max_value=999), st.sampled_from(["billion", "bn", "B"]))
def test_billions_in_any_spelling_have_the_same_key(n: int, scale: str) -> None:
    sep = "" if scale == "B" else " "
    q = one(f"They raised ${n}{sep}{scale} from investors.")
    assert q.unit == "usd"
    assert q.value == pytest.approx(n * 1e9)
    assert q.key() == one(f"They raised ${n} billion from investors.").key()


def test_clock_times_are_not_quantities() -> None:
    assert find_quantities("The briefing starts at 10:30 a.m. local time.") == []
    assert find_quantities("Shares fell at 14:45 GMT.") == []


def test_durations_share_one_unit() -> None:
    [a] = find_quantities("a 180-day lock-up")
    [b] = find_quantities("a six-month lock-up")
    [c] = find_quantities("working together for about 18 months")
    [d] = find_quantities("at this for two years")
    assert a.unit == b.unit == c.unit == d.unit == "days"
    assert compatible(a, b)  # 180 days is six months
    assert not compatible(c, d)  # 18 months is not two years: a conflict, not one value
    # a calendar year is not a duration
    [y] = find_quantities("by the end of 2029")
    assert y.unit == "year" and y.value == 2029


def test_a_period_of_the_year_is_not_a_duration_fact() -> None:
    assert find_quantities("revenue for the first six months of the year") == []
    assert find_quantities("over the past two years") == []
    [q] = find_quantities("the 180-day lock-up")
    assert q.unit == "days" and q.value == 180
    assert find_quantities("sales in the last 12 months") == []


def test_a_span_that_the_verb_last_or_for_gives_is_a_duration() -> None:
    # (validation story) "would last 12 months", "will last a year", "runs for a year"
    [q] = find_quantities("The pause would last 12 months.")
    [y] = find_quantities("The pause will last a year.")
    [r] = [x for x in find_quantities("It starts on June 1 and runs for a year.") if x.unit]
    assert q.unit == y.unit == r.unit == "days"
    assert compatible(q, y) and compatible(y, r)
    [m] = find_quantities("The ban lasts a month.")
    assert m.value == 30.4375
    # an offset or a possessive is no span
    assert find_quantities("Revenue rose from a year earlier.") == []
    assert find_quantities("It built a year's worth of stock.") == []


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("The chip carries 196 cores.", "core"),
        ("It has 192 processing cores.", "core"),
        ("12 DDR5 channels", "channel"),
        ("120,000 CoWoS wafers a month", "wafer"),
        ("8 Nvidia GPUs per server", "chip"),  # GPUs, TPUs, accelerators: all chips
        ("about 15 batteries", "battery"),
    ],
)
def test_what_is_counted_is_the_unit(text: str, unit: str) -> None:
    [q] = find_quantities(text)
    assert q.unit == unit


def test_word_numbers_before_prose_nouns_are_not_counts() -> None:
    assert find_quantities("three Chinese tech giants placed orders") == []


def test_counts_of_the_same_thing_can_conflict() -> None:
    [a] = find_quantities("The chip carries 196 cores.")
    [b] = find_quantities("The chip packs 192 cores.")
    [c] = find_quantities("It has 192MB of cache.")
    assert not compatible(a, b) and a.unit == b.unit  # a conflict candidate
    assert not compatible(b, c)  # 192 cores are not 192MB


def test_a_product_code_after_a_number_is_not_its_unit() -> None:
    [q] = find_quantities("The first phase is designed for 300,000 GB300 GPUs.")
    assert (q.value, q.unit, q.text) == (300_000.0, "chip", "300,000")
    [q] = find_quantities("It carries 80 GB of HBM.")
    assert (q.value, q.unit) == (80e9, "B")


def test_spelled_out_byte_units_equal_their_abbreviations() -> None:
    [a] = find_quantities("Each chip carries 192 gigabytes of high-bandwidth memory.")
    [b] = find_quantities("It carries 192GB of HBM3E.")
    assert (a.value, a.unit) == (192e9, "B") and compatible(a, b)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("It raised more than a quarter of a billion dollars", 250e6),
        ("It will ship three quarters of a million units", 750e3),
        ("a third of a trillion dollars", 1e12 / 3),
    ],
)
def test_fractions_of_a_scale(text: str, value: float) -> None:
    q = find_quantities(text)[0]
    assert q.value == pytest.approx(value)


def test_a_quarter_of_something_else_is_not_a_number() -> None:
    assert find_quantities("a quarter of the market") == []


def test_a_unit_with_an_article_is_one_of_it() -> None:
    [a] = find_quantities("It will bring well over a gigawatt of capacity online.")
    [b] = find_quantities("Power: well over 1GW of capacity.")
    assert (a.value, a.unit) == (1e9, "W") and compatible(a, b)


def test_orders_of_magnitude_agree_only_with_themselves() -> None:
    [a] = find_quantities("The deal is worth tens of billions of dollars.")
    [b] = find_quantities("Money: tens of billions of dollars over the life of the deal.")
    [c] = find_quantities("Amazon has invested $8 billion in the start-up.")
    assert compatible(a, b)
    assert a.unit != c.unit  # never a conflict with a precise figure
    [d] = find_quantities("They ordered hundreds of thousands of the chips.")
    assert (d.value, d.unit) == (1e5, "vague")


@pytest.mark.parametrize(
    ("text", "nm"),
    [
        ("TSMC is building it on the N3P process.", 3.0),
        ("It will be fabbed on Samsung's SF2 node.", 2.0),
        ("Intel plans to make it on 18A.", 1.8),
        ("TSMC's A16 process enters production next year.", 1.6),
    ],
)
def test_foundry_node_names_are_nanometre_values(text: str, nm: float) -> None:
    [q] = [q for q in find_quantities(text) if q.unit == "nm"]
    assert q.value == pytest.approx(nm)
    # the same fact as the plain figure
    [plain] = find_quantities(f"It is made on a {nm:g}nm process.")
    assert compatible(q, plain)


@pytest.mark.parametrize(
    "text", ["The iPhone's A16 Bionic chip is two years old.", "N2 is a gas.", "Model N5 ships."]
)
def test_node_like_codes_without_a_foundry_context_are_not_values(text: str) -> None:
    assert [q for q in find_quantities(text) if q.unit == "nm"] == []


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("up to one million TPUs", "as many as a million chips"),
        ("1 million tensor processing units", "one million accelerators"),
        ("about 400 engineers", "about 400 employees"),
        ("more than 300,000 businesses", "more than 300,000 business customers"),
        ("23 Chinese companies and research institutes", "23 Chinese entities"),
        ("24 firms", "24 organisations"),
    ],
)
def test_interchangeable_counted_nouns_are_one_unit(a: str, b: str) -> None:
    [qa], [qb] = find_quantities(a), find_quantities(b)
    assert qa.unit == qb.unit and compatible(qa, qb)


def test_people_familiar_with_the_matter_are_not_a_count() -> None:
    # sources are not a fact: "three people" is no counted value
    assert all(q.unit != "people" for q in find_quantities("three people familiar with it"))
    # ... while a headcount in digits is one (session 18), the same as its employees
    [q] = find_quantities("Rivos has about 400 people")
    assert q.unit == "people" and compatible(q, one("400 employees"))
    # and what is counted still tells facts apart
    [cores] = find_quantities("192 cores")
    [chips] = find_quantities("192 chips")
    assert not compatible(cores, chips)


def test_a_preposition_ends_the_phrase_after_a_number() -> None:
    # "2022 after dozens of engineers left" is a year, not 2,022 dozens
    [q] = find_quantities("Apple sued the start-up in 2022 after dozens of its engineers left")
    assert (q.value, q.unit) == (2022.0, "year")


@pytest.mark.parametrize(
    "text", ["Cobalt 300 is not an AI accelerator.", "Most Cobalt 300 servers are air-cooled."]
)
def test_a_number_in_a_product_name_is_not_a_quantity(text: str) -> None:
    assert find_quantities(text) == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("About 300 engineers joined.", 300.0),  # a capitalised word that is not a name
        ("An Ironwood pod links Ironwood 9,216 chips.", 9216.0),  # a count, not a model
        ("TSMC 3nm capacity is sold out.", 3.0),  # a measure, never a model number
    ],
)
def test_numbers_after_capitalised_words_that_are_values(text: str, value: float) -> None:
    assert [q.value for q in find_quantities(text)] == [value]


@pytest.mark.parametrize(
    "text",
    [
        "The memory maker ships, per the ATB report, an eight-high stack.",  # initials
        "Power is planned at gigawatt scale.",  # "at" is not "a t(rillion)"
    ],
)
def test_a_word_number_does_not_run_into_the_next_word(text: str) -> None:
    assert find_quantities(text) == []


def test_a_word_number_keeps_its_fold() -> None:
    [q] = find_quantities("Demand for the chips rose roughly sevenfold in a year.")
    assert (q.value, q.unit) == (7.0, "x")


def test_an_approximate_percentage_agrees_within_half_a_point() -> None:
    # "about 3%" is how a retelling rounds 3.4%; 4.2% is another figure
    assert agree("Nvidia fell 3.4% on Monday.", "Nvidia fell about 3% on Monday.")
    assert not agree("Nvidia fell 3.6% on Monday.", "Nvidia fell about 3% on Monday.")
    assert not agree("Nvidia fell 3.4% on Monday.", "Nvidia fell 3% on Monday.")
    # and the ten-percent rule for larger values stands
    assert not agree("about 1 trillion parameters", "1.2 trillion parameters")


def test_a_figure_rounded_to_two_digits_agrees_without_about() -> None:
    # reporters round without saying so once two digits are left
    assert agree("Qualcomm shares closed up 11.1% on Monday.", "Qualcomm closed 11% higher.")
    assert agree("capital spending of $17.1 billion", "capital spending of $17 billion")
    # one digit left needs "about": $5 billion is not $5.3 billion
    assert not agree("a $5.3 billion charge", "a $5 billion charge")
    assert agree("a $5.3 billion charge", "a charge of about $5 billion")
    # equal digits that differ stay apart
    assert not agree("192 cores", "196 cores")


def test_bandwidth_written_out_per_second_is_a_rate() -> None:
    # (conflict bank 1) "17.2 terabytes per second" is the unit of "19.6TB/s", not a capacity
    for text in ("17.2 terabytes per second", "17.2 TB per second", "17.2 terabytes a second"):
        assert one(text).unit == "B/s" and one(text).value == 17.2e12
    assert agree("1.8 TB/s", "1.8 terabytes per second")
    assert one("96 gigabytes of memory").unit == "B"
    # (validation story) "of data" between the size and the second
    assert one("about 0.8 terabytes of data per second").unit == "B/s"
    assert agree("about 819 GB/s", "about 0.8 terabytes of data per second")
    assert one("2 terabytes of data").unit == "B"


def test_a_hedged_range_is_one_value() -> None:
    from pipeline.quantities import merge_ranges

    # "around 1.7 to 1.8 TB/s": the hedge is the range's, and 1.7 takes the upper end's unit
    text = "a 512-bit bus delivers somewhere around 1.7 to 1.8 TB/s, less than half"
    merged = merge_ranges(find_quantities(text), text)
    assert [q.text for q in merged] == ["512", "around 1.7 to 1.8 TB/s"]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # (detail bank 1) a hyphenated range whose unit or scale only the upper end writes
        ("The campus will draw 1-2 GW of power.", ("1-2 GW", 1e9, "W..2e+09")),
        ("Racks pull 120-140 kW each.", ("120-140 kW", 120e3, "W..140000")),
        ("It grew 20-25% last year.", ("20-25%", 20.0, "pct..25")),
        ("A 3%-5% price increase on wafers.", ("3%-5%", 3.0, "pct..5")),
        ("Capex guidance of US$40-42 billion.", ("US$40-42 billion", 40e9, "usd..4.2e+10")),
        (
            "Revenue of $40 billion to $42 billion.",
            ("$40 billion to $42 billion", 40e9, "usd..4.2e+10"),
        ),
    ],
)
def test_a_range_written_with_a_hyphen_is_one_value(
    text: str, want: tuple[str, float, str]
) -> None:
    from pipeline.quantities import merge_ranges

    merged = merge_ranges(find_quantities(text), text)
    assert [(q.text, q.value, q.unit) for q in merged] == [want]


def test_a_hyphen_between_bare_numbers_is_no_range() -> None:
    # an ISO date, a fiscal year and a product code are not ranges
    text = "On 2026-04-03 the fiscal 2025-26 plan named the MI300-2 card."
    assert [q.text for q in find_quantities(text)] == ["2026", "2025"]
    # an upper end of zero is no scale for the lower end (and no division by zero)
    from pipeline.quantities import merge_ranges

    text = "A $5-0 billion swing."
    assert [q.unit for q in merge_ranges(find_quantities(text), text)] == ["usd", ""]


def test_data_rates_per_pin_are_bits_per_second() -> None:
    # (detail bank 1) "10Gbps per pin" is "10 GT/s per pin", and neither is a byte rate
    assert one("more than 10Gbps per pin").unit == "b/s"
    assert agree("over 10 GT/s per pin", "more than 10Gbps")
    assert agree("11 gigabits per second", "11Gbps")
    assert not agree("10Gbps", "10 GB/s")
    # (detail bank 2) a switch's terabits: "102.4 terabits per second" is "102.4Tbps"
    assert agree("102.4 terabits per second", "102.4Tbps")
    assert not agree("102.4Tbps", "102.4 TB/s")


def test_a_petaflop_without_its_s() -> None:
    # (detail bank 4) "1 PFLOP" is "one petaflop"
    assert agree("up to 1 PFLOP", "up to one petaflop")
    assert one("a 5 TFLOP part").unit == "FLOPS"


def test_ai_throughput_in_tops() -> None:
    # (detail bank 2) "180 TOPS" is "180 trillion operations per second"
    assert one("up to 180 TOPS").unit == "OPS"
    assert agree("up to 180 TOPS", "up to 180 trillion operations per second")
    assert not agree("50 TOPS", "180 TOPS")
    # "tops" as a verb is no unit, after a figure neither
    assert one("The stock tops $100.").unit == "usd"
    assert one("Its value of $4 trillion tops Apple's.").unit == "usd"


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("about a year and a half", 1.5 * 365.25),
        ("two and a half years", 2.5 * 365.25),
        ("a month and a half", 1.5 * 30.4375),
    ],
)
def test_and_a_half_is_one_span(text: str, days: float) -> None:
    q = one(text)
    assert q.unit == "days" and q.value == pytest.approx(days)
    assert agree("about a year and a half", "about 18 months")


def test_clock_speeds_and_currency_codes_are_units() -> None:
    # (conflict bank 3) "2.4GHz" against "2.1 GHz" is one spec; "EUR4.5 billion" is euros
    assert one("a peak clock of 2.4GHz").unit == "Hz" and one("2.4GHz").value == 2.4e9
    assert agree("2.4GHz", "2.4 gigahertz") and not agree("2.4GHz", "2.1 GHz")
    assert (one("EUR4.5 billion").unit, one("EUR4.5 billion").value) == ("eur", 4.5e9)
    assert agree("EUR 5 billion", "€5 billion") and agree("USD 2 billion", "$2 billion")
    assert one("The EUR fell to 1.08").unit == ""


def test_compute_rates_are_one_unit_whatever_their_prefix() -> None:
    # (conflict bank 3) "4,614 teraFLOPS" is a chip's compute, not a bare count that may
    # rival a pod's "9,216" chips; teraFLOPS and petaflops compare across prefixes
    assert (one("Peak compute is 4,614 teraFLOPS at FP8").unit, one("4,614 teraFLOPS").value) == (
        "FLOPS",
        4.614e15,
    )
    assert agree("4,614 teraFLOPS", "4.6 petaflops") and agree("42.5 exaflops", "42.5 EFLOPS")
    assert not agree("42.5 exaflops", "4.25 petaflops")
    assert one("a 4.6-petaflop chip").unit == "FLOPS" and one("20 PFLOPS").value == 2e16


def test_taiwan_and_hong_kong_dollars_and_yen_are_their_own_money() -> None:
    # (conflict bank 5) "NT$839.25 billion" had read as US dollars
    assert (one("NT$839.25 billion").unit, one("NT$839.25 billion").value) == ("twd", 839.25e9)
    assert one("HK$5 billion").unit == "hkd" and one("1.72 trillion yen").unit == "jpy"
    assert not agree("NT$30 billion", "$30 billion") and agree("1.72 trillion yen", "1.72tn yen")


def test_people_are_counted_in_digits_and_fabs_in_words() -> None:
    # (conflict bank 5) "employs roughly 2,000 people" is a headcount, and "900 million
    # weekly users" are people too; "three people familiar with the matter" stays no fact
    assert one("Ampere employs roughly 2,000 people.").unit == "people"
    assert agree("more than 900 million people", "more than 900 million weekly users")
    assert find_quantities("three people familiar with the matter said") == []
    assert one("it plans to build four fabs").unit == "fab" and agree("four fabs", "4 fabs")
    assert one("NVLink Fusion launches with eight partners").unit == "partner"


def test_a_count_in_words_reads_past_modifiers_before_a_counted_noun() -> None:
    # (conflict bank 5) "five High-NA EXE-series scanners" against "7 High-NA EUV
    # machines"; "eight initial partners" against "8 partners"
    five = one("ASML confirmed that five High-NA EXE-series scanners have shipped.")
    assert (five.text, five.unit, five.value) == ("five", "machine", 5.0)
    assert one("It has delivered 7 High-NA EUV machines.").unit == "machine"
    assert agree("naming eight initial partners", "launches with 8 partners")
    # in words, only before a noun that is always a count: prose stays prose
    assert find_quantities("three Chinese tech giants said") == []
    assert find_quantities("two large rival firms said") == []
    assert find_quantities("Nvidia will invest, and the two will build chips.") == []


def test_a_range_in_words_is_one_value() -> None:
    from pipeline.quantities import merge_ranges

    # (conflict bank 5) "nine to ten months" had read as "ten months", a rival to "about 40
    # weeks"; a lone lower end in words that finds no unit is no value
    text = "Customers face waits of nine to ten months for optics."
    [wait] = merge_ranges(find_quantities(text), text)
    assert (wait.text, wait.unit) == ("nine to ten", "days..304.375")
    assert not compatible(wait, one("about 40 weeks"))
    text = "one or two of the firms agreed"
    assert merge_ranges(find_quantities(text), text) == []


def test_a_fraction_of_a_round_amount_is_that_part() -> None:
    # (conflict bank 5) "three-quarters of a billion dollars" is the $750 million round
    assert (one("three-quarters of a billion dollars").value, one("a billion dollars").value) == (
        7.5e8,
        1e9,
    )
    assert agree("three-quarters of a billion dollars", "$750 million")
    assert one("a third of a trillion yen").unit == "jpy"
    # a fraction of a count stays the count's: "half of the 40 engineers" is 40
    assert one("half of the 40 engineers").value == 40
