"""The one shape of a page with a form: show it, and on a valid POST call one service and go on."""

from functools import partial

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render

from ankommen.core.access import authorize


def posted(request):
    """A form's data: the POST's, even an empty one (nothing ticked binds the form, and its required
    fields say so, with status 400, instead of showing the empty form again as if nothing was sent)."""
    return request.POST if request.method == "POST" else None


def form_page(request, form, template, *, save, done, then, context=None):
    """Render `template` with `form`; on a valid POST call `save(**cleaned_data)`, say `done`, redirect to `then`.

    `done` and `then` may be functions of what `save` returned (`then` also a URL name or an object
    with an address); with `done=None` the page it leads to speaks for itself. A `ValidationError` from the service is shown at the form, at its field where
    it names one, and nothing was written. A form with errors is answered with status 400.
    """
    if request.method == "POST" and form.is_valid():
        try:
            result = save(**form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            if done is not None:
                messages.success(request, done(result) if callable(done) else done)
            return redirect(then(result) if callable(then) else then)
    return render(request, template, {"form": form, **(context or {})}, status=400 if form.errors else 200)


def town_form_page(request, form_class, template, service, **options):
    """A page on which the town's admins add something to the town (a field, a help page, an invitation).

    The form is built for the town (`form_class(data, municipality=town)`); a valid one goes to
    `service(town, actor=member, **values)`. `options` are `form_page`'s.
    """
    authorize(request, "administer", request.municipality)
    form = form_class(posted(request), municipality=request.municipality)
    save = partial(service, request.municipality, actor=request.member)
    return form_page(request, form, template, save=save, **options)
