"""A system check: every link from a model to a person is registered as personal data.

Export and erasure (`accounts/privacy.py`) cover only what the registry names; a model that links
to a user or a member without registering that link would keep a person's data past their erasure.
"""

from django.apps import apps
from django.core import checks
from django.core.exceptions import FieldDoesNotExist


def unregistered_links(models=None):
    """`(model label, field name)` of every link to a user or member that no `register_personal_data` names."""
    from ankommen.accounts.models import Member, User
    from ankommen.core.registry import registry

    registered = {(entry.model.lower(), entry.field) for entry in registry.personal_data}
    missing = []
    for model in models if models is not None else apps.get_models():
        for field in model._meta.concrete_fields:
            links_to_person = field.is_relation and field.related_model in (User, Member)
            if links_to_person and (model._meta.label_lower, field.name) not in registered:
                missing.append((model._meta.label, field.name))
    return missing


def unknown_registrations():
    """Registrations that name a model or a field that does not exist: `(model, field)`."""
    from ankommen.accounts.privacy import field_at
    from ankommen.core.registry import registry

    unknown = []
    for entry in registry.personal_data:
        try:
            model = apps.get_model(entry.model)
            model._meta.get_field(entry.field)
            for lookup in entry.export:
                field_at(model, lookup)
        except (LookupError, FieldDoesNotExist):
            unknown.append((entry.model, entry.link))
    return unknown


@checks.register(checks.Tags.models)
def personal_data_is_registered(app_configs, **kwargs):
    return [
        checks.Error(
            f"{label}.{name} links to a person but is not registered as personal data.",
            hint="Call register_personal_data() in the app's registration module: purpose, retention, erasure.",
            id="ankommen.E101",
        )
        for label, name in unregistered_links()
    ] + [
        checks.Error(
            f"The personal data {label} ({link}) names a model or field that does not exist.",
            id="ankommen.E102",
        )
        for label, link in unknown_registrations()
    ]
