#pragma once

// "Did you mean …?" for misspelled keys and enum values.
//
// Distance is optimal-string-alignment Damerau–Levenshtein (insert, delete, substitute,
// swap two neighbours), compared case-insensitively, so "replcas", "Replicas" and
// "replicsa" all find "replicas".

#include <string>
#include <string_view>
#include <vector>

namespace cnsim {

int damerauLevenshtein(std::string_view a, std::string_view b);

// The candidate closest to `word`, or empty when none is close enough: at most 1 edit for
// words of up to 4 characters, 2 up to 8, 3 beyond. Ties go to the earlier candidate.
std::string nearestName(std::string_view word, const std::vector<std::string_view>& candidates);

// " — did you mean 'x'?" for the nearest candidate, or empty: the tail of a message about an
// unknown name.
std::string didYouMean(const std::string& name, const std::vector<std::string>& candidates);

} // namespace cnsim
