"""Bad input: every case of the catalogue gets its specific message, no crash, nothing lost (issue 8, part 3).

The catalogue and how each case runs: :mod:`tests.reliability.badinput`.
"""
import logging
from collections import Counter

import pytest

from tests.reliability import badinput

CATALOGUE = badinput.catalogue()


def test_the_catalogue_covers_every_area():
    areas = Counter(case.area for case in CATALOGUE)
    assert len(CATALOGUE) >= 40
    assert areas["AOI"] >= 15 and areas["parameters"] >= 20 and areas["service"] >= 32 and areas["disk"] >= 8
    assert len({case.id for case in CATALOGUE}) == len(CATALOGUE)


@pytest.mark.parametrize("case", CATALOGUE, ids=[case.id for case in CATALOGUE])
def test_bad_input_gets_its_message(case, tmp_path):
    logging.getLogger("eodag").setLevel(logging.CRITICAL)
    outcome = case.run(str(tmp_path))
    problems = badinput.check(case, outcome)
    assert not problems, "{} ({}): {}".format(case.id, case.given, "; ".join(problems))
    if case.area in ("service", "disk") and outcome.kind == "failed":
        assert outcome.untouched is True          # the earlier result and the note are byte-identical
