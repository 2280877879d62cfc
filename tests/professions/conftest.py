from pathlib import Path

import pytest

from tests.professions.onet_sample import sample, write_release


@pytest.fixture
def folder(tmp_path) -> Path:
    """The sample O*NET release, written as O*NET ships it (tests/professions/onet_sample.py)."""
    return write_release(tmp_path / "db_29_1_text", sample())
