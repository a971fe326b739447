"""Small time helpers shared by the commands: durations like "7d" and ISO output."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

_UNITS = {"m": "minutes", "h": "hours", "d": "days", "w": "weeks"}


def parse_since(value: str | None, now: datetime | None = None) -> datetime | None:
    """'7d', '24h', '90m', '2w', an ISO date/time, or 'all' (None)."""
    if value is None or value.strip().lower() in ("", "all"):
        return None
    now = now or datetime.now(UTC)
    text = value.strip().lower()
    m = re.fullmatch(r"(\d+(?:\.\d+)?)\s*([mhdw])", text)
    if m:
        return now - timedelta(**{_UNITS[m.group(2)]: float(m.group(1))})
    try:
        dt = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        raise ValueError(
            f"--since {value!r}: use a duration like 7d, 24h, 90m, 2w, an ISO date, or 'all'"
        ) from None
    return dt if dt.tzinfo else dt.replace(tzinfo=UTC)


def iso(value: datetime | None) -> str | None:
    """UTC ISO 8601 with a Z, as in CONTRACT.md."""
    if value is None:
        return None
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
