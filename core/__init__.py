"""The shared machinery every app uses: the page cache, mail, history, personal data, form
protection, text and spreadsheet helpers. It imports no app (`make lint` checks it)."""
