"""Interface language: which translation to use (the system locale, or the Preferences choice) and
installing it, with Qt's own translation for the standard buttons of dialogs.

Translations live in resources/translations (shipped as ``reviewer.resources``): reviewer_<lang>.ts
is the source, reviewer_<lang>.qm the compiled file Qt loads.  English is the source language.
"""

from __future__ import annotations

from importlib.resources import as_file, files

from PySide6.QtCore import QCoreApplication, QEvent, QLibraryInfo, QLocale, QSettings, QTranslator

LANGUAGE_KEY = "ui/language"
SYSTEM = ""
ENGLISH = "en"
CHINESE = "zh_CN"
# (setting value, name shown in Preferences — each language in its own words).
LANGUAGES: tuple[tuple[str, str], ...] = ((ENGLISH, "English"), (CHINESE, "简体中文"))
TRANSLATED = (CHINESE,)

# The translators now installed (kept referenced: Qt does not own them), and their language.
_installed: list[QTranslator] = []
_current = [ENGLISH]


def chosen_language(settings: QSettings | None) -> str:
    """The Preferences choice: "" (follow the system), "en" or "zh_CN"."""
    value = settings.value(LANGUAGE_KEY, SYSTEM) if settings is not None else SYSTEM
    return value if value in (ENGLISH, CHINESE) else SYSTEM


def system_language(locale: QLocale | None = None) -> str:
    """The translation that fits the system locale: Simplified Chinese for zh (Hans), else English."""
    for name in (locale or QLocale.system()).uiLanguages():
        tag = name.replace("_", "-").lower()
        if tag.startswith("zh"):
            # Traditional-script locales have no translation of their own yet; Simplified reads better
            # to them than English does, but only a Simplified locale is sure of it.
            return CHINESE if not any(t in tag for t in ("hant", "-tw", "-hk", "-mo")) else ENGLISH
        if tag.startswith("en"):
            return ENGLISH
    return ENGLISH


def effective_language(settings: QSettings | None, locale: QLocale | None = None) -> str:
    return chosen_language(settings) or system_language(locale)


def qm_name(language: str) -> str:
    return f"reviewer_{language}.qm"


def load_translator(language: str) -> QTranslator | None:
    """The app's translator for ``language`` (None for English, the source language)."""
    if language not in TRANSLATED:
        return None
    resource = files("reviewer.resources").joinpath("translations", qm_name(language))
    translator = QTranslator()
    # as_file gives a real path (a temporary copy only when the package is zipped); Qt reads the
    # file inside load(), so the copy may go afterwards.
    with as_file(resource) as path:
        if not translator.load(str(path)):
            return None
    return translator


def load_qt_translator(language: str) -> QTranslator | None:
    """Qt's own strings (OK / Cancel / the file dialog) from the translations PySide6 ships."""
    if language not in TRANSLATED:
        return None
    translator = QTranslator()
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    return translator if translator.load(f"qtbase_{language}", folder) else None


def install(language: str) -> list[QTranslator]:
    """Replace the installed translators with those of ``language`` ("en": none); returns them."""
    remove()
    for translator in (load_qt_translator(language), load_translator(language)):
        if translator is not None:
            QCoreApplication.installTranslator(translator)
            _installed.append(translator)
    if language in TRANSLATED:
        QLocale.setDefault(QLocale(language))
    _current[0] = language
    return list(_installed)


def current() -> str:
    """The language the interface shows now."""
    return _current[0]


def is_language_change(event: QEvent) -> bool:
    """Installing a translator sends this to every widget: the cue to call its retranslate()."""
    return event.type() == QEvent.Type.LanguageChange


def remove() -> None:
    while _installed:
        QCoreApplication.removeTranslator(_installed.pop())
    QLocale.setDefault(QLocale.system())
    _current[0] = ENGLISH
