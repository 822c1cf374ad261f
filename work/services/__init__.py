"""Writes of work records. Each function is one transaction and validates first."""
