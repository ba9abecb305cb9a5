"""PyInstaller's own PySide6 hook, minus the Qt plugins CountyClear does not ship.

Filtering here (not after Analysis) keeps the dropped plugins' libraries (GTK, Wayland...)
out of the bundle. See packaging/qt_trim.py.
"""

from PyInstaller.utils.hooks.qt import add_qt6_dependencies
from qt_trim import trim_hook_result

hiddenimports, binaries, datas = trim_hook_result(add_qt6_dependencies(__file__))
