"""The Qt desktop interface: main window, tabs, item models, dialogs.

Only this package (and the app bootstrap, kayseri_desktop/app.py) imports QtWidgets.
"""
