#!/usr/bin/env python3
"""Writes the hand-made seeds of fuzz/corpus/ from public/examples/ (idempotent).

Besides these seeds, fuzz/corpus/ holds inputs the fuzzers found in longer local runs,
merged for coverage (`<target binary> -merge=1 fuzz/corpus/<target> <run's corpus>`) and
kept small: under 2 MB in all (minimise with `cargo +nightly fuzz cmin <target>`).
"""
import base64, hashlib, json, os, random, zlib

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CORPUS = os.path.join(ROOT, "fuzz", "corpus")


def put(target, data, name=None):
    if isinstance(data, str):
        data = data.encode()
    d = os.path.join(CORPUS, target)
    os.makedirs(d, exist_ok=True)
    name = name or "seed-" + hashlib.sha1(data).hexdigest()[:16]
    with open(os.path.join(d, name), "wb") as f:
        f.write(data)


def share_payload(doc):
    # raw deflate + base64url without padding, like rungs_core::share::encode
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    packed = c.compress(json.dumps(doc, separators=(",", ":")).encode()) + c.flush()
    return "1." + base64.urlsafe_b64encode(packed).decode().rstrip("=")


examples = {}
for stem in ("saas", "startup", "fintech"):
    with open(os.path.join(ROOT, "public", "examples", stem + ".json")) as f:
        examples[stem] = f.read()

for stem, text in examples.items():
    doc = json.loads(text)
    put("ladder", text, f"example-{stem}.json")
    put("ladder", json.dumps(doc, separators=(",", ":")), f"example-{stem}-compact.json")
    # each scenario as a standalone document (a sibling format the ladder parser refuses)
    for s in doc.get("scenarios", []):
        sd = {"format": "rungs.scenario/v1", **{k: v for k, v in s.items() if k != "id"}}
        put("ladder", json.dumps(sd, indent=2), f"scenario-{stem}-{s['id']}.json")
        # the simulate target runs a ladder's first scenario: one seed per scenario
        rest = [x for x in doc["scenarios"] if x is not s]
        put("simulate", json.dumps({**doc, "scenarios": [s] + rest}), f"example-{stem}-{s['id']}.json")
    payload = share_payload(doc)
    put("share_decode", payload, f"example-{stem}.link")
    put("share_decode", f"#ladder={payload}", f"example-{stem}.fragment")
    put("share_decode", f"#x=1&ladder={payload}", f"example-{stem}.fragment2")
    put("share_decode", payload[: len(payload) // 2], f"example-{stem}-cut.link")

put("ladder", '{"format":"rungs.ladder/v1","name":"x","tiers":[]}', "minimal.json")
put("share_decode", "1.", "empty-body.link")
put("share_decode", "2.abc", "other-version.link")

values = [
    "90s", "15m", "1h30m", "2d", "1w", "0m", "0s", "1w2d3h4m5s", "18446744073709551615s",
    "3074457345618258s", "1m1h", "1.5h", "-5m", "10",
    "2026-03-14T03:00:00Z", "2026-03-14T04:00:00+01:00", "2026-10-25T01:30:00.123Z",
    "2026-03-29T02:30:00+02:00", "9999-12-31T23:59:59Z", "0000-01-01T00:00:00Z",
    "2026-02-30T00:00:00Z", "2026-03-14 03:00:00Z",
    "UTC", "Europe/Berlin", "America/New_York", "Australia/Lord_Howe", "Etc/GMT+5",
    "europe/berlin", "Europe/Berln",
    "00:00", "09:30", "23:59", "24:00",
    "sev1", "payments-primary", "x" * 64, "x" * 65, "Ana",
]
for v in values:
    put("parse_values", v)

rng = random.Random(1)
for i in range(8):
    put("simulate", bytes(rng.randrange(256) for _ in range(64 + 32 * i)), f"bytes-{i}")
    put("edit", bytes(rng.randrange(256) for _ in range(64 + 64 * i)), f"bytes-{i}")

# import: the first byte picks the system (rungs_interop::System::ALL order), the rest is
# one to three files separated by NUL bytes; seeds from the interop crate's fixtures.
FIXTURES = os.path.join(ROOT, "crates", "rungs-interop", "tests", "fixtures")
SYSTEMS = {"pagerduty": 0, "opsgenie": 1, "grafana": 2, "goalert": 3, "terraform": 4}


def fixture(system, name):
    with open(os.path.join(FIXTURES, system, name), "rb") as f:
        return f.read()


import_seeds = {
    "pagerduty": [["policies.json", "schedules.json", "users.json"], ["odd.json"],
                  ["bare-policy.json"], ["hostile-turn.json"]],
    "opsgenie": [["escalations.json", "schedule_payments.json", "users.json"],
                 ["escalation_single.json", "schedules_infra.json"], ["hostile_restriction.json"],
                 ["hostile_refs.json"]],
    "grafana": [["policies.json", "schedules.json", "users.json"], ["chains.json", "shifts.json"],
                ["single_chain.json"], ["hostile_refs.json"]],
    "goalert": [["policies.json", "rotations.json", "schedules.json"], ["edge.json"],
                ["overrides.json", "users.json"], ["hostile-weekday.json"]],
}
for system, groups in import_seeds.items():
    for files in groups:
        data = b"\0".join(fixture(system, f) for f in files)
        stem = "+".join(os.path.splitext(f)[0] for f in files)
        put("import", bytes([SYSTEMS[system]]) + data, f"{system}-{stem}")
for system, name in [("pagerduty", "main.tf"), ("pagerduty", "odd.tf"), ("opsgenie", "opsgenie.tf"),
                     ("opsgenie", "hostile_refs.tf"), ("grafana", "oncall.tf"),
                     ("grafana", "hostile_refs.tf"), ("goalert", "goalert.tf")]:
    put("import", bytes([SYSTEMS["terraform"]]) + fixture(system, name), f"terraform-{system}-{name}")
