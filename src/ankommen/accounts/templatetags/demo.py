from django import template

from ankommen.accounts.demo import DEMO_LOGINS, DEMO_PASSWORD, demo_email
from ankommen.core.rules import Role

register = template.Library()


@register.simple_tag
def demo_logins():
    """The documented demo accounts, for the login page in demo mode."""
    return {
        "password": DEMO_PASSWORD,
        "accounts": [
            (demo_email(local), name, Role(role).label) for local, name, role, _sector in DEMO_LOGINS
        ],
    }
