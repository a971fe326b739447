from __future__ import annotations

import datetime as dt
import re
import socket
from typing import Any
from urllib.parse import urlsplit

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from pipeline.urls import (
    HostResolutionError,
    UnsafeURLError,
    address_refusal_reason,
    canonicalize,
    check_url_allowed,
    date_from_url,
)

# --------------------------------------------------------------------------- canonicalize


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        (
            "https://Example.COM/news/story?utm_source=x&b=2&fbclid=abc&a=1&UTM_Medium=y#frag",
            "https://example.com/news/story?a=1&b=2",
        ),
        (
            "http://www.site.org:80/a/?gclid=1&mc_cid=2&mc_eid=3&ref=tw&ref_src=twsrc&cmpid=5"
            "&ocid=6&igshid=7&_ga=8&spm=9&id=42",
            "http://www.site.org/a/?id=42",
        ),
        ("HTTPS://example.com:443", "https://example.com/"),
        ("https://example.com:8443/x", "https://example.com:8443/x"),
        ("https://example.com/a/", "https://example.com/a/"),  # trailing slash kept
        ("https://example.com/a", "https://example.com/a"),  # and not added
        ("https://example.com/?utm_campaign=z", "https://example.com/"),
        ("https://example.com/p?z=1&a=2&a=1", "https://example.com/p?a=2&a=1&z=1"),
        ("https://example.com./p#top", "https://example.com/p"),
        ("  https://example.com/p  ", "https://example.com/p"),
        ("https://[2001:DB8::1]:443/p", "https://[2001:db8::1]/p"),
    ],
)
def test_canonicalize(url: str, expected: str) -> None:
    assert canonicalize(url) == expected


def test_canonicalize_resolves_relative() -> None:
    base = "https://News.example.com/section/index.html?page=2"
    assert (
        canonicalize("../2026/story?utm_source=rss", base) == "https://news.example.com/2026/story"
    )
    assert canonicalize("/x#y", base) == "https://news.example.com/x"
    assert canonicalize("//cdn.example.com", base) == "https://cdn.example.com/"
    assert canonicalize("https://other.org/a", base) == "https://other.org/a"


def test_canonicalize_keeps_content_params_and_encoding() -> None:
    url = "https://example.com/search?q=a%20b&reference=1&page=3"
    assert canonicalize(url) == "https://example.com/search?page=3&q=a%20b&reference=1"


_segment = st.text(alphabet=st.characters(codec="utf-8", exclude_characters="?#"), max_size=8)
_param = st.one_of(
    st.sampled_from(
        ["utm_source", "fbclid", "gclid", "ref", "id", "q", "Page", "a", "ns_mchannel"]
    ),
    st.text(alphabet="abcdefXYZ_%+=.-~2", min_size=0, max_size=6),
)


@st.composite
def _urls(draw: st.DrawFn) -> str:
    scheme = draw(st.sampled_from(["http", "HTTPS", "https", "Http"]))
    host = draw(st.sampled_from(["Example.com", "news.example.org.", "[::1]", "127.0.0.1", "a.B"]))
    port = draw(st.sampled_from(["", ":80", ":443", ":8080", ":", ":0080"]))
    path = "".join("/" + s for s in draw(st.lists(_segment, max_size=4)))
    if draw(st.booleans()):
        path += "/"
    params = draw(st.lists(st.tuples(_param, st.text(max_size=5)), max_size=5))
    query = "&".join(f"{k}={v}" if v else k for k, v in params)
    frag = draw(st.text(max_size=5))
    return f"{scheme}://{host}{port}{path}" + (f"?{query}" if query else "") + f"#{frag}"


@given(_urls())
def test_canonicalize_idempotent(url: str) -> None:
    once = canonicalize(url)
    assert canonicalize(once) == once
    assert "#" not in once
    keys = {p.partition("=")[0].lower() for p in urlsplit(once).query.split("&")}
    assert not keys & {"utm_source", "fbclid", "gclid", "ref", "ns_mchannel"}


@given(st.text(max_size=40))
def test_canonicalize_idempotent_on_arbitrary_text(text: str) -> None:
    try:
        once = canonicalize(text)
    except ValueError:
        assume(False)
        return
    assert canonicalize(once) == once


@given(_urls(), st.sampled_from(["https://base.example/a/b?x=1", "http://Base.example"]))
def test_canonicalize_idempotent_with_base(url: str, base: str) -> None:
    try:
        once = canonicalize(url.split("://", 1)[1].lstrip("/"), base)
    except ValueError:  # e.g. an unbalanced "[" that now reads as an IPv6 host
        assume(False)
        return
    assert canonicalize(once) == once


# --------------------------------------------------------------------------- dates


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://ex.com/2026/04/03/nvidia-chip/", dt.date(2026, 4, 3)),
        ("https://ex.com/news/2026/4/3/story", dt.date(2026, 4, 3)),
        ("https://ex.com/2026-04-03-nvidia-chip", dt.date(2026, 4, 3)),
        ("https://ex.com/a/2026_04_03_b.html", dt.date(2026, 4, 3)),
        ("https://ex.com/20260403/story", dt.date(2026, 4, 3)),
        ("https://ex.com/story-20260403.html", dt.date(2026, 4, 3)),
        ("https://ex.com/2026/02/30/bad-day/", None),
        ("https://ex.com/2026/13/01/", None),
        ("https://ex.com/20261301/x", None),
        ("https://ex.com/1850/01/01/old", None),
        ("https://ex.com/2026/04/", None),  # month only
        ("https://ex.com/article/123202604031/", None),  # embedded in a longer number
        ("https://ex.com/sku12026-04-03/", None),
        ("https://ex.com/2026/04-03/x", None),  # mixed separators
        ("https://ex.com/x?date=2026-04-03", None),  # query is ignored
        ("https://ex.com/2026/02/30/x/2026/03/01/y", dt.date(2026, 3, 1)),  # first valid wins
        ("not a url", None),
        ("", None),
    ],
)
def test_date_from_url(url: str, expected: dt.date | None) -> None:
    assert date_from_url(url) == expected


# --------------------------------------------------------------------------- SSRF guard


def fake_resolver(mapping: dict[str, list[str]]) -> Any:
    """getaddrinfo look-alike answering from ``mapping``; unknown names fail like DNS does."""

    def resolve(host: str, port: int, *args: Any, **kwargs: Any) -> list[tuple[Any, ...]]:
        if host not in mapping:
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        out = []
        for addr in mapping[host]:
            fam = socket.AF_INET6 if ":" in addr else socket.AF_INET
            out.append((fam, socket.SOCK_STREAM, 6, "", (addr, port)))
        return out

    return resolve


def _no_resolver(*args: Any, **kwargs: Any) -> Any:
    raise AssertionError("resolver must not be called")


@pytest.mark.parametrize(
    ("url", "kind"),
    [
        ("http://127.0.0.1/", "loopback"),
        ("http://127.8.9.1:8080/x", "loopback"),
        ("http://10.1.2.3/", "private"),
        ("http://192.168.0.1/", "private"),
        ("http://172.16.5.4/", "private"),
        ("http://169.254.169.254/latest/meta-data/", "cloud metadata"),
        ("http://169.254.1.1/", "link-local"),
        ("http://[::1]/", "loopback"),
        ("http://[fd00:ec2::254]/", "cloud metadata"),
        ("http://[fe80::1]/", "link-local"),
        ("http://[::ffff:127.0.0.1]/", "loopback"),
        ("http://0.0.0.0/", "unspecified"),
        ("http://224.0.0.1/", "multicast"),
        ("http://240.0.0.1/", "reserved"),
        ("http://100.64.0.1/", "CGNAT"),
    ],
)
def test_check_url_allowed_refuses_internal_ip_literals(url: str, kind: str) -> None:
    with pytest.raises(UnsafeURLError) as info:
        check_url_allowed(url, allow_private=False, resolver=_no_resolver)
    assert kind in info.value.reason
    assert url in str(info.value)
    assert "\n" not in str(info.value)
    # ... and all of them are fine when private hosts are explicitly allowed
    check_url_allowed(url, allow_private=True, resolver=_no_resolver)


def test_check_url_allowed_resolves_names() -> None:
    resolver = fake_resolver(
        {
            "news.example.com": ["93.184.216.34", "2606:2800:220:1:248:1893:25c8:1946"],
            "sneaky.example.com": ["93.184.216.34", "10.0.0.7"],
            "meta.example.com": ["169.254.169.254"],
            "localhost": ["127.0.0.1", "::1"],
        }
    )
    check_url_allowed("https://news.example.com/a", allow_private=False, resolver=resolver)
    check_url_allowed("http://93.184.216.34/", allow_private=False, resolver=resolver)
    for host, kind in [
        ("sneaky.example.com", "private address 10.0.0.7"),  # any bad address refuses
        ("meta.example.com", "cloud metadata address 169.254.169.254"),
        ("localhost", "loopback address 127.0.0.1"),
    ]:
        with pytest.raises(UnsafeURLError) as info:
            check_url_allowed(f"http://{host}/", allow_private=False, resolver=resolver)
        assert kind in info.value.reason
        assert host in info.value.reason
    with pytest.raises(HostResolutionError, match="cannot resolve host 'nope.invalid'"):
        check_url_allowed("http://nope.invalid/", allow_private=False, resolver=resolver)


@pytest.mark.parametrize(
    ("url", "why"),
    [
        ("ftp://example.com/file", "scheme 'ftp'"),
        ("file:///etc/passwd", "scheme 'file'"),
        ("javascript:alert(1)", "scheme 'javascript'"),
        ("gopher://127.0.0.1:6379/", "scheme 'gopher'"),
        ("example.com/no-scheme", "scheme '(none)'"),
        ("http:///path-only", "missing host"),
        ("https://user:pass@example.com/", "credentials"),
        ("https://user@example.com/", "credentials"),
        ("http://example.com:99999/", "malformed URL"),
    ],
)
def test_check_url_allowed_refuses_regardless_of_allow_private(url: str, why: str) -> None:
    for allow_private in (False, True):
        with pytest.raises(UnsafeURLError, match=re.escape(why)):
            check_url_allowed(url, allow_private=allow_private, resolver=_no_resolver)


def test_address_refusal_reason() -> None:
    assert address_refusal_reason("8.8.8.8") is None
    assert address_refusal_reason("2001:4860:4860::8888") is None
    assert address_refusal_reason("fe80::1%eth0") == "link-local address fe80::1"
    assert address_refusal_reason("nonsense") == "invalid address 'nonsense'"
