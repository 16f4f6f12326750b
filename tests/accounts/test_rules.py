"""The accounts' rules asked of `may()` directly: who deactivates and reactivates whom."""

from ankommen.accounts.models import Member
from ankommen.core.rules import may


def test_only_the_towns_admins_deactivate_others_and_reactivate(town, other_town):
    admin = Member(pk=1, municipality=town).with_roles({"admin": ""})
    active = Member(pk=2, municipality=town, is_active=True).with_roles({"member": ""})
    former = Member(pk=3, municipality=town, is_active=False).with_roles({"member": ""})
    stranger = Member(pk=4, municipality=other_town).with_roles({"admin": ""})
    moderator = Member(pk=5, municipality=town).with_roles({"moderator": ""})
    assert may(admin, "deactivate_member", active)
    assert not may(admin, "deactivate_member", admin)
    assert not may(admin, "deactivate_member", former)
    assert may(admin, "reactivate_member", former)
    assert not may(admin, "reactivate_member", active)
    for other in (stranger, moderator, None):
        assert not may(other, "deactivate_member", active)
        assert not may(other, "reactivate_member", former)
