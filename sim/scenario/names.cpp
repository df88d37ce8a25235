#include "scenario/names.h"

#include <algorithm>

namespace cnsim {

namespace {

bool isLowerAlnum(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}
bool isAlnum(char c) {
    return isLowerAlnum(c) || (c >= 'A' && c <= 'Z');
}

// Shared rule of label values and label-key names.
std::string checkQualifiedPart(std::string_view text, std::string_view what) {
    if (text.size() > 63) {
        return std::string(what) + " must be at most 63 characters";
    }
    for (const char c : text) {
        if (!(isAlnum(c) || c == '-' || c == '_' || c == '.')) {
            return std::string(what) + " may contain only letters, digits, '-', '_' and '.'";
        }
    }
    if (!text.empty() && (!isAlnum(text.front()) || !isAlnum(text.back()))) {
        return std::string(what) + " must start and end with a letter or digit";
    }
    return {};
}

} // namespace

std::string checkDns1123Label(std::string_view name) {
    if (name.empty()) {
        return "a name must not be empty";
    }
    if (name.size() > 63) {
        return "a DNS-1123 label must be at most 63 characters";
    }
    for (const char c : name) {
        if (!(isLowerAlnum(c) || c == '-')) {
            return "a DNS-1123 label may contain only lower-case letters, digits and '-'";
        }
    }
    if (!isLowerAlnum(name.front()) || !isLowerAlnum(name.back())) {
        return "a DNS-1123 label must start and end with a lower-case letter or digit";
    }
    return {};
}

std::string checkDns1123Subdomain(std::string_view name) {
    if (name.empty()) {
        return "a name must not be empty";
    }
    if (name.size() > 253) {
        return "a DNS-1123 subdomain must be at most 253 characters";
    }
    std::size_t start = 0;
    while (true) {
        const std::size_t dot = name.find('.', start);
        const std::string_view part = name.substr(
            start, dot == std::string_view::npos ? std::string_view::npos : dot - start);
        if (part.empty()) {
            return "a DNS-1123 subdomain must not have empty parts between dots";
        }
        for (const char c : part) {
            if (!(isLowerAlnum(c) || c == '-')) {
                return "a DNS-1123 subdomain may contain only lower-case letters, digits, '-' "
                       "and '.'";
            }
        }
        if (!isLowerAlnum(part.front()) || !isLowerAlnum(part.back())) {
            return "each part of a DNS-1123 subdomain must start and end with a lower-case "
                   "letter or digit";
        }
        if (dot == std::string_view::npos) {
            return {};
        }
        start = dot + 1;
    }
}

std::string checkDns1035Label(std::string_view name) {
    std::string reason = checkDns1123Label(name);
    if (reason.empty() && !(name.front() >= 'a' && name.front() <= 'z')) {
        reason = "a Service name (DNS-1035 label) must start with a lower-case letter";
    }
    return reason;
}

std::string checkLabelKey(std::string_view key) {
    if (key.empty()) {
        return "a label key must not be empty";
    }
    std::string_view name = key;
    const std::size_t slash = key.find('/');
    if (slash != std::string_view::npos) {
        const std::string prefixReason = checkDns1123Subdomain(key.substr(0, slash));
        if (!prefixReason.empty()) {
            return "the label key prefix is invalid: " + prefixReason;
        }
        name = key.substr(slash + 1);
        if (name.empty()) {
            return "a label key must have a name after '/'";
        }
    }
    return checkQualifiedPart(name, "a label key name");
}

std::string checkLabelValue(std::string_view value) {
    return checkQualifiedPart(value, "a label value");
}

std::string checkPortName(std::string_view name) {
    std::string reason = checkDns1123Label(name);
    if (reason.empty() && name.size() > 15) {
        reason = "a port name must be at most 15 characters";
    }
    if (reason.empty() &&
        std::none_of(name.begin(), name.end(), [](char c) { return c >= 'a' && c <= 'z'; })) {
        reason = "a port name must contain at least one letter";
    }
    return reason;
}

} // namespace cnsim
