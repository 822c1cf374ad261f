from __future__ import annotations

from reports.markup import blocks, normalize_markup
from reports.templatetags.reports import report_markup


def test_paragraphs_bullets_and_bold():
    text = "Đoạn một có **chữ đậm**.\r\n\r\n• Gạch một\n+ Gạch hai\n  Đoạn hai  "
    assert normalize_markup(text) == (
        "Đoạn một có **chữ đậm**.\n- Gạch một\n- Gạch hai\nĐoạn hai"
    )
    found = blocks(text)
    assert [b.bullet for b in found] == [False, True, True, False]
    assert found[0].runs == (("Đoạn một có ", False), ("chữ đậm", True), (".", False))


def test_the_page_shows_the_markup_and_escapes_everything_else():
    html = report_markup("A <script>x</script> **b**\n- c")
    assert html == (
        "<p>A &lt;script&gt;x&lt;/script&gt; <strong>b</strong></p><ul><li>c</li></ul>"
    )
