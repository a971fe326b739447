"""Pure URL helpers: canonical form, SSRF guard, dates embedded in article URLs.

Nothing in here performs network I/O except :func:`check_url_allowed`, which resolves the
host name through an injectable resolver (``socket.getaddrinfo`` by default).
"""

from __future__ import annotations

import datetime as dt
import ipaddress
import re
import socket
from collections.abc import Callable, Sequence
from typing import Any
from urllib.parse import unquote_plus, urljoin, urlsplit, urlunsplit

__all__ = [
    "HostResolutionError",
    "UnsafeURLError",
    "address_refusal_reason",
    "canonicalize",
    "check_url_allowed",
    "date_from_url",
    "is_tracking_param",
]

# --------------------------------------------------------------------------- canonicalize

_DEFAULT_PORTS = {"http": "80", "https": "443"}
# Stripped from both ends, as browsers do (WHATWG); other whitespace is data.
_C0_AND_SPACE = "".join(map(chr, range(0x21)))
_CONTROLS = re.compile(r"[\x00-\x20\x7f]")

# Query parameters that only identify a campaign / click / share and never select content.
_TRACKING_PARAMS = frozenset(
    {
        "fbclid", "gclid", "gclsrc", "dclid", "gbraid", "wbraid", "msclkid", "yclid",
        "twclid", "ttclid", "li_fat_id", "igshid", "igsh", "mc_cid", "mc_eid",
        "ref", "ref_src", "ref_url", "cmpid", "cmp", "ocid", "_ga", "_gl", "spm",
        "_hsenc", "_hsmi", "__hstc", "__hssc", "__hsfp", "hsctatracking", "mkt_tok",
        "oly_anon_id", "oly_enc_id", "vero_id", "vero_conv", "wt.mc_id", "wt_mc_id",
        "xtor", "smid", "smtyp", "sr_share", "soc_src", "soc_trk", "ito",
        "at_medium", "at_campaign", "at_custom1", "at_custom2", "at_custom3", "at_custom4",
        "__twitter_impression", "s_cid", "guccounter", "guce_referrer", "guce_referrer_sig",
    }
)  # fmt: skip
_TRACKING_PREFIXES = ("utm_", "ns_", "itm_", "pk_", "mtm_", "hsa_")


def is_tracking_param(name: str) -> bool:
    """True if query parameter ``name`` (raw or decoded, any case) is a known tracker."""
    key = unquote_plus(name).strip().lower()
    return key in _TRACKING_PARAMS or key.startswith(_TRACKING_PREFIXES)


def _canonical_netloc(netloc: str, scheme: str) -> str:
    userinfo, at, hostport = netloc.rpartition("@")
    if hostport.startswith("["):  # IPv6 literal
        end = hostport.find("]")
        if end == -1:
            host, port = hostport, ""
        else:
            host, rest = hostport[: end + 1], hostport[end + 1 :]
            port = rest[1:] if rest.startswith(":") else ""
    else:
        host, _, port = hostport.partition(":")
    host = host.lower()
    if len(host) > 1 and host.endswith(".") and host.rstrip("."):
        host = host.rstrip(".")  # "example.com." and "example.com" are the same site
    if port.isascii() and port.isdigit():
        port = str(int(port))
    if port == _DEFAULT_PORTS.get(scheme):
        port = ""
    return f"{userinfo}{at}{host}{':' + port if port else ''}"


def _canonical_query(query: str) -> str:
    pairs = [p for p in query.split("&") if p and not is_tracking_param(p.partition("=")[0])]
    # Stable sort on the decoded key only: repeated keys keep their relative order, which
    # some sites rely on (``?id=2&id=1``), and the raw encoding of each pair is untouched.
    pairs.sort(key=lambda p: unquote_plus(p.partition("=")[0]))
    return "&".join(pairs)


def canonicalize(url: str, base: str | None = None) -> str:
    """Return a canonical form of ``url`` for de-duplication and as a storage key.

    * relative ``url`` is resolved against ``base``;
    * scheme and host are lower-cased, a trailing dot on the host and default ports are dropped;
    * the fragment is dropped;
    * tracking parameters (``utm_*``, ``fbclid``, ``gclid``, ``ref``, ...) are removed and the
      remaining parameters are sorted by name (stable, raw encoding kept);
    * an empty path becomes ``/``; any other path, including a trailing slash, is kept as given.

    The function is idempotent: ``canonicalize(canonicalize(u)) == canonicalize(u)``.
    Raises ``ValueError`` only for strings :func:`urllib.parse.urlsplit` rejects
    (e.g. an unbalanced ``[`` in the host).
    """
    url = url.strip(_C0_AND_SPACE)
    if base is not None:
        url = urljoin(base.strip(_C0_AND_SPACE), url)
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    netloc = _canonical_netloc(parts.netloc, scheme) if parts.netloc else ""
    path = _quote_controls(parts.path)
    if netloc and not path:
        path = "/"
    elif not netloc and path.startswith("//"):
        path = "/." + path  # as WHATWG serialises it; "//" would be read back as a netloc
    query = _canonical_query(_quote_controls(parts.query))
    return urlunsplit((scheme, netloc, path, query, ""))


def _quote_controls(text: str) -> str:
    """Percent-encode spaces and control characters, which are never valid raw in a URL
    (and would otherwise be stripped or mangled on the next parse)."""
    return _CONTROLS.sub(lambda m: f"%{ord(m.group()):02X}", text)


# --------------------------------------------------------------------------- SSRF guard

Resolver = Callable[..., Sequence[tuple[Any, ...]]]

_METADATA_ADDRESSES = frozenset(
    {
        ipaddress.ip_address("169.254.169.254"),  # AWS, GCP, Azure, OpenStack, ...
        ipaddress.ip_address("169.254.170.2"),  # AWS ECS task metadata
        ipaddress.ip_address("100.100.100.200"),  # Alibaba Cloud
        ipaddress.ip_address("fd00:ec2::254"),  # AWS IPv6
    }
)
_CGNAT = ipaddress.ip_network("100.64.0.0/10")


class UnsafeURLError(ValueError):
    """A URL we refuse to fetch. ``reason`` is a short phrase, ``url`` the offending URL."""

    def __init__(self, url: str, reason: str) -> None:
        self.url = url
        self.reason = reason
        super().__init__(f"refusing {url!r}: {reason}")


class HostResolutionError(UnsafeURLError):
    """The host name could not be resolved, so its safety could not be established.

    Unlike other refusals this is usually transient and may be worth retrying.
    """


def address_refusal_reason(address: str) -> str | None:
    """Why ``address`` (an IP literal, optionally with ``%scope``) must not be contacted.

    Returns ``None`` for a globally routable unicast address, otherwise a phrase such as
    ``"private address 10.0.0.1"``. A non-IP string is refused as ``"invalid address"``.
    """
    try:
        ip = ipaddress.ip_address(address.split("%", 1)[0])
    except ValueError:
        return f"invalid address {address!r}"
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped  # ::ffff:127.0.0.1 is 127.0.0.1
    if ip in _METADATA_ADDRESSES:
        kind = "cloud metadata"
    elif ip.is_unspecified:
        kind = "unspecified"
    elif ip.is_loopback:
        kind = "loopback"
    elif ip.is_link_local:
        kind = "link-local"
    elif ip.is_multicast:
        kind = "multicast"
    elif ip.is_reserved:  # before is_private, which also covers 240.0.0.0/4
        kind = "reserved"
    elif ip.is_private:
        kind = "private"
    elif isinstance(ip, ipaddress.IPv4Address) and ip in _CGNAT:
        kind = "shared (CGNAT)"
    elif not ip.is_global:
        kind = "non-global"
    else:
        return None
    return f"{kind} address {ip}"


def check_url_allowed(
    url: str, *, allow_private: bool, resolver: Resolver = socket.getaddrinfo
) -> None:
    """Raise :class:`UnsafeURLError` unless ``url`` is safe for the crawler to request.

    Always refused: schemes other than http/https, a missing host, credentials in the URL.
    Unless ``allow_private`` is true, the host is also resolved with
    ``resolver(host, port, type=socket.SOCK_STREAM)`` (``getaddrinfo`` shape) and refused if
    *any* address is loopback, private, link-local, multicast, reserved, unspecified or a
    cloud metadata endpoint. Resolution failure raises :class:`HostResolutionError`.

    This checks the name at one moment only; the fetcher re-checks the address it actually
    connected to, which closes the DNS-rebinding gap.
    """
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError as exc:
        raise UnsafeURLError(url, f"malformed URL ({exc})") from None
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        raise UnsafeURLError(url, f"scheme {scheme or '(none)'!r} not allowed")
    if "@" in parts.netloc:
        raise UnsafeURLError(url, "credentials in URL not allowed")
    host = parts.hostname
    if not host:
        raise UnsafeURLError(url, "missing host")
    if allow_private:
        return

    try:
        ipaddress.ip_address(host.split("%", 1)[0])
    except ValueError:
        addresses = _resolve(url, host, port or (443 if scheme == "https" else 80), resolver)
    else:
        addresses = [host]
    for address in addresses:
        reason = address_refusal_reason(address)
        if reason is not None:
            if address != host:
                reason += f" (resolved from {host})"
            raise UnsafeURLError(url, reason)


def _resolve(url: str, host: str, port: int, resolver: Resolver) -> list[str]:
    try:
        infos = resolver(host, port, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError) as exc:
        raise HostResolutionError(url, f"cannot resolve host {host!r} ({exc})") from None
    addresses = [str(info[4][0]) for info in infos]
    if not addresses:
        raise HostResolutionError(url, f"host {host!r} resolves to no address")
    return addresses


# --------------------------------------------------------------------------- dates

# Separator must be consistent (/2026/04/03/ or /2026-04-03- or /2026_04_03), and the
# match must be bounded by path punctuation so IDs like /123202604031/ do not match.
_DATE_SEPARATED = re.compile(r"(?:^|[/._-])(\d{4})([/_-])(\d{1,2})\2(\d{1,2})(?=$|[/._-])")
_DATE_COMPACT = re.compile(r"(?:^|[/._-])(\d{4})(\d{2})(\d{2})(?=$|[/._-])")
_MIN_YEAR, _MAX_YEAR = 1990, 2100


def date_from_url(url: str) -> dt.date | None:
    """Publication date embedded in the path of ``url``, or ``None``.

    Recognises ``/2026/04/03/``, ``/2026-04-03-slug``, ``/2026_04_03`` and ``/20260403/``;
    the first candidate that is a real calendar date in 1990..2100 wins. Only the path is
    inspected (queries and host names are too noisy).
    """
    try:
        path = urlsplit(url.strip()).path
    except ValueError:
        return None
    candidates: list[tuple[int, str, str, str]] = []
    for m in _DATE_SEPARATED.finditer(path):
        candidates.append((m.start(), m.group(1), m.group(3), m.group(4)))
    for m in _DATE_COMPACT.finditer(path):
        candidates.append((m.start(), m.group(1), m.group(2), m.group(3)))
    for _, year, month, day in sorted(candidates):
        if not _MIN_YEAR <= int(year) <= _MAX_YEAR:
            continue
        try:
            return dt.date(int(year), int(month), int(day))
        except ValueError:
            continue
    return None
