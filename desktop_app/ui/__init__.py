"""The Qt user interface. Widgets call repository functions; they never build queries."""
