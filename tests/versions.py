"""What an edit page carries for a versioned record (taskforce/versions.py), for tests that post by hand."""

from taskforce.versions import VersionFormField


def version_of(record) -> dict:
    """The hidden version field an edit page of `record` draws now, signed as the browser posts it."""
    return {"version": str(VersionFormField().prepare_value(record.version))}
