"""Frozen entry point: both bundled executables run this, `ui.launcher` decides the rest.

No arguments opens the desktop app; any command (`selftest`, `evaluate`...) goes to the
headless CLI (docs/CONTRACTS.md, program entry).
"""


from ui.launcher import entry

if __name__ == "__main__":
    entry()
