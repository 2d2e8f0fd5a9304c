"""County settings: offices, closed files banks, holidays and contractor mailboxes."""

from __future__ import annotations

import datetime as dt
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from service.errors import UnknownCounty
from service.rules.calendar import CalendarSettings, WorkCalendar
from service.rules.work_experience import WorkExperienceCap, from_settings

COUNTY_DIR = Path(__file__).parent


@dataclass(frozen=True)
class Office:
    id: str
    name: str
    address: str
    phone: str
    closed_files_bank: str | None = None


@dataclass(frozen=True)
class Contractor:
    id: str
    name: str
    mailbox: str
    activities: tuple[str, ...] = ()


@dataclass(frozen=True)
class County:
    """One county's configuration, read from ``service/counties/<id>.toml``."""

    id: str
    name: str
    agency: str
    division: str
    calendar_settings: CalendarSettings
    offices: tuple[Office, ...]
    contractors: tuple[Contractor, ...]
    calfresh_response_days: int = 30
    # Languages whose participant-form translations the county has approved; others print
    # "draft translation" in the footer.
    approved_translations: tuple[str, ...] = ()
    work_experience: WorkExperienceCap | None = None

    @property
    def calendar(self) -> WorkCalendar:
        return WorkCalendar(self.calendar_settings)

    def office(self, office_id: str) -> Office | None:
        return next((o for o in self.offices if o.id == office_id), None)

    def contractor(self, contractor_id: str) -> Contractor | None:
        return next((c for c in self.contractors if c.id == contractor_id), None)

    def unknown_office(self, office_id: str) -> str:
        """The message for an office id the county does not have, naming the ones it has."""
        known = ", ".join(f"{o.name} ({o.id})" for o in self.offices)
        return f"{self.name} County has no office '{office_id}'. Choose one of: {known}."

    def unknown_contractor(self, contractor_id: str) -> str:
        known = ", ".join(f"{c.name} ({c.id})" for c in self.contractors)
        return f"{self.name} County has no contractor '{contractor_id}'. Choose one of: {known}."

    def summary(self) -> dict:
        """The county facts printed on forms."""
        return {"id": self.id, "name": self.name, "agency": self.agency, "division": self.division}


def county_ids() -> list[str]:
    return sorted(p.stem for p in COUNTY_DIR.glob("*.toml"))


@cache
def get_county(county_id: str) -> County:
    """Load a county by id; raises UnknownCounty for an id with no configuration."""
    path = COUNTY_DIR / f"{county_id}.toml"
    if county_id not in county_ids():
        raise UnknownCounty(county_id, county_ids())
    return _parse(county_id, tomllib.loads(path.read_text(encoding="utf-8")))


def _parse(county_id: str, raw: dict) -> County:
    cal = raw.get("calendar", {})
    settings = CalendarSettings(
        country=cal.get("country", "US"),
        subdivision=cal.get("subdivision", "CA"),
        holiday_names=tuple(cal.get("holidays", ())),
        observance=cal.get("observance", "weekend_to_nearest_weekday"),
        extra_dates=tuple(_date(d) for d in cal.get("extra_dates", ())),
        removed_dates=tuple(_date(d) for d in cal.get("removed_dates", ())),
        saturday_holiday_closes_friday=cal.get("saturday_holiday_closes_friday", True),
        optional_holidays=tuple(cal.get("optional_holidays", ())),
        closed_day_deadlines=cal.get("closed_day_deadlines", "next_working_day"),
    )
    return County(
        id=county_id,
        name=raw["name"],
        agency=raw["agency"],
        division=raw.get("division", ""),
        calendar_settings=settings,
        offices=tuple(Office(**o) for o in raw.get("offices", ())),
        contractors=tuple(
            Contractor(**{**c, "activities": tuple(c.get("activities", ()))})
            for c in raw.get("contractors", ())
        ),
        calfresh_response_days=raw.get("calfresh_response_days", 30),
        approved_translations=tuple(raw.get("approved_translations", ())),
        work_experience=from_settings(raw.get("work_experience")),
    )


def _date(value: str | dt.date) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(value)
