"""pressroom: print-ready PDFs from Markdown sections, Jinja templates and CSS."""

__version__ = "0.1.0"

from .build import build  # noqa: E402
from .model import BuildReport  # noqa: E402
from .errors import BuildError, BuildErrors  # noqa: E402

__all__ = ["BuildError", "BuildErrors", "BuildReport", "build", "__version__"]
