"""The open circle for a large town: finding members among 20,000 and ranking the best 25 for a call.

Builds a town of its own (`circlebench`) with 200 competences, 40 languages and members with
profiles in the shape people fill them in (a few competences each, the common ones far more often,
one to three languages, most parts left at their defaults), and 20 calls of every kind (wishes
only, conditions, children's calls that count only confirmed competences). Then:

- ranking: each call's best 25 with their reasons, at 2,000 members and again at the full size;
  the number of queries must be the same at both sizes (target: p95 under 200 ms);
- member search: the page `/verwaltung/personen-finden/` through Django's test client, for an
  admin and a moderator, with single and combined filters (target: p95 under 50 ms).

    python -m bench.circle                                          # SQLite, bench/out/circle.sqlite3
    scripts/with-postgres .venv/bin/python -m bench.circle          # a throwaway PostgreSQL
"""

import argparse
import os
import random
import statistics
import time
from pathlib import Path

import django

ROOT = Path(__file__).resolve().parent.parent
LANGUAGES = [
    "de", "en", "ar", "fa", "prs", "ps", "tr", "uk", "ru", "ku", "ckb", "ti", "am", "so", "fr", "it", "es",
    "pt", "el", "pl", "ro", "bg", "hr", "sr", "bs", "sq", "mk", "hu", "cs", "ka", "hy", "az", "ur", "hi",
    "bn", "ta", "vi", "zh", "ha", "yo",
]  # fmt: skip


def p95(values):
    return statistics.quantiles(values, n=20)[-1] if len(values) >= 20 else max(values)


def setup():
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{ROOT / 'bench' / 'out' / 'circle.sqlite3'}")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ankommen.settings")
    os.environ.setdefault("SECRET_KEY", "bench-" + "x" * 50)
    os.environ.setdefault("DEBUG", "false")
    os.environ.setdefault("ALLOWED_HOSTS", "circlebench.ankommen.example")
    (ROOT / "bench" / "out").mkdir(exist_ok=True)
    django.setup()


def build_town(rng):
    from ankommen.accounts.models import Member, User
    from ankommen.circle.models import Competence, Organisation
    from ankommen.circle.vocabulary import SPOKEN_LANGUAGES
    from ankommen.concept.models import District, Field
    from ankommen.core.models import Municipality
    from ankommen.core.services import create_town

    assert set(LANGUAGES) <= set(SPOKEN_LANGUAGES)
    town = Municipality.objects.filter(slug="circlebench").first()
    if town is not None:
        return town
    town = create_town("circlebench", name="Kreisstadt", host="circlebench.ankommen.example")
    for number, name in enumerate(["Wirtschaft", "Wohnen", "Bildung"]):
        Field.objects.create(municipality=town, name=name, slug=name.lower(), summary=name, position=number)
    District.objects.bulk_create(District(municipality=town, name=f"Stadtteil {n}") for n in range(8))
    Competence.objects.bulk_create(
        Competence(municipality=town, name=f"Kompetenz {n:03d}", position=n) for n in range(200)
    )
    Organisation.objects.bulk_create(
        Organisation(municipality=town, slug=f"org-{n}", name=f"Organisation {n}", kind="association")
        for n in range(60)
    )
    for local_part, role in (("admin", "admin"), ("moderation", "moderator")):
        user = User.objects.create_user(f"{local_part}@circlebench.example", None, display_name=local_part)
        Member.objects.create(municipality=town, user=user, role_sectors={role: ""})
    return town


def grow(town, target, rng):
    """Members with profiles up to `target` in all."""
    from django.db import transaction

    from ankommen.accounts.models import Member, User
    from ankommen.circle.models import (
        Competence,
        MemberCompetence,
        MemberLanguage,
        Organisation,
        OrganisationMembership,
        Profile,
    )
    from ankommen.concept.models import District, Field

    have = Profile.objects.filter(municipality=town).count()
    missing = target - have
    if missing <= 0:
        return
    competences = list(Competence.objects.filter(municipality=town).values_list("pk", flat=True))
    weights = [1 / (rank + 1) for rank in range(len(competences))]  # a few competences are common
    organisations = list(Organisation.objects.filter(municipality=town).values_list("pk", flat=True))
    districts = list(District.objects.filter(municipality=town).values_list("pk", flat=True))
    fields = list(Field.objects.filter(municipality=town).values_list("pk", flat=True))
    sectors = [
        "verwaltung",
        "bildung",
        "soziale_arbeit",
        "gesundheit",
        "wirtschaft",
        "kultur",
        "ehrenamt",
        "",
    ]
    with transaction.atomic():
        for start in range(0, missing, 2000):
            size = min(2000, missing - start)
            users = User.objects.bulk_create(
                User(
                    email=f"p{have + start + n}@circlebench.example",
                    display_name=f"Person {have + start + n}",
                )
                for n in range(size)
            )
            members = Member.objects.bulk_create(
                Member(municipality=town, user=user, role_sectors={"member": ""}) for user in users
            )
            profiles = Profile.objects.bulk_create(
                Profile(
                    municipality=town,
                    member=member,
                    sector=rng.choice(sectors),
                    interpreting=rng.choice([0, 0, 0, 0, 1, 1, 2, 3]),
                    district_id=rng.choice(districts),
                    suggest_me=rng.random() < 0.95,
                    languages_visible_to=rng.choice([1, 2, 2]),
                    free_terms=rng.choice(["", "", "", "Trommeln", "Hip-Hop, Graffiti", "Schach"]),
                )
                for member in members
            )
            held, spoken, belongs, interests = [], [], [], []
            through = Profile.interests.through
            for profile in profiles:
                for pk in set(rng.choices(competences, weights, k=rng.randint(1, 5))):
                    confirmed = rng.random() < 0.2
                    held.append(
                        MemberCompetence(
                            municipality=town,
                            profile=profile,
                            competence_id=pk,
                            confirmed_by_id=rng.choice(organisations) if confirmed else None,
                            confirmed_at=profile.updated_at if confirmed else None,
                        )
                    )
                codes = ["de", *rng.sample(LANGUAGES[1:], rng.randint(0, 2))]
                for code in codes:
                    levels = [rng.randint(1, 7) for _ in range(3)]
                    spoken.append(
                        MemberLanguage(
                            municipality=town,
                            profile=profile,
                            language=code,
                            speak=levels[0],
                            understand=levels[1],
                            write=levels[2],
                        )  # fmt: skip
                    )
                for pk in rng.sample(organisations, rng.choice([0, 0, 1, 2])):
                    belongs.append(
                        OrganisationMembership(
                            municipality=town, organisation_id=pk, member_id=profile.member_id
                        )
                    )
                for pk in rng.sample(fields, rng.randint(0, 2)):
                    interests.append(through(profile_id=profile.pk, field_id=pk))
            MemberCompetence.objects.bulk_create(held, batch_size=5000)
            MemberLanguage.objects.bulk_create(spoken, batch_size=5000)
            OrganisationMembership.objects.bulk_create(belongs, batch_size=5000)
            through.objects.bulk_create(interests, batch_size=5000)


def make_calls(town, rng):
    from ankommen.circle.models import Call, CallCompetence, CallLanguage, Competence
    from ankommen.concept.models import Field

    calls = list(Call.objects.filter(municipality=town, status="published"))
    if calls:
        return calls
    competences = list(Competence.objects.filter(municipality=town).order_by("position"))
    fields = list(Field.objects.filter(municipality=town))
    for number in range(20):
        call = Call.objects.create(
            municipality=town,
            title=f"Gesucht {number}",
            text="Wer hilft?",
            status="published",
            field=rng.choice(fields),
            involves_vulnerable=number % 5 == 0,
            interpreting_min=1 if number % 7 == 3 else 0,
            sector=rng.choice(["", "bildung", "kultur"]),
        )
        # Common and rare competences alike: the first calls ask for the most held ones.
        wanted = rng.sample(competences[: 10 if number < 5 else 200], rng.randint(1, 3))
        for index, competence in enumerate(wanted):
            CallCompetence.objects.create(
                municipality=town, call=call, competence=competence, must=index == 0 and number % 2 == 0
            )
        for code in rng.sample(LANGUAGES[1:12], rng.randint(0, 2)):
            CallLanguage.objects.create(
                municipality=town, call=call, language=code, skill="speak", min_level=3, must=number % 3 == 0
            )
        calls.append(call)
    return calls


def time_ranking(calls, rounds):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from ankommen.circle import matching

    times, counts, sizes = [], set(), []
    for _ in range(rounds):
        for call in calls:
            with CaptureQueriesContext(connection) as context:
                start = time.perf_counter()
                matches = matching.rank(call, limit=25)
                times.append((time.perf_counter() - start) * 1000)
            counts.add(len(context.captured_queries))
            assert all(match.score == sum(reason.points for reason in match.reasons) for match in matches)
            sizes.append(len(matches))
    return times, counts


SEARCHES = [
    {"competence": "{c0}"},
    {"competence": "{c150}"},
    {"language": "ar"},
    {"language": "fa", "skill": "speak", "level": "4"},
    {"sector": "bildung"},
    {"field": "{field}"},
    {"organisation": "{org}"},
    {"district": "{district}"},
    {"competence": "{c0}", "language": "tr", "level": "3"},
    {"competence": "{c3}", "sector": "kultur", "district": "{district}"},
    {"language": "uk", "field": "{field}", "organisation": "{org}"},
    {"competence": "{c1}", "language": "ar", "skill": "write", "level": "5", "sector": "soziale_arbeit"},
]


def time_search(town, rounds):
    from django.conf import settings
    from django.test import Client

    from ankommen.accounts.models import Member
    from ankommen.circle.models import Competence, Organisation
    from ankommen.concept.models import District, Field

    settings.ALLOWED_HOSTS = ["*"]
    competences = list(
        Competence.objects.filter(municipality=town).order_by("position").values_list("pk", flat=True)
    )
    values = {
        "c0": competences[0],
        "c1": competences[1],
        "c3": competences[3],
        "c150": competences[150],
        "field": Field.objects.filter(municipality=town).first().pk,
        "org": Organisation.objects.filter(municipality=town).first().pk,
        "district": District.objects.filter(municipality=town).first().pk,
    }
    results = {}
    for role in ("admin", "moderator"):
        member = Member.objects.get(municipality=town, role_sectors__has_key=role)
        client = Client(HTTP_HOST=town.host)
        client.force_login(member.user)
        times = []
        for round_ in range(rounds + 2):
            for search in SEARCHES:
                query = {key: str(value).format(**values) for key, value in search.items()}
                start = time.perf_counter()
                response = client.get("/verwaltung/personen-finden/", query)
                elapsed = (time.perf_counter() - start) * 1000
                assert response.status_code == 200, (query, response.status_code)
                if round_ >= 2:  # two untimed rounds first
                    times.append(elapsed)
        results[role] = times
    return results


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--members", type=int, default=20_000)
    parser.add_argument("--small", type=int, default=2_000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--seed", type=int, default=2017)
    options = parser.parse_args()
    setup()
    from django.core.management import call_command
    from django.db import connection

    rng = random.Random(options.seed)
    call_command("migrate", verbosity=0)
    call_command("createcachetable", verbosity=0)
    town = build_town(rng)
    calls = make_calls(town, rng)
    vendor = connection.vendor
    for size in (options.small, options.members):
        start = time.perf_counter()
        grow(town, size, rng)
        if vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")  # what autovacuum does after a load; SQLite has no such habit
        print(f"{vendor}: {size} members ({time.perf_counter() - start:.0f} s to build)")
        times, counts = time_ranking(calls, options.rounds)
        print(
            f"{vendor}: ranking the best 25 at {size} members: p50 {statistics.median(times):.1f} ms, "
            f"p95 {p95(times):.1f} ms, max {max(times):.1f} ms; queries per ranking {sorted(counts)}"
        )
    for role, times in time_search(town, options.rounds).items():
        print(
            f"{vendor}: member search as {role} at {options.members} members ({len(times)} requests): "
            f"p50 {statistics.median(times):.1f} ms, p95 {p95(times):.1f} ms, max {max(times):.1f} ms"
        )


if __name__ == "__main__":
    main()
