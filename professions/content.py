"""The content version: one token that changes whenever what the public pages show changes.

Everything kept between requests (rendered pages in professions/pagecache.py, and in each
process the question bank and the profiles for matching, through `per_content_version`) is
kept under the current token, so a change anywhere shows everywhere without clearing
anything. The token is a random value in one database row (`ContentVersion`), replaced in the
same transaction as every change to professions, skills, job titles, comparisons and
questions:

- single saves and deletes, through the signals `watch()` connects (a profession's save
  covers the job titles and skill links edited with it);
- bulk writes, through `ContentQuerySet`;
- fixture loads (the loaddata command), migrations after they run (`migrated`), and the admin
  and the skills merge, which call `bump()` themselves before they write.

Each process reads the token again at most every CAREERFIT_CONTENT_RECHECK_SECONDS, and at
once after its own changes, so an edit shows on every server within that time. Why writers
of several rows bump *first* is explained once, in `ContentVersionManager.bump`.
"""

import functools
import time
import uuid
from collections.abc import Callable
from typing import TypeVar

from django.conf import settings
from django.db import IntegrityError, connections, models, transaction
from django.db.models.signals import post_delete, post_save

T = TypeVar("T")


class ContentQuerySet(models.QuerySet):
    """Rows the public pages show. Bulk writes send no signals, so each changes the content
    version itself: first, in one transaction with the write (see ContentVersionManager.bump)."""

    def _write(self, write, *args, **kwargs):
        with transaction.atomic(using=self.db, savepoint=False):
            ContentVersion.objects.db_manager(self.db).bump()
            return write(*args, **kwargs)

    def update(self, **kwargs) -> int:
        return self._write(super().update, **kwargs)

    def bulk_create(self, objs, *args, **kwargs) -> list:
        objs = list(objs)
        if not objs:
            return objs
        return self._write(super().bulk_create, objs, *args, **kwargs)

    def bulk_update(self, objs, fields, *args, **kwargs) -> int:
        objs = list(objs)
        if not objs:
            return 0
        return self._write(super().bulk_update, objs, fields, *args, **kwargs)

    def delete(self) -> tuple[int, dict[str, int]]:
        return self._write(super().delete)

    delete.alters_data = True
    delete.queryset_only = True


# When this process last read the content version (time.monotonic()), and what it read.
_read: tuple[float, str] = (float("-inf"), "")


def _forget_read() -> None:
    global _read
    _read = (float("-inf"), "")


class ContentVersionManager(models.Manager):
    def current(self) -> str:
        """The token, read again at most every CAREERFIT_CONTENT_RECHECK_SECONDS by each
        process, and at once after its own changes; empty while there is no row."""
        global _read
        read_at, token = _read
        now = time.monotonic()
        if now - read_at >= settings.CAREERFIT_CONTENT_RECHECK_SECONDS:
            token = str(self.filter(pk=1).values_list("token", flat=True).first() or "")
            _read = (now, token)
        return token

    def bump(self) -> None:
        """A new token, in the caller's transaction: pages rendered before it are out of date.

        It locks the row until the transaction ends, so a writer of several rows calls this
        before its first write: writers then queue for the row instead of each holding rows
        the other needs (a deadlock). A single save bumps after its row (a signal), which in
        autocommit commits the row first, so no page can be cached under the new token with
        the old row."""
        token = uuid.uuid4()
        if not self.filter(pk=1).update(token=token):
            try:
                with transaction.atomic(using=self.db):
                    self.create(pk=1, token=token)
            except IntegrityError:  # another transaction created the row first
                self.filter(pk=1).update(token=token)
        transaction.on_commit(_forget_read, using=self.db)


class ContentVersion(models.Model):
    """One row whose random token changes with every change to what the public pages show.

    A random token, not a counter, so a rolled-back change leaves the token it replaced, and
    pages cached under that token still describe the data exactly.
    """

    token = models.UUIDField(default=uuid.uuid4)

    objects = ContentVersionManager()

    def __str__(self) -> str:
        return str(self.token)


def per_content_version(build: Callable[[], T]) -> Callable[[], T]:
    """Decorator: call `build()` once per content version in each process, and keep what it
    returns. For data every request needs and editors rarely change."""
    kept: list = [None, None]  # the version it was built for, what it built

    @functools.wraps(build)
    def current() -> T:
        version = ContentVersion.objects.current()
        built_for, value = kept
        if not version or built_for != version:
            value = build()
            kept[:] = [version, value]
        return value

    return current


def content_changed(raw: bool = False, using: str = "default", **_signal) -> None:
    """A save or delete receiver. Fixtures (raw saves) change the version once, when loaded."""
    if not raw:
        ContentVersion.objects.db_manager(using).bump()


def watch(*models) -> None:
    """Saving or deleting any row of these models changes the content version."""
    for model in models:
        for signal in (post_save, post_delete):
            signal.connect(content_changed, sender=model, dispatch_uid="careerfit_content_version")


def migrated(using: str, **_signal) -> None:
    """A data migration may have changed content, with no signal to say so."""
    # Not after migrating professions back to before the table existed.
    if ContentVersion._meta.db_table in connections[using].introspection.table_names():
        ContentVersion.objects.db_manager(using).bump()
