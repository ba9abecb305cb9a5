"""lxml for openpyxl: only lxml.etree (the contrib hook collects every submodule, 4 MB more).

openpyxl reads and writes through lxml.etree; objectify, html and isoschematron are unused.
"""

hiddenimports = ["lxml.etree", "lxml._elementpath"]
