"""The Holland-code check that the initial migrations build by calling professions/constraints.py.

Applied migrations must not change meaning. If the function's rule ever changes, this test
fails: then freeze the old rule in those migrations (the condition written out) and add a
migration for the new one, before changing the digest below.
"""

from hashlib import sha256

from professions.constraints import holland_code_agrees_with_profile
from professions.models import PROFILE_FIELDS

# The digest of the condition as the initial migrations first wrote it out, 18 KB long.
INITIAL_MIGRATIONS_CONDITION = "21c53ea3a42ca07d8850752e99f6e1218851d871fb885de782235418198d6138"


def test_the_holland_code_check_is_the_one_the_initial_migrations_made():
    condition = holland_code_agrees_with_profile("holland_code", PROFILE_FIELDS)

    digest = sha256(repr(condition.deconstruct()).encode()).hexdigest()

    assert digest == INITIAL_MIGRATIONS_CONDITION
