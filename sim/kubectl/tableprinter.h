#pragma once

// The pieces of kubectl's human-readable output: aligned tables, ages and timestamps.
//
// Tables follow k8s.io/cli-runtime/pkg/printers/tabwriter.go (text/tabwriter with
// minwidth 6, padding 3, space padding): every column but the last is as wide as its widest
// cell plus three spaces, at least six; the last column is never padded. Ages follow
// k8s.io/apimachinery/pkg/util/duration.HumanDuration.
//
// Simulated time 0 is shown as 2025-01-01T00:00:00Z wherever Kubernetes prints a wall-clock
// timestamp (YAML/JSON, describe), so output looks like a real cluster's and stays
// identical from run to run.

#include "engine/simtime.h"

#include <string>
#include <string_view>
#include <vector>

namespace cnsim {

struct Table {
    std::vector<std::string> headers;
    std::vector<std::vector<std::string>> rows;
};

// Renders rows (and the header line unless noHeaders) with kubectl's column rules.
std::string renderTable(const Table& table, bool noHeaders = false);
// text/tabwriter with explicit minwidth and padding (kubectl's describe and rollout history
// use other settings than `get`).
std::string renderColumns(const std::vector<std::vector<std::string>>& lines, int minWidth,
                          int padding);
// The same on tab-separated text: lines end with '\n', cells end with '\t'.
std::string tabwrite(std::string_view text, int minWidth, int padding);

// duration.HumanDuration: "45s", "3m2s", "15m", "5h10m", "2d3h", "3y120d".
std::string humanDuration(SimTime d);
// translateTimestampSince: the age of something created at `then`, seen at `now`; the
// timestamp is truncated to whole seconds first, as the API server stores it.
std::string formatAge(SimTime now, SimTime then);
// RFC 3339 in UTC ("2025-01-01T00:05:03Z"), whole seconds.
std::string formatTimestamp(SimTime t);
// RFC 1123-Z as `kubectl describe` prints times ("Wed, 01 Jan 2025 00:05:03 +0000").
std::string formatDescribeTime(SimTime t);

} // namespace cnsim
