"""Any Markdown at all: extract returns a deck that validates and plans, or stops with a clear error."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from slidegen.errors import SlidegenError
from slidegen.extract import extract_text
from tests.extract.helpers import plan

FRAGMENTS = [
    "# Title", "## Section", "### Slide", "#### deeper", "**Bold line**", "- item", "  - sub item",
    "    - third level", "1. first", "2) second", "> quote", "> [!TIP]", "{: .prompt-warning }", "```", "```python",
    "~~~", "    indented code", "| a | b |", "|---|---|", "| 1 | 2 |", "<details>", "<summary>More</summary>",
    "</details>", "<aside>Note</aside>", "<br>", "<img src=\"http://x.y/p.png\" alt=\"p\">", "![alt](pic.png)",
    "![x](https://example.com/a.gif)", "{% include a.html %}", "{{ site.url }}", "{% raw %}", "{% endraw %}",
    "{% highlight ruby %}", "{% endhighlight %}", "---", "***", "", "", "text with `code` and **bold**.",
    "한글 문장입니다.", "A sentence. Another one!", "[link](http://a.b)", "<!-- comment -->", "\t tab",
    "title: x", "---\ntitle: t\n---", "- > quoted item", "- ```\n  code\n  ```", "<b>bold</b>",
]

markdown = st.one_of(
    st.text(max_size=300),
    st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=40)), max_size=40).map("\n".join),
)


@settings(derandomize=True, max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(markdown)
def test_any_markdown_gives_a_deck_that_plans_or_a_clear_error(text):
    try:
        extracted = extract_text(text, "post.md")
    except SlidegenError as exc:
        assert exc.problems and all(str(p).startswith("post.md") for p in exc.problems)
        return
    planned, errors, _ = plan(extracted.text)
    assert errors == [], errors
    assert planned
