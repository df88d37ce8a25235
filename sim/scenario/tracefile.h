#pragma once

// Reads the CSV file a `trace` traffic source replays: rows of `time,rate`, where time is
// seconds since the source's start (`90`, `1.5`) or a duration (`1m30s`, `250ms`) and rate
// is requests per second (≥ 0). An optional header line is recognised by its first field
// starting with a letter (`time,requestsPerSecond`); blank lines and lines starting with
// `#` are skipped; a UTF-8 byte-order mark and CRLF line ends are accepted. Times must
// increase strictly.
//
// The file is hostile input like the scenario itself: its size and row count are bounded,
// and nothing here throws. A bad file yields the first problem with its 1-based line.

#include "scenario/trafficspec.h"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace cnsim {

constexpr std::size_t kMaxTraceFileBytes = 16 * 1024 * 1024;
constexpr std::size_t kMaxTraceRows = 1'000'000;
constexpr double kMaxTraceRate = 1'000'000.0;

struct TraceReadResult {
    std::vector<RatePoint> rows;
    // Empty when the file was read; otherwise a stable code ("bad-trace", "cannot-open",
    // "cannot-read", "file-too-large"), the English reason and, for a bad row, its line.
    std::string code;
    std::string error;
    int line = 0;

    bool ok() const { return code.empty(); }
};

TraceReadResult parseTraceCsv(std::string_view text);
// Reads at most kMaxTraceFileBytes (a larger file is an error, found without reading it all).
TraceReadResult readTraceFile(const std::string& path);

} // namespace cnsim
