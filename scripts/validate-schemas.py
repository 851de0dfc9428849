"""Validates the shipped agendas, templates, trajectory templates, scan instruments, demo history and example configuration against their
JSON Schemas with an independent validator (python3-jsonschema), so schema and data cannot drift."""
import json
import pathlib
import sys

import jsonschema

root = pathlib.Path(__file__).resolve().parent.parent
pairs = [
    ("Agendas/agenda.schema.json", sorted((root / "Agendas").glob("*.json"))),
    ("Agendas/templates/template.schema.json", sorted((root / "Agendas/templates").glob("*.json"))),
    ("Agendas/scan-instrument.schema.json", sorted((root / "Agendas/instruments").glob("*.json"))),
    ("Agendas/history.schema.json", sorted((root / "Agendas/demo").glob("*.json"))),
    ("Agendas/trajectories/trajectory.schema.json", sorted((root / "Agendas/trajectories").glob("*.json"))),
    ("Config/koers.schema.json", sorted((root / "Config").glob("*.example.json"))),
]
failed = 0
checked = 0
for schema_path, files in pairs:
    schema = json.loads((root / schema_path).read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    for f in files:
        if f.name.endswith(".schema.json"):
            continue
        checked += 1
        errors = sorted(validator.iter_errors(json.loads(f.read_text(encoding="utf-8"))), key=str)
        for e in errors:
            failed += 1
            print(f"{f.relative_to(root)}: {'/'.join(map(str, e.path))}: {e.message}", file=sys.stderr)
print(f"schemas: {checked} files checked, {failed} problems", file=sys.stderr)
sys.exit(1 if failed or checked == 0 else 0)
