#include "engine/engine.h"

#include "engine/enginecore.h"

namespace cnsim {

// The pending-event set behind every Engine. Chosen by measurement: see docs/benchmarks.md.
using DefaultPendingEventSet = BinaryHeap;

struct Engine::Impl : EngineCore<DefaultPendingEventSet> {};

Engine::Engine() : m_impl(new Impl) {}

Engine::~Engine() {
    delete m_impl;
}

SimTime Engine::now() const {
    return m_impl->now();
}

EventId Engine::schedule(SimTime delay, Handler fn, EventPriority priority) {
    return EventId{m_impl->schedule(delay, std::move(fn), priority)};
}

EventId Engine::scheduleAt(SimTime at, Handler fn, EventPriority priority) {
    return EventId{m_impl->scheduleAt(at, std::move(fn), priority)};
}

bool Engine::cancel(EventId id) {
    return m_impl->cancel(id.value);
}

bool Engine::step() {
    return m_impl->step();
}

void Engine::runUntil(SimTime until) {
    m_impl->runUntil(until);
}

std::uint64_t Engine::runEvents(std::uint64_t n) {
    return m_impl->runEvents(n);
}

std::optional<SimTime> Engine::peekNextTime() const {
    return m_impl->peekNextTime();
}

std::uint64_t Engine::eventCount() const {
    return m_impl->eventCount();
}

std::size_t Engine::pendingCount() const {
    return m_impl->pendingCount();
}

void Engine::setFingerprinting(bool enabled) {
    m_impl->setFingerprinting(enabled);
}

Fingerprint& Engine::fingerprint() {
    return m_impl->fingerprint();
}

const Fingerprint& Engine::fingerprint() const {
    return m_impl->fingerprint();
}

} // namespace cnsim
