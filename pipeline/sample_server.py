"""A small threaded static HTTP server for the sample corpus (data/sample/site).

Every URL in the sample site uses the origin ``https://sample.firstwire.invalid``. The server
serves the files under ``root`` and rewrites that origin, byte for byte, to its own
``http://127.0.0.1:PORT`` in text responses (HTML, XML feeds, plain text, JSON), so the demo,
the tests and the benchmarks run fully offline::

    with SampleServer(Path("data/sample/site")) as server:
        sources = rewrite_sources(Path("data/sample/sources.yaml").read_text(), server.base_url)
        ...  # fetch server.base_url + "/compute-report/feed.xml"

The replacement is done on bytes (the origin is ASCII), so pages and feeds in a declared
non-UTF-8 encoding (windows-1252, ISO-8859-1) stay valid; their Content-Type carries the
charset declared in the file (``<meta charset>`` or the XML prolog). Responses have
Last-Modified and ETag headers and honour If-None-Match / If-Modified-Since with 304.
Nothing outside ``root`` is ever served, and the server logs nothing to stderr.

Run it by hand with ``python -m pipeline.sample_server --root data/sample/site --port 8000``.
"""

from __future__ import annotations

import argparse
import hashlib
import http.server
import logging
import mimetypes
import re
import socket
import threading
from dataclasses import dataclass
from email.utils import formatdate, parsedate_to_datetime
from pathlib import Path
from types import TracebackType
from urllib.parse import quote, unquote, urlsplit

SAMPLE_ORIGIN = "https://sample.firstwire.invalid"

log = logging.getLogger(__name__)

_TEXT_SUFFIXES = {".html", ".htm", ".xml", ".rdf", ".atom", ".rss", ".txt", ".json", ".css", ".js"}
_HTML_CHARSET_RE = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.IGNORECASE
)
_XML_ENCODING_RE = re.compile(rb"""^\s*<\?xml[^>]*\bencoding\s*=\s*["']([A-Za-z0-9._-]+)["']""")
_XML_ROOT_RE = re.compile(rb"<(?!\?|!)([A-Za-z_][\w:.-]*)")


def rewrite_sources(text: str, base_url: str) -> str:
    """Replace the sample origin in a sources.yaml text with a running server's base URL."""
    return text.replace(SAMPLE_ORIGIN, base_url.rstrip("/"))


def to_sample_url(url: str, base_url: str) -> str:
    """Map a URL seen through a running server back to the sample origin (as in labels.json)."""
    base = base_url.rstrip("/")
    if url == base or url.startswith(base + "/") or url.startswith(base + "?"):
        return SAMPLE_ORIGIN + url[len(base) :]
    return url


def content_type_for(path: Path, head: bytes) -> tuple[str, bool]:
    """(Content-Type header value, is_text) for a file, given its first bytes.

    HTML takes its charset from ``<meta charset>`` / ``http-equiv``; XML from the prolog's
    ``encoding``. Feeds get application/rss+xml, application/atom+xml or
    application/rdf+xml according to their root element.
    """
    suffix = path.suffix.lower()
    if suffix in (".html", ".htm"):
        match = _HTML_CHARSET_RE.search(head[:4096])
        charset = match.group(1).decode("ascii") if match else "utf-8"
        return f"text/html; charset={charset}", True
    if suffix in (".xml", ".rdf", ".atom", ".rss"):
        match = _XML_ENCODING_RE.match(head)
        charset = match.group(1).decode("ascii") if match else "utf-8"
        root = _XML_ROOT_RE.search(head[:4096])
        name = root.group(1).decode("ascii").lower() if root else ""
        if name == "rss":
            mime = "application/rss+xml"
        elif name == "feed":
            mime = "application/atom+xml"
        elif name == "rdf:rdf":
            mime = "application/rdf+xml"
        else:
            mime = "application/xml"
        return f"{mime}; charset={charset}", True
    if suffix == ".txt":
        return "text/plain; charset=utf-8", True
    if suffix == ".json":
        return "application/json", True
    if suffix == ".css":
        return "text/css; charset=utf-8", True
    if suffix == ".js":
        return "text/javascript; charset=utf-8", True
    guessed, _ = mimetypes.guess_type(path.name)
    return guessed or "application/octet-stream", False


@dataclass(frozen=True)
class _Entry:
    """A prepared response body for one file version."""

    mtime_ns: int
    size: int
    body: bytes
    content_type: str
    etag: str
    last_modified: str
    mtime: int


class _HTTPServer(http.server.ThreadingHTTPServer):
    """ThreadingHTTPServer carrying the sample site's settings; quiet on client errors."""

    daemon_threads = True
    allow_reuse_address = True

    root: Path
    replacements: list[tuple[bytes, bytes]]
    cache: dict[Path, _Entry]
    cache_lock: threading.Lock

    def handle_error(self, request: object, client_address: object) -> None:  # noqa: D401
        """Swallow per-request errors (clients hanging up mid-response are routine)."""
        log.debug("sample server: error while handling %s", client_address, exc_info=True)


class _HTTPServerV6(_HTTPServer):
    address_family = socket.AF_INET6


class _Handler(http.server.BaseHTTPRequestHandler):
    """Serves files under the server's root, rewriting the sample origin in text bodies."""

    server: _HTTPServer
    protocol_version = "HTTP/1.1"
    server_version = "FirstwireSample/1.0"
    sys_version = ""

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        """No access log on stderr."""
        log.debug("sample server: " + format, *args)

    def do_GET(self) -> None:  # noqa: N802
        self._serve(send_body=True)

    def do_HEAD(self) -> None:  # noqa: N802
        self._serve(send_body=False)

    # ----------------------------------------------------------------- helpers

    def _resolve(self, url_path: str) -> Path | None | int:
        """The file for a URL path, None when missing, or an HTTP status to send (403)."""
        decoded = unquote(url_path)
        if "\x00" in decoded or "\\" in decoded:
            return 403
        parts = [p for p in decoded.split("/") if p not in ("", ".")]
        if ".." in parts:
            return 403
        root = self.server.root
        candidate = root.joinpath(*parts)
        try:
            resolved = candidate.resolve()
        except (OSError, RuntimeError):
            return None
        if resolved != root and root not in resolved.parents:
            return 403
        return resolved

    def _entry(self, path: Path) -> _Entry | None:
        """Load (or reuse) the prepared body for a file."""
        try:
            stat = path.stat()
        except OSError:
            return None
        server = self.server
        with server.cache_lock:
            cached = server.cache.get(path)
        if cached and cached.mtime_ns == stat.st_mtime_ns and cached.size == stat.st_size:
            return cached
        try:
            body = path.read_bytes()
        except OSError:
            return None
        content_type, is_text = content_type_for(path, body[:4096])
        if is_text:
            for old, new in server.replacements:
                body = body.replace(old, new)
        mtime = int(stat.st_mtime)
        entry = _Entry(
            mtime_ns=stat.st_mtime_ns,
            size=stat.st_size,
            body=body,
            content_type=content_type,
            etag='"' + hashlib.sha1(body).hexdigest()[:24] + '"',
            last_modified=formatdate(mtime, usegmt=True),
            mtime=mtime,
        )
        with server.cache_lock:
            server.cache[path] = entry
        return entry

    def _not_modified(self, entry: _Entry) -> bool:
        """True when the request's validators match the current version."""
        inm = self.headers.get("If-None-Match")
        if inm is not None:
            tags = [t.strip() for t in inm.split(",")]
            return any(t == "*" or t.removeprefix("W/") == entry.etag for t in tags)
        ims = self.headers.get("If-Modified-Since")
        if ims:
            try:
                since = parsedate_to_datetime(ims)
            except (TypeError, ValueError, IndexError):
                return False
            if since is None:
                return False
            return entry.mtime <= int(since.timestamp())
        return False

    def _serve(self, send_body: bool) -> None:
        split = urlsplit(self.path)
        target = self._resolve(split.path)
        if isinstance(target, int):
            self.send_error(target, "Forbidden")
            return
        if target is None or not target.exists():
            self.send_error(404, "Not Found")
            return
        if target.is_dir():
            if not split.path.endswith("/"):
                location = split.path + "/" + (f"?{split.query}" if split.query else "")
                self.send_response(301)
                self.send_header("Location", location)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            target = target / "index.html"
            if not target.is_file():
                self.send_error(404, "Not Found")
                return
        elif not target.is_file():
            self.send_error(404, "Not Found")
            return
        entry = self._entry(target)
        if entry is None:
            self.send_error(404, "Not Found")
            return
        if self._not_modified(entry):
            self.send_response(304)
            self.send_header("ETag", entry.etag)
            self.send_header("Last-Modified", entry.last_modified)
            self.end_headers()
            return
        self.send_response(200)
        self.send_header("Content-Type", entry.content_type)
        self.send_header("Content-Length", str(len(entry.body)))
        self.send_header("ETag", entry.etag)
        self.send_header("Last-Modified", entry.last_modified)
        self.send_header("Cache-Control", "no-cache")
        self.end_headers()
        if send_body:
            try:
                self.wfile.write(entry.body)
            except (BrokenPipeError, ConnectionResetError):
                self.close_connection = True


class SampleServer:
    """A static server for the sample site, run on a background thread.

    Use it as a context manager (or call :meth:`start` / :meth:`stop`). ``port=0`` picks a
    free port; :attr:`base_url` is ``http://HOST:PORT`` once started. ``rewrite_origin`` is
    the origin replaced by :attr:`base_url` in text responses (``None`` or ``""`` to serve
    the files unchanged).
    """

    def __init__(
        self,
        root: Path,
        host: str = "127.0.0.1",
        port: int = 0,
        rewrite_origin: str | None = SAMPLE_ORIGIN,
    ) -> None:
        self.root = Path(root).resolve()
        self.host = host
        self.port = port
        self.rewrite_origin = rewrite_origin
        self._server: _HTTPServer | None = None
        self._thread: threading.Thread | None = None
        self._base_url: str | None = None

    @property
    def base_url(self) -> str:
        """``http://HOST:PORT`` of the running server (no trailing slash)."""
        if self._base_url is None:
            raise RuntimeError("SampleServer is not started")
        return self._base_url

    def start(self) -> None:
        """Bind the socket and start serving on a daemon thread."""
        if self._server is not None:
            raise RuntimeError("SampleServer is already started")
        if not self.root.is_dir():
            raise FileNotFoundError(f"sample site root not found: {self.root}")
        server_class = _HTTPServerV6 if ":" in self.host else _HTTPServer
        server = server_class((self.host, self.port), _Handler)
        port = server.server_address[1]
        host = f"[{self.host}]" if ":" in self.host else self.host
        base_url = f"http://{host}:{port}"
        server.root = self.root
        server.replacements = []
        if self.rewrite_origin:
            origin = self.rewrite_origin.rstrip("/")
            server.replacements = [
                (origin.encode("ascii"), base_url.encode("ascii")),
                (quote(origin, safe="").encode("ascii"), quote(base_url, safe="").encode("ascii")),
            ]
        server.cache = {}
        server.cache_lock = threading.Lock()
        self._server = server
        self._base_url = base_url
        self.port = port
        self._thread = threading.Thread(
            target=server.serve_forever,
            kwargs={"poll_interval": 0.1},
            name="sample-server",
            daemon=True,
        )
        self._thread.start()

    def stop(self) -> None:
        """Stop serving and close the socket (safe to call twice)."""
        server, thread = self._server, self._thread
        self._server = None
        self._thread = None
        if server is not None:
            server.shutdown()
            server.server_close()
        if thread is not None:
            thread.join(timeout=5)
        self._base_url = None

    def __enter__(self) -> SampleServer:
        self.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()


def main(argv: list[str] | None = None) -> int:
    """Serve the sample site until interrupted."""
    default_root = Path(__file__).resolve().parent.parent / "data" / "sample" / "site"
    parser = argparse.ArgumentParser(description="Serve the firstwire sample site locally.")
    parser.add_argument(
        "--root", type=Path, default=default_root, help="site directory (default: data/sample/site)"
    )
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument(
        "--no-rewrite", action="store_true", help="serve files without rewriting the origin"
    )
    args = parser.parse_args(argv)
    server = SampleServer(
        args.root,
        host=args.host,
        port=args.port,
        rewrite_origin=None if args.no_rewrite else SAMPLE_ORIGIN,
    )
    server.start()
    print(f"serving {server.root} at {server.base_url}/ (Ctrl-C to stop)", flush=True)
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        pass
    finally:
        server.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
