"""Vietnamese text: normalisation, numbers, dates, figures, references, places, word lists."""
