"""Shipped stance model files and the script that trains its word vectors."""
