"""The "runlog" app's models, gathered from its feature packages (the migrations refer to this module)."""

from runlog.activity.models import Recording, delete_stored_files
from runlog.api.models import ApiToken
from runlog.digest.models import DigestDelivery
from runlog.imports.models import ImportBatch, ImportFile, delete_stored_upload, import_file_path, upload_path
from runlog.log.models import (
    Activity,
    CrossTraining,
    FootType,
    Language,
    Profile,
    Run,
    RunKind,
    Shoe,
    ShoeSupport,
    Source,
    Surface,
    Units,
    Weekday,
    local_day_bounds,
    new_log_version,
    profile_for,
    timezone_names,
    validate_timezone,
)
from runlog.sharing.models import CalendarFeed, ClinicianShare, ShareView
from runlog.site.models import FormSubmission

__all__ = [
    "Activity",
    "ApiToken",
    "CalendarFeed",
    "ClinicianShare",
    "CrossTraining",
    "DigestDelivery",
    "FootType",
    "FormSubmission",
    "ImportBatch",
    "ImportFile",
    "Language",
    "Profile",
    "Recording",
    "Run",
    "RunKind",
    "ShareView",
    "Shoe",
    "ShoeSupport",
    "Source",
    "Surface",
    "Units",
    "Weekday",
    "delete_stored_files",
    "delete_stored_upload",
    "import_file_path",
    "local_day_bounds",
    "new_log_version",
    "profile_for",
    "timezone_names",
    "upload_path",
    "validate_timezone",
]
