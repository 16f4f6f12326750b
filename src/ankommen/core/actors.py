"""Who acts when no person does: the product itself, in one town.

Imports, the demo and operators' commands act as the town's `SystemActor`, which the rules ask
like a member with a role of its own (`roles.SYSTEM`), named only where the system may act;
nothing skips the permission check. The audit log shows it as the system (no person).
"""

from dataclasses import dataclass, field

from ankommen.core.roles import SYSTEM

SYSTEM_ROLE = SYSTEM


@dataclass(frozen=True)
class SystemActor:
    """The product acting in the town `municipality_id`: no account, no person, its own role."""

    municipality_id: int
    roles: frozenset = field(default=frozenset({SYSTEM}))

    user = None  # the audit log shows an action without a user as the system's
    pk = None
    display_name = "System"

    @classmethod
    def of(cls, municipality):
        return cls(municipality.pk)

    def __str__(self):
        return self.display_name
