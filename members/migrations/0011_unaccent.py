from django.contrib.postgres.operations import UnaccentExtension
from django.db import migrations


class Migration(migrations.Migration):
    """unaccent: a name search finds "José" for "Jose" and "Asociación" for "asociacion" (members/models.py)."""

    dependencies = [
        ("members", "0010_chinese_trigrams_and_pamphlet_languages"),
    ]

    operations = [UnaccentExtension()]
