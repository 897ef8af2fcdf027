"""Indicators: a body's figures tracked against annual targets, per period and unit (issue 5)."""
