#!/usr/bin/env python3
"""The Python peer for scripts/bench: the class statistics skills computes (per-area means
and standard deviations, item facility, corrected item-total correlation, Cronbach's alpha),
with pandas and pingouin, from the same result files."""
import glob, json, os, sys

import pandas as pd
import pingouin as pg

folder = sys.argv[1]
rows = []
for path in sorted(glob.glob(os.path.join(folder, "*.json"))):
    with open(path, encoding="utf-8") as f:
        result = json.load(f)
    row = {"person": result["person"]}
    for area in result["scores"]["areas"]:
        row["area:" + area["area"]] = area.get("score")
    for answer in result["answers"]:
        if answer["type"] != "reflection" and "maxPoints" in answer:
            row[answer["item"]] = answer.get("points")
            row["max:" + answer["item"]] = answer["maxPoints"]
            row["in:" + answer["item"]] = answer["area"]
    rows.append(row)
df = pd.DataFrame(rows)
first = rows[0]
items = [k for k in first if not k.startswith(("person", "area:", "max:", "in:"))]
areas = sorted({first["in:" + i] for i in items})
out = []
for area in areas:
    scores = df["area:" + area]
    out.append(f"{area} mean {scores.mean():.4f} sd {scores.std():.4f}")
    members = [i for i in items if first["in:" + i] == area]
    scale = df[members].dropna()
    alpha, _ = pg.cronbach_alpha(data=scale)
    out.append(f"{area} alpha {alpha:.4f}")
    total = scale.sum(axis=1)
    for item in members:
        facility = df[item].mean() / first["max:" + item] * 100
        r = scale[item].corr(total - scale[item])
        out.append(f"  {item} facility {facility:.2f} r {r:.4f}")
print("\n".join(out))
