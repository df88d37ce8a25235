#include "control/workloads/intorpercent.h"

#include <charconv>

namespace cnsim {

int scaledValueFromIntOrPercent(IntOrPercent value, int total, bool roundUp) {
    if (!value.isPercent) {
        return value.value;
    }
    const long long product = static_cast<long long>(value.value) * total;
    long long quotient = product / 100;
    const long long remainder = product % 100;
    // C++ division truncates toward zero; ceil and floor differ from it only when there is a
    // remainder, in the direction of the sign.
    if (remainder != 0) {
        if (roundUp && product > 0) {
            ++quotient;
        } else if (!roundUp && product < 0) {
            --quotient;
        }
    }
    return static_cast<int>(quotient);
}

std::optional<IntOrPercent> parsePercentString(std::string_view text) {
    if (text.size() < 2 || text.back() != '%') {
        return std::nullopt;
    }
    const std::string_view digits = text.substr(0, text.size() - 1);
    int value = 0;
    const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
    if (ec != std::errc{} || end != digits.data() + digits.size()) {
        return std::nullopt;
    }
    return IntOrPercent{value, true};
}

} // namespace cnsim
