#pragma once

// SimulationController: owns the running Simulation and moves it forward in bounded
// slices, so the GUI never blocks.
//
// While playing, a ~30 Hz QTimer computes how far simulated time should move from the
// wall time since the last tick × the chosen speed and calls advanceTo() with an event
// budget. If the budget runs out the clock simply lags behind (achievedSpeed() says by
// how much); it never catches up in a burst and never spins processEvents(). Views do
// not hold on to simulation state: after each slice the controller emits advanced() and
// they read a fresh snapshot. Reset rebuilds the Simulation from the same Scenario.
// The controller only reads and applies Actions; it never edits the Scenario.

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

// Qt first: Qt 6.4's moc fails on <compare> (pulled in by sim/ headers) unless a Qt
// header has set up the standard library's configuration macros before it.
#include "engine/simtime.h"
#include "kubectl/kubectl.h"
#include "model/action.h"
#include "scenario/scenario.h"

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>

namespace cnsim {
class Simulation;
}

class SimulationController : public QObject {
    Q_OBJECT

public:
    static constexpr std::chrono::milliseconds TickInterval{33};
    // Events one tick may process; keeps a tick well under its 33 ms on a slow laptop.
    static constexpr std::uint64_t EventBudgetPerTick = 40'000;
    // A stall (a modal dialog, a suspended laptop) must not turn into a jump in time.
    static constexpr std::chrono::milliseconds MaxWallPerTick{250};
    // speed() of the "as fast as possible" setting.
    static constexpr double MaxSpeed = 0.0;

    explicit SimulationController(QObject* parent = nullptr);
    ~SimulationController() override;

    // Replaces the current simulation with a new one built from `scenario`, paused at 0.
    void load(cnsim::Scenario scenario);
    bool hasSimulation() const { return m_simulation != nullptr; }
    const cnsim::Simulation* simulation() const { return m_simulation.get(); }
    const cnsim::Scenario* scenario() const;
    cnsim::SimTime now() const;

    bool isPlaying() const { return m_timer.isActive(); }
    double speed() const { return m_speed; }
    void setSpeed(double speed);
    // Simulated seconds per wall second over the last ticks while playing.
    double achievedSpeed() const { return m_achievedSpeed; }
    bool isLagging() const { return m_lagging; }

    // What one timer tick does, given the wall time since the previous tick. Public so
    // tests drive the exact playing code path without waiting on a clock.
    void advanceWallTime(std::chrono::milliseconds wall);
    // Advances `span` of simulated time in the same bounded slices, one second at a time,
    // emitting advanced() after each; for tests and the screenshot mode.
    void runFor(cnsim::SimTime span);

    cnsim::ActionResult apply(const cnsim::Action& action);
    // A kubectl command line at now() (the console dock); commands that change the cluster
    // act like apply(), and the views refresh either way.
    cnsim::KubectlResult runKubectl(const std::string& commandLine);

public slots:
    void play();
    void pause();
    void setPlaying(bool playing);
    // One simulated second, to the next whole second: the unit of the clock and the
    // metrics, so one Step adds one point to every chart.
    void step();
    void reset();

signals:
    void simulationReplaced(); // a new Simulation (load or reset): views start over
    void advanced();           // time moved or state changed: views re-read
    void playingChanged(bool playing);
    void reachedEnd(cnsim::SimTime endTime);
    // The scenario ran one of its scripted kubectl commands (simulation.commands).
    void scriptedCommandRan(const QString& command, const QString& output);

private:
    void onTick();
    bool advanceSlice(cnsim::SimTime target, std::uint64_t budget);
    void checkEnd();

    std::optional<cnsim::Scenario> m_scenario;
    std::unique_ptr<cnsim::Simulation> m_simulation;
    QTimer m_timer;
    QElapsedTimer m_wallClock;
    double m_speed = 1.0;
    double m_achievedSpeed = 0.0;
    bool m_lagging = false;
    bool m_endAnnounced = false;
};
