"""What the privacy notice says of how long invitations stay, a daily job holds."""

from datetime import timedelta

from django.utils import timezone

from ankommen.accounts import services
from ankommen.accounts.models import Invitation
from ankommen.core.registry import registry


def _invitation(town, people, email, **values):
    return Invitation.objects.create(
        municipality=town, email=email, role="expert", invited_by=people["admin"].user, **values
    )


def test_invitations_nobody_accepted_leave_30_days_after_they_ended(town, people):
    now = timezone.now()
    long_expired = _invitation(town, people, "alt@example.org", expires_at=now - timedelta(days=31))
    just_expired = _invitation(town, people, "neu@example.org", expires_at=now - timedelta(days=2))
    withdrawn = _invitation(
        town,
        people,
        "zurueck@example.org",
        expires_at=now + timedelta(days=3),
        revoked_at=now - timedelta(days=40),
    )
    accepted = _invitation(
        town,
        people,
        "da@example.org",
        expires_at=now - timedelta(days=90),
        accepted_at=now - timedelta(days=95),
    )
    assert services.prune_invitations(now) == 2
    left = set(
        Invitation.objects.filter(pk__in=[i.pk for i in (long_expired, just_expired, withdrawn, accepted)])
    )
    assert left == {just_expired, accepted}
    assert "invitations.prune" in registry.periodic and "notifications.prune_outbox" in registry.periodic
