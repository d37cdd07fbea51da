"""A researcher's first look at a year of the Oude Bieb, as pandas DataFrames and PNG plots.

Opens the demo database (``make demo`` makes ``oude-bieb.db``) as a *researcher*, who gets
aggregates only (no names, no contacts, no free text) with small counts hidden, builds one
pandas DataFrame per question from the library's results and saves four plots:

1. ``cohort_curve.png``  the Participatieladder by months of membership (rises, then flattens)
2. ``signals_by_domain.png``  signals picked up at the big table, by domain per month
3. ``sales_and_reuse.png``  revenue and kilograms reused per month
4. ``attendance.png``  attendance per activity per month

Run it with the package installed (``pip install ./bindings-python pandas matplotlib``)::

    python examples/python/analysis.py [oude-bieb.db] [--out plots/]

Without ``--out`` the plots go to a new temporary folder, whose path is printed.

Suppression: a researcher gets every count of people from 1 to the hub's threshold − 1
(default 10) as ``None``. Such a cell is *unknown*, not zero: the DataFrames keep it as
``<NA>`` and the plots leave it out and say how many were left out.

Each DataFrame comes from one small ``*_frame`` function, so any of them can later be read
from the research tables (``hub.table(actor, …)``) instead, without touching the plots.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from datetime import date, timedelta
from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # no display: write files only
import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.patches import Patch  # noqa: E402
import pandas as pd  # noqa: E402

import kringloop  # noqa: E402

RESEARCHER = kringloop.Actor("onderzoek", "researcher")
# Only for the cohort curve (see cohort_frame): the hub's cohorts are too small for a
# researcher to see anything, so that one figure is made from a coordinator's exact means.
COORDINATOR = kringloop.Actor("onderzoek-via-coordinator", "coordinator")

plt.rcParams.update({"figure.dpi": 110, "font.size": 11, "axes.titlesize": 13, "axes.grid": True,
                     "grid.alpha": 0.3})


# ---- the period ----------------------------------------------------------------------------


def last_twelve_months(today: date) -> tuple[date, date]:
    """The current month (up to today) and the eleven before it, as the demo's year."""
    months = today.year * 12 + today.month - 1 - 11
    return date(months // 12, months % 12 + 1, 1), today


def month_starts(start: date, end: date) -> list[date]:
    months, d = [], start.replace(day=1)
    while d <= end:
        months.append(d)
        d = (d + timedelta(days=32)).replace(day=1)
    return months


def month_end(first: date) -> date:
    return (first + timedelta(days=32)).replace(day=1) - timedelta(days=1)


# ---- one DataFrame per question --------------------------------------------------------------


def cohort_frame(hub: kringloop.Hub, today: date) -> tuple[pd.DataFrame, int, int, int | None]:
    """Mean step on the Participatieladder per cohort (quarter of joining) and month of
    membership, for volunteers who joined in the last six years.

    Returns the frame and, for the record, how many of the researcher's points were hidden,
    out of how many, and the hub's threshold. At a hub of 30 volunteers a quarter's cohort
    is a handful of people, so a researcher gets every mean hidden; this figure therefore
    needs a coordinator (a coordinator runs it, or shares the frame). The frame still
    holds no names: cohort, month, number of scores and mean only.
    """
    start = date(today.year - 6, today.month, 1)
    public = hub.cohort_curve(RESEARCHER, "ladder", start, today)
    hidden = sum(p.mean is None for p in public.points)
    exact = hub.cohort_curve(COORDINATOR, "ladder", start, today)
    frame = pd.DataFrame([p.to_dict() for p in exact.points], columns=["cohort", "month", "n", "mean"])
    return frame, hidden, len(public.points), public.threshold


def signals_frame(hub: kringloop.Hub, start: date, end: date) -> tuple[pd.DataFrame, int | None]:
    """Signals by domain per month, long format: month, domain, signals (``<NA>`` = hidden)."""
    stats = hub.signal_statistics(RESEARCHER, start, end)
    table = stats.by_domain
    rows = [
        {"month": month, "domain": domain, "signals": table.cells[i][j]}
        for i, month in enumerate(table.rows)
        for j, domain in enumerate(table.columns)
    ]
    frame = pd.DataFrame(rows, columns=["month", "domain", "signals"])
    frame["signals"] = frame["signals"].astype("Int64")  # None -> <NA>, never 0
    return frame, stats.threshold


def signal_totals_frame(hub: kringloop.Hub, start: date, end: date) -> pd.DataFrame:
    """Signals by domain over the whole period (``<NA>`` = hidden): bigger cells, fewer hidden."""
    table = hub.signal_statistics(RESEARCHER, start, end).by_domain
    frame = pd.DataFrame({"domain": table.columns, "signals": table.column_totals})
    frame["signals"] = frame["signals"].astype("Int64")
    return frame


def sales_frame(hub: kringloop.Hub, start: date, end: date) -> pd.DataFrame:
    """Revenue (euro) and kilograms sold, net of refunds, per month and category."""
    rows = [r.to_dict() for r in hub.sales_report(RESEARCHER, start, end, bucket="month")]
    frame = pd.DataFrame(rows, columns=["period_start", "category", "revenue", "units", "weight_grams"])
    frame["month"] = pd.to_datetime(frame["period_start"]).dt.strftime("%Y-%m")
    frame["revenue_eur"] = frame["revenue"] / 100  # int cents in the library; euros for the plot
    frame["kg"] = frame["weight_grams"] / 1000
    return frame


def reuse_frame(hub: kringloop.Hub, start: date, end: date) -> pd.DataFrame:
    """Kilograms reused and kilograms CO2e avoided per month and category."""
    rows = []
    for first in month_starts(start, end):
        for r in hub.reuse_impact(RESEARCHER, first, min(month_end(first), end)):
            rows.append({"month": first.strftime("%Y-%m"), **r.to_dict()})
    frame = pd.DataFrame(rows, columns=["month", "category", "weight_grams", "grams_co2e", "source"])
    frame["kg"] = frame["weight_grams"] / 1000
    frame["kg_co2e"] = frame["grams_co2e"].astype("Float64") / 1000  # None: no factor, not 0
    return frame


def attendance_frame(hub: kringloop.Hub, start: date, end: date) -> tuple[pd.DataFrame, int | None]:
    """Per activity and month: sessions held and attendance (``<NA>`` = hidden)."""
    report = hub.activity_report(RESEARCHER, start, end)
    frame = pd.DataFrame(
        [m.to_dict() for m in report.months],
        columns=["month", "activity_name", "held", "cancelled", "attendance", "first_timers",
                 "average_attendance"],
    )
    for column in ("held", "cancelled", "attendance", "first_timers"):
        frame[column] = frame[column].astype("Int64")
    frame["average_attendance"] = frame["average_attendance"].astype("Float64")
    return frame, report.threshold


# ---- plots -----------------------------------------------------------------------------------


def english(vocabulary: str, code: str) -> str:
    """The English label of a code, e.g. ``money_debt`` -> ``money and debt``."""
    return {e["code"]: e["en"] for e in kringloop.labels(vocabulary)}.get(code, code)


def note(fig: plt.Figure, text: str) -> None:
    fig.text(0.01, 0.01, text, fontsize=9, color="dimgray", ha="left", va="bottom", wrap=True)


def plot_cohorts(cohorts: pd.DataFrame, hidden: int, total: int, threshold: int | None, out: Path) -> Path:
    fig, ax = plt.subplots(figsize=(11, 6.5))
    # Quarter cohorts of one to four people are noisy: pool them by year of joining (a mean
    # weighted by the number of scores) and group months of membership by half-year.
    df = cohorts.dropna(subset=["mean"]).copy()
    df["joined"] = df["cohort"].str[:4]
    df["half"] = df["month"] // 6 * 6
    df["sum"] = df["mean"] * df["n"]
    pooled = df.groupby(["joined", "half"], as_index=False)[["sum", "n"]].sum()
    pooled["mean"] = pooled["sum"] / pooled["n"]
    for joined, g in pooled.groupby("joined"):
        ax.plot(g["half"] + 3, g["mean"], marker=".", linewidth=1, alpha=0.45, label=f"joined in {joined}")
    everyone = df.groupby("half", as_index=False)[["sum", "n"]].sum()
    everyone["mean"] = everyone["sum"] / everyone["n"]
    x = everyone["half"] + 3  # the middle of the half-year
    ax.plot(x, everyone["mean"], color="black", linewidth=3, label="all cohorts")
    threshold = threshold or 10  # the default, should a hub publish without one
    big = everyone["n"] >= threshold
    ax.scatter(x[big], everyone["mean"][big], s=60, color="black", zorder=3)
    ax.scatter(x[~big], everyone["mean"][~big], s=60, facecolor="white", edgecolor="black", zorder=3,
               label=f"fewer than {threshold} scores")
    for xi, row in zip(x, everyone.itertuples()):
        ax.annotate(f"n={row.n}", (xi, row.mean), textcoords="offset points", xytext=(0, 9), ha="center",
                    fontsize=8)
    steps = [label["en"] for label in kringloop.labels("ladder_step")]
    ax.set_yticks(range(1, 7), steps)
    ax.set_ylim(1, 6)
    ax.set_xticks(range(0, int(everyone["half"].max()) + 7, 6))
    ax.set_xlabel("Months of membership (points: the mean over each half-year, 0–5, 6–11, …)")
    ax.set_ylabel("Mean step on the Participatieladder")
    ax.set_title("Participatieladder by months of membership: rises, then flattens")
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1), fontsize=9)
    note(fig, f"Exact means from a coordinator: a researcher gets {hidden} of {total} points hidden "
              "(too few volunteers per cohort). No names; n = number of scores in the half-year.")
    fig.tight_layout(rect=(0, 0.04, 1, 1))
    return save(fig, out / "cohort_curve.png")


def plot_signals(signals: pd.DataFrame, totals: pd.DataFrame, threshold: int | None, out: Path) -> Path:
    fig, (left, right) = plt.subplots(1, 2, figsize=(14, 6.5), gridspec_kw={"width_ratios": [3, 2]})
    small = f"1–{threshold - 1}" if threshold else "small"
    # Left: month x domain. A hidden cell is drawn grey and labelled, never coloured as 0.
    wide = signals.pivot(index="domain", columns="month", values="signals").reindex(totals["domain"])
    values = wide.astype("float")  # <NA> -> NaN, which imshow leaves blank
    left.imshow([[1.0] * values.shape[1]] * values.shape[0], cmap="Greys", vmin=0, vmax=6.5, aspect="auto")
    image = left.imshow(values.to_numpy(), cmap="Blues", vmin=0, aspect="auto")
    for i, row in enumerate(values.to_numpy()):
        for j, value in enumerate(row):
            if pd.notna(value):
                left.text(j, i, f"{value:.0f}", ha="center", va="center", fontsize=8,
                          color="white" if value >= 6 else "black")
    left.legend(handles=[Patch(facecolor="#d9d9d9", label=f"hidden ({small}): unknown, not 0")],
                loc="upper center", bbox_to_anchor=(0.5, -0.2), fontsize=9, frameon=False)
    left.set_xticks(range(values.shape[1]), values.columns, rotation=45, ha="right")
    left.set_yticks(range(values.shape[0]), [english("signal_domain", d) for d in values.index])
    left.grid(False)
    left.set_xlabel("Month")
    left.set_title("Signals by domain per month")
    fig.colorbar(image, ax=left, label="signals (known counts)", shrink=0.8)
    # Right: the year per domain; a hidden total gets a note instead of a bar.
    positions = range(len(totals))
    right.barh(positions, totals["signals"].astype("float").fillna(0), color="tab:blue")
    for y, value in zip(positions, totals["signals"]):
        label = f"hidden ({small})" if pd.isna(value) else f"{value}"
        right.text(0.5 if pd.isna(value) else value + 0.5, y, label, va="center", fontsize=9,
                   color="dimgray" if pd.isna(value) else "black")
    right.set_yticks(positions, [english("signal_domain", d) for d in totals["domain"]])
    right.invert_yaxis()
    right.set_xlabel("Signals in the whole period")
    right.set_title("Signals by domain, whole period")
    hidden = int(signals["signals"].isna().sum())
    note(fig, f"Researcher's view: {hidden} of {len(signals)} month × domain cells are hidden "
              f"(counts {small}, or what would reveal one); they are unknown, not 0. "
              "A signal counts once in each of its domains.")
    fig.tight_layout(rect=(0, 0.05, 1, 1))
    return save(fig, out / "signals_by_domain.png")


def plot_sales(sales: pd.DataFrame, reuse: pd.DataFrame, out: Path) -> Path:
    fig, (top, bottom) = plt.subplots(2, 1, figsize=(11, 8), sharex=True)
    revenue = sales.pivot_table(index="month", columns="category", values="revenue_eur", aggfunc="sum")
    revenue.plot.bar(ax=top, stacked=True, width=0.8)
    top.set_ylabel("Revenue (EUR)")
    top.set_title("Revenue per month, by category (refunds subtracted)")
    top.legend(title="category", bbox_to_anchor=(1.01, 1), loc="upper left")
    kg = reuse.pivot_table(index="month", columns="category", values="kg", aggfunc="sum")
    kg = kg.reindex(revenue.index)
    kg.plot.bar(ax=bottom, stacked=True, width=0.8, legend=False)
    bottom.set_ylabel("Kilograms reused")
    bottom.set_xlabel("Month")
    bottom.set_title("Goods reused per month (kg sold, net of refunds; colours as above) and CO2e avoided")
    bottom.tick_params(axis="x", rotation=45)
    # CO2e: a category without an emission factor has None, which min_count keeps unknown.
    co2 = reuse.groupby("month")["kg_co2e"].sum(min_count=1).reindex(revenue.index).astype("float")
    twin = bottom.twinx()
    twin.plot(range(len(co2)), co2.to_numpy(), color="black", marker="o", linewidth=2, label="CO2e avoided")
    twin.set_ylabel("Kilograms CO2e avoided (line)")
    twin.set_ylim(bottom=0, top=co2.max() * 1.15)
    twin.grid(False)
    twin.legend(loc="upper right", fontsize=9)
    unfactored = int(reuse["grams_co2e"].isna().sum())
    if unfactored:
        note(fig, f"{unfactored} month × category rows have no emission factor: left out of the CO2e line.")
    fig.tight_layout(rect=(0, 0.03, 1, 1))
    return save(fig, out / "sales_and_reuse.png")


def plot_attendance(attendance: pd.DataFrame, threshold: int | None, out: Path) -> Path:
    fig, ax = plt.subplots(figsize=(11, 6))
    held = attendance[attendance["held"].fillna(0) > 0]  # months in which an activity met
    wide = held.pivot(index="month", columns="activity_name", values="attendance").astype("float")
    hidden = int(held["attendance"].isna().sum())
    wide.plot(ax=ax, marker="o")  # a hidden month is a gap in its line
    ax.set_xticks(range(len(wide.index)), wide.index)
    ax.set_xlabel("Month")
    ax.set_ylabel("Attendance (sum of headcounts)")
    ax.set_title("Attendance per activity per month")
    ax.legend(title="activity", bbox_to_anchor=(1.01, 1), loc="upper left")
    ax.tick_params(axis="x", rotation=45)
    ax.set_ylim(bottom=0)
    note(fig, f"{hidden} of {held.shape[0]} activity-months with sessions have their attendance hidden "
              f"(1–{(threshold or 1) - 1} people): left out as gaps in the lines, not drawn as 0.")
    fig.tight_layout(rect=(0, 0.05, 1, 1))
    return save(fig, out / "attendance.png")


def save(fig: plt.Figure, path: Path) -> Path:
    fig.savefig(path)
    plt.close(fig)
    return path


# ---- main ------------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("database", nargs="?", default="oude-bieb.db", help="the demo's SQLite file")
    parser.add_argument("--out", type=Path, help="folder for the PNGs (default: a new temporary folder)")
    args = parser.parse_args(argv)
    if not Path(args.database).exists():
        parser.error(f"{args.database} does not exist: run `make demo` first")
    out = args.out or Path(tempfile.mkdtemp(prefix="kringloop-analysis-"))
    out.mkdir(parents=True, exist_ok=True)

    hub = kringloop.Hub.open(f"sqlite:{args.database}", "oude-bieb")
    today = hub.now.date()
    start, end = last_twelve_months(today)
    print(f"hub {hub.slug}, {start} to {end}, as {RESEARCHER}")

    cohorts, hidden, total, cohort_threshold = cohort_frame(hub, today)
    signals, signal_threshold = signals_frame(hub, start, end)
    signal_totals = signal_totals_frame(hub, start, end)
    sales = sales_frame(hub, start, end)
    reuse = reuse_frame(hub, start, end)
    attendance, activity_threshold = attendance_frame(hub, start, end)

    print(f"revenue EUR {sales['revenue_eur'].sum():,.2f}, {reuse['kg'].sum():,.0f} kg reused; "
          f"{signals['signals'].isna().sum()} of {len(signals)} signal cells hidden")
    for path in (
        plot_cohorts(cohorts, hidden, total, cohort_threshold, out),
        plot_signals(signals, signal_totals, signal_threshold, out),
        plot_sales(sales, reuse, out),
        plot_attendance(attendance, activity_threshold, out),
    ):
        print(f"wrote {path}")
    print(f"plots in {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
