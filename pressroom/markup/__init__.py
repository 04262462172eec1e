"""Markdown sections to HTML fragments: fences, components, footnotes, spans, source lines."""
