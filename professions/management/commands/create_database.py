"""Create the configured PostgreSQL database if it does not exist, so `make run` needs no psql.

SQLite creates its file on first use, so for it there is nothing to do.
"""

from django.core.management.base import BaseCommand
from django.db import DEFAULT_DB_ALIAS, connections


class Command(BaseCommand):
    help = "Create the PostgreSQL database named by DATABASE_URL when it does not exist yet."
    requires_system_checks = []

    def handle(self, *args, **options):
        connection = connections[DEFAULT_DB_ALIAS]
        if connection.vendor != "postgresql":
            return
        name = connection.settings_dict["NAME"]
        # The database itself may not exist yet, so connect to the server's maintenance
        # database the way Django's test runner does when it creates the test database.
        with connection._nodb_cursor() as cursor:
            cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
            if cursor.fetchone():
                return
            cursor.execute(f"CREATE DATABASE {connection.ops.quote_name(name)}")
        self.stdout.write(f"Created database {name}.")
