"""Advice in German, French, Spanish and Dutch: the AdviceTranslation table, the verbose names the admin
shows in each language, and the seeded texts translated (injuries/migrations/_advice_<language>.py).

A translation is seeded only for an advice whose English is still the seeded text (an administrator who
rewrote the English gets no stale translation: the admin lists that language as missing), and never over
a translation that exists already. Unapplying removes only the seeded translations nobody changed.
"""

import importlib
import re

import django.db.models.deletion
from django.db import migrations, models

LANGUAGES = ("de", "fr", "es", "nl")


def french_typography(text: str) -> str:
    """A no-break space before : ; ? ! and inside « », as French typesetting has it."""
    text = re.sub(r" ([:;?!»])", "\u00a0\\1", text)
    return text.replace("« ", "«\u00a0")


def translations(language: str) -> dict:
    texts = importlib.import_module(f"injuries.migrations._advice_{language}").TEXTS
    if language == "fr":
        return {key: tuple(french_typography(part) for part in parts) for key, parts in texts.items()}
    return texts


def seeded_english() -> dict:
    """key -> (title, summary, body) as migrations 0002 and 0006 seeded them."""
    first = importlib.import_module("injuries.migrations.0002_seed_advice")
    second = importlib.import_module("injuries.migrations.0006_seed_form_and_plan_advice")
    out = {}
    for key, title, _grade, summary, body, _refs in first.RULES:
        out[key] = (title, summary, body)
    for _kind, key, title, _grade, summary, body, _refs in first.TOPICS:
        out[key] = (title, summary, body)
    for _kind, key, title, _grade, summary, body, _refs in second.rows():
        out[key] = (title, summary, body)
    return out


def seed(apps, schema_editor):
    Advice = apps.get_model("injuries", "Advice")
    AdviceTranslation = apps.get_model("injuries", "AdviceTranslation")
    english = seeded_english()
    unchanged = {
        advice.key: advice.pk
        for advice in Advice.objects.filter(key__in=english)
        if (advice.title, advice.summary, advice.body) == english[advice.key]
    }
    existing = set(AdviceTranslation.objects.values_list("advice_id", "language"))
    rows = []
    for language in LANGUAGES:
        for key, (title, summary, body) in translations(language).items():
            pk = unchanged.get(key)
            if pk is not None and (pk, language) not in existing:
                rows.append(AdviceTranslation(advice_id=pk, language=language, title=title, summary=summary, body=body))
    AdviceTranslation.objects.bulk_create(rows)


def unseed(apps, schema_editor):
    AdviceTranslation = apps.get_model("injuries", "AdviceTranslation")
    for language in LANGUAGES:
        for key, (title, summary, body) in translations(language).items():
            AdviceTranslation.objects.filter(
                advice__key=key, language=language, title=title, summary=summary, body=body
            ).delete()


class Migration(migrations.Migration):

    dependencies = [
        ('injuries', '0008_plan_pause'),
        ('runlog', '0015_profile_theme'),
    ]

    operations = [
        migrations.AlterModelOptions(
            name='advice',
            options={'ordering': ['kind', 'key'], 'verbose_name': 'advice', 'verbose_name_plural': 'advice'},
        ),
        migrations.AlterModelOptions(
            name='painreport',
            options={'ordering': ['-date', '-id'], 'verbose_name': 'pain report', 'verbose_name_plural': 'pain reports'},
        ),
        migrations.AlterModelOptions(
            name='returnplan',
            options={'ordering': ['-started_on', '-id'], 'verbose_name': 'return plan', 'verbose_name_plural': 'return plans'},
        ),
        migrations.AlterField(
            model_name='advice',
            name='body',
            field=models.TextField(help_text='Markdown. Rendered safely: raw HTML is stripped.', verbose_name='body'),
        ),
        migrations.AlterField(
            model_name='advice',
            name='evidence_grade',
            field=models.CharField(blank=True, choices=[('A', 'A — randomised trial or meta-analysis'), ('B', 'B — prospective cohort'), ('B-', 'B− — cohort, contested or mixed'), ('C', 'C — consensus or practitioner convention'), ('', '—')], max_length=2, verbose_name='evidence grade'),
        ),
        migrations.AlterField(
            model_name='advice',
            name='key',
            field=models.CharField(help_text='Rule code (e.g. overtraining.session_spike) or topic key.', max_length=64, unique=True, verbose_name='key'),
        ),
        migrations.AlterField(
            model_name='advice',
            name='kind',
            field=models.CharField(choices=[('rule', 'Warning (rule code)'), ('prevention', 'Prevention topic'), ('treatment', 'Treatment topic')], default='rule', max_length=12, verbose_name='kind'),
        ),
        migrations.AlterField(
            model_name='advice',
            name='published',
            field=models.BooleanField(default=True, verbose_name='published'),
        ),
        migrations.AlterField(
            model_name='advice',
            name='references',
            field=models.TextField(blank=True, help_text='One reference per line.', verbose_name='references'),
        ),
        migrations.AlterField(
            model_name='advice',
            name='slug',
            field=models.SlugField(max_length=80, unique=True, verbose_name='slug'),
        ),
        migrations.AlterField(
            model_name='advice',
            name='summary',
            field=models.CharField(blank=True, help_text='One line, shown beside a warning.', max_length=240, verbose_name='summary'),
        ),
        migrations.AlterField(
            model_name='advice',
            name='title',
            field=models.CharField(max_length=120, verbose_name='title'),
        ),
        migrations.AlterField(
            model_name='advice',
            name='updated_at',
            field=models.DateTimeField(auto_now=True, verbose_name='updated at'),
        ),
        migrations.AlterField(
            model_name='painreport',
            name='date',
            field=models.DateField(db_index=True, verbose_name='date'),
        ),
        migrations.AlterField(
            model_name='painreport',
            name='location',
            field=models.CharField(choices=[('inner_knee', 'Inner knee'), ('outer_knee', 'Outer knee'), ('kneecap', 'Kneecap'), ('back_knee', 'Back of knee'), ('shin', 'Shin'), ('calf_achilles', 'Calf / Achilles'), ('foot_heel', 'Foot / heel'), ('hip', 'Hip'), ('lower_back', 'Lower back'), ('other', 'Other')], default='inner_knee', max_length=16, verbose_name='location'),
        ),
        migrations.AlterField(
            model_name='painreport',
            name='notes',
            field=models.TextField(blank=True, verbose_name='notes'),
        ),
        migrations.AlterField(
            model_name='painreport',
            name='run',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='pain_reports', to='runlog.run', verbose_name='run'),
        ),
        migrations.AlterField(
            model_name='painreport',
            name='side',
            field=models.CharField(choices=[('left', 'Left'), ('right', 'Right'), ('both', 'Both')], default='left', max_length=5, verbose_name='side'),
        ),
        migrations.AlterField(
            model_name='painreport',
            name='swelling',
            field=models.BooleanField(default=False, verbose_name='swelling'),
        ),
        migrations.AlterField(
            model_name='returnplan',
            name='location',
            field=models.CharField(choices=[('inner_knee', 'Inner knee'), ('outer_knee', 'Outer knee'), ('kneecap', 'Kneecap'), ('back_knee', 'Back of knee'), ('shin', 'Shin'), ('calf_achilles', 'Calf / Achilles'), ('foot_heel', 'Foot / heel'), ('hip', 'Hip'), ('lower_back', 'Lower back'), ('other', 'Other')], default='inner_knee', max_length=16, verbose_name='location'),
        ),
        migrations.AlterField(
            model_name='returnplan',
            name='started_on',
            field=models.DateField(verbose_name='started on'),
        ),
        migrations.CreateModel(
            name='AdviceTranslation',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('language', models.CharField(choices=[('de', 'Deutsch'), ('fr', 'Français'), ('es', 'Español'), ('nl', 'Nederlands')], max_length=5, verbose_name='language')),
                ('title', models.CharField(blank=True, max_length=120, verbose_name='title')),
                ('summary', models.CharField(blank=True, max_length=240, verbose_name='summary')),
                ('body', models.TextField(blank=True, help_text='Markdown. Rendered safely: raw HTML is stripped.', verbose_name='body')),
                ('updated_at', models.DateTimeField(auto_now=True, verbose_name='updated at')),
                ('advice', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='translations', to='injuries.advice', verbose_name='advice')),
            ],
            options={
                'verbose_name': 'advice translation',
                'verbose_name_plural': 'advice translations',
                'ordering': ['advice', 'language'],
                'constraints': [models.UniqueConstraint(fields=('advice', 'language'), name='advice_translation_once')],
            },
        ),
        migrations.RunPython(seed, unseed),
    ]
