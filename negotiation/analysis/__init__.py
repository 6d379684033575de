"""Analyses over documents and positions: compare, concessions, timelines, matrix, ZOPA, scenarios."""
