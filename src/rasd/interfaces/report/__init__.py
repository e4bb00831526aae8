"""The self-contained HTML report: one right-to-left page an analyst can read offline.

Everything (CSS, JS, SVG charts, the map outline) is inlined so the file can be mailed or
archived and opened anywhere without a single network request. Every item links to the
characters it came from: documents are rendered (whole, or around the evidence on a big
corpus) with evidence spans in ``<mark>`` at their exact offsets, and
``#<doc>-<start>-<end>`` anchors scroll to them.

Modules, one concern each: ``loading`` (analysis.json back to models), ``labels`` (Arabic
labels and dates), ``context`` (lookups and evidence links), ``text`` (document text with
marks), ``charts`` (timeline and map SVG), ``story`` (incidents, threads, disagreements)
and ``view`` (the view model and rendering).

Public API: ``render_report(analysis, as_of) -> str``, ``write_report(analysis, path, as_of)``,
``load_analysis(path)`` / ``analysis_from_dict(data)`` to read ``analysis.json`` back,
``restatus(analysis, as_of)`` to see commitments from another day.
"""

from rasd.interfaces.report.context import anchor
from rasd.interfaces.report.labels import date_range, deadline_text, format_date, label, shorten
from rasd.interfaces.report.loading import analysis_from_dict, load_analysis, restatus
from rasd.interfaces.report.story import thread_state
from rasd.interfaces.report.text import render_excerpts, render_text
from rasd.interfaces.report.view import render_report, timeline_events, write_report

__all__ = [
    "analysis_from_dict",
    "anchor",
    "date_range",
    "deadline_text",
    "format_date",
    "label",
    "load_analysis",
    "render_excerpts",
    "render_report",
    "render_text",
    "restatus",
    "shorten",
    "thread_state",
    "timeline_events",
    "write_report",
]
