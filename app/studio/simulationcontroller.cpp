#include "simulationcontroller.h"

#include "kubectl/kubectl.h"
#include "model/simulation.h"

#include <algorithm>

SimulationController::SimulationController(QObject* parent) : QObject(parent) {
    m_timer.setInterval(TickInterval);
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &SimulationController::onTick);
}

SimulationController::~SimulationController() = default;

void SimulationController::load(cnsim::Scenario scenario) {
    pause();
    m_simulation.reset();
    m_scenario = std::move(scenario);
    m_simulation = std::make_unique<cnsim::Simulation>(*m_scenario);
    // The scenario's scripted kubectl commands run as the clock reaches them, whoever drives.
    m_simulation->setCommandHandler(
        [this](cnsim::Simulation& simulation, const cnsim::ScheduledCommand& command) {
            const cnsim::KubectlResult result = cnsim::runKubectl(simulation, command.run);
            emit scriptedCommandRan(QString::fromStdString(command.run),
                                    QString::fromStdString(result.out + result.err));
        });
    m_achievedSpeed = 0.0;
    m_lagging = false;
    m_endAnnounced = false;
    emit simulationReplaced();
    emit advanced();
}

void SimulationController::reset() {
    if (m_scenario) {
        load(*m_scenario);
    }
}

const cnsim::Scenario* SimulationController::scenario() const {
    return m_scenario ? &*m_scenario : nullptr;
}

cnsim::SimTime SimulationController::now() const {
    return m_simulation ? m_simulation->now() : cnsim::SimTime::zero();
}

void SimulationController::setSpeed(double speed) {
    m_speed = std::max(0.0, speed);
}

void SimulationController::play() {
    if (!m_simulation || m_simulation->finished() || m_timer.isActive()) {
        return;
    }
    m_wallClock.start();
    m_timer.start();
    emit playingChanged(true);
}

void SimulationController::pause() {
    if (!m_timer.isActive()) {
        return;
    }
    m_timer.stop();
    m_achievedSpeed = 0.0;
    m_lagging = false;
    emit playingChanged(false);
}

void SimulationController::setPlaying(bool playing) {
    if (playing) {
        play();
    } else {
        pause();
    }
}

void SimulationController::onTick() {
    const auto wall = std::chrono::milliseconds(m_wallClock.restart());
    advanceWallTime(wall);
}

bool SimulationController::advanceSlice(cnsim::SimTime target, std::uint64_t budget) {
    const cnsim::SimTime end = m_simulation->endTime();
    return m_simulation->advanceTo(std::min(target, end), budget);
}

void SimulationController::advanceWallTime(std::chrono::milliseconds wall) {
    if (!m_simulation || m_simulation->finished()) {
        checkEnd();
        return;
    }
    wall = std::clamp(wall, std::chrono::milliseconds(1), MaxWallPerTick);
    const cnsim::SimTime before = m_simulation->now();
    const cnsim::SimTime target =
        m_speed == MaxSpeed
            ? m_simulation->endTime()
            : before +
                  cnsim::SimTime::fromSeconds(static_cast<double>(wall.count()) / 1000.0 * m_speed);
    m_lagging = !advanceSlice(target, EventBudgetPerTick) && m_speed != MaxSpeed;
    // Smoothed over about a second of ticks so the toolbar number is readable.
    const double instant =
        (m_simulation->now() - before).toSeconds() / (static_cast<double>(wall.count()) / 1000.0);
    m_achievedSpeed = m_achievedSpeed == 0.0 ? instant : 0.9 * m_achievedSpeed + 0.1 * instant;
    emit advanced();
    checkEnd();
}

void SimulationController::runFor(cnsim::SimTime span) {
    if (!m_simulation) {
        return;
    }
    const cnsim::SimTime target = m_simulation->now() + span;
    while (m_simulation->now() < target && !m_simulation->finished()) {
        const cnsim::SimTime next =
            std::min(target, m_simulation->now() + cnsim::SimTime::seconds(1));
        // Loop on the budget too: each call is bounded, the loop ends when `next` is reached.
        while (!advanceSlice(next, EventBudgetPerTick)) {
        }
        emit advanced();
        if (m_simulation->now() >= m_simulation->endTime()) {
            break;
        }
    }
    checkEnd();
}

void SimulationController::step() {
    pause();
    if (!m_simulation || m_simulation->finished()) {
        checkEnd();
        return;
    }
    constexpr cnsim::SimTime second = cnsim::SimTime::seconds(1);
    const cnsim::SimTime next = second * (m_simulation->now() / second + 1);
    while (!advanceSlice(next, EventBudgetPerTick)) {
    }
    emit advanced();
    checkEnd();
}

cnsim::ActionResult SimulationController::apply(const cnsim::Action& action) {
    if (!m_simulation) {
        return {false, "no-simulation", {}, "no scenario is open"};
    }
    cnsim::ActionResult result = m_simulation->apply(action);
    if (result.ok) {
        // The action is an event at now(); process it (and only what shares its instant)
        // so the views show its effect straight away, even while paused.
        m_simulation->advanceTo(m_simulation->now(), EventBudgetPerTick);
        emit advanced();
    }
    return result;
}

cnsim::KubectlResult SimulationController::runKubectl(const std::string& commandLine) {
    if (!m_simulation) {
        return {1, {}, "error: no scenario is open\n"};
    }
    cnsim::KubectlResult result = cnsim::runKubectl(*m_simulation, commandLine);
    // As apply(): process what the command scheduled at now() so its effect shows at once.
    m_simulation->advanceTo(m_simulation->now(), EventBudgetPerTick);
    emit advanced();
    return result;
}

void SimulationController::checkEnd() {
    if (!m_simulation || !m_simulation->finished()) {
        return;
    }
    pause();
    if (!m_endAnnounced) {
        m_endAnnounced = true;
        emit reachedEnd(m_simulation->endTime());
    }
}
