"""Incidents: one real-world happening across outlets and days, and where sources disagree.

``incidents.resolve`` groups per-document event reports into incidents (blocked by kind ×
place/word key × week, greedy against each incident's running profile, so near-linear);
``slots.disagreements`` compares the values each source gives inside one incident and
turns incompatible pairs into ``number``/``date`` conflicts. See docs/events.md.
"""

# event types that report a happening (an incident); other types keep resolve.events.merge
INCIDENT_TYPES = frozenset({"ATTACK", "AIRSTRIKE", "ARREST", "OTHER"})
# numeric slots an incident's reports give values for
SLOT_KEYS = ("killed", "injured", "arrested", "missing", "rockets", "drones", "intercepted")
