#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The benchmark figures drawn with matplotlib (Agg for PNG, its PDF backend).

    ref-matplotlib.py w1 OUT.png|OUT.pdf
        The bundled chart "exports-growth", as bench/w1.gp draws it with
        gnuplot: 1920 x 1080 pixels at 150 dpi, or 768 x 480 points.
    ref-matplotlib.py w2 DATA.dat SERIES POINTS OUT.png
        SERIES lines from the columns written by `bench/gen-dataset
        --columns` (x y1 ... ySERIES), 1920 x 1080 at 150 dpi, with a title,
        axis titles, a y grid and a legend, as Karavan draws it.

Same sizes as Karavan: 9 pt text, 1.98 pt lines, 150 dpi. The data file is
read with numpy.fromfile(sep=" "), numpy's fastest text reader; the lines
are drawn with matplotlib's defaults (path simplification on).
"""

import sys

import matplotlib

matplotlib.use("Agg")
matplotlib.rcParams["font.size"] = 9
matplotlib.rcParams["font.family"] = "sans-serif"
matplotlib.rcParams["font.sans-serif"] = ["Noto Sans", "DejaVu Sans"]
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402

BLUE = "#0072b2"
ORANGE = "#d55e00"
SKY = "#56b4e9"
GREY = "#444444"


def thousands(v, _pos=None):
    return "{:,.0f}".format(v)


def figure(out):
    if out.endswith(".pdf"):
        return plt.figure(figsize=(768 / 72, 480 / 72))
    return plt.figure(figsize=(1920 / 150, 1080 / 150), dpi=150)


def w1(out):
    fig = figure(out)
    ax = fig.add_axes([0.065, 0.16, 0.925, 0.74])
    fig.text(0.01, 0.965, "Vehicle exports from China to Kazakhstan", fontsize=13.5,
             fontweight="bold", va="top")
    fig.text(0.01, 0.925, "As stated in the article: 2020 and 2024", color=GREY, va="top")

    x, y = [2020, 2024], [7439, 124234]
    ax.plot(x, y, color=BLUE, lw=1.98, ls=(0, (3, 3)))
    ax.plot(x, y, "o", color=BLUE, ms=5)
    for xv, yv, t in zip(x, y, ["7,439", "124,234"]):
        ax.annotate(t, (xv, yv), xytext=(0, 7), textcoords="offset points", ha="center",
                    fontweight="bold")

    events = [(2022, "Visa-free 14 days", SKY, 0.98), (2022, "Memoranda, plant", ORANGE, 0.94),
              (2023.86, "Visa-free 30 days", SKY, 0.94), (2024, "Year of Tourism", SKY, 0.90)]
    for xv, label, color, ty in events:
        ax.axvline(xv, color=color, lw=1, ls=(0, (3, 3)))
        ax.text(xv + 0.01, ty, label, color=color, transform=ax.get_xaxis_transform(), va="top")

    ax.text(0.01, 0.97, "×16.7 from 2020 to 2024\n102% a year on average\n(computed)",
            transform=ax.transAxes, va="top")
    ax.set_xlim(2019.38, 2024.35)
    ax.set_ylim(0, 130000)
    ax.set_xticks([2020, 2021, 2022, 2023, 2024])
    ax.set_yticks(range(0, 130001, 10000))
    ax.yaxis.set_major_formatter(thousands)
    ax.set_ylabel("vehicles")
    ax.grid(axis="y", color="#e5e5e5")
    ax.set_axisbelow(True)
    for side in ("top", "right", "left"):
        ax.spines[side].set_visible(False)

    notes = [
        "The article gives only two years; 2021–2023 are not shown because there is no data. "
        "The article's source [8, 9] cannot be resolved, and no other source confirms the numbers.",
        "Dashed segments join years with no data between them. Growth figures are computed by "
        "Karavan from the data shown.",
        "Source: Siyao Liu, A.E. Serikkaliyeva. Cultural integration and consumer confidence: "
        "insights from Chinese automobile manufacturers in Kazakhstan. Series “Mezhdunarodnye "
        "otnosheniya i regionovedenie”\n(International Relations and Regional Studies), no. 3 (61), "
        "2025, p. 124. Grant AP27510281.",
    ]
    for i, note in enumerate(notes):
        fig.text(0.01, 0.095 - i * 0.025, note, fontsize=7.5, color=GREY, va="top")
    fig.savefig(out)


def w2(data, series, points, out):
    d = np.fromfile(data, sep=" ").reshape(points, series + 1)
    fig = figure(out)
    ax = fig.add_axes([0.05, 0.08, 0.94, 0.8])
    fig.text(0.01, 0.965, "%d random walks of %d points" % (series, points), fontsize=13.5,
             fontweight="bold", va="top")
    for i in range(series):
        ax.plot(d[:, 0], d[:, i + 1], lw=1.98, label="Series %d" % (i + 1))
    ax.legend(ncol=min(series, 10), loc="lower left", bbox_to_anchor=(0, 1.0), frameon=False)
    ax.set_xlabel("step")
    ax.set_ylabel("value")
    ax.grid(axis="y", color="#e5e5e5")
    ax.set_axisbelow(True)
    ax.set_xlim(0, points - 1)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    fig.savefig(out)


def main(argv):
    if len(argv) == 3 and argv[1] == "w1":
        w1(argv[2])
    elif len(argv) == 6 and argv[1] == "w2":
        w2(argv[2], int(argv[3]), int(argv[4]), argv[5])
    else:
        sys.stderr.write(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
