"""Rules read on the eighth fresh sets (encyclopedia-style text on subjects no earlier rule was written
for) and on the dev failures the twenty-seventh session left. Every name here is invented."""

from __future__ import annotations

from assistant.verification.judge import rule_failure
from assistant.verification.opposites import opposite_mismatch
from assistant.verification.wording import modifier_mismatch

QUOTE = "The Varn guild took power in May 1402 after the revolt."


def test_a_verb_before_its_object_is_no_modifier() -> None:
    """ "seize power" against "took power": a verb and its object, not a modifier of "power"."""
    claim = "The Varn guild did seize power in May 1402."
    assert modifier_mismatch(claim, QUOTE) == ""
    assert rule_failure(claim, [QUOTE], "When did the Varn guild seize power?", composed=True) == ""


def test_an_adjective_before_the_same_noun_is_still_compared() -> None:
    assert modifier_mismatch("The Varn guild took total power.", "The Varn guild took partial power.") != ""


def test_losing_is_not_taking() -> None:
    assert opposite_mismatch("The Varn guild did lose power in May 1402.", QUOTE) == "the quote says took, not lose"
    assert opposite_mismatch("The Varn guild lost power in May 1402.", "The guild lost power in 1402.") == ""
