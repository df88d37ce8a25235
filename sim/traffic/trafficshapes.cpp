#include "traffic/trafficshapes.h"

#include "traffic/kinds.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace cnsim {

namespace {

class ConstantRate final : public RateFunction {
public:
    explicit ConstantRate(double rate) : m_rate(std::max(rate, 0.0)) {}
    double rate(double) const override { return m_rate; }
    double maxRate(double, double) const override { return m_rate; }
    bool homogeneous() const override { return true; }

private:
    double m_rate;
};

// Linear between points, constant before the first and after the last. Two points at the same
// time make a jump (the later value holds from that time on).
class PiecewiseLinearRate final : public RateFunction {
public:
    struct Point {
        double t;
        double rate;
    };
    explicit PiecewiseLinearRate(std::vector<Point> points) : m_points(std::move(points)) {}

    double rate(double t) const override {
        if (m_points.empty()) {
            return 0.0;
        }
        const auto after = std::upper_bound(m_points.begin(), m_points.end(), t,
                                            [](double x, const Point& p) { return x < p.t; });
        if (after == m_points.begin()) {
            return m_points.front().rate;
        }
        if (after == m_points.end()) {
            return m_points.back().rate;
        }
        const Point& a = *(after - 1);
        const Point& b = *after;
        return a.rate + (b.rate - a.rate) * (t - a.t) / (b.t - a.t);
    }

    double maxRate(double a, double b) const override {
        double best = std::max(rate(a), rate(b));
        const auto first = std::upper_bound(m_points.begin(), m_points.end(), a,
                                            [](double x, const Point& p) { return x < p.t; });
        for (auto it = first; it != m_points.end() && it->t < b; ++it) {
            best = std::max(best, it->rate);
        }
        return best;
    }

private:
    std::vector<Point> m_points;
};

// λ(t) = mean · (1 + amplitude · cos(2π (t − peakAt) / period)).
class DiurnalRate final : public RateFunction {
public:
    DiurnalRate(double mean, double amplitude, double period, double peakAt)
        : m_mean(mean), m_amplitude(amplitude), m_period(period), m_peakAt(peakAt) {}

    double rate(double t) const override {
        return std::max(0.0, m_mean * (1.0 + m_amplitude * std::cos(2.0 * std::numbers::pi *
                                                                     (t - m_peakAt) / m_period)));
    }
    // Between two peaks the curve only has a trough, so without a peak inside [a, b] the
    // maximum is at an end.
    double maxRate(double a, double b) const override {
        const double k = std::ceil((a - m_peakAt) / m_period);
        if (m_peakAt + k * m_period <= b) {
            return m_mean * (1.0 + m_amplitude);
        }
        return std::max(rate(a), rate(b));
    }

private:
    double m_mean, m_amplitude, m_period, m_peakAt;
};

double seconds(SimTime t) {
    return t.toSeconds();
}

using Factory = std::unique_ptr<RateFunction> (*)(const KindDescriptor&, const TrafficSourceSpec&);

struct ShapeFactory {
    std::string_view name;
    Factory make;
};

double base(const KindDescriptor& kind, const TrafficSourceSpec& s) {
    return numberAttribute(kind, s.attributes, "requestsPerSecond");
}

std::unique_ptr<RateFunction> makeConstant(const KindDescriptor& kind,
                                           const TrafficSourceSpec& s) {
    return std::make_unique<ConstantRate>(base(kind, s));
}

std::unique_ptr<RateFunction> makeStep(const KindDescriptor& kind, const TrafficSourceSpec& s) {
    const double at = seconds(durationAttribute(kind, s.attributes, "stepAt"));
    const double to = numberAttribute(kind, s.attributes, "stepTo");
    return std::make_unique<PiecewiseLinearRate>(
        std::vector<PiecewiseLinearRate::Point>{{at, base(kind, s)}, {at, to}});
}

std::unique_ptr<RateFunction> makeRamp(const KindDescriptor& kind, const TrafficSourceSpec& s) {
    const double from = seconds(s.start);
    const double length = seconds(durationAttribute(kind, s.attributes, "rampDuration"));
    const double to = numberAttribute(kind, s.attributes, "rampTo");
    return std::make_unique<PiecewiseLinearRate>(
        std::vector<PiecewiseLinearRate::Point>{{from, base(kind, s)}, {from + length, to}});
}

std::unique_ptr<RateFunction> makeSpike(const KindDescriptor& kind, const TrafficSourceSpec& s) {
    const double low = base(kind, s);
    const double high = numberAttribute(kind, s.attributes, "spikeRequestsPerSecond");
    const double at = seconds(durationAttribute(kind, s.attributes, "spikeAt"));
    const double hold = seconds(durationAttribute(kind, s.attributes, "spikeDuration"));
    const double ramp = seconds(durationAttribute(kind, s.attributes, "rampTime"));
    return std::make_unique<PiecewiseLinearRate>(std::vector<PiecewiseLinearRate::Point>{
        {at, low}, {at + ramp, high}, {at + ramp + hold, high}, {at + 2 * ramp + hold, low}});
}

std::unique_ptr<RateFunction> makeDiurnal(const KindDescriptor& kind,
                                          const TrafficSourceSpec& s) {
    return std::make_unique<DiurnalRate>(
        base(kind, s), numberAttribute(kind, s.attributes, "amplitude"),
        seconds(durationAttribute(kind, s.attributes, "period")),
        seconds(durationAttribute(kind, s.attributes, "peakAt")));
}

// Rows hold from their time (relative to the source's start) to the next row's; nothing
// arrives before the first row.
std::unique_ptr<RateFunction> makeTrace(const KindDescriptor& kind, const TrafficSourceSpec& s) {
    const double scale = numberAttribute(kind, s.attributes, "scale");
    const double from = seconds(s.start);
    std::vector<PiecewiseLinearRate::Point> points;
    double previous = 0.0;
    for (const RatePoint& row : s.trace) {
        const double t = from + seconds(row.at);
        const double rate = std::max(row.requestsPerSecond * scale, 0.0);
        points.push_back({t, previous});
        points.push_back({t, rate});
        previous = rate;
    }
    return std::make_unique<PiecewiseLinearRate>(std::move(points));
}

// One entry per kind of trafficShapeKinds(), same order.
constexpr ShapeFactory kFactories[] = {
    {"constant", makeConstant}, {"poisson", makeConstant}, {"step", makeStep},
    {"ramp", makeRamp},         {"spike", makeSpike},      {"diurnal", makeDiurnal},
    {"trace", makeTrace},
};

} // namespace

std::unique_ptr<RateFunction> makeRateFunction(const TrafficSourceSpec& source) {
    const KindDescriptor* kind = findKind(trafficShapeKinds(), source.type);
    if (kind == nullptr) {
        return nullptr;
    }
    for (const ShapeFactory& factory : kFactories) {
        if (factory.name == source.type) {
            return factory.make(*kind, source);
        }
    }
    return nullptr;
}

std::vector<std::string_view> trafficShapeFactoryNames() {
    std::vector<std::string_view> names;
    for (const ShapeFactory& factory : kFactories) {
        names.push_back(factory.name);
    }
    return names;
}

ArrivalGenerator::ArrivalGenerator(const TrafficSourceSpec& source, RandomStream stream)
    : m_rate(makeRateFunction(source)), m_stream(stream), m_evenlySpaced(source.type == "constant"),
      m_start(source.start.toSeconds()), m_t(source.start.toSeconds()) {
    if (source.stop) {
        m_stop = source.stop->toSeconds();
    }
}

std::optional<SimTime> ArrivalGenerator::next(SimTime horizon) {
    if (!m_rate) {
        return std::nullopt;
    }
    double limit = horizon.toSeconds();
    if (m_stop) {
        limit = std::min(limit, *m_stop);
    }
    const auto finish = [&](double t) -> std::optional<SimTime> {
        const SimTime at = SimTime::fromSeconds(t);
        // The stop is exclusive, the end of the run inclusive.
        if ((m_stop && t >= *m_stop) || at > horizon) {
            return std::nullopt;
        }
        ++m_generated;
        return at;
    };
    if (m_evenlySpaced) {
        const double rate = m_rate->rate(m_start);
        if (rate <= 0.0) {
            return std::nullopt;
        }
        return finish(m_start + static_cast<double>(m_generated) / rate);
    }
    if (m_rate->homogeneous()) {
        const double rate = m_rate->rate(m_t);
        if (rate <= 0.0) {
            return std::nullopt;
        }
        m_t += m_stream.exponential(rate);
        return finish(m_t);
    }
    while (m_t <= limit) {
        const double end = std::min(m_t + kThinningIntervalSeconds, limit);
        const double bound = m_rate->maxRate(m_t, end);
        if (bound <= 0.0) {
            if (end >= limit) {
                return std::nullopt;
            }
            m_t = end;
            continue;
        }
        const double candidate = m_t + m_stream.exponential(bound);
        if (candidate >= end) {
            if (end >= limit) {
                m_t = candidate;
                return std::nullopt;
            }
            m_t = end;
            continue;
        }
        m_t = candidate;
        if (m_stream.uniform01() * bound < m_rate->rate(candidate)) {
            return finish(candidate);
        }
    }
    return std::nullopt;
}

} // namespace cnsim
