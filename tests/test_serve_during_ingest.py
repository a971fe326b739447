"""The web app keeps serving while ``firstwire ingest`` writes, and the ingest is not
disturbed by the server: both finish without errors.

A real ``Ingest`` (feeds and pages from pytest-httpserver, the story and details stages
with the hashing embedder) runs in another process, as the cron job would, while threads
of this process poll the pages and the JSON API through the app.
"""

from __future__ import annotations

import json
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

from conftest import article_html, rss
from fastapi.testclient import TestClient
from pytest_httpserver import HTTPServer

from pipeline.store import Store
from pipeline.web import create_app

ROOT = Path(__file__).resolve().parents[1]
OUTLETS = ["Pacific Wire", "Silicon Ledger", "Wafer and Watt"]
TOPICS = [
    ("Huawei Ascend 950PR", "orders from Alibaba, ByteDance and Tencent", "chips"),
    ("Samsung HBM4", "qualification for the next accelerator generation", "memory stacks"),
    ("TSMC CoWoS", "packaging capacity expansion in Taiwan", "wafers"),
    ("Cerebras IPO", "listing terms on the Nasdaq exchange", "shares"),
    ("Intel Panther Lake", "volume shipments on the 18A process", "laptops"),
]
PER_OUTLET = 15  # 45 articles: more than one extraction batch

INGEST = """
import json, sys, time
from pathlib import Path
from pipeline.ingest import Ingest
from pipeline.sources import load_sources
from pipeline.stages import story_stages

db = Path(sys.argv[1])
for n, sources in enumerate(sys.argv[2:]):  # one run per sources file, like cron runs
    if n:
        sys.stdin.readline()  # the test's go-ahead
    config = load_sources(Path(sources))
    started = time.time()
    report = Ingest(config, db, workers=1, stages=story_stages(config)).run()
    print(json.dumps({"status": report.status, "error": report.error, "stats": report.stats,
                      "started": started, "finished": time.time()}, default=str), flush=True)
"""


def serve_corpus(httpserver: HTTPServer) -> list[str]:
    """One feed per outlet; every outlet covers every topic a few times. Returns the
    feed URLs."""
    feeds = []
    for k, outlet in enumerate(OUTLETS):
        items = []
        for j in range(PER_OUTLET):
            name, what, unit = TOPICS[j % len(TOPICS)]
            day = 1 + j + k
            path = f"/o{k}/2026/04/{day:02d}/story-{j}/"
            title = f"{name}: {what} ({outlet} report {j})"
            paragraphs = [
                f"{name} news: {what}, {outlet} has learned. The company shipped "
                f"{1000 * (j + 1)} {unit} in the quarter, up {10 + j}% from a year ago.",
                f"Analysts said the {name} numbers matter for {what}, and that buyers would "
                f"watch prices of about ${100 + 10 * j} per unit closely.",
            ]
            httpserver.expect_request(path).respond_with_data(
                article_html(
                    title,
                    paragraphs,
                    site=outlet,
                    published=f"2026-04-{day:02d}T{8 + k:02d}:00:00Z",
                ),
                content_type="text/html; charset=utf-8",
            )
            items.append(
                {
                    "title": title,
                    "link": httpserver.url_for(path),
                    "date": f"2026-04-{day:02d}T{8 + k:02d}:00:00Z",
                }
            )
        httpserver.expect_request(f"/o{k}/feed.xml").respond_with_data(
            rss(items, title=outlet), content_type="application/rss+xml"
        )
        feeds.append(httpserver.url_for(f"/o{k}/feed.xml"))
    httpserver.expect_request("/robots.txt").respond_with_data("", status=404)
    return feeds


def write_sources(path: Path, feeds: list[str]) -> None:
    """sources.yaml for the first ``len(feeds)`` outlets."""
    lines = [
        "settings:",
        "  allow_private_hosts: true",
        "  timeout_s: 5",
        "  model: hashing-256",
        "sources:",
    ]
    for outlet, feed in zip(OUTLETS, feeds, strict=False):
        lines += [f"  - name: {outlet}", f"    feeds: [{feed}]"]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


LIST_URLS = [
    "/",
    "/runs",
    "/api/stories?since=all",
    "/?q=ascend",
    "/digests",
    "/?outlet=Pacific+Wire",
]


class Poller(threading.Thread):
    """Requests pages and API answers in a loop until told to stop: the list pages, or
    (``stories``) the pages and timelines of the stories that ``/api/stories`` lists."""

    def __init__(
        self, client: TestClient, stop: threading.Event, *, stories: bool, offset: int = 0
    ) -> None:
        super().__init__(daemon=True)
        self.offset = offset
        self.client = client
        self.stop = stop
        self.stories = stories
        self.results: list[tuple[float, float, str, int]] = []  # (start, end, url, status)
        self.error: BaseException | None = None

    def run(self) -> None:
        n = self.offset
        story_ids: list[str] = []
        try:
            while not self.stop.is_set():
                n += 1
                if not self.stories:
                    url = LIST_URLS[n % len(LIST_URLS)]
                elif story_ids and n % 20:
                    sid = story_ids[n % len(story_ids)]
                    url = f"/stories/{sid}" if n % 2 else f"/api/stories/{sid}/timeline"
                else:
                    url = "/api/stories?since=all"
                t0 = time.time()
                r = self.client.get(url)
                self.results.append((t0, time.time(), url, r.status_code))
                if url.startswith("/api/stories?") and r.status_code == 200:
                    story_ids = [s["id"] for s in r.json()["stories"]]
        except BaseException as exc:  # noqa: BLE001 - reported by the test
            self.error = exc


def read_report(proc: subprocess.Popen[str], log: Path) -> dict[str, Any]:
    assert proc.stdout is not None
    line = proc.stdout.readline()
    assert line, f"the ingest process died: {log.read_text()}"
    report: dict[str, Any] = json.loads(line)
    return report


def test_serving_while_ingest_runs_both_finish_without_errors(
    httpserver: HTTPServer, tmp_path: Path
) -> None:
    feeds = serve_corpus(httpserver)
    # the first run sees two outlets, the second all three: it adds articles to stories
    # that the server is showing while it runs
    first, second = tmp_path / "first.yaml", tmp_path / "second.yaml"
    write_sources(first, feeds[:2])
    write_sources(second, feeds)
    db = tmp_path / "fw.duckdb"
    with Store(db):  # an empty database with the current schema
        pass
    log = tmp_path / "ingest.log"

    with TestClient(create_app(db, lock_wait_s=10.0)) as client:
        stop = threading.Event()
        pollers = [Poller(client, stop, stories=n > 0, offset=7 * n) for n in range(3)]
        for p in pollers:
            p.start()
        with (
            log.open("w") as err,
            subprocess.Popen(
                [sys.executable, "-c", INGEST, str(db), str(first), str(second)],
                cwd=ROOT,
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=err,
                text=True,
            ) as proc,
        ):
            try:
                reports = [read_report(proc, log)]
                # let the pollers find the stories of the first run, then run the second
                deadline = time.monotonic() + 30
                while time.monotonic() < deadline and not any(
                    r[2].startswith("/stories/") for p in pollers for r in p.results
                ):
                    time.sleep(0.05)
                assert proc.stdin is not None
                proc.stdin.write("go\n")
                proc.stdin.flush()
                reports.append(read_report(proc, log))
                returncode = proc.wait(timeout=60)
            finally:
                stop.set()
                for p in pollers:
                    p.join(timeout=30)
                if proc.poll() is None:
                    proc.kill()
        final = client.get("/api/stories?since=all")
        runs_page = client.get("/runs")

    # the ingest runs finished without errors...
    assert returncode == 0, log.read_text()
    assert [r["status"] for r in reports] == ["ok", "ok"], reports
    assert [r["stats"]["articles"]["new"] for r in reports] == [2 * PER_OUTLET, PER_OUTLET]
    assert [r["stats"]["stories"]["clustered"] for r in reports] == [2 * PER_OUTLET, PER_OUTLET]
    assert all(r["stats"]["details"]["timelines"] > 0 for r in reports)

    # ...and so did every request made meanwhile, including those made during the runs
    assert [p.error for p in pollers] == [None, None, None]
    results = [r for p in pollers for r in p.results]
    failed = [(url, status) for _, _, url, status in results if status != 200]
    assert failed == [], failed
    during = [
        url
        for t0, t1, url, _ in results
        if any(t0 < r["finished"] and t1 > r["started"] for r in reports)
    ]
    assert len(during) >= 5, f"only {len(during)} requests overlapped the ingest runs"
    assert any(url.startswith("/stories/") or url.endswith("/timeline") for url in during), during

    # and afterwards the server shows the committed result
    assert final.status_code == 200
    stories = final.json()["stories"]
    assert sum(s["article_count"] for s in stories) == len(OUTLETS) * PER_OUTLET
    assert runs_page.status_code == 200
    assert f"{PER_OUTLET} new" in runs_page.text
