"""No table cuts a column off at 1280 x 720 with the sidebar open, in either language, with 2 or 8 hidden units.

A st.dataframe whose columns need more width than it has scrolls sideways and shows its last column cut
("corre", "r…"); harness.clipped_tables finds every such table on the page (reading mode; the slides are
checked by test_e2e_present). Screenshots of every page land in screenshots/.
"""

from __future__ import annotations

import pytest

from labtools import harness

SCREEN = {"width": 1280, "height": 720}
PAGES = ("model", "forward", "backprop", "loop", "training")


@pytest.mark.parametrize(("lang", "hidden"), [("en", "2"), ("ko", "2"), ("en", "8"), ("ko", "8")])
def test_no_table_is_clipped_at_1280(browser, server, lang, hidden):
    ctx, _ = harness.new_context(browser, "ko-KR" if lang == "ko" else "en-US", SCREEN)
    try:
        page = ctx.new_page()
        for path in PAGES:
            harness.goto(page, server.url(harness.ADDRESS[path], lang=harness.LANG_PARAM[lang], hidden=hidden))
            harness.charts_drawn(page, timeout=30_000)
            page.wait_for_timeout(500)  # the grids size their columns once their fonts are in
            harness.shot(page, f"tables-{lang}-h{hidden}-{path}")
            clipped = harness.clipped_tables(page)
            assert not clipped, f"/{path} ({lang}, {hidden} hidden units): a table cuts a column off: {clipped}"
    finally:
        ctx.close()
