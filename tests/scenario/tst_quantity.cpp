// Kubernetes quantity parsing and formatting (sim/scenario/quantity.h), checked against
// the values k8s.io/apimachinery/pkg/api/resource gives for the same text.

#include "scenario/editdistance.h"
#include "scenario/quantity.h"

#include <QtTest>

using namespace cnsim;

class TestQuantity : public QObject {
    Q_OBJECT

private slots:
    void parsesCpu_data();
    void parsesCpu();
    void rejectsCpu_data();
    void rejectsCpu();
    void parsesMemory_data();
    void parsesMemory();
    void rejectsMemory_data();
    void rejectsMemory();
    void formatsCanonically_data();
    void formatsCanonically();
    void editDistance_data();
    void editDistance();
};

void TestQuantity::parsesCpu_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("millis");
    QTest::newRow("millicores") << "500m" << qint64(500);
    QTest::newRow("decimal") << "1.5" << qint64(1500);
    QTest::newRow("whole") << "2" << qint64(2000);
    QTest::newRow("tenth") << "0.1" << qint64(100);
    QTest::newRow("one millicore") << "0.001" << qint64(1);
    QTest::newRow("zero") << "0" << qint64(0);
    QTest::newRow("exponent") << "1e-1" << qint64(100);
    QTest::newRow("plus sign") << "+250m" << qint64(250);
    QTest::newRow("kilo") << "1k" << qint64(1'000'000);
    QTest::newRow("micro exact") << "1000u" << qint64(1);
    QTest::newRow("nano exact") << "1000000n" << qint64(1);
}

void TestQuantity::parsesCpu() {
    QFETCH(QString, text);
    QFETCH(qint64, millis);
    const auto result = parseCpu(text.toStdString());
    QVERIFY2(result.value.has_value(), result.error.c_str());
    QCOMPARE(result.value->value, millis);
}

void TestQuantity::rejectsCpu_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("reason");
    QTest::newRow("negative") << "-1"
                              << "negative values are not allowed";
    QTest::newRow("negative milli") << "-500m"
                                    << "negative values are not allowed";
    QTest::newRow("sub-millicore")
        << "0.0005"
        << "CPU finer than 1m (a thousandth of a core) cannot be expressed";
    QTest::newRow("micro") << "1u"
                           << "CPU finer than 1m (a thousandth of a core) cannot be expressed";
    QTest::newRow("empty") << ""
                           << "the value is empty; expected a quantity such as 500m, 1.5 or 2";
    QTest::newRow("word") << "two"
                          << "not a Kubernetes quantity; expected e.g. 500m, 1.5 or 2";
    QTest::newRow("bad suffix") << "2cores"
                                << "not a Kubernetes quantity; expected e.g. 500m, 1.5 or 2";
    QTest::newRow("two dots") << "1.2.3"
                              << "not a Kubernetes quantity; expected e.g. 500m, 1.5 or 2";
    QTest::newRow("overflow") << "99999999999999999999"
                              << "the value is too large";
    QTest::newRow("huge exponent") << "1e400"
                                   << "the value is too large";
    QTest::newRow("exa overflow") << "10E"
                                  << "the value is too large";
    QTest::newRow("exponent with suffix")
        << "1e3m"
        << "not a Kubernetes quantity; expected e.g. 500m, 1.5 or 2";
}

void TestQuantity::rejectsCpu() {
    QFETCH(QString, text);
    QFETCH(QString, reason);
    const auto result = parseCpu(text.toStdString());
    QVERIFY(!result.value.has_value());
    QCOMPARE(QString::fromStdString(result.error), reason);
}

void TestQuantity::parsesMemory_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("bytes");
    QTest::newRow("Mi") << "512Mi" << qint64(512) * 1024 * 1024;
    QTest::newRow("Gi") << "2Gi" << qint64(2) * 1024 * 1024 * 1024;
    QTest::newRow("G") << "1G" << qint64(1'000'000'000);
    QTest::newRow("plain") << "128974848" << qint64(128974848);
    QTest::newRow("exponent") << "129e6" << qint64(129'000'000);
    QTest::newRow("fractional Gi") << "1.5Gi" << qint64(1610612736);
    QTest::newRow("Ki") << "1Ki" << qint64(1024);
    QTest::newRow("Ti") << "64Ti" << qint64(64) * 1024 * 1024 * 1024 * 1024;
    QTest::newRow("k") << "5k" << qint64(5000);
    QTest::newRow("zero") << "0" << qint64(0);
}

void TestQuantity::parsesMemory() {
    QFETCH(QString, text);
    QFETCH(qint64, bytes);
    const auto result = parseMemory(text.toStdString());
    QVERIFY2(result.value.has_value(), result.error.c_str());
    QCOMPARE(result.value->value, bytes);
}

void TestQuantity::rejectsMemory_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("reason");
    QTest::newRow("negative") << "-512Mi"
                              << "negative values are not allowed";
    QTest::newRow("fraction of a byte") << "0.5"
                                        << "memory must be a whole number of bytes";
    QTest::newRow("millibytes") << "500m"
                                << "memory must be a whole number of bytes";
    QTest::newRow("lower-case gi")
        << "2gi"
        << "not a Kubernetes quantity; expected e.g. 512Mi, 2Gi, 1G or 128974848";
    QTest::newRow("GB") << "2GB"
                        << "not a Kubernetes quantity; expected e.g. 512Mi, 2Gi, 1G or 128974848";
    QTest::newRow("overflow") << "9Ei"
                              << "the value is too large";
    QTest::newRow("space")
        << "2 Gi"
        << "not a Kubernetes quantity; expected e.g. 512Mi, 2Gi, 1G or 128974848";
}

void TestQuantity::rejectsMemory() {
    QFETCH(QString, text);
    QFETCH(QString, reason);
    const auto result = parseMemory(text.toStdString());
    QVERIFY(!result.value.has_value());
    QCOMPARE(QString::fromStdString(result.error), reason);
}

void TestQuantity::formatsCanonically_data() {
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("canonical");
    QTest::newRow("cpu milli") << "cpu"
                               << "500m"
                               << "500m";
    QTest::newRow("cpu one") << "cpu"
                             << "1000m"
                             << "1";
    QTest::newRow("cpu decimal") << "cpu"
                                 << "1.5"
                                 << "1500m";
    QTest::newRow("cpu zero") << "cpu"
                              << "0"
                              << "0";
    QTest::newRow("mem Gi") << "memory"
                            << "2048Mi"
                            << "2Gi";
    QTest::newRow("mem Mi") << "memory"
                            << "512Mi"
                            << "512Mi";
    QTest::newRow("mem 1.5Gi") << "memory"
                               << "1.5Gi"
                               << "1536Mi";
    QTest::newRow("mem decimal") << "memory"
                                 << "129e6"
                                 << "129M";
    QTest::newRow("mem bytes") << "memory"
                               << "1234567"
                               << "1234567";
    QTest::newRow("mem zero") << "memory"
                              << "0"
                              << "0";
}

void TestQuantity::formatsCanonically() {
    QFETCH(QString, kind);
    QFETCH(QString, input);
    QFETCH(QString, canonical);
    if (kind == "cpu") {
        const CpuMillis value = *parseCpu(input.toStdString()).value;
        QCOMPARE(QString::fromStdString(formatCpu(value)), canonical);
        QCOMPARE(parseCpu(formatCpu(value)).value, value);
    } else {
        const Bytes value = *parseMemory(input.toStdString()).value;
        QCOMPARE(QString::fromStdString(formatMemory(value)), canonical);
        QCOMPARE(parseMemory(formatMemory(value)).value, value);
    }
}

void TestQuantity::editDistance_data() {
    QTest::addColumn<QString>("word");
    QTest::addColumn<QString>("suggestion");
    QTest::newRow("dropped letter") << "replcas"
                                    << "replicas";
    QTest::newRow("swapped letters") << "replicsa"
                                     << "replicas";
    QTest::newRow("case") << "Replicas"
                          << "replicas";
    QTest::newRow("too far") << "banana"
                             << "";
    QTest::newRow("short word one edit") << "imag"
                                         << "image";
}

void TestQuantity::editDistance() {
    QFETCH(QString, word);
    QFETCH(QString, suggestion);
    const std::vector<std::string_view> candidates{"replicas", "selector", "template", "image",
                                                   "name"};
    QCOMPARE(QString::fromStdString(nearestName(word.toStdString(), candidates)), suggestion);
    QCOMPARE(damerauLevenshtein("ab", "ba"), 1);
    QCOMPARE(damerauLevenshtein("kitten", "sitting"), 3);
}

QTEST_GUILESS_MAIN(TestQuantity)
#include "tst_quantity.moc"
