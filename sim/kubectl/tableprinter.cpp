#include "kubectl/tableprinter.h"

#include <algorithm>
#include <cstdio>

namespace cnsim {

namespace {

constexpr int kMinWidth = 6; // cli-runtime printers/tabwriter.go tabwriterMinWidth
constexpr int kPadding = 3;  // tabwriterPadding

// Simulated time zero as Unix time: 2025-01-01T00:00:00Z.
constexpr std::int64_t kEpochUnixSeconds = 1'735'689'600;

std::size_t displayWidth(const std::string& s) {
    // tabwriter counts UTF-8 runes, not bytes.
    std::size_t n = 0;
    for (const char c : s) {
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) {
            ++n;
        }
    }
    return n;
}

struct CivilTime {
    std::int64_t year;
    int month, day, hour, minute, second, weekday;
};

// Howard Hinnant's civil_from_days, exact for the proleptic Gregorian calendar.
CivilTime civilTime(SimTime t) {
    const std::int64_t unix = kEpochUnixSeconds + t.toMicroseconds() / 1'000'000;
    std::int64_t days = unix / 86400;
    std::int64_t secs = unix % 86400;
    if (secs < 0) {
        secs += 86400;
        --days;
    }
    const int weekday = static_cast<int>(((days % 7) + 11) % 7); // 1970-01-01 was a Thursday
    const std::int64_t z = days + 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const std::int64_t doe = z - era * 146097;
    const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const std::int64_t mp = (5 * doy + 2) / 153;
    const auto d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
    const auto m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
    const std::int64_t y = yoe + era * 400 + (m <= 2 ? 1 : 0);
    return {y,
            m,
            d,
            static_cast<int>(secs / 3600),
            static_cast<int>(secs / 60 % 60),
            static_cast<int>(secs % 60),
            weekday};
}

} // namespace

namespace {

// text/tabwriter's format(): a column block is a run of consecutive lines that have a cell
// in that column; each block gets its own width (widest cell + padding, at least minWidth).
// The last cell of a line is not tab-terminated and takes no part in any width.
class TabWriter {
public:
    TabWriter(const std::vector<std::vector<std::string>>& lines, int minWidth, int padding)
        : m_lines(lines), m_minWidth(static_cast<std::size_t>(minWidth)),
          m_padding(static_cast<std::size_t>(padding)) {}

    std::string run() {
        format(0, m_lines.size());
        return std::move(m_out);
    }

private:
    void format(std::size_t line0, std::size_t line1) {
        const std::size_t column = m_widths.size();
        for (std::size_t i = line0; i < line1; ++i) {
            if (column + 1 >= m_lines[i].size()) {
                continue;
            }
            writeLines(line0, i);
            line0 = i;
            std::size_t width = m_minWidth;
            for (; i < line1; ++i) {
                if (column + 1 >= m_lines[i].size()) {
                    break;
                }
                width = std::max(width, displayWidth(m_lines[i][column]) + m_padding);
            }
            m_widths.push_back(width);
            format(line0, i);
            m_widths.pop_back();
            line0 = i;
            if (i >= line1) {
                return;
            }
            --i; // the loop's ++i must look at line i again
        }
        writeLines(line0, line1);
    }

    void writeLines(std::size_t line0, std::size_t line1) {
        for (std::size_t i = line0; i < line1; ++i) {
            const std::vector<std::string>& cells = m_lines[i];
            for (std::size_t j = 0; j < cells.size(); ++j) {
                m_out += cells[j];
                if (j < m_widths.size() && j + 1 < cells.size()) {
                    m_out.append(m_widths[j] - std::min(m_widths[j], displayWidth(cells[j])), ' ');
                }
            }
            m_out += '\n';
        }
    }

    const std::vector<std::vector<std::string>>& m_lines;
    std::size_t m_minWidth;
    std::size_t m_padding;
    std::vector<std::size_t> m_widths;
    std::string m_out;
};

} // namespace

std::string renderColumns(const std::vector<std::vector<std::string>>& lines, int minWidth,
                          int padding) {
    return TabWriter(lines, minWidth, padding).run();
}

std::string tabwrite(std::string_view text, int minWidth, int padding) {
    std::vector<std::vector<std::string>> lines;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos) {
            end = text.size();
        }
        std::vector<std::string> cells;
        std::string_view line = text.substr(start, end - start);
        std::size_t cellStart = 0;
        while (true) {
            const std::size_t tab = line.find('\t', cellStart);
            cells.emplace_back(line.substr(cellStart, tab - cellStart));
            if (tab == std::string_view::npos) {
                break;
            }
            cellStart = tab + 1;
        }
        lines.push_back(std::move(cells));
        start = end + 1;
    }
    return renderColumns(lines, minWidth, padding);
}

std::string renderTable(const Table& table, bool noHeaders) {
    std::vector<std::vector<std::string>> lines;
    if (!noHeaders) {
        lines.push_back(table.headers);
    }
    lines.insert(lines.end(), table.rows.begin(), table.rows.end());
    return renderColumns(lines, kMinWidth, kPadding);
}

std::string humanDuration(SimTime d) {
    const std::int64_t seconds = d.toMicroseconds() / 1'000'000;
    if (seconds < -1) {
        return "<invalid>";
    }
    if (seconds < 0) {
        return "0s";
    }
    if (seconds < 60 * 2) {
        return std::to_string(seconds) + "s";
    }
    const std::int64_t minutes = seconds / 60;
    if (minutes < 10) {
        const std::int64_t s = seconds % 60;
        return s == 0 ? std::to_string(minutes) + "m"
                      : std::to_string(minutes) + "m" + std::to_string(s) + "s";
    }
    if (minutes < 60 * 3) {
        return std::to_string(minutes) + "m";
    }
    const std::int64_t hours = seconds / 3600;
    if (hours < 8) {
        const std::int64_t m = minutes % 60;
        return m == 0 ? std::to_string(hours) + "h"
                      : std::to_string(hours) + "h" + std::to_string(m) + "m";
    }
    if (hours < 48) {
        return std::to_string(hours) + "h";
    }
    if (hours < 24 * 8) {
        const std::int64_t h = hours % 24;
        return h == 0 ? std::to_string(hours / 24) + "d"
                      : std::to_string(hours / 24) + "d" + std::to_string(h) + "h";
    }
    if (hours < 24 * 365 * 2) {
        return std::to_string(hours / 24) + "d";
    }
    if (hours < 24 * 365 * 8) {
        const std::int64_t dy = hours / 24 % 365;
        return dy == 0 ? std::to_string(hours / 24 / 365) + "y"
                       : std::to_string(hours / 24 / 365) + "y" + std::to_string(dy) + "d";
    }
    return std::to_string(hours / 24 / 365) + "y";
}

std::string formatAge(SimTime now, SimTime then) {
    const SimTime truncated = SimTime::seconds(then.toMicroseconds() / 1'000'000);
    return humanDuration(now - truncated);
}

std::string formatTimestamp(SimTime t) {
    const CivilTime c = civilTime(t);
    char buf[40];
    std::snprintf(buf, sizeof buf, "%04lld-%02d-%02dT%02d:%02d:%02dZ",
                  static_cast<long long>(c.year), c.month, c.day, c.hour, c.minute, c.second);
    return buf;
}

std::string formatDescribeTime(SimTime t) {
    static const char* const days[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
    static const char* const months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                         "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    const CivilTime c = civilTime(t);
    char buf[48];
    std::snprintf(buf, sizeof buf, "%s, %02d %s %04lld %02d:%02d:%02d +0000", days[c.weekday],
                  c.day, months[c.month - 1], static_cast<long long>(c.year), c.hour, c.minute,
                  c.second);
    return buf;
}

} // namespace cnsim
