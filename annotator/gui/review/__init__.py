"""The disagreement review and adjudication window and the agreement report view.

Entry points for the main window and for :func:`annotator.gui.app.run_review`
(each opens its window on a project path, a :class:`~annotator.core.Project` or
the main window's Session)::

    from annotator.gui.review import open_agreement_view, open_review_window

    open_review_window(session, parent)          # the review queue, all disagreements
    open_agreement_view(session, parent)         # the report; cells open the review

Importing this package loads no Qt; the windows are imported on first use, so
the main window pays for them only when a review is opened.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from annotator.gui.review.agreement_view import AgreementView
    from annotator.gui.review.review_window import ReviewWindow


def open_review_window(source: Any, parent: QWidget | None = None, **options: Any
                       ) -> ReviewWindow:
    """See :func:`annotator.gui.review.launch.open_review_window`."""
    from annotator.gui.review.launch import open_review_window as open_window

    return open_window(source, parent, **options)


def open_agreement_view(source: Any, parent: QWidget | None = None, **options: Any
                        ) -> AgreementView:
    """See :func:`annotator.gui.review.launch.open_agreement_view`."""
    from annotator.gui.review.launch import open_agreement_view as open_view

    return open_view(source, parent, **options)


__all__ = ["open_agreement_view", "open_review_window"]
