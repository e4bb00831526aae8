"""Incidents: one real-world happening across outlets and days, and where sources disagree.

``incidents.resolve`` groups per-document event reports into incidents (blocked by kind ×
place/word key × week, greedy against each incident's running profile, so near-linear);
``slots.disagreements`` compares the values each source gives inside one incident and
turns incompatible pairs into ``number``/``date`` conflicts. See docs/events.md.
"""

from __future__ import annotations

from rasd.annotators.events.types import KINDS as KINDS
from rasd.annotators.events.types import incident_types as incident_types
from rasd.annotators.events.types import type_traits as type_traits
from rasd.annotators.events.types import types_with as types_with

# numeric slots an incident's reports give values for
SLOT_KEYS = ("killed", "injured", "arrested", "missing", "rockets", "drones", "intercepted")
