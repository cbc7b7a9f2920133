"""Widgets of the visit calendar tab (Ziyaret Takvimi)."""
