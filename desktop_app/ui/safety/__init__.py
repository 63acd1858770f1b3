"""Data safety in the window: check and restore, export and import, one instance, save problems."""
