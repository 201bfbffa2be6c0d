"""When an Article 7 report is due and which period it covers: date arithmetic only, so
that the models and the listings of due reports share one definition.

Article 7(1): the initial report "as soon as practicable, and in any event not later than
180 days after the entry into force of this Convention for that State Party". Article 7(2):
updated annually, "covering the last calendar year", by 30 April of each year.
"""

from __future__ import annotations

import datetime as dt

INITIAL_REPORT_DAYS = 180
ANNUAL_DUE_MONTH, ANNUAL_DUE_DAY = 4, 30


def initial_due_on(entry_into_force: dt.date) -> dt.date:
    return entry_into_force + dt.timedelta(days=INITIAL_REPORT_DAYS)


def initial_period(entry_into_force: dt.date) -> tuple[dt.date, dt.date]:
    """The initial report covers entry into force up to its due date."""
    return entry_into_force, initial_due_on(entry_into_force)


def annual_due_on(year: int) -> dt.date:
    return dt.date(year + 1, ANNUAL_DUE_MONTH, ANNUAL_DUE_DAY)


def annual_period(year: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


def first_annual_year(entry_into_force: dt.date) -> int:
    """The first annual report covers the calendar year in which the initial report fell
    due, so that it is always due after the initial report (a State whose treaty entered
    into force on 1 November 2019 owes its initial report by 29 April 2020 and its first
    annual report, for 2020, by 30 April 2021)."""
    return initial_due_on(entry_into_force).year
