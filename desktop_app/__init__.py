"""Bounceback: prepare for interviews, debrief honestly, keep a Plan B ready."""

__version__ = "0.1.0"

APP_NAME = "Bounceback"
APP_ID = "io.github.bounceback.Bounceback"
