"""The HTML document: sections, contents and covers in the theme's page templates."""
