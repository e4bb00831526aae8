"""The real-news gold set: SaudiNewsNet records annotated by us, stored as references only."""
