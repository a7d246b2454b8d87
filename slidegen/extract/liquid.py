"""Liquid, the template language of Jekyll posts: ``{% tag %}`` and ``{{ expression }}``.

Tags and expressions are never copied onto slides. ``{% highlight LANG %}`` blocks become code
fences before parsing; ``{% comment %}`` blocks are hidden on the blog and are left out;
``{% raw %}`` only protects its content from Liquid, so its content is kept and the tags dropped.
"""

from __future__ import annotations

import re

TAG = re.compile(r"\{%-?\s*(?P<name>\w+)?[^%]*?-?%\}|\{\{-?.*?-?\}\}", re.S)
_HIGHLIGHT = re.compile(r"^(?P<indent>\s*)\{%-?\s*highlight\s+(?P<lang>[\w+#.-]+)[^%]*-?%\}\s*$")
_END_HIGHLIGHT = re.compile(r"^\s*\{%-?\s*endhighlight\s*-?%\}\s*$")
_COMMENT = re.compile(r"^\s*\{%-?\s*comment\s*-?%\}\s*$")
_END_COMMENT = re.compile(r"^\s*\{%-?\s*endcomment\s*-?%\}\s*$")
_FENCE = re.compile(r"^\s{0,3}(`{3,}|~{3,})")
_RAW = re.compile(r"\{%-?\s*(?:raw|endraw)\s*-?%\}")
QUIET = {"raw", "endraw", "comment", "endcomment", "highlight", "endhighlight"}


def preprocess(text: str) -> str:
    """The post body with highlight blocks as fences and comment blocks blanked; same line count."""
    out: list[str] = []
    fence: str | None = None
    in_comment = False
    in_highlight = False
    for line in text.split("\n"):
        if in_comment:
            in_comment = not _END_COMMENT.match(line)
            out.append("")
            continue
        if in_highlight:
            if _END_HIGHLIGHT.match(line):
                in_highlight = False
                out.append("````")
            else:
                out.append(line)
            continue
        opener = _FENCE.match(line)
        if fence is not None:
            if opener and opener.group(1)[0] == fence[0] and len(opener.group(1)) >= len(fence):
                fence = None
            out.append(line)
            continue
        if opener:
            fence = opener.group(1)
            out.append(line)
            continue
        match = _HIGHLIGHT.match(line)
        if match:
            in_highlight = True
            out.append(f"````{match.group('lang')}")
        elif _COMMENT.match(line):
            in_comment = not _END_COMMENT.search(line.split("%}", 1)[-1])
            out.append("")
        else:
            out.append(line)
    if in_highlight:
        out.append("````")
    return "\n".join(out)


def strip(text: str) -> tuple[str, list[str]]:
    """``text`` without Liquid tags and expressions, and the ones worth a remark."""
    dropped = [m.group(0) for m in TAG.finditer(text) if (m.group("name") or "") not in QUIET]
    return TAG.sub("", text), dropped


def strip_raw(code: str) -> str:
    """Code without ``{% raw %}`` / ``{% endraw %}`` tags (lines holding only them go too)."""
    if "{%" not in code:
        return code
    lines = []
    for line in code.split("\n"):
        bare = _RAW.sub("", line)
        if bare.strip() or not line.strip() or bare == line:
            lines.append(bare)
    return "\n".join(lines)
