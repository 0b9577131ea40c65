#!/usr/bin/env python3
"""Checks the built-in content against the item-writing rules in docs/content.md.

Standard library only. Run from the repository root:  python3 scripts/content_check.py
Prints, for the scenario bank, option lengths per question, the key-to-distractor
length ratio and whether a key is the longest option; the number of questions where
it is; the expected score of always picking the longest option; keys per letter.
For rating questionnaires: word counts and reverse-keyed counts per area.
With --table, prints instead the Markdown coverage table kept in docs/content.md.
Exit status 1 when a hard rule is broken (option length outside +-20% of the
question's mean, key longest in more than a quarter of questions, a seed section
not used by any item or action).
"""
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "Data"
SEEDS = Path("/work/shared/seeds")  # only used when present, for the heading check
LETTERS = "ABCDEFGH"
# A rough word list: a key that alone names a feeling or a next step is a clue to the test-wise.
CUES = {
    "feeling": r"\b(feel\w*|frustrat\w*|worr\w*|upset|sorry|annoy\w*|embarrass\w*|anxious|stress\w*|urgent|"
               r"apologi[sz]e\w*|congratulate\w*|thank\w*|warmly|understand)\b",
    "next step": r"\b(then|next step|call back|follow up|when you'll|by a set time|a new time)\b",
}


def load(name):
    return json.loads((DATA / name).read_text(encoding="utf-8"))


def quiz_report(quiz):
    items = [i for i in quiz["items"] if i["type"] == "choice"]
    problems = []
    key_longest = 0
    longest_expected = 0.0
    letters = Counter()
    per_area = Counter()
    cue_only_key = []
    print(f"Scenario bank: {quiz['id']} version {quiz['version']}, {len(items)} questions")
    print(f"{'id':<16} {'lengths':<22} {'keys':<5} ratio  key-longest")
    for item in items:
        options = item["options"]
        lengths = [len(o["text"]) for o in options]
        keys = [n for n, o in enumerate(options) if o.get("correct")]
        distractors = [lengths[n] for n in range(len(options)) if n not in keys]
        mean_key = sum(lengths[n] for n in keys) / len(keys)
        ratio = mean_key / (sum(distractors) / len(distractors))
        longest = max(lengths)
        longest_options = [n for n, length in enumerate(lengths) if length == longest]
        is_longest = any(n in keys for n in longest_options)
        key_longest += is_longest
        # "Pick the longest option" scores the share of keys among the tied longest options
        # (ties broken at random); a multi-key item gives a point per key picked over its keys.
        longest_expected += sum(1 for n in longest_options if n in keys) / len(longest_options) / len(keys)
        for n in keys:
            letters[LETTERS[n]] += 1
        per_area[item["area"]] += 1
        mean = sum(lengths) / len(lengths)
        spread = [abs(length - mean) / mean for length in lengths]
        flag = "" if max(spread) <= 0.20 else f"  OUT OF +-20% ({max(spread):.0%})"
        if flag:
            problems.append(f"{item['id']}: option lengths {lengths} spread {max(spread):.0%}")
        print(
            f"{item['id']:<16} {str(lengths):<22} {''.join(LETTERS[n] for n in keys):<5} "
            f"{ratio:4.2f}   {'yes' if is_longest else 'no'}{flag}"
        )
        for cue, pattern in CUES.items():
            naming = [n for n, o in enumerate(options) if re.search(pattern, o["text"], re.IGNORECASE)]
            if naming and all(n in keys for n in naming):
                cue_only_key.append(f"{item['id']} ({cue})")
        if len(options) != 4:
            problems.append(f"{item['id']}: {len(options)} options; expected 4")
        if not item.get("explanation") or any(not o.get("feedback") for o in options):
            problems.append(f"{item['id']}: missing explanation or option feedback")
        if len(keys) > 1 and "choose two" not in item["text"].lower():
            problems.append(f"{item['id']}: {len(keys)} keys but the stem does not say 'choose two'")
    n = len(items)
    print()
    print(f"Questions per area: {dict(per_area)}")
    print(f"Key is the longest option in {key_longest} of {n} questions ({key_longest / n:.0%}); rule: at most 25%")
    print(f"Expected score of 'always pick the longest option': {longest_expected:.2f} of {n} ({longest_expected / n:.0%}; chance 25%)")
    print(f"Keys per letter: {dict(sorted(letters.items()))}")
    print(f"Questions where only the key names a feeling or a next step (word heuristic): {cue_only_key or 'none'}")
    if key_longest > n / 4:
        problems.append(f"key longest in {key_longest} of {n} questions; expected at most {n // 4}")
    return problems


def rating_report(questionnaire):
    ratings = [i for i in questionnaire["items"] if i["type"] == "rating"]
    print(f"\n{questionnaire['id']} version {questionnaire['version']}: {len(ratings)} rating items")
    by_area = defaultdict(list)
    for item in ratings:
        words = len(item["text"].split())
        by_area[item["area"]].append(item)
        print(f"  {item['id']:<18} {words:>2} words {'R' if item.get('reverse') else ' '}  {item['text']}")
    for area, items in by_area.items():
        words = [len(i["text"].split()) for i in items]
        reverse = sum(1 for i in items if i.get("reverse"))
        print(f"  {area:<20} items {len(items)}  reverse-keyed {reverse}  words {min(words)}-{max(words)}"
              f" (mean {sum(words) / len(words):.1f})")
    total_reverse = sum(1 for i in ratings if i.get("reverse"))
    print(f"  reverse-keyed overall: {total_reverse} of {len(ratings)}")
    problems = []
    for item in ratings:
        if re.search(r"\b(every|always|never|all)\b", item["text"], re.IGNORECASE):
            problems.append(f"{item['id']}: absolute word in '{item['text']}'")
    return problems


def coverage_report(framework, questionnaires):
    sections = {(s["file"], name) for s in framework["sources"] for name in s["sections"] if name != "Conclusion"}
    used = defaultdict(list)
    for area in framework["areas"]:
        for action in area["actions"]:
            used[tuple(action["source"].split("#", 1))].append(action["id"])
    for practice in framework["practices"]:
        used[tuple(practice["source"].split("#", 1))].append(practice["id"])
    for q in questionnaires:
        for item in q["items"]:
            used[tuple(item["source"].split("#", 1))].append(item["id"])
    problems = []
    print("\nSeed sections used by items, actions and practices:")
    for file, name in sorted(sections):
        users = used.get((file, name), [])
        print(f"  {file[:3]} {name:<66} {len(users):>3}")
        if not users:
            problems.append(f"{file}#{name} is used by no item or action")
    unknown = set(used) - sections
    for file, name in sorted(unknown):
        problems.append(f"citation {file}#{name} names no seed section: {used[(file, name)]}")
    uncovered = [area["id"] for area in framework["areas"]
                 if not any(area["id"] in p.get("areas", []) for p in framework["practices"])]
    if uncovered:
        problems.append(f"areas with no relevant practice: {uncovered}")
    for p in framework["practices"]:
        if not p.get("areas"):
            problems.append(f"practice {p['id']} is relevant to no area")
    return problems


def coverage_table(framework, questionnaires):
    """The Markdown table in docs/content.md: every seed section and what cites it."""
    chapters = {s["file"]: s["title"] for s in framework["sources"]}
    used = defaultdict(list)
    for q in questionnaires:
        for item in q["items"]:
            used[item["source"]].append(item["id"])
    for area in framework["areas"]:
        for level in area["rubric"]:
            used[level["source"]].append(f"rubric {area['id']}/{level['level']}")
        for action in area["actions"]:
            used[action["source"]].append(action["id"])
    for practice in framework["practices"]:
        used[practice["source"]].append(practice["id"])
    lines = ["| chapter | section | items | actions and practices | rubric levels |", "|---|---|---|---|---|"]
    for source in framework["sources"]:
        for section in source["sections"]:
            if section == "Conclusion":
                continue
            users = used.get(f"{source['file']}#{section}", [])
            items = [u for u in users if not u.startswith("rubric") and "." not in u]
            actions = [u for u in users if "." in u]
            rubric = [u.removeprefix("rubric ") for u in users if u.startswith("rubric")]
            lines.append(f"| {source['file'][:3]} {chapters[source['file']]} | {section} | {', '.join(items) or '-'} "
                         f"| {', '.join(actions) or '-'} | {', '.join(rubric) or '-'} |")
    return "\n".join(lines)


def main():
    framework = load("framework.json")
    quiz = load("questionnaires/scenario-quiz.json")
    checkin = load("questionnaires/shift-checkin.json")
    self_assessment = load("questionnaires/self-assessment.json")
    coach = load("questionnaires/coach-observation.json")
    if "--table" in sys.argv:
        print(coverage_table(framework, [quiz, checkin, self_assessment, coach]))
        return 0
    problems = quiz_report(quiz)
    problems += rating_report(checkin)
    problems += rating_report(self_assessment)
    problems += coverage_report(framework, [quiz, checkin, self_assessment, coach])
    action_area = {a["id"]: area["id"] for area in framework["areas"] for a in area["actions"]}
    for q in [quiz, checkin, self_assessment]:
        for item in q["items"]:
            for a in item.get("actions", []):
                if action_area.get(a) != item.get("area"):
                    problems.append(f"{item['id']}: action {a} is not one of {item.get('area')}'s actions")
    print()
    if problems:
        print(f"{len(problems)} problem(s):")
        for p in problems:
            print("  " + p)
        return 1
    print("No problems found.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
