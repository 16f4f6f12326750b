"""The Ankommensbroschüre with 60 stories and their photos: how long it takes to set (target: under 5 s).

Builds a town of its own (`geschichtenbench`) on SQLite in bench/out: 60 stories, each published with
its consents to the web and to print, a portrait of 3–5 paragraphs or an interview of five questions,
a photo drawn at 3000×2000 px and put through the upload's own processing (`photos.prepare`: scaled
to 2400 px, stripped), six of them told in Arabic or Persian (their own words printed after the
German). Then `brochures.build` — what the task runs — three times: the first in this process
(fonts converted before, once per installation, and timed apart), then two more.

    python -m bench.stories_brochure                 # 60 stories
    python -m bench.stories_brochure --stories 120   # a longer brochure
"""

import argparse
import io
import os
import random
import statistics
import time
from pathlib import Path

import django

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
HOST = "geschichtenbench.ankommen.example"


def setup():
    OUT.mkdir(parents=True, exist_ok=True)
    database = OUT / "stories.sqlite3"
    for leftover in (
        database,
        database.with_name(database.name + "-wal"),
        database.with_name(database.name + "-shm"),
    ):
        leftover.unlink(missing_ok=True)
    os.environ["DATABASE_URL"] = f"sqlite:///{database}"  # its own file, never a database set outside
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ankommen.settings")
    os.environ.setdefault("SECRET_KEY", "bench-" + "x" * 50)
    os.environ.setdefault("DEBUG", "false")
    os.environ["VAR_DIR"] = str(OUT / "stories-var")
    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("createcachetable")


def _photo(rng):
    """A drawn picture (shapes, no person) of 3000×2000 px as a JPEG upload."""
    from django.core.files.uploadedfile import SimpleUploadedFile
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (3000, 2000), tuple(rng.randrange(150, 240) for _ in range(3)))
    draw = ImageDraw.Draw(image)
    for _ in range(40):
        x, y = rng.randrange(3000), rng.randrange(2000)
        size = rng.randrange(80, 600)
        draw.ellipse([x, y, x + size, y + size], fill=tuple(rng.randrange(256) for _ in range(3)))
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=90)
    return SimpleUploadedFile("foto.jpg", buffer.getvalue(), content_type="image/jpeg")


PHRASE = (
    "Ankommen heißt für mich eine Wohnung finden Arbeit suchen Deutsch lernen Nachbarn kennen "
    "die Kinder in der Schule sehen im Verein mitmachen Formulare ausfüllen Freunde finden"
)
WORDS = PHRASE.split(" ")


def _paragraphs(rng, count):
    return "\n\n".join(
        " ".join(rng.choice(WORDS) for _ in range(rng.randrange(40, 90))).capitalize() + "."
        for _ in range(count)
    )


def build_town(count, rng):
    from ankommen.core.actors import SystemActor
    from ankommen.core.models import Municipality, TranslationState
    from ankommen.core.translation import save_translation
    from ankommen.stories import brochures, services
    from ankommen.stories.models import ConsentText, Purpose

    town = Municipality.objects.create(slug="geschichtenbench", name="Geschichtenstadt", host=HOST)
    actor = SystemActor.of(town)
    for purpose in (Purpose.WEB, Purpose.BROCHURE):
        ConsentText.objects.create(
            municipality=town, purpose=purpose, text=f"Ich willige ein: {purpose.label}."
        )
    stories = []
    started = time.perf_counter()
    for number in range(count):
        told_in = "ar" if number % 10 == 3 else "fa" if number % 10 == 7 else "de"
        interview = number % 4 == 1
        story = services.create_story(
            town,
            actor=actor,
            values={
                "title": f"Geschichte {number + 1}: {rng.choice(WORDS).capitalize()} in der Stadt",
                "teaser": _paragraphs(rng, 1)[:380],
                "body": _paragraphs(rng, 1 if interview else rng.randrange(3, 6)),
                "kind": "interview" if interview else "portrait",
                "given_name": f"Person {number + 1}",
                "arrival_year": rng.randrange(2014, 2024),
                "original_language": told_in,
            },
            answers=[(f"Frage {q}?", _paragraphs(rng, 1)) for q in range(1, 6)] if interview else (),
        )
        services.set_photo(
            story, _photo(rng), actor=actor, alt=f"Eine gezeichnete Szene zu Geschichte {number + 1}."
        )
        for purpose in (Purpose.WEB, Purpose.BROCHURE):
            services.record_consent(
                story,
                actor=actor,
                purpose=purpose,
                language="de",
                given_by=story.given_name,
                given_on=story.created_at.date(),
                scan=_scan(),
                print_notice=purpose == Purpose.BROCHURE,
            )
        services.publish_story(story, actor=actor)
        if told_in != "de":
            own = (
                "وصلت إلى المدينة ووجدت جيرانا طيبين "
                if told_in == "ar"
                else "به شهر رسیدم و همسایه‌های خوبی پیدا کردم "
            )
            for field, text in (("title", own[:30]), ("teaser", own), ("body", own * 20)):
                save_translation(
                    story, field, told_in, actor=actor, text=text, state=TranslationState.REVIEWED
                )
        stories.append(story)
    prepared = time.perf_counter() - started
    brochure = brochures.save_brochure(
        town,
        actor=actor,
        values={"title": "Ankommensgeschichten", "edition": "Bench", "introduction": _paragraphs(rng, 3)},
        stories=stories,
    )
    return brochure, prepared


def _scan():
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile("scan.pdf", b"%PDF-1.4\n", content_type="application/pdf")


def main(argv=None):
    parser = argparse.ArgumentParser(
        prog="python -m bench.stories_brochure", description=__doc__.splitlines()[0]
    )
    parser.add_argument("--stories", type=int, default=60)
    parser.add_argument("--seed", type=int, default=2017)
    args = parser.parse_args(argv)
    setup()
    from ankommen.core import typesetting
    from ankommen.stories import brochures

    started = time.perf_counter()
    typesetting.font_dirs()
    fonts = time.perf_counter() - started
    brochure, prepared = build_town(args.stories, random.Random(args.seed))  # noqa: S311
    times = []
    for _ in range(3):
        started = time.perf_counter()
        brochures.build(brochure)
        times.append(time.perf_counter() - started)
    brochure.refresh_from_db()
    size = brochure.file.size
    print(f"stories: {args.stories} (photos processed and stories stored in {prepared:.1f} s)")
    print(f"fonts converted (once per installation): {fonts:.2f} s")
    print(f"brochure: {brochure.pages} pages, {size / 1_000_000:.1f} MB")
    print(f"build, first in the process: {times[0]:.2f} s (target < 5 s)")
    print(f"build, again: {statistics.median(times[1:]):.2f} s")


if __name__ == "__main__":
    main()
