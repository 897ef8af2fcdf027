"""The Django project: settings, URL wiring, the base template and the login pages.

Everything a user does lives in the area apps (org, cycle, tasks, archive, api); this package
only wires them together.
"""
