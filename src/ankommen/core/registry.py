"""What the apps announce to core: rules, roles, stage features, links, audit actions, demo loaders.

Each app fills these from its own `registration` module (collected at start-up), so that core
can answer questions about features it does not know by name, and its templates name no app.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy


@dataclass(frozen=True)
class StageFeatures:
    """What a kind of stage allows, as data: which contribution kinds may be added or promoted."""

    contribute: tuple[str, ...] = ()
    promote: tuple[str, ...] = ()
    description: str = ""


@dataclass(frozen=True)
class RoleInfo:
    """A role a person can hold in a town; `sectors` lists (code, label) where the role has one."""

    code: str
    label: str
    plural: str
    sectors: tuple = ()
    order: int = 50


@dataclass(frozen=True)
class Link:
    """An entry of the main navigation, the administration's hub or the footer.

    `action` is the rule asked for the town that decides who sees it (None: everyone). The entry
    marks the current area for every page below its address (`{% links %}`). A hub's tile may say
    what waits in its area: `waiting(town)` gives a short text ("3 offene Meldungen") or "".
    """

    label: str
    url_name: str
    action: str | None = None
    order: int = 50
    description: str = ""  # what the hub's tile says of the area
    icon: str = ""
    current: tuple[str, ...] = ()
    group: str = ""  # the footer's links come in groups, each a navigation of its own
    waiting: Callable | None = None

    def current_as(self, view_name):
        """`aria-current` for a page of view `view_name`: "page" on the link's own, "true" elsewhere in its area."""
        if view_name == self.url_name:
            return "page"
        if any(
            view_name == name or (name.endswith("*") and view_name.startswith(name[:-1]))
            for name in self.current
        ):
            return "true"
        return ""


# What erasing a person does to the rows of a model that link to them (`PersonalData.erasure`).
DELETE = "delete"  # the rows go: the person's own data (their supports, reports, e-mail addresses)
UNLINK = "unlink"  # the link is emptied: an act of staff stays on record without naming them
KEEP_ANONYMOUS = (
    "keep_anonymous"  # what they wrote stays, as "ehemaliges Mitglied" (or is removed, if they ask)
)
PSEUDONYMISE = "pseudonymise"  # the row stays with a pseudonym in place of the name (the audit log)
WITH_ACCOUNT = "with_account"  # rows of the account itself, across towns: they go with the account
ERASURES = (DELETE, UNLINK, KEEP_ANONYMOUS, PSEUDONYMISE, WITH_ACCOUNT)

# How long, in the words of the privacy notice, for the two cases most registrations share.
UNTIL_ERASED = gettext_lazy("bis Sie Ihr Konto löschen")
WHILE_THE_RECORD_STANDS = gettext_lazy(
    "solange der Eintrag besteht; beim Löschen Ihres Kontos ohne Ihren Namen"
)


@dataclass(frozen=True)
class PersonalData:
    """A model that holds personal data: which link leads to the person, why, how long, what erasure does.

    `link` is a lookup from the model to the user (`"reporter"`, `"author__user"`), or, with
    `by_email`, to a field holding their e-mail address (or, with `match="icontains"`, a text or
    JSON holding it among other things). `export` names the fields a person's
    download shows (all of the model's own fields by default). `erase_with(rows, member, erasure)`
    replaces the generic erasure; `remove(items)` removes what a person wrote when they ask for it
    (`KEEP_ANONYMOUS` only); `readable` says a stored value in words on the person's page. Every link from a model to a user or member must be registered: a system
    check (`accounts/checks.py`) fails otherwise, and the privacy notice lists what is registered.
    """

    model: str  # "app_label.ModelName"
    link: str
    purpose: str
    retention: str
    erasure: str
    export: tuple[str, ...] = ()  # fields, or lookups through a relation ("contribution__title")
    labels: tuple[str, ...] = ()  # headings for `export`, where the fields' own do not say it
    name: str = ""  # the section's heading on the person's page (the model's plural name by default)
    by_email: bool = False
    match: str = "iexact"  # how `by_email` compares: "icontains" finds the address inside a text
    erase_with: Callable | None = None
    remove: Callable | None = None
    # {field name: function(value) -> text} for a value the person's page shows in words (reasons of a match).
    readable: dict | None = None

    @property
    def field(self):
        """The model's own field the link starts with."""
        return self.link.split("__")[0]


@dataclass(frozen=True)
class Topic:
    """What people can hear of by mail, each as often as they choose (`core/notifications.py`).

    `action`: the rule asked of the town that decides who may receive it (staff topics); None: every member.
    """

    code: str
    label: str
    description: str
    default: str = "weekly"
    action: str | None = None
    order: int = 50


@dataclass(frozen=True)
class NotificationKind:
    """One kind of happening of a topic, and the words that tell a person of it ("%(target)s")."""

    code: str
    topic: str
    text: str


@dataclass(frozen=True)
class Periodic:
    """A job the scheduler runs once per period (`core/schedule.py`): `run(now)`, every `minutes`."""

    name: str
    run: Callable
    minutes: int


@dataclass
class Registry:
    rules: dict[str, Callable] = field(default_factory=dict)
    roles: dict[str, RoleInfo] = field(default_factory=dict)
    stage_features: dict[str, StageFeatures] = field(default_factory=dict)
    audit_actions: dict[str, str] = field(default_factory=dict)
    audit_areas: dict[str, str] = field(
        default_factory=dict
    )  # by action or by its first word: the area's name
    audit_details: dict[str, str] = field(default_factory=dict)  # the words for the keys of entries' details
    audit_subjects: set[str] = field(
        default_factory=set
    )  # models (app_label.model) whose entries are about a person
    demo_loaders: list[tuple[int, Callable]] = field(default_factory=list)
    links: dict[str, list[Link]] = field(default_factory=dict)  # by place: menu, hub, footer
    partials: dict[str, list] = field(default_factory=dict)  # templates or functions core renders, by slot
    personal_data: list[PersonalData] = field(default_factory=list)
    topics: dict[str, Topic] = field(default_factory=dict)
    notification_kinds: dict[str, NotificationKind] = field(default_factory=dict)
    periodic: dict[str, Periodic] = field(default_factory=dict)
    followables: dict[str, str] = field(default_factory=dict)  # address slug → "app_label.Model"
    follow_addresses: dict[str, Callable] = field(default_factory=dict)  # slug → row → its page's address
    people_who_may: Callable | None = None  # (town, action) → the users of the town the rule allows
    members_of: Callable | None = None  # (town id, user ids) → {user id: active member, with user and town}
    home: str = ""
    _roles_in_order: list = field(default_factory=list)

    def features_of(self, stage_kind: str) -> StageFeatures:
        return self.stage_features.get(stage_kind, StageFeatures())

    def links_in(self, place: str) -> list[Link]:
        return sorted(self.links.get(place, []), key=lambda link: link.order)

    def roles_in_order(self) -> list[RoleInfo]:
        if len(self._roles_in_order) != len(self.roles):  # a role was registered since
            self._roles_in_order = sorted(self.roles.values(), key=lambda info: info.order)
        return self._roles_in_order


registry = Registry()


class AlreadyRegistered(ValueError):
    """Two apps announced the same name: each action and role belongs to one app."""


def register_rules(rules: dict[str, Callable]) -> None:
    """`{action: predicate(member, obj) -> bool}`: the actions an app answers for."""
    for action, predicate in rules.items():
        if action in registry.rules and registry.rules[action] is not predicate:
            raise AlreadyRegistered(f"The action {action!r} is registered twice.")
        registry.rules[action] = predicate


def register_role(code: str, label, plural, *, sectors=(), order: int = 50) -> None:
    if code in registry.roles:
        raise AlreadyRegistered(f"The role {code!r} is registered twice.")
    registry.roles[code] = RoleInfo(code, label, plural, tuple(sectors), order)


def register_stage_kind(kind: str, **features) -> None:
    registry.stage_features[kind] = StageFeatures(**features)


def register_audit_actions(actions: dict[str, str], *, area=None) -> None:
    """`{action: label}`: the audit log's words for an app's actions; `area` groups them in its filter."""
    registry.audit_actions.update(actions)
    if area is not None:
        registry.audit_areas.update(dict.fromkeys(actions, area))


def register_audit_area(prefix: str, label) -> None:
    """The area (`label`) of the actions whose first word is `prefix` ("stage": "stage.opened", …)."""
    registry.audit_areas[prefix] = label


def register_audit_details(labels: dict[str, str]) -> None:
    """`{key: label}`: the words for details of audit entries that are no field of the entry's object."""
    registry.audit_details.update(labels)


def register_audit_subjects(*model_labels: str) -> None:
    """Models (`app_label.model`) whose audit entries are about a person: the log's person filter finds them."""
    registry.audit_subjects.update(model_labels)


def register_links(place: str, *links: Link) -> None:
    """Entries in the main navigation (`menu`), the administration's hub (`hub`) or the footer (`footer`)."""
    registry.links.setdefault(place, []).extend(links)


def register_partial(slot: str, partial: str | Callable) -> None:
    """What core's pages show at `slot`: `account_menu` (the header's account links as `<li>`),
    `refused` (what a person refused on a 403 page can do about it), `profile_links` (the account
    page's links to an app's own pages of the person, as `<li>`), `field_after_stages` (a field's page,
    after its stages: what an app shows of the field, e.g. the council's submissions and measures),
    `contribution_after` (a contribution's page, after its text: e.g. the session whose minutes it came from).

    `partial` is a template's name, or a function of the template context that returns HTML
    (`format_html`): cheaper for a slot on every page.
    """
    registry.partials.setdefault(slot, []).append(partial)


def register_staff_acts(*acts) -> None:
    """`(model, link, purpose, export)` of acts of staff on record (who hid, who decided): kept, unlinked on erasure."""
    for model, link, purpose, export in acts:
        register_personal_data(
            model, link, purpose=purpose, retention=WHILE_THE_RECORD_STANDS, erasure=UNLINK, export=export
        )


def register_personal_data(model: str, link: str, **how) -> None:
    """Announce personal data an app keeps (see `PersonalData`): its export, erasure and retention follow."""
    entry = PersonalData(model, link, **how)
    if entry.erasure not in ERASURES:
        raise ValueError(f"{model}.{link}: unknown erasure {entry.erasure!r}")
    if any((known.model, known.link) == (model, link) for known in registry.personal_data):
        raise AlreadyRegistered(f"The personal data {model}.{link} is registered twice.")
    registry.personal_data.append(entry)


def register_topic(code: str, label, description, *, default="weekly", action=None, order=50) -> None:
    """A topic people hear of (see `Topic`); its kinds follow with `register_notification_kind`."""
    if code in registry.topics:
        raise AlreadyRegistered(f"The topic {code!r} is registered twice.")
    registry.topics[code] = Topic(code, label, description, default, action, order)


def register_notification_kind(code: str, topic: str, text) -> None:
    """A kind of happening of `topic`, with the words for it: `text % {"target": label}`."""
    if code in registry.notification_kinds:
        raise AlreadyRegistered(f"The notification kind {code!r} is registered twice.")
    registry.notification_kinds[code] = NotificationKind(code, topic, text)


def register_periodic(name: str, run: Callable, *, minutes: int) -> None:
    """A job the scheduler runs once every `minutes` (a day: 1440), `run(now)`."""
    if name in registry.periodic:
        raise AlreadyRegistered(f"The periodic job {name!r} is registered twice.")
    registry.periodic[name] = Periodic(name, run, minutes)


def register_people(*, who_may: Callable, members_of: Callable) -> None:
    """How core finds people (the app that keeps members registers it): `who_may(town, action)`, the
    users of the town the rule allows on it; `members_of(town_id, user_ids)`, {user id: active member}."""
    registry.people_who_may = who_may
    registry.members_of = members_of


def register_followable(slug: str, model: str, address: Callable | None = None) -> None:
    """People may follow rows of `model` ("concept.Field") at `/folgen/<slug>/<pk>/`; after following
    they are back on the row's page: `address(row)`, else its `get_absolute_url()`."""
    registry.followables[slug] = model
    if address is not None:
        registry.follow_addresses[slug] = address


def register_home(url_name: str) -> None:
    """The page the town's name in the header and the error pages lead to."""
    registry.home = url_name


def register_demo(order: int):
    """Decorator: `loader(municipality, stdout)` fills the demo town; lower orders run first."""

    def decorator(loader):
        registry.demo_loaders.append((order, loader))
        registry.demo_loaders.sort(key=lambda pair: pair[0])
        return loader

    return decorator
