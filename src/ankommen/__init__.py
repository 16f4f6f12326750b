"""Ankommen: the open Dialogplattform on which a town runs its integration work."""
