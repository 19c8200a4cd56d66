"""The merge rule and the table -> role map, without a database."""

from __future__ import annotations

from bochum_desktop.server.merge import merge_update
from bochum_desktop.server.roles import access, owner_role, roles_fingerprint


def test_desk_that_saw_the_current_row_applies_everything():
    result = merge_update({"a": 2, "b": 3}, {"a": 1, "b": 1}, {"a": 1, "b": 1}, base_version=4, row_version=4)
    assert result.apply == {"a": 2, "b": 3} and result.conflicts == []


def test_moved_on_row_merges_per_field():
    server = {"a": 1, "b": 9, "c": 5}
    result = merge_update({"a": 2, "b": 3, "c": 7}, {"a": 1, "b": 1, "c": 6}, server, base_version=1, row_version=3)
    assert result.apply == {"a": 2}  # server still had the desk's base
    assert [(c.field, c.base, c.server_value, c.desk_value) for c in result.conflicts] == [
        ("b", 1, 9, 3),
        ("c", 6, 5, 7),
    ]


def test_same_new_value_is_nothing_to_do_and_server_owned_fields_never_conflict():
    result = merge_update({"a": 9, "updated_at": "x", "updated_by": "me"}, {"a": 1}, {"a": 9, "updated_at": "y",
                          "updated_by": "you"}, base_version=1, row_version=2)
    assert result.apply == {} and result.conflicts == []


def test_tables_belong_to_features_by_prefix():
    assert owner_role("kita_application") == "kita"
    assert owner_role("idea_suggestion") == "ideas"
    assert owner_role("volunteer_card") == "volunteer_card"
    assert owner_role("something_new") is None


def test_access_rules():
    assert access("kita_application", {"kita"}).write
    assert not access("kita_application", {"ideas"}).read
    assert access("employee", {"ideas_reviewer"}).read and not access("employee", {"ideas_reviewer"}).write
    assert access("employee", {"kita"}).write
    reviewer = access("idea_suggestion", {"ideas_reviewer"})
    assert reviewer.read and reviewer.pseudonymised
    assert not access("idea_submitter", {"ideas_reviewer"}).read  # would reveal who submitted
    assert access("idea_submitter", {"ideas_committee"}).read
    assert not access("something_new", {"kita", "ideas"}).read  # unknown tables: admin only
    assert access("something_new", {"admin"}).write
    assert roles_fingerprint({"kita", "admin"}) == roles_fingerprint({"admin", "kita"})


def test_32_bit_xids_are_placed_in_the_epoch_next_to_xmax():
    from bochum_desktop.server.pull import full_xid

    epoch = 3 << 32
    assert full_xid(17790, epoch | 17790) == epoch | 17790
    assert full_xid(17792, epoch | 17790) == epoch | 17792  # assigned after the snapshot
    assert full_xid(2**32 - 5, epoch | 10) == (2 << 32) | (2**32 - 5)  # before the wrap-around
    assert full_xid(3, epoch | (2**32 - 2)) == (4 << 32) | 3  # after the wrap-around
