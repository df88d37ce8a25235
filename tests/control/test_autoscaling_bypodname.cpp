// ByPodName, the sorted array the replica calculator keeps samples and requests in by pod name
// (upstream: Go maps, pkg/controller/podautoscaler/replica_calculator.go): after any sequence of
// insertions, overwrites and erasures it must hold what a std::map would, in the same order, and
// a lookup from a cursor must find what a lookup from the start finds.

#include <QTest>

#ifndef Q_MOC_RUN
#include "control/autoscaling/bypodname.h"

#include <map>
#include <random>
#include <stdexcept>
#include <string>
#include <vector>
#endif

using namespace cnsim;

class TestAutoscalingByPodName : public QObject {
    Q_OBJECT

private slots:
    void behavesLikeAMap();
    void findFromACursor();
    void viewsKeepTheCallersNames();
    void refillReusesAndSorts();
};

void TestAutoscalingByPodName::behavesLikeAMap() {
    std::mt19937_64 random(42);
    const auto below = [&](std::uint64_t n) { return static_cast<int>(random() % n); };
    // Names whose order differs from their numbers' ("web-10" < "web-2"), as pod names do.
    const auto name = [&] { return "web-" + std::to_string(below(40)); };
    ByPodName<std::string, int> names;
    std::map<std::string, int> reference;
    for (int step = 0; step < 5000; ++step) {
        const std::string n = name();
        switch (below(4)) {
        case 0:
            names.insert_or_assign(n, step);
            reference.insert_or_assign(n, step);
            break;
        case 1:
            names[n] += step;
            reference[n] += step;
            break;
        case 2:
            QCOMPARE(names.erase(n), reference.erase(n));
            break;
        default:
            QCOMPARE(names.contains(n), reference.count(n) != 0);
            if (reference.count(n) != 0) {
                QCOMPARE(names.at(n), reference.at(n));
            } else {
                QVERIFY_THROWS_EXCEPTION(std::out_of_range, names.at(n));
            }
        }
        QCOMPARE(names.size(), reference.size());
        auto it = reference.begin();
        for (const auto& [key, value] : names) {
            QCOMPARE(key, it->first);
            QCOMPARE(value, it->second);
            ++it;
        }
    }
}

void TestAutoscalingByPodName::findFromACursor() {
    const ByPodName<std::string, int> names{{"b", 2}, {"a", 1}, {"d", 4}, {"c", 3}};
    QCOMPARE(names.begin()->first, std::string("a")); // sorted, whatever the given order
    // In order: each lookup starts at the entry after the last hit.
    auto next = names.begin();
    for (const std::string n : {"a", "b", "c", "d"}) {
        const auto it = names.find(n, next);
        QVERIFY(it != names.end());
        QCOMPARE(it->first, n);
        next = it + 1;
    }
    // A cursor that is not the name's place, or at the end, still finds it; a name that is not
    // there is not found from anywhere.
    QCOMPARE(names.find("a", names.begin() + 2)->second, 1);
    QCOMPARE(names.find("d", names.end())->second, 4);
    QVERIFY(names.find("e", names.begin()) == names.end());
    QVERIFY(names.find("bb", names.begin() + 1) == names.end());
}

void TestAutoscalingByPodName::viewsKeepTheCallersNames() {
    const std::vector<std::string> pods{"web-2", "web-10", "web-1"};
    ByPodName<std::string_view, std::int64_t> requests;
    for (const std::string& p : pods) {
        requests.insert_or_assign(p, static_cast<std::int64_t>(p.size()));
    }
    QCOMPARE(requests.size(), std::size_t{3});
    QVERIFY(requests.begin()->first.data() == pods[2].data()); // "web-1", not a copy
    QCOMPARE(requests.at("web-10"), std::int64_t{6});
}

// refill: names appended in order overwrite the entries in place (a long name keeps its storage);
// names out of order end up as one insert_or_assign after another would leave them.
void TestAutoscalingByPodName::refillReusesAndSorts() {
    const std::vector<std::string> pods{"svc-0-5d8f7c9b4-aaaaa", "svc-0-5d8f7c9b4-bbbbb",
                                        "svc-0-5d8f7c9b4-ccccc"};
    ByPodName<std::string, int> samples;
    samples.refill([&](const auto& append) {
        for (const std::string& p : pods) {
            append(p, 1);
        }
    });
    const char* storage = samples.begin()->first.data();
    samples.refill([&](const auto& append) {
        append(pods[0], 2);
        append(pods[2], 3);
    });
    QCOMPARE(samples.size(), std::size_t{2});
    QVERIFY(samples.begin()->first.data() == storage);
    QCOMPARE(samples.at(pods[2]), 3);
    QVERIFY(!samples.contains(pods[1]));

    const std::vector<std::pair<std::string, int>> unordered{
        {"web-2", 1}, {"web-10", 2}, {"web-2", 3}, {"web-1", 4}, {"web-10", 5}};
    std::map<std::string, int> reference;
    for (const auto& [name, value] : unordered) {
        reference.insert_or_assign(name, value);
    }
    samples.refill([&](const auto& append) {
        for (const auto& [name, value] : unordered) {
            append(name, value);
        }
    });
    QCOMPARE(samples.size(), reference.size());
    auto it = reference.begin();
    for (const auto& [name, value] : samples) {
        QCOMPARE(name, it->first);
        QCOMPARE(value, it->second);
        ++it;
    }
}

QTEST_GUILESS_MAIN(TestAutoscalingByPodName)
#include "test_autoscaling_bypodname.moc"
