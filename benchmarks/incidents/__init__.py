"""The real-news incident gold set: reports of one happening across SaudiNewsNet outlets."""
