"""Expected values for GainBuilderTests (pingouin 0.7.0, scipy 1.17.1, numpy 2.4.6, Python 3.11).

Eight people sat both sittings (Ivy only before, Jon only after). Per area and overall: the
means, Hake's class-average gain, the mean individual gain, Cohen's d_z (pingouin), its
interval as pingouin computes it, the exact interval from the noncentral t (scipy), and the
reliable changes by Jacobson & Truax's RCI with each score's own standard error.
"""
import math

import numpy as np
import pingouin as pg
from scipy import stats
from scipy.optimize import brentq

N = None
# (before, after, SE before, SE after) per person, Ana..Hana; None where a score or error is missing.
data = {
    "listening": (
        [40, 55, 62.5, 70, 30, 85, 100, 45],
        [60, 65, 75, 72.5, 55, 90, 95, 70],
        [8, 7, 6, 6, 9, 5, 3, 8],
        [7, 7, 6, 6, 8, 4, 3, 7],
    ),
    "empathy": (
        [50, 60, N, 45, 35, 80, 90, 55],
        [55, 58, 70, 60, 50, 85, 88, 52],
        [6, 6, 6, 6, 6, 6, 6, 6],
        [6, 6, 6, N, 6, 6, 6, 6],
    ),
    "overall": (
        [45, 57.5, 62.5, 57.5, 32.5, 82.5, 95, 50],
        [57.5, 61.5, 72.5, 66.25, 52.5, 87.5, 91.5, 61],
        [5, 5, 5, 5, 5, 5, N, 5],
        [5, 5, 5, 5, 5, 5, N, 5],
    ),
}

for name, (pre, post, se_pre, se_post) in data.items():
    keep = [i for i in range(8) if pre[i] is not None and post[i] is not None]
    b = np.array([pre[i] for i in keep], dtype=float)
    a = np.array([post[i] for i in keep], dtype=float)
    n = len(keep)
    hake = (a.mean() - b.mean()) / (100 - b.mean())
    below = b < 100
    individual = ((a[below] - b[below]) / (100 - b[below])).mean()
    dz = pg.compute_effsize(a, b, paired=True, eftype="cohen_dz")
    se = math.sqrt(1 / n + dz**2 / (2 * n))
    crit = stats.t.ppf(0.975, n - 1)
    rounded = pg.compute_esci(stat=dz, nx=n, ny=n, paired=True, eftype="cohen", confidence=0.95, decimals=4)
    assert np.allclose(np.round([dz - crit * se, dz + crit * se], 4), rounded)
    t = dz * math.sqrt(n)
    lo = brentq(lambda nc: stats.nct.cdf(t, n - 1, nc) - 0.975, t - 30, t + 30, xtol=1e-14, rtol=1e-15)
    hi = brentq(lambda nc: stats.nct.cdf(t, n - 1, nc) - 0.025, t - 30, t + 30, xtol=1e-14, rtol=1e-15)
    up = down = neither = unknown = 0
    for i in keep:
        if se_pre[i] is None or se_post[i] is None:
            unknown += 1
            continue
        rci = (post[i] - pre[i]) / math.sqrt(se_pre[i] ** 2 + se_post[i] ** 2)
        if rci >= 1.645:
            up += 1
        elif rci <= -1.645:
            down += 1
        else:
            neither += 1
    print(name, "n", n)
    print("  means", repr(float(b.mean())), repr(float(a.mean())), "change", repr(float(a.mean() - b.mean())))
    print("  hake", repr(float(hake)), "individual", repr(float(individual)), "at top", int((~below).sum()))
    print("  d_z", repr(float(dz)), "pingouin interval", repr(dz - crit * se), repr(dz + crit * se), list(rounded))
    print("  exact interval", repr(lo / math.sqrt(n)), repr(hi / math.sqrt(n)))
    print("  reliable up", up, "down", down, "neither", neither, "unknown", unknown)
