"""The project-trained suggester: spans, document fields and claim types learned offline
from the project's finished documents (``features``, ``engines``, ``train``, ``model``)."""
