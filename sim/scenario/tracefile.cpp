#include "scenario/tracefile.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <system_error>

namespace cnsim {

namespace {

// The longest scenario; a row after it could never play.
constexpr SimTime kLatestRow = SimTime::hours(24 * 30);

std::string_view trim(std::string_view text) {
    const std::size_t first = text.find_first_not_of(" \t");
    if (first == std::string_view::npos) {
        return {};
    }
    const std::size_t last = text.find_last_not_of(" \t");
    return text.substr(first, last - first + 1);
}

// A field as it appears in a message: bounded, so a binary file gives a readable line.
std::string shown(std::string_view field) {
    std::string text(field.substr(0, 40));
    for (char& c : text) {
        if (static_cast<unsigned char>(c) < 0x20) {
            c = '?';
        }
    }
    return "'" + text + (field.size() > 40 ? "…'" : "'");
}

bool isPlainNumber(std::string_view text) {
    return !text.empty() && text.find_first_not_of("0123456789.") == std::string_view::npos &&
           std::count(text.begin(), text.end(), '.') <= 1 && text.front() != '.' &&
           text.back() != '.';
}

TraceReadResult failure(std::string code, std::string error, int line = 0) {
    TraceReadResult result;
    result.code = std::move(code);
    result.error = std::move(error);
    result.line = line;
    return result;
}

} // namespace

TraceReadResult parseTraceCsv(std::string_view text) {
    if (text.substr(0, 3) == "\xEF\xBB\xBF") {
        text.remove_prefix(3);
    }
    TraceReadResult result;
    int line = 0;
    bool headerAllowed = true;
    int previousLine = 0;
    while (!text.empty()) {
        ++line;
        const std::size_t end = text.find('\n');
        std::string_view row = text.substr(0, end);
        text.remove_prefix(end == std::string_view::npos ? text.size() : end + 1);
        if (!row.empty() && row.back() == '\r') {
            row.remove_suffix(1);
        }
        row = trim(row);
        if (row.empty() || row.front() == '#') {
            continue;
        }
        const std::size_t comma = row.find(',');
        const std::size_t fields =
            static_cast<std::size_t>(std::count(row.begin(), row.end(), ',')) + 1;
        const std::string_view timeText = trim(row.substr(0, comma));
        const bool header = headerAllowed && !timeText.empty() &&
                            ((timeText.front() >= 'a' && timeText.front() <= 'z') ||
                             (timeText.front() >= 'A' && timeText.front() <= 'Z'));
        headerAllowed = false;
        if (header) {
            continue;
        }
        if (fields != 2) {
            return failure("bad-trace",
                           "expected 2 values (time,rate), got " + std::to_string(fields), line);
        }
        const std::string_view rateText = trim(row.substr(comma + 1));
        const std::optional<SimTime> at = isPlainNumber(timeText)
                                              ? parseDuration(std::string(timeText) + "s")
                                              : parseDuration(timeText);
        if (!at) {
            return failure("bad-trace",
                           "time " + shown(timeText) +
                               " is not seconds (90, 1.5) or a duration (1m30s, 250ms)",
                           line);
        }
        if (*at > kLatestRow) {
            return failure("bad-trace",
                           "time " + formatDuration(*at) + " is after the longest scenario, 720h",
                           line);
        }
        if (!result.rows.empty() && *at <= result.rows.back().at) {
            return failure("bad-trace",
                           "time " + formatDuration(*at) + " is not after the previous row's " +
                               formatDuration(result.rows.back().at) + " (line " +
                               std::to_string(previousLine) + "); times must increase",
                           line);
        }
        double rate = 0.0;
        const auto [ptr, ec] =
            std::from_chars(rateText.data(), rateText.data() + rateText.size(), rate);
        if (rateText.empty() || ec != std::errc() || ptr != rateText.data() + rateText.size() ||
            !std::isfinite(rate)) {
            return failure("bad-trace",
                           "rate " + shown(rateText) + " is not a number of requests per second",
                           line);
        }
        if (rate < 0.0 || rate > kMaxTraceRate) {
            return failure(
                "bad-trace",
                "rate " + shown(rateText) + " is outside 0 … 1000000 requests per second", line);
        }
        if (result.rows.size() >= kMaxTraceRows) {
            return failure("bad-trace", "more than " + std::to_string(kMaxTraceRows) + " rows",
                           line);
        }
        result.rows.push_back(RatePoint{*at, rate});
        previousLine = line;
    }
    if (result.rows.empty()) {
        return failure("bad-trace", "the file has no rows of time,rate");
    }
    return result;
}

TraceReadResult readTraceFile(const std::string& path) {
    std::error_code error;
    const std::filesystem::file_status status = std::filesystem::status(path, error);
    if (error || !std::filesystem::exists(status)) {
        return failure("cannot-open", "no such file");
    }
    if (!std::filesystem::is_regular_file(status)) {
        return failure("cannot-open", "not a regular file");
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        return failure("cannot-open", "cannot open the file");
    }
    std::string text;
    text.resize(kMaxTraceFileBytes + 1);
    in.read(text.data(), static_cast<std::streamsize>(text.size()));
    if (in.bad()) {
        return failure("cannot-read", "cannot read the file");
    }
    text.resize(static_cast<std::size_t>(in.gcount()));
    if (text.size() > kMaxTraceFileBytes) {
        return failure("file-too-large", "larger than the maximum of 16 MiB for a trace");
    }
    return parseTraceCsv(text);
}

} // namespace cnsim
