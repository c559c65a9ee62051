"""Reliability and security, proven: faults, restarts, bad input and secrets (issue 8).

``harness.py`` holds what the tests and ``scripts/reliability_report.py`` share:
the provider cases, the fault campaign, the restart driver and the scanners.
"""
