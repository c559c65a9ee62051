"""Widgets: the download dock, the jobs panel and the polygon map tool."""
