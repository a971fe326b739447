"""Decide an article's ``published_at`` and say where it came from.

Order (CONTRACT.md): the feed entry's date, else the page's own metadata, else a date in
the URL, else when we first saw the article. A date in the future, or before the source's
feed existed, is suspect: it is recorded and flagged rather than trusted blindly, and a
suspect feed date gives way to a sane page date.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

FUTURE_SLACK = timedelta(hours=12)
DISAGREEMENT = timedelta(days=2)


@dataclass(frozen=True)
class ResolvedDate:
    published_at: datetime
    source: str  # 'feed' | 'page' | 'url' | 'first_seen'
    suspect: bool
    note: str | None


def _suspect_reason(value: datetime, now: datetime, earliest: date | None) -> str | None:
    if value > now + FUTURE_SLACK:
        return f"in the future ({value:%Y-%m-%d %H:%M}Z)"
    if earliest is not None and value.date() < earliest:
        return f"before the source's feed existed ({earliest.isoformat()})"
    if value.year < 1995:
        return f"implausibly old ({value:%Y-%m-%d})"
    return None


def resolve_published(
    *,
    feed_date: datetime | None,
    page_date: datetime | None,
    url_date: date | None,
    first_seen: datetime,
    now: datetime | None = None,
    earliest: date | None = None,
) -> ResolvedDate:
    """Pick the publication time. All datetimes are timezone-aware UTC."""
    now = now or datetime.now(UTC)
    notes: list[str] = []
    candidates: list[tuple[str, datetime]] = []
    if feed_date is not None:
        candidates.append(("feed", feed_date))
    if page_date is not None:
        candidates.append(("page", page_date))
    if url_date is not None:
        candidates.append(("url", datetime.combine(url_date, time(0, 0), tzinfo=UTC)))

    chosen: tuple[str, datetime] | None = None
    for name, value in candidates:
        reason = _suspect_reason(value, now, earliest)
        if reason is None:
            chosen = (name, value)
            break
        notes.append(f"{name} date suspect: {reason}")

    if chosen is None:
        if candidates:
            # Every candidate is suspect: fall back to when we first saw it (an upper
            # bound that is never in the future) and keep the reasons.
            return ResolvedDate(first_seen, "first_seen", True, "; ".join(notes))
        return ResolvedDate(first_seen, "first_seen", False, None)

    name, value = chosen
    if name == "feed" and page_date is not None and abs(page_date - value) > DISAGREEMENT:
        notes.append(f"feed says {value:%Y-%m-%d}, page says {page_date:%Y-%m-%d}")
    return ResolvedDate(value, name, bool(notes), "; ".join(notes) or None)
