"""Qt item models: adapters from core records to views."""
