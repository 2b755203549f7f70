"""What a timetable adds up to: its total 学时, the 党性教育 hours and the leaders' lecture hours with their
shares, as the timetable tab shows them under the grid and the printed 课程表 totals them."""
from __future__ import annotations

from dataclasses import dataclass

from app.domain.teaching import taught
from app.domain.teaching_records import SessionRow


@dataclass(frozen=True)
class TimetableTotals:
    sessions: int
    hours: float
    party_spirit_hours: float
    leader_lecture_hours: float

    @property
    def party_spirit_share(self) -> float:
        return self.party_spirit_hours / self.hours if self.hours else 0.0

    @property
    def leader_lecture_share(self) -> float:
        return self.leader_lecture_hours / self.hours if self.hours else 0.0

    def text(self) -> str:
        """共12节课，总学时40；党性教育8学时，占20%；领导干部讲课4学时，占10%"""
        if not self.sessions:
            return "还没有课程安排"
        return (f"共{self.sessions}节课，总学时{hours_text(self.hours)}；"
                f"党性教育{hours_text(self.party_spirit_hours)}学时，占{percent(self.party_spirit_share)}；"
                f"领导干部讲课{hours_text(self.leader_lecture_hours)}学时，占{percent(self.leader_lecture_share)}")


def totals(rows: list[SessionRow]) -> TimetableTotals:
    """The rows' sums (rows as timetable() gives them, with credited_hours filled in), as the rules sum them."""
    sums = taught(rows)
    return TimetableTotals(len(rows), sums.total_hours, sums.party_spirit_hours, sums.leader_lecture_hours)


def hours_text(value: float) -> str:
    """4.0 → 4, 2.5 → 2.5, 1.33 → 1.33: 学时 as the office writes them."""
    return f"{value:.2f}".rstrip("0").rstrip(".")


def percent(share: float) -> str:
    return f"{share * 100:.1f}".rstrip("0").rstrip(".") + "%"
