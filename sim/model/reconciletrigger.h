#pragma once

// ReconcileTrigger: "run this reconcile at the current instant, once". Watch handlers and
// components request it as often as they like; the engine runs it once per instant at the
// component's priority, like a controller's work queue that deduplicates keys.

#include "engine/engine.h"

#include <functional>
#include <set>
#include <string>
#include <utility>

namespace cnsim {

class ReconcileTrigger {
public:
    ReconcileTrigger(Engine& engine, EventPriority priority, std::function<void()> reconcile)
        : m_engine(engine), m_priority(priority), m_reconcile(std::move(reconcile)) {}

    void request() {
        if (m_pending) {
            return;
        }
        m_pending = true;
        m_engine.schedule(
            SimTime::zero(),
            [this] {
                m_pending = false;
                m_reconcile();
            },
            m_priority);
    }

private:
    Engine& m_engine;
    EventPriority m_priority;
    std::function<void()> m_reconcile;
    bool m_pending = false;
};

// ReconcileQueue: a controller's work queue of object keys ("namespace/name"), worked on in
// key order at the component's priority. Keys added while a pass works on the ones it took
// wait for the next pass.
class ReconcileQueue {
public:
    ReconcileQueue(Engine& engine, EventPriority priority, std::function<void()> reconcile)
        : m_trigger(engine, priority, std::move(reconcile)) {}

    void add(std::string key) {
        m_keys.insert(std::move(key));
        m_trigger.request();
    }
    // Every object of `table` (a resync), with a pass even when there is none.
    template <class Table>
    void addAll(const Table& table) {
        for (const auto& [key, object] : table) {
            m_keys.insert(key);
        }
        m_trigger.request();
    }
    void forget(const std::string& key) { m_keys.erase(key); }
    // The keys queued so far; the queue is empty afterwards.
    std::set<std::string> take() { return std::exchange(m_keys, {}); }

private:
    ReconcileTrigger m_trigger;
    std::set<std::string> m_keys;
};

} // namespace cnsim
