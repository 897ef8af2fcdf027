"""The reporting cycle: periods, outlines, units' parts, review, consolidation, approval, issue."""
