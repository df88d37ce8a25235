#include "kubectl/labelselector.h"

#include <algorithm>
#include <cctype>

namespace cnsim {

namespace {

std::string trim(std::string_view s) {
    while (!s.empty() && s.front() == ' ') {
        s.remove_prefix(1);
    }
    while (!s.empty() && s.back() == ' ') {
        s.remove_suffix(1);
    }
    return std::string(s);
}

// Splits at commas that are not inside a parenthesised value set.
std::vector<std::string> splitTerms(std::string_view text) {
    std::vector<std::string> terms;
    int depth = 0;
    std::string current;
    for (const char c : text) {
        if (c == '(') {
            ++depth;
        } else if (c == ')') {
            --depth;
        }
        if (c == ',' && depth == 0) {
            terms.push_back(trim(current));
            current.clear();
        } else {
            current += c;
        }
    }
    terms.push_back(trim(current));
    return terms;
}

bool validKey(const std::string& key) {
    return !key.empty() && std::all_of(key.begin(), key.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.' ||
               c == '/';
    });
}

} // namespace

bool LabelQuery::matches(const LabelMap& labels) const {
    for (const LabelRequirement& r : requirements) {
        const auto it = labels.find(r.key);
        const bool has = it != labels.end();
        const auto in = [&] {
            return has && std::find(r.values.begin(), r.values.end(), it->second) != r.values.end();
        };
        switch (r.op) {
        case LabelRequirement::Op::Equals:
        case LabelRequirement::Op::In:
            if (!in()) {
                return false;
            }
            break;
        case LabelRequirement::Op::NotEquals:
        case LabelRequirement::Op::NotIn:
            // As upstream: a missing key satisfies != and notin.
            if (in()) {
                return false;
            }
            break;
        case LabelRequirement::Op::Exists:
            if (!has) {
                return false;
            }
            break;
        case LabelRequirement::Op::DoesNotExist:
            if (has) {
                return false;
            }
            break;
        }
    }
    return true;
}

std::optional<LabelQuery> parseLabelQuery(std::string_view text, std::string& error) {
    LabelQuery query;
    if (trim(text).empty()) {
        return query;
    }
    for (const std::string& term : splitTerms(text)) {
        LabelRequirement r;
        std::size_t pos = std::string::npos;
        if (term.empty()) {
            error = "found '', expected: identifier";
            return std::nullopt;
        }
        if (term.front() == '!') {
            r.key = trim(std::string_view(term).substr(1));
            r.op = LabelRequirement::Op::DoesNotExist;
        } else if ((pos = term.find("!=")) != std::string::npos) {
            r.key = trim(std::string_view(term).substr(0, pos));
            r.op = LabelRequirement::Op::NotEquals;
            r.values.push_back(trim(std::string_view(term).substr(pos + 2)));
        } else if ((pos = term.find("==")) != std::string::npos) {
            r.key = trim(std::string_view(term).substr(0, pos));
            r.values.push_back(trim(std::string_view(term).substr(pos + 2)));
        } else if ((pos = term.find('=')) != std::string::npos) {
            r.key = trim(std::string_view(term).substr(0, pos));
            r.values.push_back(trim(std::string_view(term).substr(pos + 1)));
        } else if (const std::size_t open = term.find('('); open != std::string::npos) {
            const std::size_t close = term.find(')', open);
            const std::string head = trim(std::string_view(term).substr(0, open));
            const std::size_t space = head.rfind(' ');
            if (close == std::string::npos || space == std::string::npos) {
                error = "unable to parse requirement: " + term;
                return std::nullopt;
            }
            r.key = trim(std::string_view(head).substr(0, space));
            const std::string op = head.substr(space + 1);
            if (op == "in") {
                r.op = LabelRequirement::Op::In;
            } else if (op == "notin") {
                r.op = LabelRequirement::Op::NotIn;
            } else {
                error = "unable to parse requirement: " + term;
                return std::nullopt;
            }
            for (const std::string& v : splitTerms(term.substr(open + 1, close - open - 1))) {
                r.values.push_back(v);
            }
        } else {
            r.key = term;
            r.op = LabelRequirement::Op::Exists;
        }
        if (!validKey(r.key)) {
            error = "unable to parse requirement: invalid label key \"" + r.key + "\"";
            return std::nullopt;
        }
        query.requirements.push_back(std::move(r));
    }
    return query;
}

} // namespace cnsim
