"""WeasyPrint lays the HTML document out into pages, with the theme's fonts."""
