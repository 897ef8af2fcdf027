"""The archive: issued reports and reports imported from old files, searchable without accents."""
