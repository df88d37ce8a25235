#include "languagemanager.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QTranslator>

namespace {
const QString settingsKey = QStringLiteral("ui/language");
} // namespace

LanguageManager::LanguageManager(QObject* parent) : QObject(parent) {}

LanguageManager::~LanguageManager() {
    for (QTranslator* translator : {m_appTranslator, m_qtTranslator}) {
        if (translator) {
            QCoreApplication::removeTranslator(translator);
        }
    }
}

QStringList LanguageManager::availableLanguages() {
    return {QStringLiteral("en"), QStringLiteral("zh_CN")};
}

QString LanguageManager::nativeName(const QString& language) {
    if (language == QLatin1String("zh_CN")) {
        return QStringLiteral("简体中文");
    }
    return QStringLiteral("English");
}

QString LanguageManager::systemLanguage() {
    return QLocale::system().language() == QLocale::Chinese ? QStringLiteral("zh_CN")
                                                            : QStringLiteral("en");
}

QString LanguageManager::savedLanguage() const {
    const QString saved = QSettings().value(settingsKey).toString();
    return availableLanguages().contains(saved) ? saved : systemLanguage();
}

bool LanguageManager::setLanguage(const QString& language, bool remember) {
    if (!availableLanguages().contains(language)) {
        return false;
    }
    auto* appTranslator = new QTranslator(this);
    if (!appTranslator->load(QStringLiteral(":/i18n/cnsim_%1.qm").arg(language))) {
        delete appTranslator;
        appTranslator = nullptr;
        // English is the source language: without its .qm only the plural forms suffer.
        if (language != QLatin1String("en")) {
            return false;
        }
    }
    // Qt's own strings (standard buttons, file dialog); optional: the system may lack them.
    auto* qtTranslator = new QTranslator(this);
    if (!qtTranslator->load(QLocale(language), QStringLiteral("qtbase"), QStringLiteral("_"),
                            QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        delete qtTranslator;
        qtTranslator = nullptr;
    }

    for (QTranslator* old : {m_appTranslator, m_qtTranslator}) {
        if (old) {
            QCoreApplication::removeTranslator(old);
            old->deleteLater();
        }
    }
    m_appTranslator = appTranslator;
    m_qtTranslator = qtTranslator;
    if (m_appTranslator) {
        QCoreApplication::installTranslator(m_appTranslator);
    }
    if (m_qtTranslator) {
        QCoreApplication::installTranslator(m_qtTranslator);
    }
    QLocale::setDefault(QLocale(language));
    m_language = language;
    if (remember) {
        QSettings().setValue(settingsKey, language);
    }
    emit languageChanged(language);
    return true;
}
