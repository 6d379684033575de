"""Rendering results for people: tables, frames, JSON, HTML, charts and report pages."""
