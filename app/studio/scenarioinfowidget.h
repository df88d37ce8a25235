#pragma once

// ScenarioInfoWidget: the open scenario's title and description, in the studio's
// language (the scenario file's zh_CN text when Chinese is active and the file has it,
// else its English). Scenario prose is content from the file, not a .ts string.

#include <QWidget>

// Qt first: Qt 6.4's moc fails on <compare> (pulled in by sim/ headers) unless a Qt
// header has set up the standard library's configuration macros before it.
#include "scenario/scenario.h"

class QLabel;

class ScenarioInfoWidget : public QWidget {
    Q_OBJECT

public:
    explicit ScenarioInfoWidget(QWidget* parent = nullptr);

    void setScenario(const cnsim::ScenarioMetadata& metadata, const QString& fileName);
    // "en" or "zh_CN": which of the file's texts to show.
    void setLanguage(const QString& language);
    QString title() const;
    QString description() const;

    // The text of `text` for `language`, falling back to English.
    static QString localized(const cnsim::LocalizedText& text, const QString& language);

protected:
    void changeEvent(QEvent* event) override;

private:
    void refresh();

    cnsim::ScenarioMetadata m_metadata;
    QString m_fileName;
    QString m_language = QStringLiteral("en");
    QLabel* m_title;
    QLabel* m_description;
    QLabel* m_file;
};
