"""The injury-risk rules of docs/risk-rules.md, one module per rule family, each function returning Flags.

Every function reads the runner's Frames and the assessment day `on` (a normalized Timestamp),
records what it checked in `checks`, and stays silent when the rule's minimum data is missing.
"""

from .base import SEVERITY_ORDER, Check, Checks, Flag
from .footwear import footwear
from .form import cadence
from .load import acwr_rule, monotony_rule, session_spike, weekly_increase
from .pain import RED_FLAG_SIGNS, pain_monitor, persistent, red_flag
from .prevention import prevention
from .rest import rest_missing

__all__ = [
    "RED_FLAG_SIGNS",
    "SEVERITY_ORDER",
    "Check",
    "Checks",
    "Flag",
    "acwr_rule",
    "cadence",
    "footwear",
    "monotony_rule",
    "pain_monitor",
    "persistent",
    "prevention",
    "red_flag",
    "rest_missing",
    "session_spike",
    "weekly_increase",
]
