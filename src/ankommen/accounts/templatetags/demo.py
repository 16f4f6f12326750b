from django import template

from ankommen.accounts.demo import DEMO_LOGINS, DEMO_PASSWORD, demo_email
from ankommen.core.roles import in_a_list, label_of

register = template.Library()


@register.simple_tag
def demo_logins():
    """The documented demo accounts, for the login page in demo mode."""
    return {
        "password": DEMO_PASSWORD,
        "accounts": [
            (demo_email(local), name, in_a_list(label_of(role) for role in roles))
            for local, name, roles in DEMO_LOGINS
        ],
    }
