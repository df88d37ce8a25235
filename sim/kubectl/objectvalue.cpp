#include "kubectl/objectvalue.h"

#include <cctype>
#include <cstdio>

namespace cnsim {

ObjectValue& ObjectValue::operator[](std::string_view key) {
    if (isNull()) {
        m_data = Map{};
    }
    Map& map = std::get<Map>(m_data);
    const auto it = map.find(key);
    if (it != map.end()) {
        return it->second;
    }
    return map.emplace(std::string(key), ObjectValue()).first->second;
}

namespace {

// encoding/json escapes <, > and & (HTML-safe output) besides the JSON specials.
std::string jsonString(const std::string& s) {
    std::string out = "\"";
    for (const char c : s) {
        const auto u = static_cast<unsigned char>(c);
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        case '<':
        case '>':
        case '&': {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\u%04x", u);
            out += buf;
            break;
        }
        default:
            if (u < 0x20) {
                char buf[8];
                std::snprintf(buf, sizeof buf, "\\u%04x", u);
                out += buf;
            } else {
                out += c;
            }
        }
    }
    out += '"';
    return out;
}

void writeJson(const ObjectValue& v, int depth, std::string& out) {
    const std::string indent(static_cast<std::size_t>(depth + 1) * 4, ' ');
    const std::string closing(static_cast<std::size_t>(depth) * 4, ' ');
    if (v.isNull()) {
        out += "null";
    } else if (const bool* b = v.asBool()) {
        out += *b ? "true" : "false";
    } else if (const std::int64_t* i = v.asInt()) {
        out += std::to_string(*i);
    } else if (const std::string* s = v.asString()) {
        out += jsonString(*s);
    } else if (const ObjectValue::List* list = v.asList()) {
        if (list->empty()) {
            out += "[]";
            return;
        }
        out += "[\n";
        for (std::size_t k = 0; k < list->size(); ++k) {
            out += indent;
            writeJson((*list)[k], depth + 1, out);
            out += k + 1 < list->size() ? ",\n" : "\n";
        }
        out += closing + "]";
    } else if (const ObjectValue::Map* map = v.asMap()) {
        if (map->empty()) {
            out += "{}";
            return;
        }
        out += "{\n";
        std::size_t k = 0;
        for (const auto& [key, child] : *map) {
            out += indent + jsonString(key) + ": ";
            writeJson(child, depth + 1, out);
            out += ++k < map->size() ? ",\n" : "\n";
        }
        out += closing + "}";
    }
}

bool isYamlReserved(const std::string& s) {
    static const char* const words[] = {
        "y",    "Y",    "yes",   "Yes",   "YES",   "n",     "N",     "no",   "No",
        "NO",   "true", "True",  "TRUE",  "false", "False", "FALSE", "on",   "On",
        "ON",   "off",  "Off",   "OFF",   "null",  "Null",  "NULL",  "~",    ".inf",
        ".Inf", ".INF", "-.inf", "-.Inf", "-.INF", ".nan",  ".NaN",  ".NAN", "+.inf"};
    for (const char* w : words) {
        if (s == w) {
            return true;
        }
    }
    return false;
}

bool allDigits(std::string_view s, int base) {
    if (s.empty()) {
        return false;
    }
    for (const char c : s) {
        const bool ok = base == 16 ? std::isxdigit(static_cast<unsigned char>(c)) != 0
                                   : (c >= '0' && c < static_cast<char>('0' + base));
        if (!ok && c != '_') {
            return false;
        }
    }
    return true;
}

// go-yaml v2's resolve(): would the plain scalar read back as an int, a float or a
// timestamp? Then it must be quoted to stay a string.
bool looksNumericOrTime(const std::string& text) {
    std::string_view s = text;
    if (!s.empty() && (s.front() == '+' || s.front() == '-')) {
        s.remove_prefix(1);
    }
    // strconv.ParseInt(s, 0, 64): decimal, 0x, 0o, 0b and leading-zero octal.
    if (s.starts_with("0x") || s.starts_with("0X")) {
        if (allDigits(s.substr(2), 16)) {
            return true;
        }
    } else if (s.starts_with("0b") || s.starts_with("0B")) {
        if (allDigits(s.substr(2), 2)) {
            return true;
        }
    } else if (s.starts_with("0o") || s.starts_with("0O")) {
        if (allDigits(s.substr(2), 8)) {
            return true;
        }
    } else if (allDigits(s, 10)) {
        return true;
    }
    // Float: ^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$
    std::size_t i = 0;
    std::size_t digits = 0;
    while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) {
        ++i;
        ++digits;
    }
    if (i < s.size() && s[i] == '.') {
        ++i;
        while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) {
            ++i;
            ++digits;
        }
    }
    if (digits > 0 && i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
        std::size_t j = i + 1;
        if (j < s.size() && (s[j] == '+' || s[j] == '-')) {
            ++j;
        }
        if (allDigits(s.substr(j), 10)) {
            i = s.size();
        }
    }
    if (digits > 0 && i == s.size()) {
        return true;
    }
    // Timestamps: 2006-01-02 and RFC 3339 forms.
    return text.size() >= 10 && allDigits(std::string_view(text).substr(0, 4), 10) &&
           text[4] == '-' && allDigits(std::string_view(text).substr(5, 2), 10) && text[7] == '-' &&
           allDigits(std::string_view(text).substr(8, 2), 10) &&
           (text.size() == 10 || text[10] == 'T' || text[10] == 't' || text[10] == ' ');
}

bool needsQuotes(const std::string& s) {
    if (s.empty() || isYamlReserved(s) || looksNumericOrTime(s)) {
        return true;
    }
    static const std::string_view indicators = "-?:,[]{}#&*!|>'\"%@`";
    if (indicators.find(s.front()) != std::string_view::npos) {
        // "-x" and ":x" style scalars are plain in go-yaml only when followed by a
        // non-space; keep it simple and quote every leading indicator.
        return true;
    }
    if (s.front() == ' ' || s.back() == ' ' || s.back() == ':') {
        return true;
    }
    return s.find(": ") != std::string::npos || s.find(" #") != std::string::npos ||
           s.find('\t') != std::string::npos;
}

std::string yamlScalar(const std::string& s) {
    if (!needsQuotes(s)) {
        return s;
    }
    std::string out = "\"";
    for (const char c : s) {
        if (c == '"' || c == '\\') {
            out += '\\';
        }
        out += c;
    }
    return out + '"';
}

bool isCollection(const ObjectValue& v) {
    const ObjectValue::List* l = v.asList();
    const ObjectValue::Map* m = v.asMap();
    return (l != nullptr && !l->empty()) || (m != nullptr && !m->empty());
}

std::string inlineScalar(const ObjectValue& v, int indent) {
    if (v.isNull()) {
        return "null";
    }
    if (const bool* b = v.asBool()) {
        return *b ? "true" : "false";
    }
    if (const std::int64_t* i = v.asInt()) {
        return std::to_string(*i);
    }
    if (const std::string* s = v.asString()) {
        if (s->find('\n') != std::string::npos) {
            // Literal block, as go-yaml writes multi-line strings.
            std::string out = s->back() == '\n' ? "|" : "|-";
            const std::string pad(static_cast<std::size_t>(indent + 2), ' ');
            std::size_t start = 0;
            while (start < s->size()) {
                std::size_t end = s->find('\n', start);
                if (end == std::string::npos) {
                    end = s->size();
                }
                out += "\n" + pad + s->substr(start, end - start);
                start = end + 1;
            }
            return out;
        }
        return yamlScalar(*s);
    }
    if (v.asList() != nullptr) {
        return "[]";
    }
    return "{}";
}

void writeYaml(const ObjectValue& v, int indent, std::string& out);

void writeYamlMap(const ObjectValue::Map& map, int indent, bool firstInline, std::string& out) {
    const std::string pad(static_cast<std::size_t>(indent), ' ');
    bool first = true;
    for (const auto& [key, child] : map) {
        if (!(first && firstInline)) {
            out += pad;
        }
        first = false;
        out += yamlScalar(key) + ":";
        if (isCollection(child)) {
            out += "\n";
            // Lists sit at the key's indentation (go-yaml v2); maps indent by two.
            writeYaml(child, child.asList() != nullptr ? indent : indent + 2, out);
        } else {
            out += " " + inlineScalar(child, indent) + "\n";
        }
    }
}

void writeYaml(const ObjectValue& v, int indent, std::string& out) {
    const std::string pad(static_cast<std::size_t>(indent), ' ');
    if (const ObjectValue::Map* map = v.asMap(); map != nullptr && !map->empty()) {
        writeYamlMap(*map, indent, false, out);
    } else if (const ObjectValue::List* list = v.asList(); list != nullptr && !list->empty()) {
        for (const ObjectValue& item : *list) {
            out += pad + "-";
            if (const ObjectValue::Map* m = item.asMap(); m != nullptr && !m->empty()) {
                out += " ";
                writeYamlMap(*m, indent + 2, true, out);
            } else if (isCollection(item)) {
                out += "\n";
                writeYaml(item, indent + 2, out);
            } else {
                out += " " + inlineScalar(item, indent) + "\n";
            }
        }
    } else {
        out += pad + inlineScalar(v, indent) + "\n";
    }
}

} // namespace

std::string toJson(const ObjectValue& value) {
    std::string out;
    writeJson(value, 0, out);
    return out + "\n";
}

std::string toYaml(const ObjectValue& value) {
    std::string out;
    writeYaml(value, 0, out);
    return out;
}

} // namespace cnsim
