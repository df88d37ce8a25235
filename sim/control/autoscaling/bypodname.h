#pragma once

// ByPodName: values by pod name in one array sorted by name, as the replica calculator keeps its
// samples and requests (upstream: Go maps keyed by pod name). A calculation looks up every pod
// of an HPA at every sync; an array walked in order, without a heap node and a copied name per
// entry, keeps that cheap.
//
// Key is std::string (the map owns its names) or std::string_view (the names belong to pods or
// samples the caller keeps alive for as long as the map). Names are unique and ordered as
// std::string orders them. Adding names in ascending order appends; lookups in ascending order
// can start from the previous hit (find with a cursor) and then cost one comparison each.

#include <algorithm>
#include <initializer_list>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace cnsim {

template <class Key, class T>
class ByPodName {
public:
    using value_type = std::pair<Key, T>;
    using iterator = typename std::vector<value_type>::iterator;
    using const_iterator = typename std::vector<value_type>::const_iterator;

    ByPodName() = default;
    ByPodName(std::initializer_list<value_type> entries) {
        for (const value_type& e : entries) {
            insert_or_assign(e.first, e.second);
        }
    }

    iterator begin() { return m_entries.begin(); }
    iterator end() { return m_entries.end(); }
    const_iterator begin() const { return m_entries.begin(); }
    const_iterator end() const { return m_entries.end(); }
    std::size_t size() const { return m_entries.size(); }
    bool empty() const { return m_entries.empty(); }
    void clear() { m_entries.clear(); }
    void reserve(std::size_t n) { m_entries.reserve(n); }

    const_iterator find(std::string_view name) const {
        const auto it = lowerBound(name);
        return it != m_entries.end() && std::string_view(it->first) == name ? it : end();
    }
    // The entry at `from` is tried first: after a hit, pass the next entry.
    const_iterator find(std::string_view name, const_iterator from) const {
        if (from != end() && std::string_view(from->first) == name) {
            return from;
        }
        return find(name);
    }
    bool contains(std::string_view name) const { return find(name) != end(); }

    const T& at(std::string_view name) const {
        const auto it = find(name);
        if (it == end()) {
            throw std::out_of_range("ByPodName::at");
        }
        return it->second;
    }
    T& operator[](std::string_view name) {
        auto it = lowerBound(name);
        if (it == m_entries.end() || std::string_view(it->first) != name) {
            it = m_entries.emplace(it, Key(name), T{});
        }
        return it->second;
    }
    // Appends when `name` sorts after every name there.
    void insert_or_assign(std::string_view name, T value) {
        if (m_entries.empty() || std::string_view(m_entries.back().first) < name) {
            m_entries.emplace_back(Key(name), std::move(value));
            return;
        }
        (*this)[name] = std::move(value);
    }
    // Replaces the entries with those fill(append) appends, append(name, value), overwriting the
    // entries there in place: a caller that refills the same names again and again allocates
    // nothing for them. Names given out of order are sorted; of equal names the last one stays.
    template <class Fill>
    void refill(Fill fill) {
        std::size_t count = 0;
        bool ordered = true;
        const auto append = [&](std::string_view name, T value) {
            ordered = ordered && (count == 0 || std::string_view(m_entries[count - 1].first) < name);
            if (count < m_entries.size()) {
                m_entries[count].first = name;
                m_entries[count].second = std::move(value);
            } else {
                m_entries.emplace_back(Key(name), std::move(value));
            }
            ++count;
        };
        fill(append);
        m_entries.erase(m_entries.begin() + static_cast<std::ptrdiff_t>(count), m_entries.end());
        if (!ordered) {
            std::stable_sort(m_entries.begin(), m_entries.end(),
                             [](const value_type& a, const value_type& b) {
                                 return std::string_view(a.first) < std::string_view(b.first);
                             });
            // Of a run of equal names keep the last, as insert_or_assign one by one would.
            auto out = m_entries.begin();
            for (auto it = m_entries.begin(); it != m_entries.end(); ++it) {
                const auto next = it + 1;
                if (next == m_entries.end() ||
                    std::string_view(next->first) != std::string_view(it->first)) {
                    if (out != it) {
                        *out = std::move(*it);
                    }
                    ++out;
                }
            }
            m_entries.erase(out, m_entries.end());
        }
    }
    std::size_t erase(std::string_view name) {
        const auto it = find(name);
        if (it == end()) {
            return 0;
        }
        m_entries.erase(it);
        return 1;
    }

private:
    iterator lowerBound(std::string_view name) {
        return std::lower_bound(
            m_entries.begin(), m_entries.end(), name,
            [](const value_type& e, std::string_view n) { return std::string_view(e.first) < n; });
    }
    const_iterator lowerBound(std::string_view name) const {
        return std::lower_bound(
            m_entries.begin(), m_entries.end(), name,
            [](const value_type& e, std::string_view n) { return std::string_view(e.first) < n; });
    }

    std::vector<value_type> m_entries; // ascending by name
};

} // namespace cnsim
