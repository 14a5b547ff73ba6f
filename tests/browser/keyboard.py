"""Tab through a page as a keyboard user: which elements receive focus, and does each one
look different when it has it?"""

from __future__ import annotations

from dataclasses import dataclass

from playwright.sync_api import Page

# Marks every element a Tab press should reach and records how each looks without focus.
MARK_TAB_STOPS = """(look) => {
  const selector = "a[href], button, input, select, textarea, summary, [tabindex]";
  const stops = [...document.querySelectorAll(selector)].filter((el) =>
    el.tabIndex >= 0 && !el.disabled && el.checkVisibility({ visibilityProperty: true }) &&
    !(el.type === "radio" && !el.checked && el.form?.querySelector(`[name="${el.name}"]:checked`)));
  stops.forEach((el, index) => { el.dataset.tabStop = String(index); });
  return stops.map((el) => ({ html: el.outerHTML.slice(0, 100), look: look(el) }));
}"""
FOCUS_LOOK = """(el) => {
  const s = getComputedStyle(el);
  return [s.outlineStyle, s.outlineWidth, s.outlineColor, s.boxShadow, s.textDecorationLine,
          s.backgroundColor, s.borderColor].join("|");
}"""
ACTIVE_STOP = """(look) => {
  const el = document.activeElement;
  const box = el.getBoundingClientRect();
  return { stop: el.dataset.tabStop ?? null, html: el.outerHTML.slice(0, 100),
           visible: box.width > 0 && box.height > 0 && box.bottom > 0 && box.right > 0 &&
                    box.left < innerWidth && box.top < innerHeight,
           look: look(el) };
}"""


@dataclass(frozen=True)
class TabStop:
    stop: str | None
    html: str
    visible: bool  # on screen while focused (a skip link must appear)
    indicated: bool  # looks different focused than unfocused


def tab_through(page: Page) -> tuple[list[str], list[TabStop]]:
    """(the elements that should be reachable, what each Tab press focused), in order."""
    page.evaluate("() => document.activeElement?.blur()")
    stops: list[dict[str, str]] = page.evaluate(f"() => ({MARK_TAB_STOPS})({FOCUS_LOOK})")
    expected = [stop["html"] for stop in stops]
    unfocused = {str(i): stop["look"] for i, stop in enumerate(stops)}
    visited: list[TabStop] = []
    # A date input takes one Tab per segment (day, month, year), so allow spare presses and
    # stop once every stop has been seen.
    for _ in range(2 * len(expected) + 10):
        if {s.stop for s in visited} >= {str(i) for i in range(len(expected))}:
            break
        page.keyboard.press("Tab")
        active = page.evaluate(f"() => ({ACTIVE_STOP})({FOCUS_LOOK})")
        look = active["look"]
        if visited and active["stop"] is not None and visited[-1].stop == active["stop"]:
            # Further stops inside one control (a date input's day, month, year and picker
            # button): the browser draws those rings itself, out of reach of computed styles.
            continue
        indicated = active["stop"] is not None and look != unfocused[active["stop"]]
        visited.append(TabStop(active["stop"], active["html"], active["visible"], indicated))
    return expected, visited
