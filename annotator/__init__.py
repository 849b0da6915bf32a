"""annotator: an offline desktop tool for annotating news articles.

Importing the package loads no Qt; the GUI lives in :mod:`annotator.gui`.
"""

__version__ = "0.1.0"
