# Validates a JSON file against one of svwizard's published schemas (used by the tests).
# usage: validate_schema.py SCHEMA_FOLDER SCHEMA_FILE JSON_FILE
import json, sys, pathlib
from jsonschema import Draft202012Validator
from referencing import Registry, Resource
folder = pathlib.Path(sys.argv[1])
registry = Registry()
for path in folder.glob("*.schema.json"):
    schema = json.loads(path.read_text())
    registry = registry.with_resource(schema["$id"], Resource.from_contents(schema))
schema = json.loads((folder / sys.argv[2]).read_text())
Draft202012Validator.check_schema(schema)
errors = sorted(Draft202012Validator(schema, registry=registry).iter_errors(json.load(open(sys.argv[3]))), key=lambda e: list(e.path))
for e in errors: print("/".join(map(str, e.path)), e.message)
sys.exit(1 if errors else 0)
