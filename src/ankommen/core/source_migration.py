"""For data migrations: record the German sources of rows that existed before `SourceText` did."""

import hashlib


def record_sources_of(app_label, model_name, fields):
    """A RunPython function that records `fields` of every row of `app_label.model_name`."""

    def run(apps, schema_editor):
        model = apps.get_model(app_label, model_name)
        source_text = apps.get_model("core", "SourceText")
        content_type = apps.get_model("contenttypes", "ContentType").objects.get_or_create(
            app_label=app_label, model=model_name.lower()
        )[0]
        rows = []
        for obj in model.objects.all().iterator():
            for field in fields:
                text = getattr(obj, field) or ""
                if text:
                    rows.append(
                        source_text(
                            municipality_id=obj.municipality_id,
                            content_type_id=content_type.pk,
                            object_id=obj.pk,
                            field=field,
                            hash=hashlib.sha256(text.encode("utf-8")).hexdigest(),
                        )
                    )
        source_text.objects.bulk_create(rows, batch_size=1000, ignore_conflicts=True)

    return run
