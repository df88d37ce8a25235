#pragma once

// Tiny JSON helpers for cnsim's machine-readable outputs. Numbers are written with a fixed,
// locale-independent format so the same run always gives the same bytes.

#include <string>
#include <string_view>

namespace cnsim::json {

// A JSON string literal, quotes included, with control characters and non-ASCII kept
// as UTF-8 (JSON allows it) and quotes/backslashes escaped.
std::string quote(std::string_view text);
// Shortest round-trip decimal for a double ("0.5", "120", "1e-06"); NaN/inf become null.
std::string number(double value);

} // namespace cnsim::json
