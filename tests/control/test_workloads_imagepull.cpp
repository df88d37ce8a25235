// Image pull policy defaults and pull timing (pkg/apis/core/v1/defaults.go,
// pkg/kubelet/images/image_manager.go and image_manager_test.go).

#include <QTest>

#ifndef Q_MOC_RUN
#include "control/workloads/imagepull.h"
#endif

using namespace cnsim;

class TestWorkloadsImagePull : public QObject {
    Q_OBJECT

private slots:
    void defaultPolicy_data();
    void defaultPolicy();
    void plan_data();
    void plan();
    void serialPulls();
};

// defaults_test.go TestSetDefaultsImagePullPolicy (and the digest / registry-port cases).
void TestWorkloadsImagePull::defaultPolicy_data() {
    QTest::addColumn<QString>("image");
    QTest::addColumn<int>("policy");
    const int always = static_cast<int>(ImagePullPolicy::Always);
    const int ifNotPresent = static_cast<int>(ImagePullPolicy::IfNotPresent);
    QTest::newRow("no tag") << "nginx" << always;
    QTest::newRow(":latest") << "nginx:latest" << always;
    QTest::newRow("versioned tag") << "nginx:1.27" << ifNotPresent;
    QTest::newRow("registry with port, no tag") << "localhost:5000/shop/web" << always;
    QTest::newRow("registry with port and tag") << "localhost:5000/shop/web:2.1" << ifNotPresent;
    QTest::newRow("digest only") << "nginx@sha256:abc" << ifNotPresent;
    QTest::newRow("latest tag with digest") << "nginx:latest@sha256:abc" << always;
}

void TestWorkloadsImagePull::defaultPolicy() {
    QFETCH(QString, image);
    QFETCH(int, policy);
    QCOMPARE(static_cast<int>(defaultImagePullPolicy(image.toStdString())), policy);
}

// image_manager_test.go pullerTestCases: what each policy does with a present / absent image.
void TestWorkloadsImagePull::plan_data() {
    QTest::addColumn<int>("policy");
    QTest::addColumn<bool>("cached");
    QTest::addColumn<int>("action");
    QTest::addColumn<qint64>("micros");
    const qint64 fullPull = 2'500'000; // 250 MiB at 100 MiB/s
    QTest::newRow("image missing, pull Always")
        << int(ImagePullPolicy::Always) << false << int(PullAction::Pull) << fullPull;
    QTest::newRow("image present, pull Always: manifest check")
        << int(ImagePullPolicy::Always) << true << int(PullAction::ManifestCheck)
        << qint64{kManifestCheckTime.toMicroseconds()};
    QTest::newRow("image present, don't pull")
        << int(ImagePullPolicy::IfNotPresent) << true << int(PullAction::UseCached) << qint64(0);
    QTest::newRow("image missing, pull IfNotPresent")
        << int(ImagePullPolicy::IfNotPresent) << false << int(PullAction::Pull) << fullPull;
    QTest::newRow("image present, Never")
        << int(ImagePullPolicy::Never) << true << int(PullAction::UseCached) << qint64(0);
    QTest::newRow("image missing, Never: ErrImageNeverPull")
        << int(ImagePullPolicy::Never) << false << int(PullAction::ErrImageNeverPull) << qint64(0);
}

void TestWorkloadsImagePull::plan() {
    QFETCH(int, policy);
    QFETCH(bool, cached);
    QFETCH(int, action);
    QFETCH(qint64, micros);
    const PullPlan p = planImagePull("shop/web:2.1", static_cast<ImagePullPolicy>(policy), cached,
                                     Bytes::mebibytes(250), Bytes::mebibytes(100));
    QCOMPARE(static_cast<int>(p.action), action);
    QCOMPARE(p.duration.toMicroseconds(), micros);
    if (p.action == PullAction::ErrImageNeverPull) {
        QCOMPARE(QString::fromStdString(p.message),
                 QStringLiteral("Container image \"shop/web:2.1\" is not present with pull "
                                "policy of Never"));
    }
}

// serializeImagePulls (default true): pulls on one node run one after another.
void TestWorkloadsImagePull::serialPulls() {
    SerialPullQueue q;
    const SimTime d = pullDuration(Bytes::mebibytes(100), Bytes::mebibytes(50)); // 2 s
    QCOMPARE(d, SimTime::seconds(2));
    QCOMPARE(q.enqueue(SimTime::seconds(10), d), SimTime::seconds(12));
    QCOMPARE(q.enqueue(SimTime::seconds(11), d), SimTime::seconds(14));
    QCOMPARE(q.enqueue(SimTime::seconds(20), d), SimTime::seconds(22));
    QCOMPARE(pullDuration(Bytes{1}, Bytes{3}), SimTime::microseconds(333'334));
}

QTEST_GUILESS_MAIN(TestWorkloadsImagePull)
#include "test_workloads_imagepull.moc"
