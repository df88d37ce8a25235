// EventLogModel: checked by QAbstractItemModelTester while it grows, resets and is
// retranslated, and through the QSortFilterProxyModel the dock uses.

#include "eventlogmodel.h"
#include "model/simulation.h"
#include "scenarioloader.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTest>

namespace {

cnsim::ClusterEvent makeEvent(std::int64_t seconds, cnsim::EventReason reason,
                              const std::string& pod, const std::string& node) {
    cnsim::ClusterEvent event;
    event.time = cnsim::SimTime::seconds(seconds);
    event.component = cnsim::Component::Scheduler;
    event.reason = reason;
    event.objectKind = cnsim::ObjectKind::Pod;
    event.objectName = pod;
    event.args = {{"pod", pod}, {"node", node}};
    return event;
}

} // namespace

class TestEventLogModel : public QObject {
    Q_OBJECT

private slots:
    void appendsIncrementally();
    void startsOverForANewSimulation();
    void filtersThroughProxy();
    void followsARealSimulation();
    void showsVmGroupActivities();
};

void TestEventLogModel::appendsIncrementally() {
    EventLogModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);

    std::vector<cnsim::ClusterEvent> events;
    events.push_back(makeEvent(1, cnsim::EventReason::Scheduled, "web-a", "node-1"));
    model.sync(events);
    QCOMPARE(model.rowCount(), 1);
    events.push_back(makeEvent(2, cnsim::EventReason::Started, "web-a", "node-1"));
    events.push_back(makeEvent(3, cnsim::EventReason::Scheduled, "web-b", "node-2"));
    model.sync(events);
    model.sync(events); // nothing new: no signal
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.columnCount(), int(EventLogModel::ColumnCount));
    QCOMPARE(inserted.size(), 2);
    QCOMPARE(inserted.at(1).at(1).toInt(), 1); // first new row
    QCOMPARE(inserted.at(1).at(2).toInt(), 2); // last new row
    QCOMPARE(reset.size(), 0);

    QCOMPARE(model.index(0, EventLogModel::TimeColumn).data().toString(),
             QStringLiteral("00:00:01.000"));
    QCOMPARE(model.index(2, EventLogModel::ReasonColumn).data().toString(),
             QStringLiteral("Scheduled"));
    QCOMPARE(model.index(2, EventLogModel::MessageColumn).data().toString(),
             QStringLiteral("Assigned pod web-b to node node-2"));
    QCOMPARE(model.index(1, EventLogModel::ComponentColumn).data().toString(),
             QStringLiteral("kube-scheduler"));
    QCOMPARE(model.index(1, 0).data(EventLogModel::SimTimeRole).toLongLong(), 2'000'000);
    model.retranslate();
}

void TestEventLogModel::startsOverForANewSimulation() {
    EventLogModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    std::vector<cnsim::ClusterEvent> events;
    for (int i = 0; i < 5; ++i) {
        events.push_back(
            makeEvent(i, cnsim::EventReason::SuccessfulCreate, "web-" + std::to_string(i), ""));
    }
    model.sync(events);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    events.resize(2); // a Reset: the new simulation's log is shorter
    model.sync(events);
    QCOMPARE(reset.size(), 1);
    QCOMPARE(model.rowCount(), 2);
    model.clear();
    QCOMPARE(model.rowCount(), 0);
}

void TestEventLogModel::filtersThroughProxy() {
    EventLogModel model;
    QSortFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    proxy.setFilterKeyColumn(-1);
    proxy.setFilterCaseSensitivity(Qt::CaseInsensitive);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    std::vector<cnsim::ClusterEvent> events;
    events.push_back(makeEvent(1, cnsim::EventReason::Scheduled, "web-a", "node-1"));
    events.push_back(makeEvent(2, cnsim::EventReason::Scheduled, "web-b", "node-2"));
    model.sync(events);
    proxy.setFilterFixedString(QStringLiteral("NODE-2"));
    QCOMPARE(proxy.rowCount(), 1);
    events.push_back(makeEvent(3, cnsim::EventReason::Started, "web-b", "node-2"));
    events.push_back(makeEvent(3, cnsim::EventReason::Started, "web-a", "node-1"));
    model.sync(events);
    QCOMPARE(proxy.rowCount(), 2);
}

void TestEventLogModel::followsARealSimulation() {
    cnsim::ScenarioLoadResult loaded =
        ScenarioLoader::load(QStringLiteral(CNSIM_SCENARIO_DIR "/hello-cluster.yaml"));
    QVERIFY(loaded.scenario);
    cnsim::Simulation simulation(*loaded.scenario);
    EventLogModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    for (int second = 1; second <= 20; ++second) {
        simulation.advanceTo(cnsim::SimTime::seconds(second));
        model.sync(simulation.events());
        QCOMPARE(model.rowCount(), static_cast<int>(simulation.events().size()));
    }
    QVERIFY(model.rowCount() > 0);
    for (int row = 0; row < model.rowCount(); ++row) {
        QVERIFY(!model.index(row, EventLogModel::MessageColumn).data().toString().isEmpty());
    }
}

// A VM auto-scaling group's activities (no Kubernetes object) read as sentences in the log.
void TestEventLogModel::showsVmGroupActivities() {
    cnsim::ScenarioLoadResult loaded =
        ScenarioLoader::load(QStringLiteral(CNSIM_SCENARIO_DIR "/vms-vs-containers-race.yaml"));
    QVERIFY(loaded.scenario);
    cnsim::Simulation simulation(*loaded.scenario);
    simulation.advanceTo(cnsim::SimTime::minutes(10));
    EventLogModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.sync(simulation.events());
    QStringList messages;
    for (int row = 0; row < model.rowCount(); ++row) {
        messages << model.index(row, EventLogModel::MessageColumn).data().toString();
    }
    QVERIFY(messages.contains(
        QStringLiteral("Auto-scaling group shop-asg launches VM instance shop-asg-1")));
    QVERIFY(messages.contains(QStringLiteral(
        "Auto-scaling group shop-asg: CPU alarm AlarmHigh sets the desired capacity from 2 to 4")));
}

QTEST_MAIN(TestEventLogModel)
#include "test_eventlogmodel.moc"
