"""The only network code in firstwire: polite, bounded, SSRF-guarded HTTP GETs on httpx.

Typical use::

    async with Fetcher(FetchSettings()) as fetcher:
        result = await fetcher.fetch(url, etag=old_etag, check_robots=True)
        if result.not_modified: ...            # keep the stored copy and validators
        elif result.ok: ...                    # result.body, result.etag, result.final_url
        else: log(result.error)

:meth:`Fetcher.fetch` never raises for network or HTTP problems; it returns a
:class:`FetchResult` whose ``error`` says what went wrong in one line.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import email.utils
import random
import socket
import time
import urllib.robotparser
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field, replace
from typing import Any
from urllib.parse import urljoin, urlsplit, urlunsplit

import httpx

from pipeline.urls import (
    HostResolutionError,
    Resolver,
    UnsafeURLError,
    address_refusal_reason,
    check_url_allowed,
)

__all__ = ["FetchResult", "FetchSettings", "Fetcher"]

_RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
_REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
_ROBOTS_MAX_BYTES = 512_000  # Google parses the first 500 KiB; more is not a robots file
_ACCEPT = (
    "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, "
    "text/html;q=0.8, application/xhtml+xml;q=0.8, */*;q=0.5"
)

Sleep = Callable[[float], Awaitable[Any]]


@dataclass(frozen=True)
class FetchSettings:
    user_agent: str = "firstwire/0.1 (+https://github.com/firstwire/firstwire; news research bot)"
    timeout_s: float = 20.0  # per attempt, whole request including the body
    max_retries: int = 3  # retries after the first attempt, on 429/5xx/connect errors/timeouts
    backoff_base_s: float = 0.5  # exponential with jitter
    max_backoff_s: float = 30.0  # Retry-After (seconds or HTTP-date) honoured, capped by this
    max_body_bytes: int = 10_000_000  # decoded bytes, so gzip bombs are stopped too
    max_redirects: int = 5
    concurrency: int = 16  # overall
    per_host: int = 4
    allow_private_hosts: bool = False
    respect_robots: bool = True  # if False, fetch(check_robots=True) does not consult robots

    def __post_init__(self) -> None:
        if self.timeout_s <= 0:
            raise ValueError("timeout_s must be > 0")
        if self.max_retries < 0 or self.max_redirects < 0:
            raise ValueError("max_retries and max_redirects must be >= 0")
        if self.backoff_base_s < 0 or self.max_backoff_s < 0:
            raise ValueError("backoff_base_s and max_backoff_s must be >= 0")
        if self.max_body_bytes <= 0:
            raise ValueError("max_body_bytes must be > 0")
        if self.concurrency < 1 or self.per_host < 1:
            raise ValueError("concurrency and per_host must be >= 1")
        if not self.user_agent.strip():
            raise ValueError("user_agent must not be empty")


@dataclass(frozen=True)
class FetchResult:
    requested_url: str
    final_url: str
    status: int  # 0 when no HTTP response
    headers: dict[str, str]  # lower-cased names; repeated joined with ", "; see etag for 304
    body: bytes  # decoded (gunzipped); empty on error except for final HTTP error responses
    fetched_at: dt.datetime  # UTC, when the fetch finished
    elapsed_s: float  # wall time including retries, backoff and redirects
    attempts: int  # HTTP requests sent for this fetch (all hops, all retries)
    error: str | None = None  # one-line reason when failed

    @property
    def ok(self) -> bool:
        """A 2xx response with a complete body. A 304 is *not* ``ok``; see ``not_modified``."""
        return 200 <= self.status <= 299 and self.error is None

    @property
    def not_modified(self) -> bool:
        """The server confirmed the caller's cached copy (conditional GET answered 304)."""
        return self.status == 304 and self.error is None

    @property
    def etag(self) -> str | None:
        """ETag to send next time. After a 304 it falls back to the one the caller sent."""
        return self.headers.get("etag")

    @property
    def last_modified(self) -> str | None:
        """Last-Modified to send next time; after a 304, falls back like ``etag``."""
        return self.headers.get("last-modified")


@dataclass
class _Attempt:
    """Outcome of one HTTP request (one hop, one try)."""

    status: int = 0
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes = b""
    error: str | None = None
    retryable: bool = False
    retry_after: float | None = None


class Fetcher:
    """Async HTTP fetcher owning one ``httpx.AsyncClient``; use as ``async with``.

    ``transport`` replaces the network (e.g. ``httpx.MockTransport`` in tests), ``sleep`` is
    awaited for every backoff delay, ``resolver`` is passed to :func:`check_url_allowed`.
    One instance must be used from a single event loop.
    """

    def __init__(
        self,
        settings: FetchSettings | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
        sleep: Sleep = asyncio.sleep,
        *,
        resolver: Resolver = socket.getaddrinfo,
        rng: random.Random | None = None,
    ) -> None:
        self.settings = settings or FetchSettings()
        self._sleep = sleep
        self._resolver = resolver
        self._rng = rng or random.Random()
        s = self.settings
        self._client = httpx.AsyncClient(
            transport=transport,
            follow_redirects=False,
            timeout=httpx.Timeout(s.timeout_s),
            limits=httpx.Limits(
                max_connections=s.concurrency, max_keepalive_connections=s.concurrency
            ),
            headers={
                "User-Agent": s.user_agent,
                "Accept": _ACCEPT,
                "Accept-Encoding": "gzip, deflate",
            },
            # No proxies, .netrc credentials or SSL overrides from the environment: what is
            # fetched, and from where, must not depend on the cron user's shell.
            trust_env=False,
        )
        self._closed = False
        self._global = asyncio.Semaphore(s.concurrency)
        self._per_host: dict[str, asyncio.Semaphore] = {}
        self._robots: dict[str, urllib.robotparser.RobotFileParser | None] = {}
        self._robots_locks: dict[str, asyncio.Lock] = {}
        self.stats: dict[str, int] = {
            "requests": 0,  # HTTP requests sent, including retries, redirects and robots.txt
            "retries": 0,
            "bytes": 0,  # decoded body bytes received
            "not_modified": 0,  # fetch() results that were 304
            "errors": 0,  # fetch() results with an error
            "refused": 0,  # URLs / hops refused by the SSRF guard
            "robots_blocked": 0,  # fetch() calls refused by robots.txt
            "robots_errors": 0,  # robots.txt unavailable (5xx / network); treated as allow all
        }

    async def __aenter__(self) -> Fetcher:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        self._closed = True
        await self._client.aclose()

    # ------------------------------------------------------------------ public

    async def fetch(
        self,
        url: str,
        *,
        etag: str | None = None,
        last_modified: str | None = None,
        check_robots: bool = False,
    ) -> FetchResult:
        """GET ``url`` following redirects; never raises for network or HTTP failures.

        ``etag`` / ``last_modified`` (from a previous result) make the request conditional;
        a 304 answer gives ``not_modified`` with an empty body. With ``check_robots`` (and
        ``settings.respect_robots``), robots.txt of every origin on the redirect chain is
        consulted (fetched once per origin per Fetcher) for ``settings.user_agent``.
        """
        if not isinstance(url, str):
            raise TypeError(f"url must be str, not {type(url).__name__}")
        if self._closed:
            raise RuntimeError("Fetcher is closed")
        headers: dict[str, str] = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        result = await self._fetch(
            url, headers, check_robots=check_robots and self.settings.respect_robots
        )
        if result.error is not None:
            self.stats["errors"] += 1
        elif result.not_modified:
            self.stats["not_modified"] += 1
            # A 304 need not repeat the validators (and Last-Modified often is not). As with an
            # HTTP cache (RFC 9111 4.3.4), the ones sent stay in force unless the 304 updates
            # them, so a caller that stores result.etag never loses its validators.
            kept = {"etag": etag, "last-modified": last_modified}
            missing = {k: v for k, v in kept.items() if v and k not in result.headers}
            if missing:
                result = replace(result, headers={**result.headers, **missing})
        return result

    # ------------------------------------------------------------------ internals

    async def _fetch(
        self,
        url: str,
        headers: dict[str, str],
        *,
        check_robots: bool,
        max_body: int | None = None,
    ) -> FetchResult:
        started = time.monotonic()
        attempts = 0
        current = url.strip()
        visited: set[str] = set()
        hops = 0

        def done(status: int, error: str | None, a: _Attempt | None = None) -> FetchResult:
            return FetchResult(
                requested_url=url,
                final_url=current,
                status=status,
                headers=a.headers if a else {},
                body=a.body if a else b"",
                fetched_at=dt.datetime.now(dt.UTC),
                elapsed_s=time.monotonic() - started,
                attempts=attempts,
                error=error,
            )

        while True:
            visited.add(_without_fragment(current))
            via = f" (redirect to {current})" if hops else ""
            if check_robots and not await self._robots_allow(current):
                self.stats["robots_blocked"] += 1
                return done(0, f"blocked by robots.txt{via}")

            try_no = 0
            while True:
                attempt = await self._guard(current)
                if attempt is None:
                    attempts += 1
                    attempt = await self._attempt(current, headers, max_body)
                if not attempt.retryable or try_no >= self.settings.max_retries:
                    break
                try_no += 1
                self.stats["retries"] += 1
                await self._sleep(self._backoff(try_no, attempt.retry_after))
            if attempt.error is not None:
                if attempt.retryable and try_no:
                    n = try_no + 1  # "HTTP 500 after 4 attempts", "timeout after 20s (4 attempts)"
                    attempt.error += (
                        f" after {n} attempts" if attempt.status else f" ({n} attempts)"
                    )
                return done(attempt.status, attempt.error + via, attempt)

            status = attempt.status
            location = attempt.headers.get("location")
            if status in _REDIRECT_STATUSES:
                if not location:
                    return done(status, f"HTTP {status} redirect without Location{via}", attempt)
                try:
                    target = _without_fragment(urljoin(current, location.strip()))
                except ValueError:
                    return done(status, f"invalid redirect Location {location!r}", attempt)
                if target in visited:
                    return done(status, "redirect loop", attempt)
                if hops >= self.settings.max_redirects:
                    return done(
                        status, f"too many redirects (max {self.settings.max_redirects})", attempt
                    )
                hops += 1
                current = target
                continue
            if status == 304 or 200 <= status <= 299:
                return done(status, None, attempt)
            return done(status, f"HTTP {status}{via}", attempt)

    async def _guard(self, url: str) -> _Attempt | None:
        """SSRF check for ``url``; an error ``_Attempt`` if refused, ``None`` if allowed."""
        s = self.settings
        try:
            if s.allow_private_hosts:
                check_url_allowed(url, allow_private=True)
            else:
                async with asyncio.timeout(s.timeout_s):
                    await asyncio.to_thread(
                        check_url_allowed, url, allow_private=False, resolver=self._resolver
                    )
        except HostResolutionError as exc:
            return _Attempt(error=exc.reason, retryable=True)
        except UnsafeURLError as exc:
            self.stats["refused"] += 1
            return _Attempt(error=f"refused: {exc.reason}")
        except TimeoutError:
            return _Attempt(error=f"timeout after {s.timeout_s:g}s resolving host", retryable=True)
        return None

    async def _attempt(self, url: str, headers: dict[str, str], max_body: int | None) -> _Attempt:
        """One GET under the concurrency limits, with an overall deadline of ``timeout_s``."""
        s = self.settings
        host = (urlsplit(url).hostname or "").lower()
        host_sem = self._per_host.setdefault(host, asyncio.Semaphore(s.per_host))
        # Host slot first: waiting for a busy host must not hold one of the global slots.
        async with host_sem, self._global:
            self.stats["requests"] += 1
            try:
                async with asyncio.timeout(s.timeout_s):
                    return await self._send(url, headers, max_body or s.max_body_bytes)
            except (TimeoutError, httpx.TimeoutException):  # overall deadline / one operation
                return _Attempt(error=f"timeout after {s.timeout_s:g}s", retryable=True)
            except httpx.RemoteProtocolError as exc:
                # httpx parses Location even with follow_redirects=False; a malformed one is
                # the server's content, not a transient fault, so it is not retried.
                if str(exc).startswith("Invalid URL in location header"):
                    return _Attempt(error=f"invalid redirect Location ({_one_line(exc)})")
                return _Attempt(error=_one_line(exc), retryable=True)  # e.g. dropped keep-alive
            except httpx.NetworkError as exc:
                return _Attempt(error=_one_line(exc), retryable=True)
            except httpx.DecodingError as exc:
                return _Attempt(error=f"cannot decode body: {_one_line(exc)}")
            except (httpx.HTTPError, httpx.InvalidURL) as exc:
                return _Attempt(error=_one_line(exc))

    async def _send(self, url: str, headers: dict[str, str], max_body: int) -> _Attempt:
        request = self._client.build_request("GET", url, headers=headers)
        response = await self._client.send(request, stream=True)
        try:
            if not self.settings.allow_private_hosts:
                reason = _peer_refusal_reason(response)
                if reason is not None:
                    self.stats["refused"] += 1
                    return _Attempt(error=f"refused: connected to {reason}")
            result = _Attempt(
                status=response.status_code,
                headers={k.lower(): v for k, v in response.headers.items()},
            )
            too_big = f"body exceeds {max_body} bytes"
            declared = response.headers.get("content-length", "")
            if declared.isdigit() and int(declared) > max_body:
                result.error = too_big
                return result
            chunks: list[bytes] = []
            size = 0
            async for chunk in response.aiter_bytes():
                size += len(chunk)
                self.stats["bytes"] += len(chunk)
                if size > max_body:
                    result.error = too_big
                    return result
                chunks.append(chunk)
            result.body = b"".join(chunks)
        finally:
            await response.aclose()
        if result.status in _RETRY_STATUSES:
            result.retryable = True
            result.retry_after = _parse_retry_after(result.headers.get("retry-after"))
            result.error = f"HTTP {result.status}"
        return result

    def _backoff(self, retry_no: int, retry_after: float | None) -> float:
        """Delay before retry number ``retry_no`` (1-based).

        The server's Retry-After wins (capped at ``max_backoff_s``); otherwise "equal jitter"
        exponential backoff: a random delay in [d/2, d] with d = base * 2**(retry_no - 1).
        """
        cap = self.settings.max_backoff_s
        if retry_after is not None:
            return min(retry_after, cap)
        delay = min(cap, self.settings.backoff_base_s * 2 ** (retry_no - 1))
        return delay / 2 + self._rng.uniform(0, delay / 2)

    # ------------------------------------------------------------------ robots.txt

    async def _robots_allow(self, url: str) -> bool:
        try:
            parts = urlsplit(url)
        except ValueError:
            return True  # malformed: the SSRF guard reports the real problem
        if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
            return True
        origin = urlunsplit((parts.scheme.lower(), parts.netloc.lower(), "", "", ""))
        lock = self._robots_locks.setdefault(origin, asyncio.Lock())
        async with lock:  # concurrent fetches to a new origin share one robots.txt request
            if origin not in self._robots:
                self._robots[origin] = await self._load_robots(origin)
        parser = self._robots[origin]
        return parser is None or parser.can_fetch(self.settings.user_agent, url)

    async def _load_robots(self, origin: str) -> urllib.robotparser.RobotFileParser | None:
        """Parsed robots.txt, or ``None`` meaning allow everything.

        Missing / 4xx robots.txt allows all (RFC 9309 treats 4xx, including 401/403, as
        "unavailable"); 5xx and network errors also allow all but are counted in
        ``stats["robots_errors"]`` so a run can report them.
        """
        result = await self._fetch(
            origin + "/robots.txt", {}, check_robots=False, max_body=_ROBOTS_MAX_BYTES
        )
        if result.ok:
            parser = urllib.robotparser.RobotFileParser(origin + "/robots.txt")
            parser.parse(result.body.decode("utf-8", errors="replace").splitlines())
            return parser
        refused = (result.error or "").startswith("refused")  # the page will be refused too
        if not 400 <= result.status <= 499 and not refused:
            self.stats["robots_errors"] += 1
        return None


def _parse_retry_after(value: str | None) -> float | None:
    """Seconds from a Retry-After header (delta-seconds or HTTP-date), ``None`` if unusable."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    return max(0.0, (when - dt.datetime.now(dt.UTC)).total_seconds())


def _peer_refusal_reason(response: httpx.Response) -> str | None:
    """Refusal reason for the IP the connection actually went to (defeats DNS rebinding).

    Only available with the real httpcore transport; mock transports yield ``None``.
    """
    stream = response.extensions.get("network_stream")
    if stream is None:
        return None
    try:
        peer = stream.get_extra_info("server_addr")
    except Exception:  # noqa: BLE001 - transport-specific; absence just skips the check
        return None
    if not peer:
        return None
    return address_refusal_reason(str(peer[0]))


def _without_fragment(url: str) -> str:
    return url.partition("#")[0]


def _one_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__
