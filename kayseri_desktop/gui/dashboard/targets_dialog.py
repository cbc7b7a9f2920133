"""Programme targets the Pano measures against: firms evaluated, visits, export baseline."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from kayseri_desktop.core.catalogues import DEFAULT_TARGETS
from kayseri_desktop.gui import formatting
from kayseri_desktop.gui.data_table import plain_label
from kayseri_desktop.gui.formatting import TURKISH


class TargetsDialog(QDialog):
    """Edits the three whole-programme targets; ``values()`` gives them in USD and counts."""

    def __init__(self, current: dict[str, float], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("targetsDialog")
        self.setWindowTitle(self.tr("Program hedefleri"))
        intro = plain_label(
            self.tr(
                "Pano bu hedeflere göre yüzde ve tempo gösterir. Değişiklik herkes için geçerlidir."
            ),
            self,
            name="targetsIntro",
        )
        intro.setWordWrap(True)
        self.firms = QSpinBox(self)
        self.firms.setObjectName("firmsEvaluatedTarget")
        self.visits = QSpinBox(self)
        self.visits.setObjectName("visitsDoneTarget")
        for box in (self.firms, self.visits):
            box.setRange(1, 1_000_000)
            box.setGroupSeparatorShown(True)
            box.setLocale(TURKISH)
        self.exports = QDoubleSpinBox(self)
        self.exports.setObjectName("exportsBaselineTarget")
        self.exports.setLocale(TURKISH)
        self.exports.setRange(0.1, 1_000_000.0)
        self.exports.setDecimals(1)
        self.exports.setGroupSeparatorShown(True)
        self.exports.setSuffix(self.tr(" milyon USD"))
        self.firms.setValue(int(current.get("firms_evaluated", DEFAULT_TARGETS["firms_evaluated"])))
        self.visits.setValue(int(current.get("visits_done", DEFAULT_TARGETS["visits_done"])))
        baseline = current.get("exports_baseline_usd", DEFAULT_TARGETS["exports_baseline_usd"])
        self.exports.setValue(baseline / 1e6)
        form = QFormLayout()
        form.addRow(self.tr("Değerlendirilecek firma:"), self.firms)
        form.addRow(self.tr("Yapılacak saha ziyareti:"), self.visits)
        form.addRow(self.tr("İhracat referansı (2024):"), self.exports)
        defaults = plain_label(
            formatting.fill(
                self.tr("Duyurudaki değerler: %1 firma, %2 ziyaret, %3 milyon USD."),
                formatting.number(DEFAULT_TARGETS["firms_evaluated"]),
                formatting.number(DEFAULT_TARGETS["visits_done"]),
                formatting.number(DEFAULT_TARGETS["exports_baseline_usd"] / 1e6),
            ),
            self,
            name="targetsDefaults",
        )
        defaults.setProperty("role", "detail")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok
            | QDialogButtonBox.StandardButton.Cancel
            | QDialogButtonBox.StandardButton.RestoreDefaults,
            self,
        )
        self.buttons.setObjectName("buttonBox")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        restore = self.buttons.button(QDialogButtonBox.StandardButton.RestoreDefaults)
        restore.clicked.connect(self.restore_defaults)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(defaults)
        layout.addWidget(self.buttons)

    def restore_defaults(self) -> None:
        self.firms.setValue(int(DEFAULT_TARGETS["firms_evaluated"]))
        self.visits.setValue(int(DEFAULT_TARGETS["visits_done"]))
        self.exports.setValue(DEFAULT_TARGETS["exports_baseline_usd"] / 1e6)

    def values(self) -> dict[str, float]:
        return {
            "firms_evaluated": float(self.firms.value()),
            "visits_done": float(self.visits.value()),
            "exports_baseline_usd": round(self.exports.value() * 1e6),
        }

    @classmethod
    def get_targets(
        cls, current: dict[str, float], parent: QWidget | None = None
    ) -> tuple[dict[str, float], bool]:
        """Show the dialog; (values, True) when accepted. Tests replace this one call."""
        dialog = cls(current, parent)
        ok = dialog.exec() == QDialog.DialogCode.Accepted
        return dialog.values(), ok
