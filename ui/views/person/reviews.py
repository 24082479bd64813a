"""审核意见: the supervisors' decisions on this person's work, with an answer box under each return.
Answers being typed survive a reload of the section."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app import ops
from app.queries.person_detail import RETURNED, pending_answers, person_reviews
from ui.dialogs import ErrorLabel
from ui.views.person.section import GREEN, RED, Section, day


class ReviewsSection(Section):
    key = "reviews"
    kinds = frozenset({"review", "visit", "help_plan", "assistance_case"})

    def title(self, count: Any) -> str:
        if count is None:
            return self.tr("审核意见")
        pending, total = count
        if pending:
            return self.tr("审核意见（{n} 待答复）").format(n=pending)
        return self.tr("审核意见（{n}）").format(n=total)

    @staticmethod
    def count(col: Any, person_id: str) -> tuple[int, int]:
        reviews = person_reviews(col, person_id)
        return pending_answers(reviews), len(reviews)

    def build(self) -> None:
        self._answers: dict[str, str] = {}  # unsent answer text, kept across reloads
        self.answer_edits: dict[str, QPlainTextEdit] = {}
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.reviews_area = QScrollArea()
        self.reviews_area.setWidgetResizable(True)
        lay.addWidget(self.reviews_area)

    @staticmethod
    def load(col: Any, person_id: str, today: dt.date) -> list[dict[str, Any]]:
        return person_reviews(col, person_id)

    def set_person(self, person_id: str | None) -> None:
        if person_id != self.person_id:
            self._answers.clear()
        super().set_person(person_id)

    def clear(self) -> None:
        self._remember_answers()
        self.answer_edits = {}
        self.reviews_area.setWidget(QWidget())

    def _forget(self) -> None:
        self._answers.clear()
        self.answer_edits = {}
        super()._forget()

    def show_data(self, reviews: list[dict[str, Any]]) -> None:
        self.clear()
        box = QWidget()
        lay = QVBoxLayout(box)
        if not reviews:
            lay.addWidget(QLabel(self.tr("暂无审核意见")))
        for r in reviews:
            lay.addWidget(self._frame(r))
        lay.addStretch(1)
        self.reviews_area.setWidget(box)

    def _frame(self, r: dict[str, Any]) -> QFrame:
        frame = QFrame()
        frame.setFrameShape(QFrame.Shape.StyledPanel)
        fl = QVBoxLayout(frame)
        returned = r.get("decision") in RETURNED
        if returned:
            verdict = self.tr("退回")
        else:
            verdict = self.tr("通过") if r.get("decision") in ("approved", "通过") else r.get("decision") or ""
        fl.addWidget(QLabel(self.tr("<b style='color:{c};'>{v}</b>　{who}　{on}").format(
            c=RED if returned else GREEN, v=verdict, who=r.get("reviewer") or "", on=day(r.get("decided_on")))))
        if r.get("target_text"):
            target = QLabel((self.tr("退回的记录：{t}") if returned else self.tr("审核的记录：{t}")).format(
                t=r["target_text"]))
            target.setWordWrap(True)
            fl.addWidget(target)
        comment = QLabel(self.tr("审核意见：{c}").format(c=r.get("comment") or self.tr("（无）")))
        comment.setWordWrap(True)
        fl.addWidget(comment)
        if r.get("answer"):
            ans = QLabel(self.tr("答复（{who}，{on}）：{a}").format(
                who=r.get("answered_by") or "", on=day(r.get("answered_on")), a=r["answer"]))
            ans.setWordWrap(True)
            fl.addWidget(ans)
        elif returned:
            edit = QPlainTextEdit(self._answers.get(r["id"], ""))
            edit.setPlaceholderText(self.tr("填写整改情况或答复"))
            edit.setMaximumHeight(70)
            self.answer_edits[r["id"]] = edit
            fl.addWidget(edit)
            err = ErrorLabel(frame)
            fl.addWidget(err)
            btn = QPushButton(self.tr("提交答复"))
            btn.setObjectName(f"answer_{r['id']}")
            btn.clicked.connect(lambda _c=False, rid=r["id"], e=edit, el=err: self._answer(rid, e, el))
            row = QHBoxLayout()
            row.addStretch(1)
            row.addWidget(btn)
            fl.addLayout(row)
        return frame

    def _remember_answers(self) -> None:
        for rid, edit in self.answer_edits.items():
            try:
                self._answers[rid] = edit.toPlainText()
            except RuntimeError:  # already deleted with the old page
                pass

    def _answer(self, review_id: str, edit: QPlainTextEdit, error: ErrorLabel) -> None:
        text = edit.toPlainText()
        if not text.strip():
            error.show_error(self.tr("请填写答复内容"))
            return

        def done(_r: object) -> None:
            self._answers.pop(review_id, None)
            self.ctx.status.emit(self.tr("答复已保存，将在同步时送达审核人"))

        self.ctx.write(ops.reviews.answer, self.ctx.col, review_id, text, today=self.page.today_fn(),
                       on_done=done, on_error=lambda exc: error.show_error(str(exc)))
