#!/usr/bin/env python3
"""`make bench-exports` (`scripts/bench_exports.py [DATABASE_FILE]`): the exports of the
ISU's analysis (reporting/admin/analysis.py) on 165 States × 25 years of accepted Article 7
reports. Prints, for the CSV of every table and for the XLSX of every table (one sheet
each), the time taken, the rows and bytes written and the peak memory of the process; for
the XLSX, which is streamed, also the time to its first byte and the longest wait between
two chunks (what a proxy's read timeout sees).

The database is a throw-away SQLite file: built with `migrate` and `load_registry`, or a
copy of the `make data` database given (never changed). Into it go 165 States (the
registry's, completed with made-up ones if it has fewer) × 25 annual reports (2000–2024),
all accepted, a fifth restricted to States Parties and the ISU, one in twenty amended (an
accepted second version, so that the latest-version filter has work to do), with row
counts drawn (seeded) to look like real reports: most States report a few national
measures, retained mines and cooperation; the mine-affected third report mined areas
(tens, a few States hundreds, each with one to three mine types), land released by
region, warning measures, casualties by sex and age and victim assistance.

Each export runs in a process of its own (`--measure csv|xlsx|xlsx-recent DATABASE_FILE`),
so that its peak resident memory (VmHWM) is its own and not the generation's; the
process's memory before the export (Django loaded) is printed beside it. The exports
are those the views stream: the same functions (tables.rows, exports.csv_chunks,
exports.xlsx_chunks), without HTTP.
A script printing figures, not a test. BENCH_SEED changes the draw (default 7).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import random
import resource
import sqlite3
import subprocess
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = str(ROOT / ".venv" / "bin" / "python")
STATES = 165
YEARS = list(range(2000, 2025))
SEED = int(os.environ.get("BENCH_SEED", "7"))
BATCH = 5000


def setup(database: Path) -> None:
    os.environ.update(
        {
            "DJANGO_SETTINGS_MODULE": "cms.settings.dev",
            "DATABASE_URL": f"sqlite:///{database}",
            "EMAIL_BACKEND": "django.core.mail.backends.dummy.EmailBackend",
        }
    )
    sys.path.insert(0, str(ROOT))
    import logging

    import django

    django.setup()
    logging.disable(logging.INFO)


def memory_kb(field: str = "VmRSS") -> int:
    """The process's resident memory now ("VmRSS") or at its peak ("VmHWM"), in KiB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(f"{field}:"):
            return int(line.split()[1])
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # not Linux: the peak


# --- Generation ---------------------------------------------------------------------------------

LINES = (
    "survey clearance team province district village road school field river border",
    "technical non-technical marking fencing community liaison quality management",
    "national authority operator training deminers equipment explosive ordnance",
)
WORDS = [word for line in LINES for word in line.split()]


def words(rng: random.Random, low: int, high: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(rng.randint(low, high))).capitalize()


def states():
    from registry.models import Region, StateParty

    found = list(StateParty.objects.order_by("iso3")[:STATES])
    for n in range(STATES - len(found)):
        iso3 = f"X{n // 26 % 26 + 65:c}{n % 26 + 65:c}"
        name = f"Benchland {n + 1}"
        found.append(
            StateParty.objects.create(
                iso3=iso3,
                iso2=iso3[1:],
                name_en=name,
                name_fr=name,
                name_es=name,
                name_ar=name,
                name_ru=name,
                name_zh_hans=name,
                region=Region.values[n % len(Region.values)],
                deposited=dt.date(1998, 1, 1),
            )
        )
    return found


def generate() -> dict[str, int]:
    from django.db import transaction
    from django.utils import timezone

    from reporting import models as m

    rng = random.Random(SEED)
    mine_types = [
        m.MineType.objects.get_or_create(
            designation=f"BENCH-{i:03d}",
            defaults={
                "origin": rng.choice(["USSR", "Italy", "China", "USA", "Yugoslavia"]),
                "status": "approved",
            },
        )[0]
        for i in range(60)
    ]
    profiles = {}
    for state in states():
        profiles[state] = {
            "affected": rng.random() < 0.35,
            "areas": int(min(600, rng.lognormvariate(3.0, 1.1))),
            "stockpile": rng.random() < 0.2,
            "retains": rng.random() < 0.45,
            "facilities": rng.random() < 0.06,
            "cooperates": rng.random() < 0.6,
        }
    counts: dict[str, int] = {}
    now = timezone.now()
    header = {
        "kind": "annual",
        "language": "en",
        "contact_organisation": "National Mine Action Authority",
        "contact_name": "Focal point",
        "contact_email": "focal.point@example.org",
        "live": True,
        "has_unpublished_changes": False,
        "first_published_at": now,
        "last_published_at": now,
    }
    with transaction.atomic():
        reports = [
            m.Article7Report(
                state=state,
                year=year,
                visibility="parties" if rng.random() < 0.2 else "public",
                submitted_on=dt.date(year + 1, 4, rng.randint(1, 30)),
                other_matters=words(rng, 10, 60),
                **header,
            )
            for state in profiles
            for year in YEARS
        ]
        reports = m.Article7Report.objects.bulk_create(reports, batch_size=BATCH)
        amended = [r for r in reports if rng.random() < 0.05]
        seconds = m.Article7Report.objects.bulk_create(
            [
                m.Article7Report(
                    state_id=r.state_id,
                    year=r.year,
                    version=2,
                    amends=r,
                    visibility=r.visibility,
                    submitted_on=r.submitted_on,
                    **header,
                )
                for r in amended
            ],
            batch_size=BATCH,
        )
        counts["reports"] = len(reports) + len(seconds)
        rows: dict[type, list] = {}

        def add(model, **values):
            rows.setdefault(model, []).append(model(**values))

        areas: list[tuple[m.FormCMinedArea, int]] = []
        by_state = {state.pk: profile for state, profile in profiles.items()}
        # Both versions of an amended report have rows: the tables read the second only.
        for report in [*reports, *seconds]:
            profile, year = by_state[report.state_id], report.year
            for letter in m.FormLetter.values:
                roll = rng.random()
                status = (
                    "unchanged" if roll < 0.1 else "not_applicable" if roll < 0.2 else "changed"
                )
                add(
                    m.FormStatus,
                    report=report,
                    letter=letter,
                    status=status,
                    since_year=year - 1 if status == "unchanged" else None,
                    statement="Does not apply." if status == "not_applicable" else "",
                )
            for i in range(rng.randint(0, 3)):
                add(
                    m.FormAMeasure,
                    report=report,
                    sort_order=i,
                    kind=rng.choice(m.FormAMeasure.Kind.values),
                    title=words(rng, 4, 12),
                    adopted_on=dt.date(year, rng.randint(1, 12), 1),
                    url="https://example.org/law",
                )
            if profile["stockpile"]:
                for i in range(rng.randint(1, 5)):
                    add(
                        m.FormBStockpile,
                        report=report,
                        sort_order=i,
                        mine_type=rng.choice(mine_types),
                        quantity=rng.randint(100, 500_000),
                        lot_numbers=f"L-{rng.randint(1000, 9999)}",
                        holder="Army",
                    )
            if profile["retains"]:
                for i in range(rng.randint(1, 3)):
                    add(
                        m.FormDRetained,
                        report=report,
                        sort_order=i,
                        institution="Engineer corps",
                        mine_type=rng.choice(mine_types),
                        quantity_start=500,
                        quantity_end=480,
                        used=20,
                        purpose=words(rng, 15, 40),
                        actual_use=words(rng, 5, 20),
                    )
            if profile["facilities"]:
                add(
                    m.FormEFacility,
                    report=report,
                    facility="Plant 1",
                    action="decommissioning",
                    status="completed",
                    date=dt.date(year, 6, 30),
                )
            for i in range(rng.randint(2, 6)):
                add(
                    m.FormHCharacteristics,
                    report=report,
                    sort_order=i,
                    mine_type=rng.choice(mine_types),
                    dimensions="60 x 60 mm",
                    fusing="pressure",
                    explosive_type="TNT",
                    explosive_content_g=Decimal("75.0"),
                    metallic_content="minimal",
                )
            if profile["cooperates"]:
                for i in range(rng.randint(2, 10)):
                    add(
                        m.FormJCooperation,
                        report=report,
                        sort_order=i,
                        direction=rng.choice(["given", "received"]),
                        partner=words(rng, 1, 4),
                        amount=Decimal(rng.randint(1000, 5_000_000)),
                        currency="USD",
                        year=year,
                        theme=rng.choice(m.FormJCooperation.Theme.values),
                        description=words(rng, 5, 25),
                    )
            if not (profile["affected"] or profile["stockpile"]):
                continue
            for i in range(rng.randint(2, 8)):
                add(
                    m.FormGDestroyed,
                    report=report,
                    sort_order=i,
                    year=year,
                    source=rng.choice(m.FormGDestroyed.Source.values),
                    mine_type=rng.choice(mine_types),
                    quantity=rng.randint(1, 20_000),
                )
            if not profile["affected"]:
                continue
            add(
                m.FormFProgramme,
                report=report,
                article="article_5",
                status="in_progress",
                methods=words(rng, 20, 60),
                sites=words(rng, 5, 20),
                safety_standards="IMAS",
                environmental_standards="IMAS 07.13",
            )
            for i in range(max(1, profile["areas"] + rng.randint(-3, 3))):
                area = m.FormCMinedArea(
                    report=report,
                    sort_order=i,
                    name=f"SHA-{i:04d}",
                    region=f"Province {i % 12}",
                    status=rng.choice(["suspected", "confirmed"]),
                    size_m2=rng.randint(1_000, 5_000_000),
                    emplaced_from=1980,
                    emplaced_to=1995,
                    latitude=Decimal("11.500000"),
                    longitude=Decimal("34.250000"),
                )
                areas.append((area, rng.randint(1, 3)))
            for i in range(rng.randint(3, 15)):
                add(
                    m.FormCLandRelease,
                    report=report,
                    sort_order=i,
                    region=f"Province {i}",
                    cancelled_m2=rng.randint(0, 2_000_000),
                    reduced_m2=rng.randint(0, 500_000),
                    cleared_m2=rng.randint(0, 300_000),
                    mines_destroyed=rng.randint(0, 400),
                )
            for i in range(rng.randint(5, 30)):
                add(
                    m.FormIWarning,
                    report=report,
                    sort_order=i,
                    area=f"Province {i % 12}",
                    measure=rng.choice(m.FormIWarning.Measure.values),
                    description=words(rng, 5, 20),
                    date=dt.date(year, rng.randint(1, 12), 1),
                    girls=rng.randint(0, 900),
                    boys=rng.randint(0, 900),
                    women=rng.randint(0, 900),
                    men=rng.randint(0, 900),
                )
            breakdowns = [
                (o, s, a, c)
                for o in ("killed", "injured")
                for s in ("female", "male", "unknown")
                for a in ("child", "adult")
                for c in ("civilian", "military")
            ]
            for i, (o, s, a, c) in enumerate(rng.sample(breakdowns, rng.randint(4, 24))):
                add(
                    m.FormJCasualties,
                    report=report,
                    sort_order=i,
                    outcome=o,
                    sex=s,
                    age_group=a,
                    status=c,
                    number=rng.randint(1, 60),
                )
            for i in range(rng.randint(3, 6)):
                add(
                    m.FormJVictimService,
                    report=report,
                    sort_order=i,
                    service=rng.choice(m.FormJVictimService.Service.values),
                    description=words(rng, 5, 25),
                    girls=rng.randint(0, 300),
                    boys=rng.randint(0, 300),
                    women=rng.randint(0, 300),
                    men=rng.randint(0, 300),
                )
        for model, objects in rows.items():
            model.objects.bulk_create(objects, batch_size=BATCH)
            counts[model._meta.model_name] = len(objects)
        created = m.FormCMinedArea.objects.bulk_create([a for a, _n in areas], batch_size=BATCH)
        counts["formcminedarea"] = len(created)
        mines = [
            m.FormCAreaMine(
                area=area,
                sort_order=j,
                mine_type=rng.choice(mine_types),
                estimated_quantity=rng.choice([None, rng.randint(1, 5000)]),
            )
            for area, (_a, n) in zip(created, areas, strict=True)
            for j in range(n)
        ]
        m.FormCAreaMine.objects.bulk_create(mines, batch_size=BATCH)
        counts["formcareamine"] = len(mines)
    return counts


# --- Measuring (in a process of its own) ----------------------------------------------------------


def measure(kind: str, database: Path) -> None:
    setup(database)
    from reporting import exports, tables

    # Everything imported and the first query made before the clock starts.
    # "xlsx-recent": the XLSX of the last five years only, as the filters make it.
    recent = {"year_from": YEARS[-5]} if kind.endswith("-recent") else {}
    selected = tables.reports(include_restricted=True, **recent)
    assert selected.exists()

    before = memory_kb()
    started = time.perf_counter()
    rows = written = 0
    per_table = {}
    first_byte = longest_wait = None
    chunks = 0
    if kind == "csv":
        for table in tables.ANALYSIS_TABLES:
            table_started, count = time.perf_counter(), 0
            counted = _counting(tables.rows(table, selected))
            for chunk in exports.csv_chunks(table, counted):
                written += len(chunk.encode())
            count = counted.count
            rows += count
            per_table[table.name] = (count, time.perf_counter() - table_started)
    else:
        sheets = [(t, _counting(tables.rows(t, selected))) for t in tables.ANALYSIS_TABLES]
        last = started
        for chunk in exports.xlsx_chunks(sheets):
            now = time.perf_counter()
            if first_byte is None:
                first_byte = now - started
            longest_wait = max(longest_wait or 0.0, now - last)
            written += len(chunk)
            chunks += 1
            last = time.perf_counter()
        for table, counted in sheets:
            rows += counted.count
            per_table[table.name] = (counted.count, None)
    elapsed = time.perf_counter() - started
    print(
        json.dumps(
            {
                "kind": kind,
                "seconds": elapsed,
                "rows": rows,
                "bytes": written,
                "rss_before_kb": before,
                # Not ru_maxrss: on Linux a child's starts at its parent's peak (here the
                # generation's), and exec does not reset it; VmHWM is this program's.
                "max_rss_kb": memory_kb("VmHWM"),
                "first_byte_seconds": first_byte,
                "longest_wait_seconds": longest_wait,
                "chunks": chunks,
                "per_table": per_table,
            }
        )
    )


class _counting:
    def __init__(self, rows):
        self.rows, self.count = rows, 0

    def __iter__(self):
        for row in self.rows:
            self.count += 1
            yield row


def copy_database(source: Path, target: Path) -> None:
    with (
        sqlite3.connect(f"file:{source}?mode=ro", uri=True) as src,
        sqlite3.connect(target) as dst,
    ):
        src.backup(dst)


def main(argv: list[str]) -> int:
    if argv[:1] == ["--measure"]:
        measure(argv[1], Path(argv[2]))
        return 0
    workdir = Path(tempfile.mkdtemp(prefix="bench-exports-"))
    database = workdir / "db.sqlite3"
    started = time.monotonic()
    if argv:
        copy_database(Path(argv[0]), database)
        source = f"a copy of {Path(argv[0]).name}"
        setup(database)
    else:
        setup(database)
        from django.core.management import call_command

        call_command("migrate", "--noinput", verbosity=0)
        call_command("load_registry", verbosity=0)
        source = "a database built by migrate and load_registry"
    built = time.monotonic() - started
    started = time.monotonic()
    counts = generate()
    generated = time.monotonic() - started
    from django.db import connections

    connections.close_all()
    total_rows = sum(v for k, v in counts.items() if k != "reports")
    print(
        f"Database: {database} ({source}, {built:.0f} s); generated {counts['reports']:,} "
        f"accepted reports of {STATES} States × {len(YEARS)} years with {total_rows:,} rows "
        f"in {generated:.0f} s ({database.stat().st_size / 2**20:,.0f} MiB)."
    )
    print("  " + ", ".join(f"{name} {n:,}" for name, n in sorted(counts.items())))
    print(f"Machine: {os.cpu_count()} CPUs; load average {os.getloadavg()[0]:.2f}.")
    print()
    print(
        "| Export | Rows | Size (MiB) | Time (s) | First byte (s) | Longest wait (s) "
        "| Peak RSS (MiB) | RSS before (MiB) |"
    )
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    results = []
    for kind in ("csv", "xlsx", "xlsx-recent"):
        answer = subprocess.run(  # noqa: S603
            [PYTHON, __file__, "--measure", kind, str(database)],
            cwd=ROOT,
            check=True,
            capture_output=True,
            text=True,
        )
        result = json.loads(answer.stdout.strip().splitlines()[-1])
        results.append(result)
        label = {
            "csv": "CSV, every table (one file each)",
            "xlsx": "XLSX, every table (one sheet each)",
            "xlsx-recent": f"XLSX, every table, {YEARS[-5]}–{YEARS[-1]} only (filtered)",
        }[kind]
        streamed = [result["first_byte_seconds"], result["longest_wait_seconds"]]
        first, wait = ("–" if v is None else f"{v:,.2f}" for v in streamed)
        print(
            f"| {label} | {result['rows']:,} | {result['bytes'] / 2**20:,.1f} | "
            f"{result['seconds']:,.1f} | {first} | {wait} | "
            f"{result['max_rss_kb'] / 1024:,.0f} | {result['rss_before_kb'] / 1024:,.0f} |"
        )
    print()
    print("CSV per table (rows, seconds):")
    for name, (count, seconds) in results[0]["per_table"].items():
        print(f"  {name}: {count:,} rows, {seconds:.2f} s")
    print(f"Database kept for inspection: {database}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
