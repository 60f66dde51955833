"""Operate every control of every app the way a learner does, and see what changes.

A control passes when, after a person moves it, something it controls in the
same app changes on the screen: the pixels of a figure or the text of a
read-out (`.nnlib-readout`). The control's own value label does not count.
A control that changes nothing is tried once more after the app's other
controls have moved (a "back to start" button does nothing at the start);
if it still changes nothing, it fails.
"""
from __future__ import annotations

import time
from dataclasses import dataclass

SETTLE_S = 0.5      # kernel silence that counts as "done reacting"
NO_EFFECT_S = 1.5   # after the kernel is done, how long to still wait for the screen
NO_KERNEL_S = 4.0   # how long a control may take to reach the kernel at all


@dataclass
class ControlResult:
    """What happened when one control was operated."""

    app: int
    kind: str
    name: str
    action: str = ""
    outcome: str = "changed"   # "changed", "no visible change", "did not move", "skipped: ..."
    seconds: float = 0.0

    @property
    def failed(self) -> bool:
        return not self.outcome.startswith(("changed", "skipped"))

    def __str__(self) -> str:
        action = f" [{self.action}]" if self.action else ""
        return f"app {self.app + 1}, {self.kind} '{self.name}'{action}: {self.outcome}"


def list_controls(page) -> list[list[dict]]:
    """Every app's controls, in screen order (tags them for locators)."""
    return page.evaluate("() => window.nnlibProbe.controls()")


def snapshot(page, app: int):
    """What app number `app` shows now (figure pixel digests, read-out texts)."""
    return page.evaluate("a => window.nnlibProbe.snapshot(a)", app)


def settle(page, kernel, app: int, timeout: float = 120) -> dict:
    """Wait for the kernel to go quiet and the app to stop changing; its snapshot."""
    deadline = time.monotonic() + timeout
    while not kernel.quiet_for(SETTLE_S) and time.monotonic() < deadline:
        page.wait_for_timeout(100)
    previous = snapshot(page, app)
    while time.monotonic() < deadline:
        page.wait_for_timeout(250)
        current = snapshot(page, app)
        if current == previous:
            return current
        previous = current
    return previous


def exercise_app(page, kernel, controls: list[dict], slider_input: str, timeout: float) -> list[ControlResult]:
    """Operate each control of one app in turn; one result per control."""
    results = [try_control(page, kernel, control, slider_input, timeout) for control in controls]
    for i, result in enumerate(results):
        if result.failed:  # again, now that the other controls have moved the app away from its start
            again = try_control(page, kernel, controls[i], slider_input, timeout)
            if not again.failed:
                again.outcome = "changed on the second try, after the app's other controls had moved"
            results[i] = again
    return results


def try_control(page, kernel, control: dict, slider_input: str, timeout: float) -> ControlResult:
    """Operate one control once and wait for what it changes on the screen."""
    result = ControlResult(control["app"], control["kind"], control["name"])
    locator = page.locator(f'[data-nnlib-probe="{control["id"]}"]')
    if control["disabled"]:
        result.outcome = "skipped: disabled"
    elif not control["visible"] or locator.count() == 0:
        result.outcome = "skipped: not on the screen"
    elif control["kind"] == "select-multiple":
        result.outcome = "skipped: multiple selection is not operated"
    else:
        before = settle(page, kernel, control["app"])
        started = time.monotonic()
        moved = operate(page, locator, control["kind"], slider_input, result)
        result.outcome = wait_for_effect(page, kernel, control["app"], before, started, timeout, moved)
        result.seconds = time.monotonic() - started
        if control["kind"] == "play":
            locator.locator("button").nth(1).click()  # pause, so the next control starts from rest
    return result


def operate(page, locator, kind: str, slider_input: str, result: ControlResult):
    """Use one control like a person; returns a check that it moved, or None."""
    if kind == "slider":
        return operate_slider(page, locator, slider_input, result)
    if kind == "dropdown":
        options = locator.evaluate("s => [...s.options].filter(o => !o.disabled && !o.selected).map(o => o.label)")
        if not options:
            result.action = "only one option"
            return None
        locator.select_option(label=options[0])
        result.action = f"chose '{options[0]}'"
    elif kind in ("toggle-buttons", "radio"):
        choice = locator.locator("button:not(.mod-active):not([disabled]), input[type=radio]:not(:checked):not([disabled])").first
        result.action = f"clicked '{choice.text_content().strip() or choice.get_attribute('value')}'"
        choice.click()
    elif kind == "play":
        locator.locator("button").first.click()
        result.action = "clicked play"
    elif kind == "canvas":
        draw_stroke(page, locator)
        result.action = "drew a stroke with the mouse"
    else:
        locator.click()
        result.action = "clicked"
    return None


def operate_slider(page, handle, slider_input: str, result: ControlResult):
    """Move a slider handle one step by keyboard, or drag it with the mouse."""
    position = lambda: handle.get_attribute("aria-valuenow")
    start, shown = position(), slider_readout(handle)
    forward = float(start) < float(handle.get_attribute("aria-valuemax"))
    if slider_input == "keyboard":
        key = "ArrowRight" if forward else "ArrowLeft"
        if handle.get_attribute("aria-orientation") == "vertical":
            key = "ArrowUp" if forward else "ArrowDown"
        handle.focus()
        page.keyboard.press(key)
        result.action = f"pressed {key} on the focused handle, from {shown}"
    else:
        drag_handle(page, handle, forward)
        result.action = f"dragged the handle with the mouse, from {shown}"
    return lambda: position() != start


def slider_readout(handle) -> str:
    """The value the slider shows beside itself (its readout), as the learner reads it."""
    return handle.evaluate("""h => {
        const box = h.closest('.widget-slider');
        const readout = box && box.querySelector('.widget-readout');
        return (readout && readout.textContent.trim()) || h.getAttribute('aria-valuetext'); }""")


def drag_handle(page, handle, forward: bool) -> None:
    """Press the mouse on the handle, move it along the track, release."""
    handle.scroll_into_view_if_needed()
    knob = handle.bounding_box()
    track = handle.locator("xpath=ancestor::div[contains(@class, 'noUi-base')]").bounding_box()
    x, y = knob["x"] + knob["width"] / 2, knob["y"] + knob["height"] / 2
    if handle.get_attribute("aria-orientation") == "vertical":
        dy = max(0.3 * track["height"], 12) * (-1 if forward else 1)
        target = (x, y + dy)
    else:
        dx = max(0.3 * track["width"], 12) * (1 if forward else -1)
        target = (x + dx, y)
    page.mouse.move(x, y)
    page.mouse.down()
    page.mouse.move(*target, steps=8)
    page.mouse.up()


def draw_stroke(page, canvas) -> None:
    """Draw a short zig-zag across the middle of a drawing canvas, as a learner would."""
    canvas.scroll_into_view_if_needed()
    box = canvas.bounding_box()
    points = [(0.35, 0.25), (0.55, 0.35), (0.45, 0.6), (0.6, 0.75)]
    at = lambda fx, fy: (box["x"] + fx * box["width"], box["y"] + fy * box["height"])
    page.mouse.move(*at(*points[0]))
    page.mouse.down()
    for point in points[1:]:
        page.mouse.move(*at(*point), steps=6)
    page.mouse.up()


def wait_for_effect(page, kernel, app: int, before: dict, started: float, timeout: float, moved) -> str:
    """'changed' as soon as the app shows something else, or why it never did."""
    deadline = started + timeout
    while time.monotonic() < deadline:
        if snapshot(page, app) != before:
            return "changed"
        elapsed = time.monotonic() - started
        reached_kernel = kernel.busy_since(started)
        if reached_kernel and kernel.quiet_for(NO_EFFECT_S):
            break
        if not reached_kernel and elapsed > NO_KERNEL_S:
            break
        page.wait_for_timeout(100)
    else:
        return f"no visible change within {timeout:.0f} s"
    if moved is not None and not moved():
        return "did not move: the control itself kept its value"
    return "no visible change: no figure pixel or read-out text changed"
