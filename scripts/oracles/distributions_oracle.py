"""Expected values for DistributionsTests (scipy 1.17.1, numpy 2.4.6)."""
from scipy import special, stats

print("normal quantiles")
for p in [0.5, 0.3, 0.95, 0.975, 0.02, 1e-6, 1e-13, 0.999999]:
    print(f"({p!r}, {float(stats.norm.ppf(p))!r}),")
print("normal cdf")
for x in [-3.0, -1.0, 0.0, 0.5, 1.959963984540054, 6.0]:
    print(f"({x!r}, {float(stats.norm.cdf(x))!r}),")
print("log gamma")
for x in [0.5, 1.0, 2.5, 7.0, 30.5, 300.0]:
    print(f"({x!r}, {float(special.gammaln(x))!r}),")
print("incomplete beta I_x(a, b)")
for x, a, b in [(0.3, 2.0, 3.0), (0.9, 0.5, 0.5), (0.2, 10.0, 40.0), (0.75, 22.5, 3.5), (0.01, 1.0, 200.0)]:
    print(f"({x!r}, {a!r}, {b!r}, {float(special.betainc(a, b, x))!r}),")
print("F quantiles")
for p, d1, d2 in [(0.975, 5, 20), (0.025, 5, 20), (0.975, 9, 45), (0.025, 9, 45), (0.025, 1, 10),
                  (0.5, 3, 7), (0.999, 2, 3), (0.001, 30, 600), (0.95, 199, 995)]:
    print(f"({p!r}, {d1!r}, {d2!r}, {float(stats.f.ppf(p, d1, d2))!r}),")
print("F cdf")
for x, d1, d2 in [(2.5, 5, 20), (0.3, 9, 45), (10.0, 1, 10)]:
    print(f"({x!r}, {d1!r}, {d2!r}, {float(stats.f.cdf(x, d1, d2))!r}),")
print("t quantiles")
for p, df in [(0.975, 1), (0.975, 5), (0.975, 29), (0.025, 3), (0.9, 100), (0.6, 2), (0.995, 9)]:
    print(f"({p!r}, {df!r}, {float(stats.t.ppf(p, df))!r}),")
print("t cdf")
for x, df in [(2.0, 5), (-1.5, 12), (0.0, 3), (4.0, 1)]:
    print(f"({x!r}, {df!r}, {float(stats.t.cdf(x, df))!r}),")
print("nct cdf")
for x, df, nc in [(2.0, 9, 1.5), (2.0, 9, -1.0), (-1.0, 5, 0.5), (8.66, 3, 3.0), (0.0, 4, 2.0), (3.5, 29, 6.0),
                  (30.0, 5, 25.0), (45.0, 1, 60.0), (12.0, 40, 11.0), (-3.0, 7, -2.5)]:
    print(f"({x!r}, {df}, {nc!r}, {float(stats.nct.cdf(x, df, nc))!r}),")
