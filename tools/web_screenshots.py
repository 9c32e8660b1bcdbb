"""Take the README's screenshots of the web page (docs/web-*.png) with Debian's Chromium.

    .venv/bin/python tools/web_screenshots.py

The meeting shown is scenarios/folloradet/2021-02-quorum.yaml, opened with «Åpne».
"""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from playwright.sync_api import expect, sync_playwright  # noqa: E402

from tests.test_web_browser import ARGS, CHROMIUM  # noqa: E402
from tests.web_server import running_server  # noqa: E402

DOCS = ROOT / "docs"


def main() -> None:
    with running_server() as url, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        for width, height, suffix in ((1280, 1000, ""), (390, 1400, "-phone")):
            page = browser.new_page(viewport={"width": width, "height": height})
            page.goto(url + "/")
            expect(page.locator("#verdict-word")).to_be_visible()
            page.locator("#open-file").set_input_files(str(ROOT / "scenarios/folloradet/2021-02-quorum.yaml"))
            expect(page.locator("#verdict-word")).to_contain_text("UGYLDIG")
            if width > 900:
                page.locator("#h-meeting").scroll_into_view_if_needed()
            else:
                page.locator("#h-verdict").scroll_into_view_if_needed()
            page.screenshot(path=str(DOCS / f"web-meeting{suffix}.png"))
            page.close()
        page = browser.new_page(viewport={"width": 1280, "height": 1000})
        page.goto(url + "/review")
        page.locator("#file").set_input_files(str(ROOT / "drafts/utkast-follo-regionrad-med-feil.md"))
        page.locator("#review-submit").click()
        expect(page.locator("#review-findings")).to_be_visible()
        page.screenshot(path=str(DOCS / "web-review.png"))
        page.goto(url + "/authority?date=2021-02-01&node=helsegruppen&kind=budsjett")
        expect(page.locator("#authority-svg")).to_be_visible()
        page.wait_for_function("document.getElementById('authority-svg').complete")
        page.screenshot(path=str(DOCS / "web-authority.png"), full_page=True)
        browser.close()
    for f in sorted(DOCS.glob("web-*.png")):
        print(f"{f.relative_to(ROOT)}: {f.stat().st_size // 1024} KB")


if __name__ == "__main__":
    main()
