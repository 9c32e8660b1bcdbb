"""The secretary's page in a real browser (Playwright driving Debian's Chromium).

One server and one browser for the module. Locally the tests skip when Chromium or Playwright
is missing; in CI (CI=true) they fail instead, because .ci/run installs both.
"""
from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path

import pytest

from engine.cli.main import main

from .web_server import running_server

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = os.environ.get("VEDTEKT_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
QUORUM = ROOT / "scenarios/folloradet/2021-02-quorum.yaml"


def _missing() -> str | None:
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "playwright is not installed (pip install -e '.[test]')"
    if not Path(CHROMIUM).exists():
        return f"Chromium not found at {CHROMIUM} (apt-get install chromium)"
    return None


if (reason := _missing()) is not None:
    if os.environ.get("CI") == "true":
        raise RuntimeError(f"browser tests cannot run in CI: {reason}")
    pytest.skip(reason, allow_module_level=True)

from playwright.sync_api import expect, sync_playwright  # noqa: E402

# auto-waiting, not sleeping: an assertion waits up to 20 s for the page to get there (a shared
# or cold machine may need a few seconds for the first verdict); it passes as soon as it holds
expect.set_options(timeout=20_000)


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    with running_server(meetings_dir=tmp_path_factory.mktemp("meetings")) as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    pg = context.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda e: errors.append(str(e)))
    yield pg
    context.close()
    assert not errors, f"JavaScript errors on the page: {errors}"


def _sitting(server, organ="folloradet", date="2021-02-12") -> dict:
    import httpx

    return httpx.get(f"{server}/api/sitting", params={"organ": organ, "date": date}).json()


def _names(sitting: dict) -> dict[str, str]:
    people = [m for g in sitting["members"] for m in g["members"]] + sitting["observers"] + sitting["advisers"]
    return {p["person"]: p["name"] for p in people}


def _open_meeting(page, server, lang="nb"):
    page.goto(f"{server}/?lang={lang}")
    expect(page.locator("#verdict-word")).to_be_visible()


def test_compose_the_quorum_meeting_by_clicking_then_download_and_check_with_the_cli(page, server, tmp_path, capsys):
    """The Follorådet meeting of 12 February 2021 (scenarios/folloradet/2021-02-quorum.yaml),
    clicked together: only Frogn's and Nesodden's mayors present, the Oslo observer votes.
    Expected from the law, not from the program: kommuneloven § 11-9 første ledd needs at least
    half of the 6 members (3) present and voting, so case 05/21 is not decided; the observer has
    «tale- og forslagsrett» but no vote (handlingsprogram 2021 kap. 1.2), so that vote is not
    counted: 2 for, 1 not counted."""
    sitting = _sitting(server)
    names = _names(sitting)
    voters = {"frogn-2019-fsk-a1", "nesodden-2019-fsk-a1"}
    _open_meeting(page, server)
    expect(page.locator("#verdict-word")).to_contain_text("GYLDIG")  # everyone present, no case
    for group in sitting["members"]:
        for m in group["members"]:
            if "vote" in m["rights"] and m["person"] not in voters:
                page.get_by_label(f"{m['name']}: Oppmøte").select_option("absent")
    page.get_by_label(names["oslo-2019-observator"], exact=True).check()
    page.get_by_role("button", name="Legg til sak").click()
    page.get_by_label("Saksnummer").fill("05/21")
    page.get_by_label("Tittel").fill("Høringsuttalelse om regional transportplan")
    page.get_by_label("Tittel").press("Tab")
    for person in sorted(voters) + ["oslo-2019-observator"]:
        page.get_by_label(f"{names[person]}: for", exact=True).check()
    verdict = page.locator("#verdict")
    expect(page.locator("#verdict-word")).to_have_text("✘ UGYLDIG")
    expect(verdict.locator('[data-rule="quorum"]')).to_contain_text("§ 11-9")
    expect(verdict.locator('[data-rule="observer-voted"]')).to_be_visible()
    row = verdict.locator('tr[data-case="05/21"]')
    expect(row).to_contain_text("ikke avgjort")
    expect(row).to_contain_text("2 / 0 / 0 / 1")

    with page.expect_download() as download:
        page.get_by_role("button", name="Last ned").click()
    saved = tmp_path / download.value.suggested_filename
    download.value.save_as(saved)
    with pytest.raises(SystemExit) as exit_code:  # the CLI's own entry point, in this process
        main(["check", str(saved), "--format", "json"])
    assert exit_code.value.code == 1  # 1: invalid, as the page said
    judged = json.loads(capsys.readouterr().out)["scenarios"][0]
    assert {(f["rule"], f["case"]) for f in judged["findings"]} >= {("quorum", "05/21"), ("observer-voted", "05/21")}
    assert judged["cases"][0]["outcome"] == "not_decided"
    assert judged["cases"][0]["votes"] == {"for": 2, "against": 0, "blank": 0, "rejected": 1}
    shown = [page.locator(".finding").nth(i).get_attribute("data-rule")
             for i in range(page.locator(".finding").count())]
    assert shown == [f["rule"] for f in judged["findings"]]  # the page shows the CLI's findings


def test_open_a_scenario_file_save_it_and_see_it_listed(page, server):
    _open_meeting(page, server)
    page.locator("#open-file").set_input_files(str(QUORUM))
    expect(page.locator("#s-name")).to_have_value(re.compile("for få stemmeberettigede"))
    expect(page.locator("#verdict-word")).to_have_text("✘ UGYLDIG")
    page.get_by_label("Filnavn").fill("kvorum.yaml")
    page.get_by_role("button", name="Lagre").click()
    expect(page.locator("#meetings")).to_contain_text("kvorum.yaml")
    expect(page.locator("#meetings")).to_contain_text("UGYLDIG")


def test_review_an_uploaded_draft(page, server):
    """The draft with planted defects: its name lacks «interkommunalt politisk råd», which
    kommuneloven § 18-1 tredje ledd requires (drafts/…defects.yaml, rule name-missing-ipr)."""
    page.goto(f"{server}/review")
    page.get_by_label("Utkast").set_input_files(str(ROOT / "drafts/utkast-follo-regionrad-med-feil.md"))
    page.get_by_role("button", name="Gjennomgå").click()
    finding = page.locator('#review-findings [data-rule="name-missing-ipr"]')
    expect(finding).to_contain_text("§ 18-1 tredje ledd")
    expect(page.locator("#checklist tbody tr")).to_have_count(8)  # letters a–h of § 18-4 fjerde ledd


def test_switch_to_english_keeps_the_meeting(page, server):
    """The Enebakk mayor chairs while the leader and vice are present: kommuneloven § 11-2
    tredje ledd gives the chair to the leader, or the vice; a special chair only when both are
    absent. So the meeting is invalid (chair-not-entitled), in either language."""
    sitting = _sitting(server)
    names = _names(sitting)
    mayor = "enebakk-2019-fsk-a1"
    assert mayor not in (sitting["leader"]["person"], sitting["vice"]["person"])
    _open_meeting(page, server)
    page.get_by_label(f"{names[mayor]}: Oppmøte").select_option("absent")
    page.get_by_label("Møteleder", exact=True).select_option(mayor)
    expect(page.locator("#verdict-word")).to_have_text("✘ UGYLDIG")
    page.get_by_role("link", name="English").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_label(f"{names[mayor]}: Attendance")).to_have_value("absent")
    expect(page.locator("#verdict-word")).to_have_text("✘ INVALID")
    expect(page.locator('[data-rule="chair-not-entitled"]')).to_contain_text("§ 11-2")


def test_the_transition_view_follows_the_page_language(page, server):
    """The transition report on the page is worded in the page's language, like the rest of the
    page: its title and its headings are the catalogues' (web, transition) in bokmål, then in
    English after the switch, with the bokmål heading gone."""
    from engine.core.library import library
    from engine.render.catalogue import message

    declared = {"title": library().transitions[0].title}  # the heading names the data's transition
    page.goto(f"{server}/transition")
    title, organs = page.locator("main h1").first, page.locator("main .transition h2").first
    expect(title).to_have_text(message("web.page.transition_title", "nb", declared))
    expect(organs).to_have_text(message("transition.md-organs", "nb"))
    page.get_by_role("link", name="English").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(title).to_have_text(message("web.page.transition_title", "en", declared))
    expect(organs).to_have_text(message("transition.md-organs", "en"))
    expect(page.locator("main .transition h2", has_text=message("transition.md-organs", "nb"))).to_have_count(0)
    expect(page.locator("main .transition h1")).to_have_text(
        message("transition.md-title", "en", {"before": "folloradet", "after": "folloregionen"}))


def test_walk_the_form_with_the_keyboard_only(page, server):
    """Reach «add case» with Tab, add a case with Enter, vote with the arrow keys; the focused
    element always has a visible outline."""
    _open_meeting(page, server)
    page.locator("body").focus()
    for _ in range(400):
        page.keyboard.press("Tab")
        # an invisible file input shows its focus on its label (the element after it)
        focused, outline = page.evaluate("""(() => { const a = document.activeElement;
            const shown = a.classList.contains('visually-hidden-file') ? a.nextElementSibling : a;
            return [a.id, getComputedStyle(shown).outlineStyle]; })()""")
        assert outline != "none", f"no visible focus on #{focused}"
        if focused == "add-case":
            break
    else:
        pytest.fail("«Legg til sak» cannot be reached with Tab")
    page.keyboard.press("Enter")
    expect(page.locator("#c0-id")).to_be_focused()
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.type") == "radio":
            break
    page.keyboard.press("ArrowRight")  # from «stemte ikke» to «for»
    expect(page.locator("#case-results tr[data-case='01']")).to_contain_text("1 / 0 / 0 / 0")


@pytest.mark.parametrize("path", ["/", "/review", "/rotation"])
def test_pages_fit_a_phone_and_name_every_input(browser, server, path):
    context = browser.new_context(viewport={"width": 390, "height": 800})
    pg = context.new_page()
    pg.goto(server + path)
    expect(pg.locator("main h1")).to_be_visible()
    if path == "/":
        expect(pg.locator("#verdict-word")).to_be_visible()
    width = pg.evaluate("document.documentElement.scrollWidth")
    unlabeled = pg.evaluate("""[...document.querySelectorAll('input, select, textarea')]
        .filter(e => e.type !== 'hidden' && !e.labels.length && !e.getAttribute('aria-label'))
        .map(e => e.id || e.name)""")
    context.close()
    assert width <= 390, f"{path} is {width} px wide at 390 px"
    assert unlabeled == [], f"{path}: inputs without a label: {unlabeled}"
