"""Readers: one per input format, each producing a `Document` (see `baocao.document.io`)."""
