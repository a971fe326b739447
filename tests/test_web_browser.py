"""End to end in a real headless browser: Debian's Chromium driven by Playwright.

Opens the stories page of ``firstwire serve`` (uvicorn in a thread, over the small
database of ``test_web``), searches, opens a story, checks that the timeline SVG and the
first reporter are visible and that a click on a marker shows its sentence, and keeps a
screenshot under ``artifacts/`` (gitignored; CI keeps it as an artifact).

Skipped when /usr/bin/chromium or the playwright package is missing. Browser downloads
do not work here: Playwright drives the system Chromium (``executable_path``).
"""

from __future__ import annotations

import importlib.util
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from test_web import IMG, SCRIPT, STORY_A, build_db

from pipeline.web import create_app

CHROMIUM = Path("/usr/bin/chromium")
ROOT = Path(__file__).resolve().parents[1]
ARTIFACTS = ROOT / "artifacts"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not CHROMIUM.exists(), reason="no /usr/bin/chromium (apt-get install chromium)"
    ),
    pytest.mark.skipif(
        importlib.util.find_spec("playwright") is None,
        reason="the playwright package is not installed",
    ),
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    import uvicorn

    db = tmp_path_factory.mktemp("browser") / "fw.duckdb"
    build_db(db)
    port = free_port()
    server = uvicorn.Server(
        uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not server.started:
        assert thread.is_alive() and time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield b
        finally:
            b.close()


def test_search_open_a_story_and_see_its_timeline(base_url: str, browser: Any) -> None:
    from playwright.sync_api import expect

    page = browser.new_page(viewport={"width": 1280, "height": 900})
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    outside: list[str] = []
    page.on(
        "request",
        lambda r: None if r.url.startswith((base_url, "data:")) else outside.append(r.url),
    )
    try:
        # the stories page lists both stories
        page.goto(base_url + "/")
        expect(page.locator("h1")).to_have_text("Stories")
        expect(page.locator("li.story")).to_have_count(2)

        # search by words
        page.fill("input[name=q]", "ascend tencent")
        page.click("form.filters button[type=submit]")
        page.wait_for_url("**/?q=ascend+tencent*")
        stories = page.locator("li.story")
        expect(stories).to_have_count(1)
        title = stories.first.locator("a.story-title")
        expect(title).to_contain_text(SCRIPT)  # the HTML in the title is shown as text

        # open the story
        title.click()
        page.wait_for_url(f"**/stories/{STORY_A}")
        expect(page.locator("h1.story-h")).to_contain_text(SCRIPT)
        svg = page.locator("svg#timeline")
        expect(svg).to_be_visible()
        expect(page.locator("#first-reporter")).to_be_visible()
        expect(page.locator("#first-reporter .first-outlet")).to_have_text("Pacific Wire")
        first = page.locator("svg#timeline g.mk-first")
        expect(first).to_have_count(1)
        expect(first).to_be_visible()
        expect(page.locator("svg#timeline g.mk-cited").first).to_be_visible()
        expect(page.locator("svg#timeline text.first-label")).to_have_text("first")

        # a click on a marker shows its sentence, as text
        page.locator("svg#timeline g.mk-cited").first.click()
        info = page.locator("#tl-info")
        expect(info).to_be_visible()
        expect(info).to_contain_text("The Compute Report")
        evil = page.locator("svg#timeline g.mk").filter(has_text="Evil")
        if evil.count():
            evil.first.click()
            expect(info).to_contain_text(IMG)
        page.locator("svg#timeline g.mk-first").click()
        expect(info).to_contain_text("Pacific Wire")
        expect(info.locator("a")).to_have_attribute(
            "href", "https://pacific.example/2026/04/04/ascend-orders"
        )

        # the details table and the links out
        expect(page.locator("table.details tbody tr").first).to_be_visible()
        expect(page.locator("ol.articles a[href^='https://']")).to_have_count(2)

        ARTIFACTS.mkdir(exist_ok=True)
        shot = ARTIFACTS / "web-story.png"
        page.screenshot(path=str(shot), full_page=True)
        assert shot.stat().st_size > 10_000
    finally:
        page.close()
    assert dialogs == []  # no alert(1) ever ran
    assert errors == []
    assert outside == []  # everything the pages need ships with the app
