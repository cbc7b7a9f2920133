"""The Eylem Planı page: the strategy action plan's actions, read-only, and the needs no
action answers ("kapsanmayan ihtiyaçlar"); writes the plan document (.docx or .pdf)
through the same functions as ``kayseri action-plan``.

Status, progress and late projects are derived from the linked projects and milestones
(services/action_plan.py), never typed here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QListWidget,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from kayseri_desktop.core.catalogues import ACTION_STATUSES, ACTION_THEMES, NEEDS, ROADMAP_YEARS
from kayseri_desktop.core.turkish import collation_key
from kayseri_desktop.data.engine import Database
from kayseri_desktop.gui import formatting, messages
from kayseri_desktop.gui.data_table import DataTable, plain_label
from kayseri_desktop.gui.i18n import current_language
from kayseri_desktop.gui.table_model import RIGHT, Column
from kayseri_desktop.services import action_plan
from kayseri_desktop.services.action_plan import ActionRow

CODE, TITLE, YEAR, THEME, LEAD, EVIDENCE, STATUS, PROGRESS, LATE = range(9)


def year_text(year: int, lang: str) -> str:
    """ "1 · Dönüşüm" (the roadmap year's number and name)."""
    label = ROADMAP_YEARS.label(str(year), lang)
    name = label.split("—", 1)[-1].strip() if "—" in label else ""
    return f"{year} · {name}" if name else str(year)


class ActionPlanPage(QWidget):
    def __init__(
        self,
        db: Database,
        parent: QWidget | None = None,
        *,
        today: Callable[[], dt.date] = dt.date.today,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("actionPlanPage")
        self.db = db
        self._today = today
        self.plan: action_plan.Plan | None = None
        lang = current_language()
        status_rank = {code: i for i, code in enumerate(ACTION_STATUSES.codes())}
        self.table = DataTable(
            [
                Column(self.tr("Kod"), lambda r: r.code),
                Column(
                    self.tr("Eylem"),
                    lambda r: r.title,
                    lambda r: collation_key(r.title),
                    stretch=True,
                ),
                Column(
                    self.tr("Yıl"),
                    lambda r: year_text(r.year, lang),
                    lambda r: f"{r.year}\t{r.code}",
                ),
                Column(
                    self.tr("Tema"),
                    lambda r: ACTION_THEMES.label(r.theme, lang),
                    lambda r: collation_key(ACTION_THEMES.label(r.theme, lang)),
                    max_width=200,
                ),
                Column(
                    self.tr("Yürütücü"),
                    lambda r: r.lead,
                    lambda r: collation_key(r.lead),
                    max_width=200,
                ),
                Column(
                    self.tr("Kanıt (firma)"),
                    lambda r: formatting.number(r.evidence_firms),
                    lambda r: r.evidence_firms,
                    align=RIGHT,
                ),
                Column(
                    self.tr("Durum"),
                    lambda r: ACTION_STATUSES.label(r.derived.status, lang),
                    lambda r: status_rank.get(r.derived.status, len(status_rank)),
                ),
                Column(
                    self.tr("İlerleme"),
                    lambda r: formatting.percent(r.derived.progress),
                    lambda r: -1 if r.derived.progress is None else r.derived.progress,
                    align=RIGHT,
                ),
                Column(
                    self.tr("Geciken proje"),
                    lambda r: formatting.number(len(r.derived.late_projects)),
                    lambda r: len(r.derived.late_projects),
                    align=RIGHT,
                ),
            ],
            self,
            sort_column=YEAR,
        )
        self.table.setObjectName("actionPlanTable")
        self.summary = plain_label(parent=self, name="actionPlanSummary")
        self.uncovered = QListWidget(self)  # items show text as typed, never as HTML
        self.uncovered.setObjectName("uncoveredNeeds")
        self.write_button = QPushButton(self.tr("Eylem planını yaz…"), self)
        self.write_button.setObjectName("writeActionPlanButton")
        self.write_button.setToolTip(
            self.tr(
                "Üretim ve İhracat Strateji Eylem Planı belgesini yazar: Word'de "
                "düzenlemek için .docx ya da .pdf."
            )
        )
        self.write_button.clicked.connect(self.choose_document)

        lower = QWidget(self)
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(plain_label(self.tr("Kapsanmayan ihtiyaçlar"), lower))
        lower_layout.addWidget(self.uncovered)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.table)
        split.addWidget(lower)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        split.setSizes([600, 150])  # a few needs as a rule: the actions get the room
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.write_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(split, 1)
        layout.addLayout(buttons)

    def set_database(self, db: Database) -> None:
        self.db = db
        self.reload()

    def reload(self) -> None:
        lang = current_language()
        self.plan = action_plan.plan(self.db, today=self._today())
        self.table.set_rows(self.plan.actions)
        self.uncovered.clear()
        for gap in self.plan.uncovered:
            self.uncovered.addItem(
                formatting.fill(
                    self.tr("%1 — %2 ziyaret edilen firma"),
                    NEEDS.label(gap.need, lang),
                    formatting.number(gap.firms),
                )
            )
        late = sum(1 for a in self.plan.actions if a.derived.late_projects)
        self.summary.setText(
            formatting.fill(
                self.tr("Eylemler: %1 (%2 eylemde geciken proje var); kapsanmayan ihtiyaç: %3"),
                formatting.number(len(self.plan.actions)),
                formatting.number(late),
                formatting.number(len(self.plan.uncovered)),
            )
        )

    def rows(self) -> list[ActionRow]:
        """The actions in the order the table shows them."""
        return self.table.visible_rows()

    # -- the plan document -----------------------------------------------------------

    def choose_document(self) -> None:
        docx_filter = self.tr("Word belgesi (*.docx)")
        path, chosen = QFileDialog.getSaveFileName(
            self,
            self.tr("Eylem planını yaz"),
            str(Path.home() / "eylem-plani.docx"),
            f"{docx_filter};;PDF (*.pdf)",
        )
        if not path:
            return
        target = Path(path)
        if target.suffix.lower() not in (".docx", ".pdf"):
            suffix = ".docx" if not chosen or chosen == docx_filter else ".pdf"
            target = target.with_name(target.name + suffix)
        self.write_document(target)

    def write_document(self, path: Path) -> None:
        """Write the plan document (.docx or .pdf) completely or not at all."""
        from kayseri_desktop.exchange import plan_content

        title = self.tr("Eylem planı yazılamadı")
        try:
            with messages.busy():
                content = plan_content.build(self.db, today=self._today())
                if path.suffix.lower() == ".pdf":
                    from kayseri_desktop.exchange.plan_pdf import write_plan_pdf

                    pages = write_plan_pdf(content, path)
                    text = formatting.fill(
                        self.tr("Eylem planı yazıldı: %1 (%2 sayfa)."),
                        str(path),
                        formatting.number(pages),
                    )
                else:
                    from kayseri_desktop.exchange.plan_docx import write_plan_docx

                    write_plan_docx(content, path)
                    text = formatting.fill(
                        self.tr("Eylem planı yazıldı: %1 (Word'de düzenlenebilir)."), str(path)
                    )
        except OSError as exc:
            messages.write_failed(self, title, path, exc)
            return
        messages.information(self, self.tr("Eylem planı yazıldı"), text)
