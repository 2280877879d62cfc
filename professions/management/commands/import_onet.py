"""Import or update professions from an O*NET database text release.

    python manage.py import_onet path/to/db_29_1_text [--dry-run] [--link producer=27-2012.00]

The work is done by `professions.onet`; this command parses the arguments and reports.
"""

import argparse
import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, OutputWrapper

from professions import onet

SHOWN_NAMES = 5  # names listed per group by --dry-run
SHOWN_LINES = 20  # editors' work kept, and rows removed, listed before "and N more"
THROTTLE_SECONDS = 0.2  # between progress updates on a terminal


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    return f"{count:,} {singular if count == 1 else plural_form or singular + 's'}"


def rate(count: int, seconds: float) -> str:
    return f"{count / seconds:,.0f} rows/s" if seconds > 0 else "- rows/s"


def bar(fraction: float, width: int = 20) -> str:
    """A text progress bar: bar(0.45) == "[#########-----------]  45%"."""
    filled = round(fraction * width)
    return f"[{'#' * filled}{'-' * (width - filled)}] {fraction:4.0%}"


class TerminalProgress:
    """One line per file, rewritten in place with "\\r" at most every THROTTLE_SECONDS."""

    def __init__(self, out: OutputWrapper):
        self.out = out
        self.last = 0.0
        self.width = 0

    def _show(self, text: str, ending: str = "") -> None:
        self.out.write(f"\r{text.ljust(self.width)}", ending=ending)
        self.out.flush()
        self.width = 0 if ending else len(text)

    def rows(self, file: str, count: int, seconds: float, fraction: float) -> None:
        now = time.monotonic()
        if now - self.last >= THROTTLE_SECONDS:
            self.last = now
            self._show(f"Reading {file} {bar(fraction)} {count:,} rows ({rate(count, seconds)})")

    def done(self, file: str, count: int, seconds: float) -> None:
        self._show(f"Read {file}: {count:,} rows in {seconds:.1f} s ({rate(count, seconds)})", "\n")


class LogProgress:
    """One plain line per file once it is read, for logs and pipes."""

    def __init__(self, out: OutputWrapper):
        self.out = out

    def rows(self, file: str, count: int, seconds: float, fraction: float) -> None:
        pass

    def done(self, file: str, count: int, seconds: float) -> None:
        self.out.write(f"Read {file}: {count:,} rows in {seconds:.1f} s")


class Command(BaseCommand):
    help = (
        "Create or update professions from an O*NET database text release: a folder with "
        '"Occupation Data.txt" and "Interests.txt", optionally "Alternate Titles.txt" and '
        '"Job Zones.txt". Nothing is written unless every file is valid.'
    )

    def add_arguments(self, parser):
        parser.add_argument("directory", type=Path, help="The unzipped release, e.g. db_29_1_text.")
        parser.add_argument(
            "--release",
            metavar="TEXT",
            help='The release named in the attribution, e.g. "29.1 Database"; by default '
            "taken from a folder name like db_29_1_text.",
        )
        parser.add_argument(
            "--link",
            action="append",
            default=[],
            dest="links",
            metavar="SLUG=CODE[:FIELDS]",
            help="Link the editorial profession SLUG to an O*NET occupation instead of "
            "importing the occupation separately; FIELDS (comma-separated: "
            f"{', '.join(onet.LINK_FIELDS)}) are then taken from O*NET, nothing else. "
            "Repeatable.",
        )
        parser.add_argument(
            "--max-titles",
            type=int,
            default=onet.DEFAULT_MAX_TITLES,
            metavar="N",
            help="Common job titles shown per occupation, those most sources report first; the "
            "others are kept for search (default %(default)s).",
        )
        parser.add_argument(
            "--publish",
            action=argparse.BooleanOptionalAction,
            default=True,
            help="Publish the professions the import creates (default); existing ones keep "
            "their state.",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Report what would change; write nothing."
        )
        parser.add_argument("--quiet", action="store_true", help="Print nothing but errors.")

    def handle(
        self, *args, directory, release, links, max_titles, publish, dry_run, quiet, **options
    ):
        if max_titles < 0:
            raise CommandError("--max-titles must be 0 or more.")
        quiet = quiet or options["verbosity"] == 0
        progress = (
            None
            if quiet
            else TerminalProgress(self.stdout)
            if self.stdout.isatty()
            else LogProgress(self.stdout)
        )
        try:
            report = onet.onet_import(
                directory=directory,
                release=release,
                links=[onet.link_parse(text) for text in links],
                max_titles=max_titles,
                publish=publish,
                dry_run=dry_run,
                progress=progress,
            )
        except onet.OnetImportError as error:
            raise CommandError(str(error)) from error
        if not quiet:
            every_line = options["verbosity"] >= 2
            for line in self.report_lines(report, every_line):
                self.stdout.write(line)

    def report_lines(self, report: onet.ImportReport, every_line: bool = False) -> list[str]:
        lines = []
        if report.dry_run:
            lines.append("Dry run: nothing was written.")
            for label, names in (
                ("New", report.created),
                ("Updated", report.updated),
                ("Unchanged", report.unchanged),
            ):
                if names:
                    shown = ", ".join(names[:SHOWN_NAMES])
                    more = len(names) - SHOWN_NAMES
                    lines.append(
                        f"{label} ({len(names):,}): {shown}"
                        + (f" and {more:,} more" if more > 0 else "")
                    )
        counts = (
            f"{len(report.created):,} new, {len(report.updated):,} updated, "
            f"{len(report.unchanged):,} unchanged; "
            f"{plural(report.codes_from_profile, 'code')} taken from the profile."
        )
        release = f"O*NET {report.release}"
        if report.dry_run:
            summary = f"Would import {release}: {counts}"
        elif report.changed:
            summary = f"Imported {release}: {counts}"
        else:
            summary = f"No changes from {release}: {counts}"
        if report.skipped:
            summary += (
                f" Skipped {plural(len(report.skipped), 'occupation')} without interest data."
            )
        if report.not_in_release:
            summary += (
                f" {plural(len(report.not_in_release), 'imported profession')} not in this "
                "release left as they are."
            )
        lines.append(summary)
        done, removing = ("Would keep", "Would remove") if report.dry_run else ("Kept", "Removed")
        for heading, rows in (
            (f"{done}, as editors made them", report.kept),
            (f"{removing}, as the release no longer has them", report.removed),
        ):
            if rows:
                lines.append(f"{heading} ({len(rows):,}):")
                shown = rows if every_line else rows[:SHOWN_LINES]
                lines.extend(f"  {row}" for row in shown)
                if len(rows) > len(shown):
                    lines.append(f"  and {len(rows) - len(shown):,} more (--verbosity 2 lists all)")
        return lines
