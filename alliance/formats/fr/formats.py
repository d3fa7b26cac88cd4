# French typography groups thousands with a narrow no-break space (U+202F), "108 000";
# Django's French formats use a no-break space (U+00A0). The rest is Django's.
THOUSAND_SEPARATOR = "\u202f"
