"""Issue 15's integrity cases as measured for docs/reliability.md: every row is as it must be."""
from tests.reliability.integrity import run_integrity


def test_every_integrity_case_holds():
    result = run_integrity()
    assert len(result.rows) >= 14
    assert [r for r in result.rows if not r.ok] == []
