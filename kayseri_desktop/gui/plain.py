"""User text shown literally: tooltips and rich-text-capable widgets never interpret it.

Every table model's tooltips go through plain_tooltip (a firm title such as
'<b>x</b><img src="file://host/share/x.png">' is shown as typed, never drawn bold with
an image fetched from that path); labels showing data use data_table.plain_label.
"""

from __future__ import annotations

import html


def plain_tooltip(text: str | None) -> str | None:
    """A tooltip that shows ``text`` as typed, even if it looks like HTML ("<b>Acme</b>").

    Qt guesses whether a tooltip is rich text; escaped text inside a minimal rich-text
    wrapper is always shown literally, line breaks kept.
    """
    if not text:
        return None
    return "<p style='white-space:pre-wrap'>" + html.escape(text) + "</p>"
