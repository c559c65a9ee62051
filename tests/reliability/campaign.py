"""Run fault campaigns and write their results as JSON (used by test_faults.py and the report).

``python -m tests.reliability.campaign [--jobs N] [--seed S] [--json FILE] PROVIDER...``
"""
import argparse
import json
import logging
import sys

from tests.reliability import harness


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("providers", nargs="*", default=sorted(harness.CASES))
    parser.add_argument("--jobs", type=int, default=100)
    parser.add_argument("--seed", type=int, default=None)
    parser.add_argument("--json", default=None)
    args = parser.parse_args(argv)
    logging.getLogger("eodag").setLevel(logging.CRITICAL)     # eodag logs every injected fault at ERROR
    from plugin.core.logs import TOP
    logging.getLogger(TOP).setLevel(logging.ERROR)
    results = {}
    for name in args.providers:
        results[name] = harness.run_campaign(harness.CASES[name], jobs=args.jobs, seed=args.seed).to_dict()
    if args.json:
        with open(args.json, "w", encoding="utf-8") as handle:
            json.dump(results, handle, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
