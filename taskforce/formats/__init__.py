"""The project's own date and number formats (settings.FORMAT_MODULE_PATH); other languages use Django's."""
