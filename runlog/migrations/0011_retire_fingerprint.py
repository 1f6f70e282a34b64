# Retire the activity fingerprint: written on every save, read nowhere (a restore computes identities).

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('runlog', '0010_email_verification'),
    ]

    operations = [
        migrations.RemoveField(
            model_name='crosstraining',
            name='fingerprint',
        ),
        migrations.RemoveField(
            model_name='run',
            name='fingerprint',
        ),
    ]
