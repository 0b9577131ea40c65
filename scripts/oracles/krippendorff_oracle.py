"""Expected values for KrippendorffTests and CoderAgreementTests
(krippendorff 0.9.0, numpy 2.4.6, scipy 1.17.1, Python 3.11).

Ratings are written units x coders, as the Swift code takes them (None = not rated), and
transposed to the package's coders x units with NaN.
"""
import math

import krippendorff
import numpy as np
from scipy import stats

# Krippendorff (2011), "Computing Krippendorff's alpha-reliability": four observers, twelve units
# (the example in the package's docstring).
CANONICAL = [
    [1, 1, None, 1], [2, 2, 3, 2], [3, 3, 3, 3], [3, 3, 3, 3], [2, 2, 2, 2], [1, 2, 3, 4],
    [4, 4, 4, 4], [1, 1, 2, 1], [2, 2, 2, 2], [None, 5, 5, 5], [None, None, 1, 1], [None, 3, None, None],
]
# Three coaches rate twelve agent-area pairs on the rubric's four levels (1 = Beginning ... 4 = Expert);
# coach C is lenient; coach B did not rate the sixth pair.
COACHES = [
    [2, 2, 3], [3, 3, 4], [1, 2, 2], [4, 4, 4], [2, 2, 3], [3, None, 4],
    [2, 1, 3], [1, 1, 2], [3, 3, 4], [2, 2, 3], [4, 4, 4], [3, 2, 3],
]


def package_matrix(units):
    return np.array([[np.nan if v is None else v for v in unit] for unit in units], dtype=float).T


def alpha_or_none(units, level):
    try:
        value = krippendorff.alpha(reliability_data=package_matrix(units), level_of_measurement=level)
    except ValueError:
        return None
    return None if math.isnan(value) else float(value)


for name, data in [("canonical", CANONICAL), ("coaches", COACHES)]:
    print(name)
    for level in ["nominal", "ordinal", "interval", "ratio"]:
        print(f"  {level}: {alpha_or_none(data, level)!r}")

# Pair agreement: every pair of coders on every unit.
pairs = exact = within = 0
for unit in COACHES:
    given = [v for v in unit if v is not None]
    for i in range(len(given)):
        for j in range(i + 1, len(given)):
            pairs += 1
            exact += given[i] == given[j]
            within += abs(given[i] - given[j]) <= 1
print(f"coaches pairs {pairs}, exact {100 * exact / pairs!r}, within one {100 * within / pairs!r}")

# Offsets from the median of all coders on the unit (own rating included), with a 95% t interval;
# then, for contrast, from the median of the other coders only (which names coaches A and B severe).
for leave_one_out in [False, True]:
    print("leave one out" if leave_one_out else "median of all coders")
    for coder in range(3):
        offsets = []
        for unit in COACHES:
            given = [v for v in unit if v is not None]
            if unit[coder] is None or len(given) < 2:
                continue
            others = [v for k, v in enumerate(unit) if k != coder and v is not None]
            offsets.append(unit[coder] - float(np.median(others if leave_one_out else given)))
        offsets = np.array(offsets)
        m = len(offsets)
        mean = offsets.mean()
        half = stats.t.ppf(0.975, m - 1) * offsets.std(ddof=1) / math.sqrt(m)
        print(f"  coder {coder}: n {m}, mean {float(mean)!r}, interval {float(mean - half)!r} {float(mean + half)!r}")

# Widest disagreements: range per unit.
ranges = [(max(v for v in u if v is not None) - min(v for v in u if v is not None), i) for i, u in enumerate(COACHES)]
print("ranges", ranges)


class SplitMix64:
    """Vigna's splitmix64.c, as Sources/SkillsCore/Statistics/SplitMix64.swift."""

    def __init__(self, seed):
        self.state = seed & 0xFFFFFFFFFFFFFFFF

    def next(self):
        self.state = (self.state + 0x9E3779B97F4A7C15) & 0xFFFFFFFFFFFFFFFF
        z = self.state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & 0xFFFFFFFFFFFFFFFF
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & 0xFFFFFFFFFFFFFFFF
        return z ^ (z >> 31)


gen = SplitMix64(0)
print("splitmix64 seed 0, first three:", [hex(gen.next()) for _ in range(3)])
gen = SplitMix64(1234567)
print("splitmix64 seed 1234567, first three:", [gen.next() for _ in range(3)])


def replayed_bootstrap(units, level, replicates, seed):
    """The Swift design replayed: pairable units drawn with replacement by next() % n."""
    units = [u for u in units if sum(v is not None for v in u) >= 2]
    gen = SplitMix64(seed)
    alphas = []
    for _ in range(replicates):
        resample = [units[gen.next() % len(units)] for _ in units]
        value = alpha_or_none(resample, level)
        if value is not None:
            alphas.append(value)
    return np.percentile(alphas, [2.5, 97.5]), len(alphas)


def numpy_bootstrap(units, level, replicates, seed):
    """The same design with numpy's own generator, for a rough comparison."""
    units = [u for u in units if sum(v is not None for v in u) >= 2]
    rng = np.random.default_rng(seed)
    alphas = []
    for _ in range(replicates):
        resample = [units[i] for i in rng.integers(0, len(units), len(units))]
        value = alpha_or_none(resample, level)
        if value is not None:
            alphas.append(value)
    return np.percentile(alphas, [2.5, 97.5]), len(alphas)


for name, data in [("canonical", CANONICAL), ("coaches", COACHES)]:
    (low, high), used = replayed_bootstrap(data, "ordinal", 2000, 42)
    print(f"{name} replayed SplitMix64 seed 42, 2000: {float(low)!r} {float(high)!r} defined {used}")
    (low, high), used = numpy_bootstrap(data, "ordinal", 2000, 7)
    print(f"{name} numpy default_rng(7), 2000: {float(low)!r} {float(high)!r} defined {used}")
