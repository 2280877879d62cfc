"""Project-wide guarantees: migrations are complete and settings refuse unsafe starts."""

import ast
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command

from tests.servers import ROOT


@pytest.mark.django_db
def test_no_model_change_lacks_a_migration():
    call_command("makemigrations", "--check", "--dry-run", verbosity=0)


def run_check(**env_overrides: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    env.update(env_overrides)
    return subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_production_settings_refuse_to_start_without_a_secret_key():
    result = run_check(DJANGO_DEBUG="0")

    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY is not set" in result.stderr


def test_debug_mode_starts_without_a_secret_key():
    result = run_check(DJANGO_DEBUG="1")

    assert result.returncode == 0, result.stderr


def test_a_mistyped_boolean_is_a_clear_error_not_a_silent_default():
    result = run_check(DJANGO_DEBUG="maybe", DJANGO_SECRET_KEY="x" * 60)

    assert result.returncode != 0
    assert "DJANGO_DEBUG must be a boolean" in result.stderr


def test_the_riasec_engine_imports_nothing_but_itself_and_the_standard_library():
    """professions.riasec is the bottom layer: pyproject.toml's contract keeps Django, careerfit
    and quiz out of it; this keeps out the rest of professions, which the contract would have
    to list module by module."""
    engine = Path(__file__).resolve().parents[1] / "professions" / "riasec"
    outside = []
    for module in engine.glob("*.py"):
        for node in ast.walk(ast.parse(module.read_text())):
            names = (
                [alias.name for alias in node.names]
                if isinstance(node, ast.Import)
                else [node.module or ""]
                if isinstance(node, ast.ImportFrom) and not node.level
                else []
            )
            outside += [
                f"{module.name}: {name}"
                for name in names
                if name.split(".")[0] not in sys.stdlib_module_names
                and not name.startswith("professions.riasec")
            ]

    assert outside == []
    assert len(list(engine.glob("*.py"))) >= 5


def test_every_relative_link_in_the_documentation_resolves():
    root = Path(__file__).resolve().parents[1]
    documents = [
        root / "README.md",
        root / "CONTRIBUTING.md",
        *sorted((root / "docs").glob("*.md")),
    ]
    broken = []
    for document in documents:
        for target in re.findall(r"\]\(([^)\s]+)\)", document.read_text()):
            if re.match(r"[a-z]+:", target) or target.startswith("#"):
                continue  # an address elsewhere, or a heading of this page
            if not (document.parent / target.split("#")[0]).exists():
                broken.append(f"{document.relative_to(root)}: {target}")

    assert len(documents) >= 8
    assert broken == []


def test_the_readme_gets_a_newcomer_started_in_one_screen_of_reading():
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text()

    assert len(readme.splitlines()) <= 200
    for essential in ("make run", "make test", "createsuperuser", "/admin/", "DATABASE_URL"):
        assert essential in readme
