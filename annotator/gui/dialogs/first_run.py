"""The first-run dialog: who is annotating, why the name matters, or a look at the sample first.

Shown by :func:`annotator.gui.app.start_window` when the settings hold no
annotator name. It either returns the newcomer's name (kept in the settings) or
asks to open the bundled sample project as one of its annotators, so that a
first look shows a coded article instead of an empty list.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from annotator.gui.dialogs.basic import valid_name

# the sample's reference coder (annotator/resources/sample_data/annotations.jsonl)
SAMPLE_ANNOTATOR = "anna"

EXPLANATION = (
    "Annotation here is blind: every span, claim and status you record carries your name, "
    "and you see only your own work, never the other annotators', so that their agreement "
    "measures the codebook and not who copied whom. Reviewers compare the versions later "
    "and decide the gold version."
)
BAD_NAME = "Use 1-64 letters, digits, spaces or . @ ' -"


@dataclass(frozen=True)
class FirstRunChoice:
    """What the newcomer chose: a name of their own, or a look at the sample."""

    name: str
    try_sample: bool = False


class FirstRunDialog(QDialog):
    """Asks for the annotator's name, explaining blind annotation; offers the sample."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Welcome to annotator")
        self.choice: FirstRunChoice | None = None
        self.explanation = QLabel(EXPLANATION)
        self.explanation.setWordWrap(True)
        prompt = QLabel("Your name or initials:")
        self.name = QLineEdit()
        self.name.setAccessibleName("Your name or initials")
        self.name.setPlaceholderText("e.g. Maria Lind or ML")
        prompt.setBuddy(self.name)
        self.error = QLabel("")
        self.error.setObjectName("fieldError")
        self.buttons = QDialogButtonBox()
        self.start = self.buttons.addButton("Start annotating",
                                            QDialogButtonBox.ButtonRole.AcceptRole)
        self.start.setDefault(True)
        self.sample = QPushButton(f"Try the sample as {SAMPLE_ANNOTATOR}")
        self.sample.setToolTip(
            f"Open the bundled sample project as {SAMPLE_ANNOTATOR}, one of its three "
            "annotators, to see coded articles; your own name is asked again next time")
        self.buttons.addButton(self.sample, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        layout = QVBoxLayout(self)
        layout.addWidget(self.explanation)
        layout.addWidget(prompt)
        layout.addWidget(self.name)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.resize(480, self.sizeHint().height())

        self.start.clicked.connect(self._on_start_clicked)
        self.sample.clicked.connect(self._on_sample_clicked)
        self.buttons.rejected.connect(self.reject)
        self.name.textChanged.connect(self._on_name_changed)

    def _on_name_changed(self, _text: str) -> None:
        self.error.setText("")

    def _on_start_clicked(self) -> None:
        name = self.name.text().strip()
        if not valid_name(name):
            self.error.setText(BAD_NAME)
            self.name.setFocus()
            return
        self.choice = FirstRunChoice(name)
        self.accept()

    def _on_sample_clicked(self) -> None:
        self.choice = FirstRunChoice(SAMPLE_ANNOTATOR, try_sample=True)
        self.accept()


def ask_first_run(parent: QWidget | None = None) -> FirstRunChoice | None:
    """Run the first-run dialog; None when it is cancelled."""
    dialog = FirstRunDialog(parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.choice
