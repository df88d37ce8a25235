// Fingerprint: FNV-1a 64 test vectors (from the FNV reference test suite, cross-checked with
// an independent Python implementation), little-endian integer folding, string framing.

#include <QTest>

// moc (Qt 6.4) cannot parse libstdc++ 12's <compare>/<concepts>, which the engine headers
// pull in; moc only needs the test class, so it skips them.
#ifndef Q_MOC_RUN
#include "engine/fingerprint.h"

#include <array>
#include <cstdint>
#endif

using cnsim::Fingerprint;

class TestFingerprint : public QObject {
    Q_OBJECT

private slots:
    void vectors_data() {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<quint64>("expected");
        QTest::newRow("empty") << QByteArray("") << quint64(0xcbf29ce484222325ULL);
        QTest::newRow("a") << QByteArray("a") << quint64(0xaf63dc4c8601ec8cULL);
        QTest::newRow("foobar") << QByteArray("foobar") << quint64(0x85944171f73967e8ULL);
    }
    void vectors() {
        QFETCH(QByteArray, text);
        QFETCH(quint64, expected);
        QCOMPARE(quint64(cnsim::fnv1a64(
                     std::string_view(text.constData(), static_cast<std::size_t>(text.size())))),
                 expected);
        Fingerprint f;
        f.addBytes(text.constData(), static_cast<std::size_t>(text.size()));
        QCOMPARE(quint64(f.value()), expected);
    }

    void integersAreLittleEndian() {
        Fingerprint a;
        a.addU64(0x0102030405060708ULL);
        Fingerprint b;
        const std::array<unsigned char, 8> bytes{8, 7, 6, 5, 4, 3, 2, 1};
        b.addBytes(bytes.data(), bytes.size());
        QCOMPARE(a.value(), b.value());

        Fingerprint c;
        c.addI64(-1);
        Fingerprint d;
        d.addU64(0xffffffffffffffffULL);
        QCOMPARE(c.value(), d.value());
    }

    void stringsAreLengthPrefixed() {
        Fingerprint a;
        a.addString("ab");
        a.addString("c");
        Fingerprint b;
        b.addString("a");
        b.addString("bc");
        QVERIFY(a.value() != b.value());
    }

    void orderMatters() {
        Fingerprint a;
        a.addU64(1);
        a.addU64(2);
        Fingerprint b;
        b.addU64(2);
        b.addU64(1);
        QVERIFY(a.value() != b.value());
    }

    // mixWord: FNV-1a's step over a whole word, so a chain depends on every word and their order.
    void mixWordChainsWholeWords() {
        constexpr std::uint64_t basis = Fingerprint::kOffsetBasis;
        QCOMPARE(Fingerprint::mixWord(basis, 0), basis * Fingerprint::kPrime);
        const auto chain = [&](std::uint64_t first, std::uint64_t second) {
            return Fingerprint::mixWord(Fingerprint::mixWord(basis, first), second);
        };
        QVERIFY(chain(1, 2) != chain(2, 1));
        QVERIFY(chain(1, 2) != chain(1, 3));
        QVERIFY(chain(1ULL << 63, 0) != chain(0, 0)); // a high bit counts too
    }

    void hex() {
        QCOMPARE(QString::fromStdString(Fingerprint().hex()), QStringLiteral("cbf29ce484222325"));
        Fingerprint f;
        f.addBytes("a", 1);
        QCOMPARE(QString::fromStdString(f.hex()), QStringLiteral("af63dc4c8601ec8c"));
    }
};

QTEST_GUILESS_MAIN(TestFingerprint)
#include "test_fingerprint.moc"
