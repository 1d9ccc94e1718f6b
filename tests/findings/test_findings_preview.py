"""Issue 22: `make site` shows each page's findings on the page — a named region with the
Markdown line and the fix hint in the page's language, the sentence and the term marked
in the text — and `/_findings/` lists them all; after a fix the rebuilt page shows none.

Real `mkdocs serve` on a copy of the project, read in Chromium with the headers we deploy
(Content-Security-Policy included); axe on the page with the panel and on the index. On an
Arabic page the panel reads right to left, in Arabic from the catalog.
"""

from __future__ import annotations

from browser import DESKTOP, RequestLog, describe, run_axe
from serving import Server, free_port, shows
from sitebuild import copy_project
from test_findings_build import DEPRECATED, LONG, PAGE, plant

TITLE = "Anmärkningar på den här sidan"


def test_panel_marks_both_defects_then_empties_after_the_fix(tmp_path, browser):
    project = copy_project(tmp_path / "project")
    term_line, sentence_line = plant(project)
    server = Server(project, free_port())
    context = browser.new_context(viewport=DESKTOP)
    requests = RequestLog()
    requests.attach(context)
    page = context.new_page()
    axe = browser.new_context(viewport=DESKTOP, bypass_csp=True)
    blocked: list[str] = []
    page.on("console", lambda m: blocked.append(m.text)
            if "Content Security Policy" in m.text else None)
    try:
        server.wait_for(r"Serving on http://")
        page.goto(server.base + "tolk/")
        panel = page.get_by_role("region", name=TITLE)
        assert panel.count() == 1
        text = panel.inner_text()
        assert f"Rad {term_line}" in text and f"Rad {sentence_line}" in text
        assert "Så rättar du: skriv ”Försäkringskassan” i stället" in text
        assert "Så rättar du: dela upp den i kortare meningar" in text
        marks = page.locator("article mark.klarinfo-finding")
        assert sorted(marks.all_inner_texts()) == sorted([LONG.strip(), "FK"])
        assert page.locator("article mark.klarinfo-finding", has_text="FK").is_visible()

        # keyboard: a finding's link takes the reader to the marked text
        term = page.locator("article mark.klarinfo-finding", has_text="FK").get_attribute("id")
        panel.locator(f"a[href='#{term}']").focus()
        page.keyboard.press("Enter")
        assert page.url.endswith(f"#{term}")

        page.goto(server.base + "_findings/")
        index = page.locator("main").inner_text()
        assert f"{PAGE}:{term_line}" in index and f"{PAGE}:{sentence_line}" in index
        # in the default edition's language: headings and kinds from the Swedish catalog
        assert "Sida och rad" in index and "Per typ" in index
        assert "Term som inte är godkänd" in index and "Lång mening" in index
        page.get_by_role("link", name=f"{PAGE}:{term_line}").click()
        assert page.url.endswith("/tolk/#klarinfo-findings")
        for path in ("tolk/", "_findings/"):  # axe evaluates strings: CSP bypassed for it
            checked = axe.new_page()
            checked.goto(server.base + path)
            violations = run_axe(checked)
            assert not violations, f"{path}: {describe(violations)}"

        source = project / PAGE
        source.write_text(source.read_text(encoding="utf-8").replace(DEPRECATED + LONG, "", 1),
                          encoding="utf-8")
        assert shows(server, "tolk/", "Inga anmärkningar på den här sidan.")
        page.goto(server.base + "tolk/")
        panel = page.get_by_role("region", name=TITLE)
        assert panel.locator("li").count() == 0
        assert page.locator("mark.klarinfo-finding").count() == 0
        assert not requests.foreign(), requests.foreign()
        assert not blocked, blocked
    finally:
        context.close()
        axe.close()
        server.close()


AR_PAGE = "docs/ar/tolk.md"
AR_ANCHOR = "لا تدفع أي شيء مقابل المترجم الفوري.\n"
AR_LONG = ("يمكنك أن تطلب مترجما فوريا عندما تتصل بصندوق التأمينات الاجتماعية أو عندما تذهب "
           "إلى المكتب ويمكنك أيضا أن تطلب مترجما فوريا عندما يكون لديك اجتماع عبر الإنترنت "
           "مع الموظف المسؤول عن ملفك الذي يريد أن يتحدث معك عن ملفك وعن أموالك وعن "
           "أطفالك.\n")  # 47 words; the Arabic limit is 22
AR_TITLE = "ملاحظات على هذه الصفحة"  # "Findings on this page" in locales/ar klarinfo.po


def test_panel_on_an_arabic_page_reads_right_to_left(tmp_path, browser):
    project = copy_project(tmp_path / "project")
    source = project / AR_PAGE
    text = source.read_text(encoding="utf-8")
    assert AR_ANCHOR in text
    source.write_text(text.replace(AR_ANCHOR, AR_ANCHOR + AR_LONG, 1), encoding="utf-8")
    line = source.read_text(encoding="utf-8").splitlines().index(AR_LONG.strip()) + 1
    server = Server(project, free_port(), edition="ar")
    context = browser.new_context(viewport=DESKTOP, bypass_csp=True)  # axe runs a string
    try:
        server.wait_for(r"Serving on http://")
        page = context.new_page()
        page.goto(server.base + "ar/tolk/")
        panel = page.get_by_role("region", name=AR_TITLE)
        assert panel.count() == 1
        assert panel.evaluate("e => getComputedStyle(e).direction") == "rtl"
        assert panel.evaluate("e => e.closest('[lang]').lang") == "ar"
        shown = panel.inner_text()
        assert f"السطر {line}" in shown  # "Line {line}"
        assert "طريقة الإصلاح: قسّمها إلى جمل أقصر" in shown  # "How to fix: split it …"
        assert "Line " not in shown and "How to fix" not in shown
        mark = page.locator("article mark.klarinfo-finding")
        assert mark.all_inner_texts() == [AR_LONG.strip()]
        assert mark.evaluate("e => getComputedStyle(e).direction") == "rtl"
        violations = run_axe(page)
        assert not violations, describe(violations)
    finally:
        context.close()
        server.close()
