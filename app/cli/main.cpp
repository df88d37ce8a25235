// cnsim: the command-line front end. Parses the command line and hands over to a command.

#include "clioptions.h"
#include "commands.h"

#include <exception>
#include <iostream>
#include <string>
#include <vector>

int main(int argc, char** argv) {
    using namespace cnsim::cli;
    std::vector<std::string> args(argv + 1, argv + argc);
    const ParseResult parsed = parseCommandLine(args);
    if (!parsed.command) {
        std::cerr << "cnsim: " << parsed.error << '\n';
        return kExitUsage;
    }
    try {
        return std::visit(
            [](const auto& command) -> int {
                using T = std::decay_t<decltype(command)>;
                if constexpr (std::is_same_v<T, RunOptions>) {
                    return runCommand(command, std::cout, std::cerr);
                } else if constexpr (std::is_same_v<T, ValidateOptions>) {
                    return validateCommand(command, std::cout, std::cerr);
                } else if constexpr (std::is_same_v<T, HelpRequest>) {
                    std::cout << usageText(command.topic);
                    return kExitOk;
                } else {
                    std::cout << versionText();
                    return kExitOk;
                }
            },
            *parsed.command);
    } catch (const std::exception& e) {
        // A bug, not bad input (bad input is reported above): say so instead of aborting.
        std::cerr << "cnsim: internal error: " << e.what() << '\n';
        return kExitFailure;
    }
}
