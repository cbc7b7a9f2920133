"""Widgets of the coordination area: project and meeting dialogs, institution page,
the Gantt timeline and the open action-item list."""
