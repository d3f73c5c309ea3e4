#!/usr/bin/python3
"""Logs in on the real massho-kiosk over AT-SPI, pressing its accessible controls only, as a
screen reader or a switch user would: English, the user ID field, the ID's keys, the password
field, the password's keys (Shift before a capital), Log in; then finds the card of DEVICE and
presses its Erase button.

    kiosk_session_login.py USER PASSWORD DEVICE [TIMEOUT_SECONDS]

Prints each step; exits 1 with the reason when a control cannot be found in time.
pyatspi is Debian's python3-pyatspi: run with /usr/bin/python3.
"""
import sys
import time

import pyatspi

APP = "massho-kiosk"


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


def press(app, name, timeout=10):
    button = control(app, name, pyatspi.ROLE_PUSH_BUTTON, timeout)
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


if __name__ == "__main__":
    try:
        main()
    except Failed as e:
        print("kiosk_session_login:", e, file=sys.stderr)
        sys.exit(1)
