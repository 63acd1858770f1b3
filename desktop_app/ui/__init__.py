"""The Qt user interface. Widgets call repository functions; they never build queries."""

from desktop_app.ui.none_guard import guard_none_refcount

guard_none_refcount()
