"""Widgets that show the models: the side-by-side table, the inspector, the side panels."""
