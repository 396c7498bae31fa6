"""Persistence of users, conversations, interactions, feedback, reviews and verified answers."""
