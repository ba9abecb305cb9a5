"""Synthetic DOJ research files for demos, tests and benchmarks (`countyclear synth`).

options (what to make) -> writer (rows into byte sinks, in chunks) -> delivery (files on
disk, plain or encrypted). person, history, court and steps draw the rows; catalog and
fields hold what rows are made of. Everything is invented; the same seed gives the same bytes.
"""
