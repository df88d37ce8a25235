#pragma once

// ReconcileTrigger: "run this reconcile at the current instant, once". Watch handlers and
// components request it as often as they like; the engine runs it once per instant at the
// component's priority, like a controller's work queue that deduplicates keys.

#include "engine/engine.h"

#include <functional>
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

} // namespace cnsim
