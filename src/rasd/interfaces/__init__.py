"""interfaces stage."""
