"""Two clerks on the server, each signed in as their own role (issue 23): a save over a record the other
saved since it was loaded is refused naming the other's role and time, and changes nothing."""
from __future__ import annotations

import os
import re
from dataclasses import replace
from urllib.parse import urlsplit

import psycopg
import pytest

from app.domain.errors import StaleRecord
from app.services import database, demo, people

pytestmark = pytest.mark.server_only


@pytest.fixture
def second_clerk(db, server_databases):
    """A connection to the test's database as another clerk's own role."""
    demo.build_demo(db)
    role = f"clerk_{os.getpid()}"
    admin = server_databases.connection()
    admin.execute(f'DROP ROLE IF EXISTS "{role}"')
    admin.execute(f'CREATE ROLE "{role}" LOGIN')
    with psycopg.connect(db.url, autocommit=True) as owner:
        owner.execute(f'GRANT USAGE ON SCHEMA public TO "{role}"')
        owner.execute(f'GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO "{role}"')
        owner.execute(f'GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO "{role}"')
    parts = urlsplit(db.url)
    other = database.open_database(parts._replace(netloc=f"{role}@{parts.netloc.split('@', 1)[-1]}").geturl())
    yield other, role
    other.close()
    with psycopg.connect(db.url, autocommit=True) as owner:
        owner.execute(f'DROP OWNED BY "{role}"')
    admin.execute(f'DROP ROLE "{role}"')


def test_a_save_over_another_clerks_is_refused_naming_their_role(db, second_clerk):
    other, role = second_clerk
    mine, theirs = people.get_person(db, 7), people.get_person(other, 7)
    saved = people.save_person(other, replace(theirs, phone="13900002222"))
    assert saved.changed_by == role and saved.version == mine.version + 1
    with pytest.raises(StaleRecord) as refused:
        people.save_person(db, replace(mine, notes="我的修改"))
    assert re.match(rf"^这条记录已被 {role} 在 \d{{4}}-\d\d-\d\d \d\d:\d\d 修改，请刷新后再改$", str(refused.value))
    stored = people.get_person(db, 7)
    assert (stored.phone, stored.notes, stored.changed_by) == ("13900002222", mine.notes, role)
