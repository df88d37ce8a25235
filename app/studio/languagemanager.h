#pragma once

// LanguageManager: switches the studio between English and Simplified Chinese at run
// time and remembers the choice.
//
// Installs one QTranslator for cnsim's strings (from the .qm files embedded under
// :/i18n) and one for Qt's own dialogs when the system has it; installing them makes Qt
// send QEvent::LanguageChange to every widget, and each widget retranslates itself in
// changeEvent(). The choice is stored in QSettings under "ui/language".

#include <QObject>
#include <QStringList>

class QTranslator;

class LanguageManager : public QObject {
    Q_OBJECT

public:
    explicit LanguageManager(QObject* parent = nullptr);
    ~LanguageManager() override;

    static QStringList availableLanguages(); // "en", "zh_CN"
    // The language's own name ("English", "简体中文"), so anyone can find theirs.
    static QString nativeName(const QString& language);
    // "zh_CN" for any Chinese system locale, else "en".
    static QString systemLanguage();

    QString language() const { return m_language; }
    // Loads and installs `language`; returns false (and changes nothing) if unknown.
    bool setLanguage(const QString& language, bool remember = true);
    // The remembered language, or the system's when nothing is remembered.
    QString savedLanguage() const;

signals:
    void languageChanged(const QString& language);

private:
    QString m_language;
    QTranslator* m_appTranslator = nullptr;
    QTranslator* m_qtTranslator = nullptr;
};
