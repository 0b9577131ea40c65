"""Expected values for TrainingGainTests (pingouin 0.7.0, scipy 1.17.1, numpy 2.4.6, Python 3.11)."""
import math

import numpy as np
import pingouin as pg
from scipy import stats

# Ten people's scores (0-100) before and after a course; the seventh began at 100.
before = np.array([40, 55, 62.5, 70, 30, 85, 100, 45, 60, 50])
after = np.array([60, 65, 75, 72.5, 55, 90, 95, 70, 40, 80])
n = len(before)

print("mean before", repr(float(before.mean())), "after", repr(float(after.mean())))
pre, post = before.mean(), after.mean()
print("Hake class gain", repr(float((post - pre) / (100 - pre))))
below = before < 100
individual = (after[below] - before[below]) / (100 - before[below])
print("mean individual gain", repr(float(individual.mean())), "over", int(below.sum()), "people")

dz = pg.compute_effsize(after, before, paired=True, eftype="cohen_dz")
diff = after - before
assert math.isclose(dz, diff.mean() / diff.std(ddof=1), rel_tol=1e-15)
print("d_z", repr(float(dz)))
# pingouin's interval, unrounded: d +/- t(0.975, n-1) * sqrt(1/n + d^2/(2n)).
se = math.sqrt(1 / n + dz**2 / (2 * n))
crit = stats.t.ppf(0.975, n - 1)
low, high = dz - crit * se, dz + crit * se
rounded = pg.compute_esci(stat=dz, nx=n, ny=n, paired=True, eftype="cohen", confidence=0.95, decimals=4)
assert np.allclose(np.round([low, high], 4), rounded), (low, high, rounded)
print("d_z interval", repr(float(low)), repr(float(high)), "pingouin (4 decimals)", list(map(float, rounded)))

sem = 6.0
rci = diff / (math.sqrt(2) * sem)
print("RCI", [round(float(r), 4) for r in rci])
print("reliable up", int((rci >= 1.645).sum()), "down", int((rci <= -1.645).sum()),
      "no clear change", int((abs(rci) < 1.645).sum()))

# The exact interval from the noncentral t (scipy's nct, Boost): the noncentralities with
# P(T <= t; n-1, delta) = 0.975 and 0.025, divided by sqrt(n).
from scipy.optimize import brentq

t_obs = dz * math.sqrt(n)
lo = brentq(lambda nc: stats.nct.cdf(t_obs, n - 1, nc) - 0.975, t_obs - 20, t_obs + 20, xtol=1e-14, rtol=1e-15)
hi = brentq(lambda nc: stats.nct.cdf(t_obs, n - 1, nc) - 0.025, t_obs - 20, t_obs + 20, xtol=1e-14, rtol=1e-15)
print("d_z exact interval", repr(lo / math.sqrt(n)), repr(hi / math.sqrt(n)))
# The known-shift class: d_z = 10 / sqrt(16/3) on four people.
d4 = 10 / math.sqrt(16 / 3)
t4 = d4 * 2
lo4 = brentq(lambda nc: stats.nct.cdf(t4, 3, nc) - 0.975, t4 - 30, t4 + 30, xtol=1e-14, rtol=1e-15)
hi4 = brentq(lambda nc: stats.nct.cdf(t4, 3, nc) - 0.025, t4 - 30, t4 + 30, xtol=1e-14, rtol=1e-15)
print("known shift exact interval", repr(lo4 / 2), repr(hi4 / 2))
# A large class: 200 people, before = i % 50, after = before + i % 10.
big_before = np.array([i % 50 for i in range(200)], dtype=float)
big_diff = np.array([i % 10 for i in range(200)], dtype=float)
dbig = big_diff.mean() / big_diff.std(ddof=1)
tbig = dbig * math.sqrt(200)
lob = brentq(lambda nc: stats.nct.cdf(tbig, 199, nc) - 0.975, tbig - 30, tbig + 30, xtol=1e-14, rtol=1e-15)
hib = brentq(lambda nc: stats.nct.cdf(tbig, 199, nc) - 0.025, tbig - 30, tbig + 30, xtol=1e-14, rtol=1e-15)
print("large class d_z", repr(float(dbig)), "t", repr(float(tbig)))
print("large class exact interval", repr(lob / math.sqrt(200)), repr(hib / math.sqrt(200)))
