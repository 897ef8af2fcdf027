"""Writers: one per output format (docx, pdf, html, md)."""
