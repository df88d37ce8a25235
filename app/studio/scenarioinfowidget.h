#pragma once

// ScenarioInfoWidget: the open scenario's title and description, in the studio's
// language (the scenario file's zh_CN text when Chinese is active and the file has it,
// else its English; scenario prose is content from the file, not a .ts string), and how its
// traffic is simulated (per request, or aggregate).

#include <QWidget>

// Qt first: Qt 6.4's moc fails on <compare> (pulled in by sim/ headers) unless a Qt
// header has set up the standard library's configuration macros before it.
#include "scenario/scenario.h"

class QLabel;

class ScenarioInfoWidget : public QWidget {
    Q_OBJECT

public:
    explicit ScenarioInfoWidget(QWidget* parent = nullptr);

    void setScenario(const cnsim::Scenario& scenario, const QString& fileName);
    // "en" or "zh_CN": which of the file's texts to show.
    void setLanguage(const QString& language);
    QString title() const;
    QString description() const;
    // How the scenario's traffic is simulated; empty when it has no traffic.
    QString trafficMode() const;

    // The text of `text` for `language`, falling back to English.
    static QString localized(const cnsim::LocalizedText& text, const QString& language);

protected:
    void changeEvent(QEvent* event) override;

private:
    void refresh();

    cnsim::ScenarioMetadata m_metadata;
    QString m_fileName;
    bool m_hasTraffic = false;
    cnsim::TrafficMode m_trafficMode = cnsim::TrafficMode::PerRequest;
    QString m_language = QStringLiteral("en");
    QLabel* m_title;
    QLabel* m_description;
    QLabel* m_traffic;
    QLabel* m_file;
};
