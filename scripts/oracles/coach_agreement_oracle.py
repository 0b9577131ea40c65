"""Expected values for CoachAgreementReportTests
(krippendorff 0.9.0, numpy 2.4.6, scipy 1.17.1, Python 3.11).

Three coaches observe four agents on the five areas (levels 1 = Beginning ... 4 = Role model).
These are the ratings that count once the report has chosen the latest observation of each
coach for each agent (Bo's earlier look at Dev and Cy's observation of Eve before --since are
left out by the Swift code under test; they do not appear here). Bo marked Dev's empathy not
applicable (None). Coach Cy is lenient.
"""
import math

import krippendorff
import numpy as np
from scipy import stats

AREAS = ["listening", "anticipating-needs", "communicating", "empathy", "above-and-beyond"]
AGENTS = ["Ana", "Ben", "Cleo", "Dev"]
COACHES = ["Ali", "Bo", "Cy"]
RATINGS = {
    "Ali": {"Ana": [2, 3, 2, 3, 2], "Ben": [1, 2, 2, 1, 2], "Cleo": [3, 3, 2, 3, 3], "Dev": [2, 2, 1, 2, 1]},
    "Bo": {"Ana": [2, 2, 2, 3, 1], "Ben": [1, 2, 3, 1, 2], "Cleo": [3, 4, 2, 3, 3], "Dev": [3, 2, 1, None, 1]},
    "Cy": {"Ana": [3, 3, 3, 4, 2], "Ben": [2, 2, 3, 3, 3], "Cleo": [4, 4, 3, 3, 4], "Dev": [2, 3, 2, 3, 3]},
}


def units(area_indices):
    """Units (agent-area pairs, area by area, agents in order) x coaches."""
    return [[RATINGS[c][agent][a] for c in COACHES] for a in area_indices for agent in AGENTS]


def alpha(rows):
    data = np.array([[np.nan if v is None else v for v in row] for row in rows], dtype=float).T
    return float(krippendorff.alpha(reliability_data=data, level_of_measurement="ordinal"))


def pairs(rows):
    n = exact = within = 0
    for row in rows:
        given = [v for v in row if v is not None]
        for i in range(len(given)):
            for j in range(i + 1, len(given)):
                n += 1
                exact += given[i] == given[j]
                within += abs(given[i] - given[j]) <= 1
    return n, 100 * exact / n, 100 * within / n


for index, area in enumerate(AREAS):
    rows = units([index])
    print(area, "alpha", repr(alpha(rows)), "pairs", pairs(rows))
pooled = units(range(len(AREAS)))
print("all alpha", repr(alpha(pooled)), "pairs", pairs(pooled))

# Offsets from the median of all coaches' ratings of the pair (own included), 95% t interval.
for k, coach in enumerate(COACHES):
    offsets = []
    for row in pooled:
        given = [v for v in row if v is not None]
        if row[k] is None or len(given) < 2:
            continue
        offsets.append(row[k] - float(np.median(given)))
    offsets = np.array(offsets)
    m = len(offsets)
    half = stats.t.ppf(0.975, m - 1) * offsets.std(ddof=1) / math.sqrt(m)
    mean = float(offsets.mean())
    print(coach, "n", m, "mean", repr(mean), "interval", repr(float(mean - half)), repr(float(mean + half)))

# Widest disagreements: spread per pair, widest first, ties in unit order (area, then agent).
spreads = []
for u, row in enumerate(pooled):
    given = [v for v in row if v is not None]
    if max(given) > min(given):
        spreads.append((-(max(given) - min(given)), u, AGENTS[u % len(AGENTS)], AREAS[u // len(AGENTS)]))
print("widest", [(s[2], s[3], -s[0]) for s in sorted(spreads)[:5]])
