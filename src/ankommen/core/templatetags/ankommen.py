"""Template tags shared by every page: permissions, form widgets, language links, texts."""

import re

from django import template
from django.conf import settings
from django.forms.boundfield import BoundWidget
from django.forms.utils import flatatt
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.html import conditional_escape, format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.text import slugify
from django.utils.translation import get_language

from ankommen.core import blocks, cache, frame, page_cache, rules, translation
from ankommen.core.languages import SOURCE
from ankommen.core.models import Translatable
from ankommen.core.registry import registry

register = template.Library()


@register.inclusion_tag("core/partials/follow.html", takes_context=True)
def follow_button(context, target, kind):
    """`{% follow_button field "handlungsfelder" %}`: follow or stop following, for whom the rule allows."""
    from ankommen.core import notifications

    member = context.get("member")
    if not rules.may(member, "follow", target):
        return {"shown": False}
    return {
        "shown": True,
        "target": target,
        "name": translation.name_of(target),
        "url": reverse("core:follow", args=[kind, target.pk]),
        "following": notifications.follows(member.user, target),
        "csrf_token": context.get("csrf_token"),
    }


@register.simple_tag
def translated(obj, field):
    """`{% translated field "summary" as summary %}`: the text in the reader's language, or German."""
    return translation.translated(obj, field)


@register.simple_tag
def translated_each(objects, field):
    """`{% translated_each contribution.tags "name" as names %}`: the text of each object, as `translated` gives it."""
    return [translation.translated(obj, field) for obj in objects]


def _renderings(texts):
    for text in texts:
        if isinstance(text, translation.Rendering):
            yield text
        elif isinstance(text, (list, tuple)):
            yield from _renderings(text)


@register.simple_tag
def translation_label(*texts):
    """`{% translation_label title body tag_names %}`: each label a block's texts call for, once.

    A block shows several texts, each in its own state (a machine-translated title over a reviewed
    body); one call per block covers them all. Takes renderings and lists of them; anything else
    (a variable a branch did not set) is passed over. The wording is the one partial's.
    """
    seen, labels = set(), []
    for text in _renderings(texts):
        key = (text.status, text.lang, text.checked_by_target_group)
        if text.is_source or key in seen:
            continue
        seen.add(key)
        label = render_to_string("core/partials/translation_label.html", {"text": text})
        if label.strip() and label not in labels:
            labels.append(label)
    return format_html_join("", "{}", ((label,) for label in labels))


@register.simple_tag
def choice_translation_label(bound_field):
    """The label for a choice field whose options name translated objects (tags in the reader's language).

    An option shows one of its object's texts (`label_from_instance`); that text's rendering decides.
    """
    if get_language() == SOURCE:
        return ""  # German options are the originals (and asking again would query them again)
    texts = []
    for value, label in bound_field.field.choices:
        instance = getattr(value, "instance", None)
        if not isinstance(instance, Translatable):
            continue
        for name in type(instance).translatable_fields:
            text = translation.translated(instance, name)
            if text.text == str(label):
                texts.append(text)
                break
    return translation_label(texts)


@register.simple_tag(takes_context=True)
def cache_version(context, *objects):
    """`{% cache_version field as version %}`: the versions of the town and of `objects`, for a `{% cache %}` key.

    A fragment names the objects it shows beyond the town's own (a field for its contribution
    list), so that a change of another field leaves it in the cache.
    """
    if not settings.FRAGMENT_CACHE:
        return ""  # no fragment is kept, so no version needs reading
    request = context["request"]
    scopes = [
        cache.town_scope(request.municipality.pk),
        *(cache.scope_of(type(obj), obj.pk) for obj in objects),
    ]
    read = cache.versions(*scopes)
    page_cache.record_scopes(request, scopes, read)
    return Versions(read)


class Versions(str):
    """The versions for a cache key; `.town` the town's alone, for a fragment on the same page that
    shows nothing of `objects` (a field's filters beside its list: one cache read for both)."""

    @property
    def town(self):
        return self.split("-", 1)[0]


@register.simple_tag(takes_context=True)
def may(context, action, obj):
    """`{% may "comment" contribution as can_comment %}`: ask the rules for the current member."""
    return rules.may(context["request"].member, action, obj)


@register.simple_tag(takes_context=True)
def links(context, place):
    """`{% links "hub" as entries %}`: the entries of the menu, the hub or the footer the member may see.

    Each entry has its `link` (label, icon, description, group), `url` and `current`, the value
    of `aria-current` (`frame.entries`).
    """
    return frame.entries(context["request"], place)


@register.simple_tag(takes_context=True)
def waiting(context, entry):
    """`{% waiting tile as waits %}`: what waits in a hub tile's area ("3 offene Meldungen"), or ""."""
    link = entry["link"]
    return link.waiting(context["request"].municipality) if link.waiting else ""


@register.simple_tag(takes_context=True)
def post_button(context, action, label, look="secondary", *, small=False, about="", css="", next_url=""):
    """`{% post_button url _("Zurückweisen") about=flag %}`: a form with one button that POSTs to `action`.

    `about` names the object for screen readers when the page has many such buttons. Built in
    Python: a queue of thirty items renders thirty of them.
    """
    hidden = format_html('<span class="visually-hidden">: {}</span>', about) if about else ""
    return format_html(
        '<form method="post" action="{}"{}>'
        '<input type="hidden" name="csrfmiddlewaretoken" value="{}">{}'
        '<button type="submit" class="kern-btn kern-btn--{}{}"><span class="kern-label">{}{}</span></button>'
        "</form>",
        action,
        format_html(' class="{}"', css) if css else "",
        context.get("csrf_token", ""),
        format_html('<input type="hidden" name="next" value="{}">', next_url) if next_url else "",
        look,
        " kern-btn--x-small" if small else "",
        label,
        hidden,
    )


@register.simple_tag(takes_context=True)
def slot(context, name):
    """`{% slot "account_menu" %}`: what the apps put into one of core's slots (`register_partial`)."""
    return frame.slot(context, name)


@register.simple_tag
def home_url():
    return frame.address(registry.home, get_language())


# The frame of every page (`base.html`), each piece one call (`core/frame.py`).


@register.simple_tag(takes_context=True)
def main_menu(context):
    """`{% main_menu %}`: the main navigation's `<li>` entries, the current area marked, then the account links."""
    return frame.menu(context)


@register.simple_tag(takes_context=True)
def language_menu(context):
    """`{% language_menu %}`: the language button and the current page in each language of the town."""
    return frame.languages(context["request"])


@register.simple_tag(takes_context=True)
def footer_links(context):
    """`{% footer_links %}`: the footer's navigations, one per group of links."""
    return frame.footer(context["request"])


@register.simple_tag(takes_context=True)
def breadcrumbs(context):
    """`{% breadcrumbs %}`: the areas above the page ("Start › Verwaltung › Handlungsfelder und Stufen")."""
    return frame.breadcrumbs(context["request"])


@register.simple_tag(takes_context=True)
def messages_box(context):
    """`{% messages_box %}`: the messages for this request as KERN alerts."""
    return frame.messages(context)


@register.simple_tag
def asset(path):
    """`{% asset "ankommen/ankommen.css" %}`: `{% static %}`, computed once per process."""
    return frame.asset(path)


@register.simple_tag
def fixed_partial(template_name):
    """`{% fixed_partial "core/partials/header_search.html" %}`: a partial that depends on the language
    alone, rendered once per language."""
    return frame.fixed_partial(template_name)


WIDGET_CLASSES = {
    "select": "kern-form-input__select",
    "selectmultiple": "kern-form-input__select",
    "checkbox": "kern-form-check__checkbox",
    "radioselect": "kern-form-check__radio",
    "checkboxselectmultiple": "kern-form-check__checkbox",
}


@register.simple_tag
def widget(bound_field):
    """Render a form field's widget with KERN classes, tied to its hint and error by aria-describedby."""
    widget_type = bound_field.widget_type
    css = WIDGET_CLASSES.get(widget_type, "kern-form-input__input")
    attrs = {"class": css}
    if bound_field.errors:
        attrs["class"] = f"{css} {css}--error"
        attrs["aria-invalid"] = "true"
    described_by = []
    if bound_field.help_text:
        described_by.append(f"{bound_field.auto_id}_hint")
    if bound_field.errors:
        described_by.append(f"{bound_field.auto_id}_error")
    if described_by and widget_type not in ("radioselect", "checkboxselectmultiple"):
        attrs["aria-describedby"] = " ".join(described_by)
    if widget_type in ("text", "textarea"):
        # What people type runs in its own direction: German typed into an Arabic page stays readable.
        attrs.setdefault("dir", bound_field.field.widget.attrs.get("dir", "auto"))
    if widget_type == "select":
        return _select(bound_field, attrs)
    return bound_field.as_widget(attrs=attrs)


def _select(bound_field, attrs):
    """A <select> built in Python: Django renders every option through its own template, which
    costs milliseconds on a page with several filters."""
    choices = list(bound_field.field.choices)
    if any(isinstance(label, (list, tuple)) for _value, label in choices):
        return bound_field.as_widget(attrs=attrs)  # option groups: leave them to Django
    value = bound_field.value()
    chosen = "" if value is None else str(value)
    # The widget's own attributes, then `required` and `disabled` the way Django decides them.
    attrs = bound_field.build_widget_attrs({**bound_field.field.widget.attrs, **attrs})
    options = format_html_join(
        "",
        '<option value="{}"{}>{}</option>',
        ((str(option), " selected" if str(option) == chosen else "", label) for option, label in choices),
    )
    return format_html(
        '<select name="{}" id="{}"{}>{}</select>',
        bound_field.html_name,
        bound_field.auto_id,
        flatatt(attrs),
        options,
    )


@register.filter
def is_choice_list(bound_field):
    return bound_field.widget_type in ("radioselect", "checkboxselectmultiple")


@register.simple_tag(takes_context=True)
def query_with(context, **changes):
    """The current query string with `changes` applied (for pagination links that keep filters)."""
    query = context["request"].GET.copy()
    for key, value in changes.items():
        if value in (None, ""):
            query.pop(key, None)
        else:
            query[key] = value
    encoded = query.urlencode()
    return f"?{encoded}" if encoded else "?"


@register.simple_tag
def choice_options(bound_field):
    """The options of a radio or checkbox list, each rendered with the KERN class."""
    css = WIDGET_CLASSES[bound_field.widget_type]
    if bound_field.errors:
        css = f"{css} {css}--error"
    return [
        BoundWidget(bound_field.field.widget, option, bound_field.form.renderer)
        for option in bound_field.field.widget.subwidgets(
            bound_field.html_name, bound_field.value(), attrs={"id": bound_field.auto_id, "class": css}
        )
    ]


_OPTION = re.compile(r"^(\w+)=(.+)$")


@register.tag
def kern_table(parser, token):
    """`{% kern_table caption _("Name") _("Rollen") %}…rows…{% endkern_table %}`: a KERN table and its head.

    The caption (for screen readers only) and the column headings (or a list of them), then the
    table's rows, written between the tags. The scroll box is a region that keyboards reach, labelled by the caption;
    on a phone the rows reflow into cards. Options: `id="…"` the caption's id (else one made of
    its words); `numeric=labels` adds a right-aligned column for each label; `small=True` the
    smaller table.
    """
    bits = token.split_contents()
    arguments, options = [], {}
    for bit in bits[1:]:
        option = _OPTION.match(bit)
        if option:
            options[option[1]] = parser.compile_filter(option[2])
        else:
            arguments.append(parser.compile_filter(bit))
    unknown = set(options) - {"id", "numeric", "small"}
    if unknown:
        raise template.TemplateSyntaxError(f"{bits[0]} has no option {', '.join(sorted(unknown))}")
    if not arguments:
        raise template.TemplateSyntaxError(f"{bits[0]} needs a caption")
    rows = parser.parse(("endkern_table",))
    parser.delete_first_token()
    return KernTableNode(arguments[0], arguments[1:], options, rows)


class KernTableNode(template.Node):
    def __init__(self, caption, columns, options, rows):
        self.caption, self.columns, self.options, self.nodelist = caption, columns, options, rows

    def render(self, context):
        options = {name: value.resolve(context) for name, value in self.options.items()}
        columns = []
        for column in self.columns:  # a list gives a heading for each of its items
            value = column.resolve(context)
            columns.extend(value if isinstance(value, (list, tuple)) else [value])
        numeric = options.get("numeric", ())
        caption = self.caption.resolve(context)
        return context.template.engine.render_to_string(
            "core/partials/kern_table.html",
            {
                "caption": caption,
                # Where a wide table scrolls (on a screen wider than a phone), its box is a region
                # a keyboard reaches, named by the caption.
                "caption_id": options.get("id") or f"tabelle-{slugify(str(caption))}",
                "columns": columns,
                "numeric": numeric,
                "small": options.get("small", False),
                "rows": labelled_cells(self.nodelist.render(context), [*columns, *numeric]),
            },
        )


_ROW = re.compile(r"<tr\b.*?</tr>", re.S)
_CELL = re.compile(r"<(td|th)\b")


def labelled_cells(rows, labels):
    """The rows with each cell's column heading in `data-label`: on a phone a table reflows into one
    card per row, each value under its heading (`ankommen.css`), so no column and no button lies
    beyond the screen's edge."""

    labels = [conditional_escape(label) for label in labels]  # translated and escaped once, not per cell

    def label_row(row):
        cells = iter(labels)
        return _CELL.sub(lambda cell: f'<{cell[1]} data-label="{next(cells, "")}"', row.group(0))

    return mark_safe(_ROW.sub(label_row, str(rows)))  # noqa: S308 (our rows, and escaped labels)


@register.filter
def sections(text):
    """A text in the plain structure of `core/blocks.py` as HTML: `<h2>` headings, paragraphs, lists, tables.

    `{{ page.body|sections }}`: the editor's text, escaped.
    """
    return blocks.html(blocks.parse(text))
