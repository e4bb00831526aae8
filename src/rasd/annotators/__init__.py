"""Annotators: per-document stages that add mentions to a ``models.DocAnalysis``.

Each annotator module exposes ``annotate(da: DocAnalysis) -> None`` and fills its own
list. ``rasd.stages`` registers them in run order with what each reads and writes,
because later ones read earlier results (quantities skip spans that time took; quotes
link speakers to entity mentions). Non-Arabic documents are left alone.
"""
