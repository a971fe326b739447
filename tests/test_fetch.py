"""Tests for pipeline.fetch against a real local HTTP server (pytest-httpserver).

The server listens on 127.0.0.1, so most tests set ``allow_private_hosts=True``; the SSRF
tests use a fake resolver or ``httpx.MockTransport`` instead. Backoff sleeps go to a recorder.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import email.utils
import gzip
import socket
import threading
import time
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from pipeline.fetch import Fetcher, FetchResult, FetchSettings


class SleepRecorder:
    """Injected instead of asyncio.sleep: records requested delays, returns at once."""

    def __init__(self) -> None:
        self.calls: list[float] = []

    async def __call__(self, seconds: float) -> None:
        self.calls.append(seconds)


def local(**overrides: Any) -> FetchSettings:
    """Settings for the local test server: private hosts allowed, short timeout."""
    return FetchSettings(**{"allow_private_hosts": True, "timeout_s": 5.0, **overrides})


def fetch(
    url: str,
    settings: FetchSettings | None = None,
    *,
    sleep: SleepRecorder | None = None,
    transport: httpx.AsyncBaseTransport | None = None,
    resolver: Callable[..., Any] | None = None,
    **kwargs: Any,
) -> tuple[FetchResult, dict[str, int]]:
    """Run one Fetcher.fetch in a fresh event loop; return the result and the stats."""

    async def main() -> tuple[FetchResult, dict[str, int]]:
        extra = {"resolver": resolver} if resolver else {}
        async with Fetcher(
            settings or local(), transport, sleep or SleepRecorder(), **extra
        ) as fetcher:
            result = await fetcher.fetch(url, **kwargs)
            return result, dict(fetcher.stats)

    return asyncio.run(main())


def fake_resolver(mapping: dict[str, str]) -> Callable[..., Any]:
    def resolve(host: str, port: int, *args: Any, **kwargs: Any) -> list[tuple[Any, ...]]:
        if host not in mapping:
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (mapping[host], port))]

    return resolve


def no_network(request: httpx.Request) -> httpx.Response:
    raise AssertionError(f"no request expected, got {request.url}")


@pytest.fixture(scope="module")
def threaded_server() -> Iterator[HTTPServer]:
    """A server handling each connection in its own thread, for concurrency and timeouts."""
    server = HTTPServer(host="127.0.0.1", port=0, threaded=True)
    server.start()
    yield server
    server.clear()
    server.stop()


@pytest.fixture
def tserver(threaded_server: HTTPServer) -> HTTPServer:
    threaded_server.clear()
    return threaded_server


# --------------------------------------------------------------------------- basics


def test_fetch_200(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/feed.xml", method="GET").respond_with_data(
        b"<rss/>",
        content_type="application/rss+xml",
        headers={"ETag": '"v1"', "Last-Modified": "Fri, 03 Apr 2026 10:00:00 GMT"},
    )
    url = httpserver.url_for("/feed.xml")
    before = dt.datetime.now(dt.UTC)
    result, stats = fetch(url)

    assert result.ok and not result.not_modified
    assert result.error is None
    assert (result.status, result.body) == (200, b"<rss/>")
    assert result.requested_url == result.final_url == url
    assert result.etag == '"v1"'
    assert result.last_modified == "Fri, 03 Apr 2026 10:00:00 GMT"
    assert result.headers["content-type"] == "application/rss+xml"
    assert all(name == name.lower() for name in result.headers)
    assert result.attempts == 1
    assert result.fetched_at.tzinfo is not None and result.fetched_at >= before
    assert 0 <= result.elapsed_s < 5
    assert stats["requests"] == 1 and stats["bytes"] == 6 and stats["errors"] == 0

    request = httpserver.log[0][0]
    assert request.headers["User-Agent"] == FetchSettings().user_agent
    assert "gzip" in request.headers["Accept-Encoding"]
    assert "application/rss+xml" in request.headers["Accept"]
    assert "If-None-Match" not in request.headers


def test_gzip_body_is_decoded(httpserver: HTTPServer) -> None:
    payload = b"<html>" + b"news " * 1000 + b"</html>"
    httpserver.expect_request("/page").respond_with_data(
        gzip.compress(payload), headers={"Content-Encoding": "gzip"}
    )
    result, _ = fetch(httpserver.url_for("/page"))
    assert result.ok and result.body == payload


def test_http_404_is_an_error_without_retry(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/gone").respond_with_data("nope", status=404)
    sleep = SleepRecorder()
    result, stats = fetch(httpserver.url_for("/gone"), sleep=sleep)
    assert not result.ok
    assert (result.status, result.error, result.attempts) == (404, "HTTP 404", 1)
    assert sleep.calls == [] and len(httpserver.log) == 1
    assert stats["errors"] == 1


# --------------------------------------------------------------------------- conditional GET


def test_conditional_get_304(httpserver: HTTPServer) -> None:
    lm = "Fri, 03 Apr 2026 10:00:00 GMT"
    # Only a request carrying both validators matches; anything else gets pytest-httpserver's
    # 500 "No handler found", so a missing header fails the test.
    httpserver.expect_request(
        "/feed", headers={"If-None-Match": '"abc"', "If-Modified-Since": lm}
    ).respond_with_data("", status=304, headers={"ETag": '"abc"'})
    result, stats = fetch(
        httpserver.url_for("/feed"), local(max_retries=0), etag='"abc"', last_modified=lm
    )
    assert result.not_modified and not result.ok
    assert result.status == 304 and result.error is None and result.body == b""
    assert result.etag == '"abc"'
    assert result.last_modified == lm  # not repeated by the server: the one sent stays valid
    assert stats["not_modified"] == 1 and stats["errors"] == 0


def test_304_without_validators_keeps_the_ones_sent(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/feed", headers={"If-None-Match": 'W/"x"'}).respond_with_data(
        "", status=304
    )
    result, _ = fetch(httpserver.url_for("/feed"), local(max_retries=0), etag='W/"x"')
    assert result.not_modified
    assert result.etag == 'W/"x"' and result.last_modified is None


# --------------------------------------------------------------------------- retries


def test_retries_on_500_then_success(httpserver: HTTPServer) -> None:
    httpserver.expect_oneshot_request("/flaky").respond_with_data("down", status=500)
    httpserver.expect_oneshot_request("/flaky").respond_with_data("down", status=502)
    httpserver.expect_request("/flaky").respond_with_data("up")
    sleep = SleepRecorder()
    result, stats = fetch(httpserver.url_for("/flaky"), local(backoff_base_s=0.5), sleep=sleep)

    assert result.ok and result.body == b"up"
    assert result.attempts == 3 and len(httpserver.log) == 3
    assert stats["retries"] == 2 and stats["requests"] == 3
    # exponential with jitter: retry n waits within [d/2, d], d = 0.5 * 2**(n-1)
    assert len(sleep.calls) == 2
    assert 0.25 <= sleep.calls[0] <= 0.5
    assert 0.5 <= sleep.calls[1] <= 1.0


def test_429_retry_after_seconds_honoured(httpserver: HTTPServer) -> None:
    httpserver.expect_oneshot_request("/rl").respond_with_data(
        "slow down", status=429, headers={"Retry-After": "7"}
    )
    httpserver.expect_request("/rl").respond_with_data("ok")
    sleep = SleepRecorder()
    result, _ = fetch(httpserver.url_for("/rl"), sleep=sleep)
    assert result.ok and result.attempts == 2
    assert sleep.calls == [7.0]


def test_retry_after_http_date_honoured_and_capped(httpserver: HTTPServer) -> None:
    soon = email.utils.format_datetime(dt.datetime.now(dt.UTC) + dt.timedelta(seconds=10), True)
    later = email.utils.format_datetime(dt.datetime.now(dt.UTC) + dt.timedelta(hours=1), True)
    httpserver.expect_oneshot_request("/d").respond_with_data(
        "", status=503, headers={"Retry-After": soon}
    )
    httpserver.expect_oneshot_request("/d").respond_with_data(
        "", status=429, headers={"Retry-After": later}
    )
    httpserver.expect_request("/d").respond_with_data("ok")
    sleep = SleepRecorder()
    result, _ = fetch(httpserver.url_for("/d"), local(max_backoff_s=30.0), sleep=sleep)
    assert result.ok and result.attempts == 3
    assert 7.0 <= sleep.calls[0] <= 10.0  # the date, to the second
    assert sleep.calls[1] == 30.0  # an hour, capped by max_backoff_s


def test_gives_up_after_max_retries(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/broken").respond_with_data("boom", status=500)
    sleep = SleepRecorder()
    result, stats = fetch(httpserver.url_for("/broken"), local(max_retries=3), sleep=sleep)
    assert not result.ok
    assert result.status == 500
    assert result.error == "HTTP 500 after 4 attempts"
    assert result.attempts == 4 and len(httpserver.log) == 4 and len(sleep.calls) == 3
    assert stats["errors"] == 1 and stats["retries"] == 3


def test_connect_errors_are_retried() -> None:
    calls = 0

    def handler(request: httpx.Request) -> httpx.Response:
        nonlocal calls
        calls += 1
        if calls < 3:
            raise httpx.ConnectError("connection refused", request=request)
        return httpx.Response(200, content=b"finally")

    sleep = SleepRecorder()
    result, _ = fetch(
        "http://news.example/", local(), transport=httpx.MockTransport(handler), sleep=sleep
    )
    assert result.ok and result.body == b"finally" and result.attempts == 3
    assert len(sleep.calls) == 2


def test_connection_refused_gives_clear_error() -> None:
    with socket.socket() as s:  # find a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    result, _ = fetch(f"http://127.0.0.1:{port}/", local(max_retries=1))
    assert result.status == 0 and not result.ok
    assert result.error is not None and result.error.startswith("ConnectError")
    assert result.error.endswith("(2 attempts)") and "\n" not in result.error


def test_timeout(tserver: HTTPServer) -> None:
    release = threading.Event()

    def slow(request: Request) -> Response:
        release.wait(5)  # far longer than timeout_s; released when the test is done
        return Response("late")

    tserver.expect_request("/slow").respond_with_handler(slow)
    sleep = SleepRecorder()
    started = time.monotonic()
    try:
        result, _ = fetch(
            tserver.url_for("/slow"), local(timeout_s=0.2, max_retries=1), sleep=sleep
        )
    finally:
        release.set()
    assert time.monotonic() - started < 2
    assert result.status == 0 and not result.ok
    assert result.error == "timeout after 0.2s (2 attempts)"
    assert result.attempts == 2 and len(sleep.calls) == 1


# --------------------------------------------------------------------------- body size


def test_oversized_body_refused_by_content_length(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/big").respond_with_data(b"x" * 5000)
    result, stats = fetch(httpserver.url_for("/big"), local(max_body_bytes=1000))
    assert stats["bytes"] == 0  # refused on the header, before reading the body
    assert not result.ok
    assert result.error == "body exceeds 1000 bytes"
    assert result.headers["content-length"] == "5000"
    assert result.body == b"" and result.attempts == 1


def test_oversized_body_refused_while_streaming(httpserver: HTTPServer) -> None:
    def chunks() -> Iterator[bytes]:
        for _ in range(200):
            yield b"y" * 1000

    httpserver.expect_request("/stream").respond_with_handler(lambda r: Response(chunks()))
    result, stats = fetch(httpserver.url_for("/stream"), local(max_body_bytes=5000))
    assert "content-length" not in result.headers  # chunked: the cap had to be enforced live
    assert result.error == "body exceeds 5000 bytes" and result.body == b""
    assert stats["bytes"] < 100_000  # stopped reading early, not after 200 kB


def test_gzip_bomb_refused_on_decoded_size(httpserver: HTTPServer) -> None:
    bomb = gzip.compress(b"\0" * 2_000_000)
    assert len(bomb) < 10_000
    httpserver.expect_request("/bomb").respond_with_data(bomb, headers={"Content-Encoding": "gzip"})
    result, _ = fetch(httpserver.url_for("/bomb"), local(max_body_bytes=100_000))
    assert result.error == "body exceeds 100000 bytes"


def test_body_within_limit_is_complete(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/exact").respond_with_data(b"z" * 1000)
    result, _ = fetch(httpserver.url_for("/exact"), local(max_body_bytes=1000))
    assert result.ok and len(result.body) == 1000


# --------------------------------------------------------------------------- redirects


def test_redirects_followed(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/a").respond_with_data("", 301, headers={"Location": "/b"})
    httpserver.expect_request("/b").respond_with_data(
        "", 302, headers={"Location": httpserver.url_for("/c") + "#frag"}
    )
    httpserver.expect_request("/c").respond_with_data("final")
    result, stats = fetch(httpserver.url_for("/a"))
    assert result.ok and result.body == b"final"
    assert result.requested_url == httpserver.url_for("/a")
    assert result.final_url == httpserver.url_for("/c")
    assert result.attempts == 3 and stats["requests"] == 3


def test_redirect_loop_detected(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/a").respond_with_data("", 302, headers={"Location": "/b"})
    httpserver.expect_request("/b").respond_with_data("", 302, headers={"Location": "/a"})
    result, _ = fetch(httpserver.url_for("/a"))
    assert not result.ok and result.error == "redirect loop"
    assert len(httpserver.log) == 2


def test_too_many_redirects(httpserver: HTTPServer) -> None:
    for i in range(10):
        httpserver.expect_request(f"/r{i}").respond_with_data(
            "", 307, headers={"Location": f"/r{i + 1}"}
        )
    result, _ = fetch(httpserver.url_for("/r0"), local(max_redirects=3))
    assert result.error == "too many redirects (max 3)"
    assert len(httpserver.log) == 4  # the first request plus 3 followed hops


def test_redirect_to_private_address_refused() -> None:
    seen: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(str(request.url))
        if request.url.host == "news.example":
            return httpx.Response(302, headers={"Location": "http://intranet.example/admin"})
        return httpx.Response(200, content=b"secret")

    resolver = fake_resolver({"news.example": "93.184.216.34", "intranet.example": "10.0.0.5"})
    result, stats = fetch(
        "https://news.example/story",
        FetchSettings(allow_private_hosts=False),
        transport=httpx.MockTransport(handler),
        resolver=resolver,
    )
    assert seen == ["https://news.example/story"]  # the private hop was never requested
    assert result.status == 0 and result.body == b""
    assert result.error == (
        "refused: private address 10.0.0.5 (resolved from intranet.example)"
        " (redirect to http://intranet.example/admin)"
    )
    assert result.final_url == "http://intranet.example/admin"
    assert stats["refused"] == 1


def test_redirect_to_metadata_ip_refused() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        assert request.url.host == "news.example"
        return httpx.Response(301, headers={"Location": "http://169.254.169.254/latest/"})

    result, _ = fetch(
        "https://news.example/",
        FetchSettings(),
        transport=httpx.MockTransport(handler),
        resolver=fake_resolver({"news.example": "93.184.216.34"}),
    )
    assert result.error is not None
    assert result.error.startswith("refused: cloud metadata address 169.254.169.254")


# --------------------------------------------------------------------------- SSRF guard


def test_private_address_refused_without_request(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/").respond_with_data("should not be served")
    url = f"http://127.0.0.1:{httpserver.port}/"
    result, stats = fetch(url, FetchSettings())  # allow_private_hosts=False
    assert result.error == "refused: loopback address 127.0.0.1"
    assert result.status == 0 and result.attempts == 0
    assert httpserver.log == []
    assert stats["requests"] == 0 and stats["refused"] == 1 and stats["errors"] == 1


def test_name_resolving_to_private_refused_without_request() -> None:
    result, _ = fetch(
        "http://printer.corp/",
        FetchSettings(),
        transport=httpx.MockTransport(no_network),
        resolver=fake_resolver({"printer.corp": "192.168.1.20"}),
    )
    assert result.error == "refused: private address 192.168.1.20 (resolved from printer.corp)"


def test_dns_rebinding_caught_at_connect(httpserver: HTTPServer) -> None:
    """Our resolver says "public", the OS resolver connects to 127.0.0.1: refuse on the peer."""
    httpserver.expect_request("/").respond_with_data("internal data")
    url = f"http://localhost:{httpserver.port}/"
    result, _ = fetch(url, FetchSettings(), resolver=fake_resolver({"localhost": "93.184.216.34"}))
    assert result.error == "refused: connected to loopback address 127.0.0.1"
    assert result.body == b"" and result.status == 0


@pytest.mark.parametrize(
    ("url", "error"),
    [
        ("ftp://example.com/feed", "refused: scheme 'ftp' not allowed"),
        ("file:///etc/passwd", "refused: scheme 'file' not allowed"),
        ("https://user:pw@example.com/", "refused: credentials in URL not allowed"),
    ],
)
def test_bad_urls_refused_even_with_private_allowed(url: str, error: str) -> None:
    for settings in (local(), FetchSettings()):
        result, _ = fetch(url, settings, transport=httpx.MockTransport(no_network))
        assert (result.status, result.error, result.attempts) == (0, error, 0)


@pytest.mark.parametrize("check_robots", [False, True])
def test_malformed_urls_do_not_raise(check_robots: bool) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(302, headers={"Location": "http://[::1"})

    transport = httpx.MockTransport(handler)
    for url in ["http://[::1", "http://example.com:99999/", "http://exa mple.com/", "", "/rel"]:
        result, _ = fetch(url, local(), transport=transport, check_robots=check_robots)
        assert result.status == 0 and result.error and "\n" not in result.error, url
    result, _ = fetch("http://example.com/", local(), transport=transport)
    assert result.error is not None and result.error.startswith("invalid redirect Location")
    assert result.attempts == 1


def test_unresolvable_host() -> None:
    result, _ = fetch(
        "https://nxdomain.example/",
        FetchSettings(max_retries=1),
        transport=httpx.MockTransport(no_network),
        resolver=fake_resolver({}),
    )
    assert result.error is not None
    assert result.error.startswith("cannot resolve host 'nxdomain.example'")
    assert result.error.endswith("(2 attempts)")


# --------------------------------------------------------------------------- robots.txt

ROBOTS = """\
User-agent: firstwire
Disallow: /private

User-agent: *
Disallow: /everyone-else
"""


def test_robots_disallow_honoured(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/robots.txt").respond_with_data(ROBOTS, content_type="text/plain")
    httpserver.expect_request("/private/x").respond_with_data("hidden")
    httpserver.expect_request("/public/y").respond_with_data("visible")
    httpserver.expect_request("/hop").respond_with_data("", 302, headers={"Location": "/private/z"})

    async def main() -> list[FetchResult]:
        async with Fetcher(local(), sleep=SleepRecorder()) as f:
            results = [
                await f.fetch(httpserver.url_for("/private/x"), check_robots=True),
                await f.fetch(httpserver.url_for("/public/y"), check_robots=True),
                await f.fetch(httpserver.url_for("/hop"), check_robots=True),
                await f.fetch(httpserver.url_for("/private/x")),  # caller opted out
            ]
            assert f.stats["robots_blocked"] == 2
            return results

    blocked, allowed, via_redirect, unchecked = asyncio.run(main())
    assert blocked.error == "blocked by robots.txt" and blocked.status == 0
    assert allowed.ok and allowed.body == b"visible"
    assert via_redirect.error is not None
    assert via_redirect.error.startswith("blocked by robots.txt (redirect to")
    assert unchecked.ok and unchecked.body == b"hidden"
    paths = [req.path for req, _ in httpserver.log]
    assert paths.count("/robots.txt") == 1  # cached per origin
    assert "/private/x" in paths and paths.index("/private/x") == len(paths) - 1


def test_robots_ignored_when_settings_say_so(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/robots.txt").respond_with_data("User-agent: *\nDisallow: /\n")
    httpserver.expect_request("/a").respond_with_data("ok")
    result, _ = fetch(httpserver.url_for("/a"), local(respect_robots=False), check_robots=True)
    assert result.ok
    assert [req.path for req, _ in httpserver.log] == ["/a"]


@pytest.mark.parametrize(("robots_status", "robots_errors"), [(404, 0), (403, 0), (503, 1)])
def test_robots_unavailable_allows_all(
    httpserver: HTTPServer, robots_status: int, robots_errors: int
) -> None:
    httpserver.expect_request("/robots.txt").respond_with_data("", status=robots_status)
    httpserver.expect_request("/a").respond_with_data("ok")
    result, stats = fetch(httpserver.url_for("/a"), local(max_retries=0), check_robots=True)
    assert result.ok
    assert stats["robots_errors"] == robots_errors
    assert stats["errors"] == 0  # robots.txt problems are not errors of the fetch itself


def test_robots_wildcard_disallow_all(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/robots.txt").respond_with_data("User-agent: *\nDisallow: /\n")
    result, _ = fetch(httpserver.url_for("/anything"), check_robots=True)
    assert result.error == "blocked by robots.txt"


# --------------------------------------------------------------------------- concurrency


class InFlight:
    """Handler counting concurrent requests, overall and per Host header."""

    def __init__(self, hold_s: float = 0.1) -> None:
        self.hold_s = hold_s
        self.lock = threading.Lock()
        self.now: dict[str, int] = {}
        self.peak: dict[str, int] = {}
        self.total_now = 0
        self.total_peak = 0

    def __call__(self, request: Request) -> Response:
        host = request.host.split(":")[0]
        with self.lock:
            self.now[host] = self.now.get(host, 0) + 1
            self.peak[host] = max(self.peak.get(host, 0), self.now[host])
            self.total_now += 1
            self.total_peak = max(self.total_peak, self.total_now)
        time.sleep(self.hold_s)
        with self.lock:
            self.now[host] -= 1
            self.total_now -= 1
        return Response("ok")


def _fetch_all(urls: list[str], settings: FetchSettings) -> list[FetchResult]:
    async def main() -> list[FetchResult]:
        async with Fetcher(settings, sleep=SleepRecorder()) as f:
            return list(await asyncio.gather(*(f.fetch(u) for u in urls)))

    return asyncio.run(main())


def test_per_host_concurrency_bound(tserver: HTTPServer) -> None:
    counter = InFlight()
    tserver.expect_request("/c").respond_with_handler(counter)
    results = _fetch_all([tserver.url_for("/c")] * 8, local(per_host=2, concurrency=16))
    assert all(r.ok for r in results)
    assert counter.peak == {"127.0.0.1": 2}  # reached, never exceeded


def test_overall_concurrency_bound() -> None:
    """Global semaphore, observed on a mock transport (no connection pool limits there)."""
    now = peak = 0
    per_host_now: dict[str, int] = {}
    per_host_peak: dict[str, int] = {}

    async def handler(request: httpx.Request) -> httpx.Response:
        nonlocal now, peak
        host = request.url.host
        now += 1
        peak = max(peak, now)
        per_host_now[host] = per_host_now.get(host, 0) + 1
        per_host_peak[host] = max(per_host_peak.get(host, 0), per_host_now[host])
        await asyncio.sleep(0.02)
        now -= 1
        per_host_now[host] -= 1
        return httpx.Response(200, content=b"ok")

    urls = [f"http://{h}.example/{i}" for h in "abc" for i in range(6)]

    async def main() -> list[FetchResult]:
        settings = local(per_host=2, concurrency=3)
        async with Fetcher(settings, httpx.MockTransport(handler), SleepRecorder()) as f:
            return list(await asyncio.gather(*(f.fetch(u) for u in urls)))

    results = asyncio.run(main())
    assert all(r.ok for r in results)
    assert peak == 3  # per-host slots would allow 6
    assert max(per_host_peak.values()) <= 2


# --------------------------------------------------------------------------- programming errors


def test_programming_errors_raise() -> None:
    with pytest.raises(ValueError):
        FetchSettings(per_host=0)

    async def main() -> None:
        fetcher = Fetcher(local(), httpx.MockTransport(no_network))
        with pytest.raises(TypeError):
            await fetcher.fetch(b"http://example.com/")  # type: ignore[arg-type]
        await fetcher.aclose()
        with pytest.raises(RuntimeError, match="closed"):
            await fetcher.fetch("http://example.com/")

    asyncio.run(main())
