#!/usr/bin/python3
"""Logs in on the real massho-kiosk over AT-SPI, pressing its accessible controls only, as a
screen reader or a switch user would: English, the user ID field, the ID's keys, the password
field, the password's keys (Shift before a capital), Log in; then finds the card of DEVICE,
presses its Erase and walks the erase wizard: purpose "Reuse in the office" and class 4 (which
the service's default policy lets an operator erase without a data manager's approval), the
asset tag typed on the wizard's keypad, the method the service preselected, the last 4
characters of the device name (a loop device has no serial), Erase now; then waits for the job's
state label to name DEVICE as erasing, verifying or done.

    kiosk_session_login.py USER PASSWORD DEVICE [TIMEOUT_SECONDS]

Prints each step; exits 1 with the reason when a control cannot be found in time.
pyatspi is Debian's python3-pyatspi: run with /usr/bin/python3.
"""
import sys
import time

import pyatspi

APP = "massho-kiosk"
ASSET_TAG = "CAGE-1"


class Failed(Exception):
    pass


def poll(what, look, timeout):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        found = look()
        if found is not None:
            return found
        time.sleep(0.1)
    raise Failed(f"not found within {timeout} s: {what}")


def application(timeout):
    # The first pyatspi call activates the accessibility bus; the kiosk shows up a moment later.
    return poll(
        "the application " + APP,
        lambda: next((a for a in pyatspi.Registry.getDesktop(0) if a and a.name == APP), None),
        timeout,
    )


def control(app, name, role, timeout=10):
    def look():
        try:
            return pyatspi.findDescendant(app, lambda x: x and x.name == name and x.getRole() == role)
        except Exception:  # the tree changes under us while a screen is replaced
            return None

    return poll(f"control '{name}' (role {role})", look, timeout)


def press(app, name, timeout=10, role=pyatspi.ROLE_PUSH_BUTTON):
    button = control(app, name, role, timeout)
    action = button.queryAction()
    names = [action.getName(i) for i in range(action.nActions)]
    if "Press" not in names:
        raise Failed(f"'{name}' has no Press action (actions: {names})")
    action.doAction(names.index("Press"))
    print(f"pressed {name}", flush=True)


def type_on_keypad(app, text, shifted):
    """The keypad's keys are buttons named by the character they type."""
    for c in text:
        if c.isalpha() and c.isupper() != shifted:
            press(app, "Shift")
            shifted = not shifted
            # The keys are renamed when Shift changes them: wait for this one's new name.
            control(app, c, pyatspi.ROLE_PUSH_BUTTON)
        press(app, c)
    return shifted


def dump(node, depth=0, out=sys.stderr):
    """The accessible tree as a screen reader sees it: what to look at when a control is missing."""
    try:
        states = node.getState()
        shown = "" if states.contains(pyatspi.STATE_SHOWING) else " (not showing)"
        print(f"{'  ' * depth}[{node.getRoleName()}] {node.name!r}{shown}", file=out)
        for child in node:
            if child is not None:
                dump(child, depth + 1, out)
    except Exception as e:  # the tree changed under us
        print(f"{'  ' * depth}<{e}>", file=out)


def main():
    user, password, device = sys.argv[1:4]
    timeout = float(sys.argv[4]) if len(sys.argv) > 4 else 30
    app = application(timeout)
    print("found", APP, flush=True)
    press(app, "English", timeout)  # labelled in the language it switches to
    press(app, "User ID")
    shifted = type_on_keypad(app, user, False)
    press(app, "Password")
    type_on_keypad(app, password, shifted)
    press(app, "Log in")
    signed_in = poll(
        "the 'Signed in as' label",
        lambda: pyatspi.findDescendant(app, lambda x: x and x.name.startswith("Signed in as ")),
        timeout,
    )
    print("logged in:", signed_in.name, flush=True)
    if signed_in.name != "Signed in as " + user:
        raise Failed(f"logged in as someone else: {signed_in.name}")
    press(app, "Erase " + device, timeout)
    print("card of", device, "found and its Erase pressed", flush=True)
    walk_wizard(app, device, timeout)


def choose(app, name, timeout=10):
    """A wizard's choice. ChoiceRow declares it a radio button, but Qt 6.4's Button reports its
    own role (push button) and no checked state over AT-SPI: either role is accepted, and the
    choice is seen taken by its new name, "NAME (selected)"."""

    def look():
        try:
            return pyatspi.findDescendant(
                app,
                lambda x: x
                and x.name == name
                and x.getRole() in (pyatspi.ROLE_RADIO_BUTTON, pyatspi.ROLE_PUSH_BUTTON),
            )
        except Exception:
            return None

    button = poll(f"the choice '{name}'", look, timeout)
    action = button.queryAction()
    names = [action.getName(i) for i in range(action.nActions)]
    if "Press" not in names:
        raise Failed(f"'{name}' has no Press action (actions: {names})")
    action.doAction(names.index("Press"))
    # With no checked state over AT-SPI, the chosen option says so in its name (ChoiceRow.qml).
    selected = name + " (selected)"

    def chosen():
        try:
            return pyatspi.findDescendant(app, lambda x: x and x.name == selected)
        except Exception:
            return None

    poll(f"'{selected}'", chosen, timeout)
    print(f"chose {name}", flush=True)


def enabled(app, name, timeout=10):
    """Waits until the button NAME can be pressed (the wizard enables Next once a step is done)."""
    poll(
        f"'{name}' enabled",
        lambda: control(app, name, pyatspi.ROLE_PUSH_BUTTON, timeout).getState().contains(pyatspi.STATE_ENABLED)
        or None,
        timeout,
    )


def walk_wizard(app, device, timeout):
    # Reuse of class 3 and 4 needs no approval under the default policy (approval_policy.cpp);
    # the test's service runs with it.
    choose(app, "Reuse in the office", timeout)
    choose(app, "Class 4")
    enabled(app, "Next")
    press(app, "Next")
    press(app, "Asset tag")  # a loop device is not in the media ledger: the tag is typed
    type_on_keypad(app, ASSET_TAG, False)
    enabled(app, "Next")
    press(app, "Next")
    # The method step: the service's recommendation is preselected, and its NIST level line
    # shows once it is; then Next goes on with it.
    method = poll(
        "the preselected method's NIST SP 800-88 line",
        lambda: pyatspi.findDescendant(
            app, lambda x: x and x.getRole() == pyatspi.ROLE_LABEL and "SP 800-88" in x.name
        ),
        timeout,
    )
    print("method:", method.name, flush=True)
    enabled(app, "Next")
    press(app, "Next")
    press(app, "Last 4 characters of the device name", timeout)
    type_on_keypad(app, device.rsplit("/", 1)[-1][-4:], False)
    press(app, "Erase now", timeout)
    # JobResult's state line, "DEVICE  STATE" (a heading in the QML; Qt 6.4's Label reports
    # itself a label).
    states = tuple(f"{device}  {s}" for s in ("Erasing", "Verifying", "Done"))
    job = poll(
        f"the job's state label naming {device}",
        lambda: pyatspi.findDescendant(
            app,
            lambda x: x
            and x.getRole() in (pyatspi.ROLE_HEADING, pyatspi.ROLE_LABEL)
            and x.name in states,
        ),
        timeout,
    )
    print("erasure started:", job.name, flush=True)


if __name__ == "__main__":
    try:
        main()
    except Failed as e:
        print("kiosk_session_login:", e, file=sys.stderr)
        app = next((a for a in pyatspi.Registry.getDesktop(0) if a and a.name == APP), None)
        if app is not None:
            print("the accessible tree at that moment:", file=sys.stderr)
            dump(app)
        sys.exit(1)
