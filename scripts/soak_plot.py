#!/usr/bin/python3
"""Draws the soak's curve (tests/flows/soak_test.cpp) as an SVG: the kiosk's memory (heap in
use, resident, proportional) from zero, the heap again on its own scale (where a leak would
show), and its open files and threads, against rounds.

It reads the table the soak prints (its lines start with "soak:") from a log or stdin:

    KIOSK_SOAK_ROUNDS=5000 build/ci/tests/flow_tests "[soak]" | tee soak.log
    scripts/soak_plot.py soak.log > docs/soak-5000.svg

Python's standard library only: the SVG is written by hand.
"""

import math
import sys
from xml.sax.saxutils import escape

WIDTH, PANEL_HEIGHT, LEFT, RIGHT, TOP, GAP, BOTTOM = 860, 240, 70, 150, 40, 70, 50
COLOURS = {"heap": "#00457C", "RSS": "#B5121B", "PSS": "#2E7D32", "files": "#6A1B9A", "threads": "#E65100"}


def read_samples(lines):
    """The soak's rows: rounds, heap, RSS, PSS (MiB), files, threads."""
    samples = []
    for line in lines:
        fields = line.split()
        if len(fields) < 7 or fields[0] != "soak:" or not fields[1].isdigit():
            continue  # the header, or anything else in the log
        samples.append({"rounds": int(fields[1]), "heap": float(fields[2]), "RSS": float(fields[3]),
                        "PSS": float(fields[4]), "files": int(fields[5]), "threads": int(fields[6])})
    return samples


def nice_step(span, ticks=5):
    """A round step (1, 2 or 5 times a power of ten) giving about `ticks` ticks over span."""
    raw = max(span, 1e-9) / ticks
    power = 10 ** math.floor(math.log10(raw))
    for multiple in (1, 2, 5):
        if raw <= multiple * power:
            return multiple * power
    return 10 * power


def panel(samples, series, unit, top, start_at_zero):
    """One chart: the series as lines over the rounds, with axes, ticks and a legend."""
    xs = [s["rounds"] for s in samples]
    ys = [s[name] for s in samples for name in series]
    low = 0 if start_at_zero else min(ys)
    high = max(ys)
    step = nice_step(high - low)
    low = step * int(low / step) if low >= 0 else low
    high = low + step * (int((high - low) / step) + 1)
    x_low, x_high = 0, max(xs)
    plot_w = WIDTH - LEFT - RIGHT

    def x(value):
        return LEFT + (value - x_low) / max(x_high - x_low, 1) * plot_w

    def y(value):
        return top + PANEL_HEIGHT - (value - low) / (high - low) * PANEL_HEIGHT

    out = [f'<rect x="{LEFT}" y="{top}" width="{plot_w}" height="{PANEL_HEIGHT}" fill="none" stroke="#707F8E"/>']
    tick = low
    while tick <= high + step / 2:
        out.append(f'<line x1="{LEFT}" x2="{LEFT + plot_w}" y1="{y(tick):.1f}" y2="{y(tick):.1f}" stroke="#E0E4E8"/>')
        out.append(f'<text x="{LEFT - 6}" y="{y(tick) + 4:.1f}" text-anchor="end">{tick:g}</text>')
        tick += step
    x_step = nice_step(x_high - x_low, 8)
    tick = 0
    while tick <= x_high:
        out.append(f'<line x1="{x(tick):.1f}" x2="{x(tick):.1f}" y1="{top + PANEL_HEIGHT}" y2="{top + PANEL_HEIGHT + 5}" stroke="#707F8E"/>')
        out.append(f'<text x="{x(tick):.1f}" y="{top + PANEL_HEIGHT + 18}" text-anchor="middle">{tick:g}</text>')
        tick += x_step
    out.append(f'<text x="{LEFT - 50}" y="{top - 10}">{escape(unit)}</text>')
    for row, name in enumerate(series):
        points = " ".join(f"{x(s['rounds']):.1f},{y(s[name]):.1f}" for s in samples)
        out.append(f'<polyline points="{points}" fill="none" stroke="{COLOURS[name]}" stroke-width="2"/>')
        legend_y = top + 16 + row * 20
        out.append(f'<line x1="{WIDTH - RIGHT + 14}" x2="{WIDTH - RIGHT + 40}" y1="{legend_y - 4}" y2="{legend_y - 4}" '
                   f'stroke="{COLOURS[name]}" stroke-width="3"/>')
        out.append(f'<text x="{WIDTH - RIGHT + 46}" y="{legend_y}">{escape(name)}</text>')
    return out


def svg(samples, title):
    height = TOP + 3 * PANEL_HEIGHT + 2 * GAP + BOTTOM
    second = TOP + PANEL_HEIGHT + GAP
    third = second + PANEL_HEIGHT + GAP
    body = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height}" viewBox="0 0 {WIDTH} {height}" '
            'font-family="Noto Sans, sans-serif" font-size="12" fill="#102030">',
            f'<rect width="{WIDTH}" height="{height}" fill="#FFFFFF"/>',
            f'<text x="{WIDTH / 2}" y="18" text-anchor="middle" font-size="14" font-weight="bold">{escape(title)}</text>']
    body += panel(samples, ["heap", "PSS", "RSS"], "MiB", TOP, start_at_zero=True)
    body += panel(samples, ["heap"], "heap in use, MiB (its own scale)", second, start_at_zero=False)
    body += panel(samples, ["files", "threads"], "count", third, start_at_zero=True)
    body.append(f'<text x="{LEFT + (WIDTH - LEFT - RIGHT) / 2}" y="{height - 12}" text-anchor="middle">rounds</text>')
    body.append("</svg>")
    return "\n".join(body) + "\n"


def main():
    source = open(sys.argv[1], encoding="utf-8") if len(sys.argv) > 1 and sys.argv[1] != "-" else sys.stdin
    samples = read_samples(source)
    if len(samples) < 2:
        sys.exit("soak_plot: fewer than two \"soak:\" rows in the input")
    sys.stdout.write(svg(samples, f"The soak: {samples[-1]['rounds']} rounds of sessions, the kiosk's process"))


if __name__ == "__main__":
    main()
