"""The languages a document may be held in: the Council of Europe's official languages (English
and French), its other working languages, the languages of its member states, and Romani, each
named in itself, as readers look for it."""

LANGUAGES = [
    ("en", "English"),
    ("fr", "Français"),
    ("de", "Deutsch"),
    ("it", "Italiano"),
    ("ru", "Русский"),
    ("rom", "Romani čhib"),
    ("sq", "Shqip"),
    ("hy", "Հայերեն"),
    ("az", "Azərbaycan dili"),
    ("bs", "Bosanski"),
    ("bg", "Български"),
    ("ca", "Català"),
    ("cnr", "Crnogorski"),
    ("hr", "Hrvatski"),
    ("cs", "Čeština"),
    ("da", "Dansk"),
    ("nl", "Nederlands"),
    ("et", "Eesti"),
    ("fi", "Suomi"),
    ("ka", "ქართული"),
    ("el", "Ελληνικά"),
    ("hu", "Magyar"),
    ("is", "Íslenska"),
    ("ga", "Gaeilge"),
    ("lv", "Latviešu"),
    ("lt", "Lietuvių"),
    ("lb", "Lëtzebuergesch"),
    ("mt", "Malti"),
    ("ro", "Română"),
    ("mk", "Македонски"),
    ("no", "Norsk"),
    ("pl", "Polski"),
    ("pt", "Português"),
    ("sr", "Српски"),
    ("sk", "Slovenčina"),
    ("sl", "Slovenščina"),
    ("es", "Español"),
    ("sv", "Svenska"),
    ("tr", "Türkçe"),
    ("uk", "Українська"),
]
NATIVE_NAMES = dict(LANGUAGES)
# Official languages first, then the others in the order of their codes' list above.
ORDER = {code: position for position, (code, _name) in enumerate(LANGUAGES)}
