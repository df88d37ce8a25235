#include "scenario/editdistance.h"

#include <algorithm>
#include <cctype>

namespace cnsim {

namespace {

char lower(char c) {
    return static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
}

} // namespace

int damerauLevenshtein(std::string_view a, std::string_view b) {
    const std::size_t n = a.size();
    const std::size_t m = b.size();
    // Three rows suffice for the transposition case (it looks two rows back).
    std::vector<int> twoBack(m + 1), previous(m + 1), current(m + 1);
    for (std::size_t j = 0; j <= m; ++j) {
        previous[j] = static_cast<int>(j);
    }
    for (std::size_t i = 1; i <= n; ++i) {
        current[0] = static_cast<int>(i);
        for (std::size_t j = 1; j <= m; ++j) {
            const int cost = lower(a[i - 1]) == lower(b[j - 1]) ? 0 : 1;
            current[j] = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost});
            if (i > 1 && j > 1 && lower(a[i - 1]) == lower(b[j - 2]) &&
                lower(a[i - 2]) == lower(b[j - 1])) {
                current[j] = std::min(current[j], twoBack[j - 2] + 1);
            }
        }
        twoBack.swap(previous);
        previous.swap(current);
    }
    return previous[m];
}

std::string nearestName(std::string_view word, const std::vector<std::string_view>& candidates) {
    // Bound the work: keys longer than any real field name are not misspellings.
    if (word.size() > 64) {
        return {};
    }
    const int limit = word.size() <= 4 ? 1 : word.size() <= 8 ? 2 : 3;
    int best = limit + 1;
    std::string_view bestName;
    for (const std::string_view candidate : candidates) {
        const int distance = damerauLevenshtein(word, candidate);
        if (distance < best) {
            best = distance;
            bestName = candidate;
        }
    }
    return std::string(bestName);
}

std::string didYouMean(const std::string& name, const std::vector<std::string>& candidates) {
    const std::vector<std::string_view> views(candidates.begin(), candidates.end());
    const std::string suggestion = nearestName(name, views);
    return suggestion.empty() ? std::string() : " — did you mean '" + suggestion + "'?";
}

} // namespace cnsim
