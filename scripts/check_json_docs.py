#!/usr/bin/env python3
"""Lists the JSON keys that skills writes but docs/json.md does not document.

    scripts/check_json_docs.py --binary .build/debug/skills   # make the samples, then check
    scripts/check_json_docs.py --samples DIR                  # check samples already made

A sample's file name says which output it is (`report--quiz.json` is a development report);
SECTIONS maps that to the heading of its section in docs/json.md. A key counts as
documented when it is written in backticks in that section, alone (`takenAt`) or as a
segment of a dotted path (`account.homePage`). Exit 0 when nothing is missing, 1 otherwise.
Standard library only.
"""
import argparse
import json
import os
import re
import subprocess
import sys
import tempfile

# Sample file prefix (before "--") -> the section heading, up to its " (".
SECTIONS = {
    "report": "Development report",
    "history": "History",
    "class": "Class summary",
    "compare": "Comparison",
    "list": "Questionnaire list",
    "rubric": "Rubric",
    "show": "Questionnaire",
    "import": "Questionnaire",
    "result": "Result files",
    "export": "Result files",
    "xapi": "xAPI statements",
    "targets": "Targets",
    "calibrate": "Coach calibration",
    "practice-status": "Practice status",
    "practice-session": "Practice session",
    "practice-file": "Practice progress",
    "gain": "Training gain",
}

# Objects whose keys are data (people's names, area ids), not field names; "*" is any key.
DATA_KEYS = {
    "targets": [("people",), ("people", "*")],
    "practice-file": [("schedule", "cards")],
    "class": [("calibration", "areas")],
    "show": [("calibration", "areas")],
    "import": [("calibration", "areas")],
}


def keys_in(value, path=(), data_keys=()):
    """Every (key, path) of the objects in value, looking inside arrays."""
    if isinstance(value, list):
        for element in value:
            yield from keys_in(element, path, data_keys)
    elif isinstance(value, dict):
        is_data = any(
            len(pattern) == len(path) and all(p in ("*", q) for p, q in zip(pattern, path)) for pattern in data_keys
        )
        for key, child in value.items():
            if not is_data:
                yield key, path
            yield from keys_in(child, path + (key,), data_keys)


def sections(markdown):
    """Heading (up to its " (") -> the set of names written in backticks under it."""
    found = {}
    title = None
    for line in markdown.splitlines():
        if line.startswith("## "):
            title = line[3:].split(" (")[0].strip()
            found[title] = set()
        elif title is not None:
            for span in re.findall(r"`([^`]+)`", line):
                found[title].add(span)
                found[title].update(span.split("."))
    return found


def run(binary, store, arguments, env=None):
    command = [binary, "--store", store, "--no-color"] + arguments
    done = subprocess.run(
        command, capture_output=True, text=True, env={**os.environ, **(env or {})}, check=False
    )
    if done.returncode != 0:
        sys.exit(f"{' '.join(command)} exited {done.returncode}: {done.stderr.strip()}")
    return done.stdout


def make_samples(binary, folder):
    """Every JSON output of skills, from a fresh store, into folder."""
    store = os.path.join(folder, "store")

    def save(name, text):
        json.loads(text)  # each sample must be JSON
        with open(os.path.join(folder, name + ".json"), "w", encoding="utf-8") as f:
            f.write(text)

    run(binary, store, ["target", "listening", "75", "--name", "Ana"])
    checkins = ["4,5,3,4,4,2,5,4,3,4,Kept calm", "5,5,4,4,3,2,4,4,4,5,-", "3,4,4,5,4,3,4,3,4,4,More patience"]
    for day, answers in enumerate(checkins, start=1):
        now = {"SKILLS_NOW": f"2026-11-0{day}T10:00:00Z"}
        save(f"report--checkin-{day}", run(binary, store, ["take", "shift-checkin", "--name", "Ana",
                                                             "--answers", answers, "--format", "json"], now))
    for day, name in enumerate(["Ben", "Cleo", "Dev", "Eve"], start=4):
        now = {"SKILLS_NOW": f"2026-11-0{day}T10:00:00Z"}
        answers = ",".join(str((day + i) % 5 + 1) for i in range(10)) + ",-"
        run(binary, store, ["take", "shift-checkin", "--name", name, "--answers", answers], now)
    ratings = ",".join(str(i % 5 + 1) for i in range(30)) + ",Listening more"
    save("report--self-assessment", run(binary, store, ["take", "self-assessment", "--name", "Ana",
                                                         "--answers", ratings, "--format", "json"]))
    # One named form for all three (a class), answered without regard to the key.
    quiz = {"Ana": "C,B,-,B,C,D,A,-,B,A,D,A,C,B,D", "Ben": "B,C,A,D,D,A,B,C,A,C,B,D,A,D,C",
            "Cleo": "A,A,D,C,C,-,A,C,B,B,D,B,C,B,A"}
    for name, answers in quiz.items():
        save(f"report--quiz-{name}", run(binary, store, ["take", "scenario-quiz", "--name", name, "--form", "docs",
                                                          "--answers", answers, "--format", "json"]))
    save("report--observation", run(binary, store, [
        "take", "coach-observation", "--name", "Ana", "--rater", "Sam",
        "--answers", "1,Interrupted twice,3,-,3,-,4,-,3", "--format", "json"]))
    save("report--report", run(binary, store, ["report", "--name", "Ana", "--questionnaire", "shift-checkin",
                                              "--format", "json"]))
    save("history--all", run(binary, store, ["history", "--name", "Ana", "--format", "json"]))
    save("history--since", run(binary, store, ["history", "--name", "Ana", "--since", "2026-11-02",
                                                "--format", "json"]))
    save("class--checkin", run(binary, store, ["class", "--questionnaire", "shift-checkin", "--format", "json"]))
    save("class--quiz", run(binary, store, ["class", "--questionnaire", "scenario-quiz", "--anonymize",
                                            "--format", "json"]))
    save("compare--ana", run(binary, store, ["compare", "--name", "Ana", "--format", "json"]))
    # More coaches observe Ana and Ben; then a blind session, opened by calibrate.
    for coach, agent, levels in [("Kim", "Ana", "2,-,3,-,3,-,3,-,3"), ("Sam", "Ben", "2,-,2,-,3,-,2,-,2"),
                                 ("Kim", "Ben", "2,-,3,-,3,-,3,-,2")]:
        run(binary, store, ["take", "coach-observation", "--name", agent, "--rater", coach, "--answers",
                            levels + ",-"])
    save("compare--coaches", run(binary, store, ["compare", "--name", "Ana", "--format", "json"]))
    run(binary, store, ["take", "coach-observation", "--name", "Ana", "--rater", "Lee", "--session", "docs",
                        "--answers", "3,-,3,-,4,-,3,-,3,-"])
    save("calibrate--all", run(binary, store, ["calibrate", "--since", "2026-01-01", "--format", "json"]))
    save("calibrate--session", run(binary, store, ["calibrate", "--session", "docs", "--format", "json"]))
    save("list--all", run(binary, store, ["list", "--format", "json"]))
    save("rubric--all", run(binary, store, ["rubric", "--format", "json"]))
    for questionnaire in ["shift-checkin", "scenario-quiz", "coach-observation"]:
        save(f"show--{questionnaire}", run(binary, store, ["show", questionnaire, "--format", "json"]))
    bank = os.path.join(folder, "bank.gift")
    with open(bank, "w", encoding="utf-8") as f:
        f.write("::Q1:: A caller is angry about a late refund. What first? "
                "{=Acknowledge the delay ~Quote the policy ~Transfer the call}\n")
    save("import--gift", run(binary, store, ["import", "gift", bank, "--area", "listening"]))
    save("export--json", run(binary, store, ["export", "--format", "json"]))
    save("xapi--account", run(binary, store, ["export", "--format", "xapi",
                                              "--actor-homepage", "https://lms.example.org"]))
    save("xapi--mbox", run(binary, store, ["export", "--name", "Ana", "--format", "xapi",
                                           "--actor-mbox", "mailto:ana@example.org"]))
    # A pre/post class in a store of its own, so the other samples stay as they were.
    gain_store = os.path.join(folder, "gain-store")
    sittings = {"2026-11-02T09:00:00Z": ["C,B,-,B,C,D,A,-,B,A,D,A,C,B,D", "B,C,A,D,D,A,B,C,A,C,B,D,A,D,C",
                                         "A,A,D,C,C,-,A,C,B,B,D,B,C,B,A"],
                "2026-11-20T09:00:00Z": ["C,B,A,B,C,D,A,C,B,A,D,A,C,B,D", "B,C,A,D,D,A,B,C,A,C,B,D,A,D,A",
                                         "A,B,D,C,C,A,A,C,B,B,D,B,C,B,A"]}
    for now, answers in sittings.items():
        for name, answer in zip(["Ana", "Ben", "Cleo"], answers):
            run(binary, gain_store, ["take", "scenario-quiz", "--name", name, "--form", "docs", "--answers", answer],
                {"SKILLS_NOW": now})
    save("gain--split", run(binary, gain_store, ["gain", "--split", "2026-11-10", "--format", "json"]))
    with open(os.path.join(store, "targets.json"), encoding="utf-8") as f:
        save("targets--file", f.read())
    # Practice: a quiz with two questions missed, a session answering one right and one wrong.
    answers = os.path.join(folder, "practice.txt")
    with open(answers, "w", encoding="utf-8") as f:
        f.write("q-listen-1: A\nq-listen-2: A\n")
    day = {"SKILLS_NOW": "2026-11-23T10:00:00Z", "TZ": "UTC"}
    run(binary, store, ["take", "scenario-quiz", "--name", "Pat", "--answers-file", answers], day)
    save("practice-session--run", run(binary, store, ["practice", "--name", "Pat", "--count", "2",
                                                      "--answers", "B,A", "--format", "json"], day))
    save("practice-status--day", run(binary, store, ["practice", "--name", "Pat", "--status",
                                                     "--format", "json"], day))
    practice = os.path.join(store, "practice")
    for name in sorted(n for n in os.listdir(practice) if n.endswith(".json")):
        with open(os.path.join(practice, name), encoding="utf-8") as f:
            save("practice-file--" + name[: -len(".json")], f.read())
    results = os.path.join(store, "results")
    for name in sorted(os.listdir(results)):
        with open(os.path.join(results, name), encoding="utf-8") as f:
            save("result--" + name[: -len(".json")], f.read())


def missing_keys(folder, docs):
    """(sample, JSON path of the key) for each key absent from its section."""
    documented = sections(docs)
    missing = []
    for name in sorted(os.listdir(folder)):
        if not name.endswith(".json"):
            continue
        prefix = name.split("--")[0]
        if prefix not in SECTIONS:
            sys.exit(f"{name}: no section for '{prefix}'; expected a name starting with one of {sorted(SECTIONS)}")
        section = SECTIONS[prefix]
        if section not in documented:
            print(f"docs/json.md has no section '## {section} (…)' for {name}", file=sys.stderr)
        with open(os.path.join(folder, name), encoding="utf-8") as f:
            value = json.load(f)
        for key, path in keys_in(value, data_keys=DATA_KEYS.get(prefix, [])):
            if key not in documented.get(section, set()):
                missing.append((section, ".".join(path + (key,)), name))
    return missing


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--binary", help="make the samples with this skills binary first")
    parser.add_argument("--samples", help="the folder of samples (made here with --binary; else a temporary one)")
    parser.add_argument("--docs", default=os.path.join(os.path.dirname(__file__), "..", "docs", "json.md"))
    options = parser.parse_args()
    if not options.binary and not options.samples:
        parser.error("give --binary, --samples, or both")
    folder = options.samples or tempfile.mkdtemp(prefix="json-samples-")
    if options.binary:
        os.makedirs(folder, exist_ok=True)
        make_samples(os.path.abspath(options.binary), folder)
    with open(options.docs, encoding="utf-8") as f:
        docs = f.read()
    samples = [n for n in os.listdir(folder) if n.endswith(".json")]
    missing = missing_keys(folder, docs)
    seen = set()
    for section, path, name in missing:
        if (section, path) not in seen:
            seen.add((section, path))
            print(f"{section}: `{path.split('.')[-1]}` ({path}, first in {name})")
    print(f"{len(samples)} samples in {folder}; {len(seen)} undocumented keys", file=sys.stderr)
    return 1 if seen else 0


if __name__ == "__main__":
    sys.exit(main())
