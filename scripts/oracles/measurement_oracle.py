"""Expected values for MeasurementTests (scipy 1.17.1, pingouin 0.7.0, pandas 3.1.1, numpy 2.4.6)."""
import numpy as np
import pandas as pd
import pingouin as pg
from scipy import stats

print("Wilson intervals: successes, trials, confidence, low, high")
for k, n, c in [(0, 10, 0.95), (3, 10, 0.95), (10, 10, 0.95), (47, 60, 0.95), (3, 10, 0.90), (1, 1, 0.95)]:
    ci = stats.binomtest(k, n).proportion_ci(confidence_level=c, method="wilson")
    print(f"({k}, {n}, {c!r}, {float(ci.low)!r}, {float(ci.high)!r}),")

# Eight people answering four 1-5 rating items.
items = pd.DataFrame(
    [[4, 5, 4, 4], [2, 3, 2, 3], [5, 5, 4, 5], [3, 3, 3, 2], [1, 2, 2, 1], [4, 4, 5, 4], [3, 2, 3, 3], [5, 4, 5, 5]],
    columns=["i1", "i2", "i3", "i4"],
)
alpha, rounded = pg.cronbach_alpha(items, ci=0.95)
n, k = items.shape
df1, df2 = n - 1, (n - 1) * (k - 1)
low = 1 - (1 - alpha) * stats.f.isf(0.025, df1, df2)
high = 1 - (1 - alpha) * stats.f.isf(0.975, df1, df2)
assert np.allclose(np.round([low, high], 3), rounded)
print("Feldt: alpha, low, high (pingouin rounds to", list(rounded), ")")
print(repr(float(alpha)), repr(float(low)), repr(float(high)))
low90 = 1 - (1 - alpha) * stats.f.isf(0.05, df1, df2)
high90 = 1 - (1 - alpha) * stats.f.isf(0.95, df1, df2)
print("Feldt 90%:", repr(float(low90)), repr(float(high90)))
