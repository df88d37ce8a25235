#pragma once

// Diagnostic: one problem found in a scenario file, with its place and a fix.
//
// `message` is the plain English text the CLI prints; `code` and `args` let the studio
// render the same diagnostic in the user's language.

#include <string>
#include <vector>

namespace cnsim {

enum class Severity { Warning, Error };

struct Diagnostic {
    Severity severity = Severity::Error;
    std::string file;
    int line = 0;     // 1-based; 0 when the problem has no place (e.g. unreadable file)
    int column = 0;   // 1-based
    std::string code; // stable identifier, e.g. "unknown-key"
    std::vector<std::string> args; // the code's parameters, in order
    std::string message; // English, e.g. "unknown key 'replcas' — did you mean 'replicas'?"

    // "file:line:column: error: message", the form compilers and editors understand.
    std::string toString() const;
};

bool hasErrors(const std::vector<Diagnostic>& diagnostics);

} // namespace cnsim
