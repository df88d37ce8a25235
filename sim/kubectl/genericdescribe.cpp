#include "kubectl/genericdescribe.h"

#include "kubectl/describeprinter.h"
#include "kubectl/tableprinter.h"

#include <algorithm>
#include <cctype>
#include <vector>

namespace cnsim {

namespace {

std::string scalar(const ObjectValue& v) {
    if (const std::string* s = v.asString()) {
        return *s;
    }
    if (const std::int64_t* i = v.asInt()) {
        return std::to_string(*i);
    }
    if (const bool* b = v.asBool()) {
        return *b ? "true" : "false";
    }
    return "<nil>";
}

void content(std::string& out, int level, const ObjectValue::Map& map, const std::string& prefix) {
    static const std::vector<std::string> skipped{".metadata.managedFields", ".metadata.name",
                                                  ".metadata.namespace", ".metadata.labels",
                                                  ".metadata.annotations"};
    const std::string indent(static_cast<std::size_t>(level) * 2, ' ');
    for (const auto& [field, value] : map) { // std::map: key order, as sort.Strings
        const std::string path = prefix + "." + field;
        if (std::find(skipped.begin(), skipped.end(), path) != skipped.end()) {
            continue;
        }
        if (const ObjectValue::Map* child = value.asMap()) {
            out += indent + smartLabelFor(field) + ":\n";
            content(out, level + 1, *child, path);
        } else if (const ObjectValue::List* list = value.asList()) {
            out += indent + smartLabelFor(field) + ":\n";
            for (const ObjectValue& item : *list) {
                if (const ObjectValue::Map* m = item.asMap()) {
                    content(out, level + 1, *m, path);
                } else {
                    out += indent + "  " + scalar(item) + "\n";
                }
            }
        } else {
            out += indent + smartLabelFor(field) + ":\t" + scalar(value) + "\n";
        }
    }
}

std::string labelsText(const ObjectValue* labels) {
    const ObjectValue::Map* map = labels != nullptr ? labels->asMap() : nullptr;
    if (map == nullptr || map->empty()) {
        return "<none>\n";
    }
    std::string out;
    for (const auto& [key, value] : *map) {
        out += (out.empty() ? "" : "\t") + key + "=" + scalar(value) + "\n";
    }
    return out;
}

} // namespace

std::string smartLabelFor(const std::string& field) {
    for (const char c : field) {
        if (!std::isalpha(static_cast<unsigned char>(c)) && c != '-') {
            return field;
        }
    }
    static const std::vector<std::string> acronyms{"API", "URL", "UID", "OSB", "GUID"};
    std::string out;
    std::string word;
    const auto flush = [&] {
        if (word.empty()) {
            return;
        }
        std::string upper = word;
        for (char& c : upper) {
            c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        }
        if (std::find(acronyms.begin(), acronyms.end(), upper) == acronyms.end()) {
            upper = word;
            upper[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(upper[0])));
        }
        out += (out.empty() ? "" : " ") + upper;
        word.clear();
    };
    for (const char c : field) {
        if (std::isupper(static_cast<unsigned char>(c))) {
            flush();
        }
        word += c;
    }
    flush();
    return out;
}

std::string describeCustomResource(const Simulation& sim, const ObjectValue& object) {
    const ObjectValue::Map* top = object.asMap();
    if (top == nullptr) {
        return {};
    }
    const ObjectValue::Map* meta = nullptr;
    if (const auto it = top->find("metadata"); it != top->end()) {
        meta = it->second.asMap();
    }
    const auto metaField = [&](const char* key) -> const ObjectValue* {
        if (meta == nullptr) {
            return nullptr;
        }
        const auto it = meta->find(key);
        return it == meta->end() ? nullptr : &it->second;
    };
    const std::string name = metaField("name") ? scalar(*metaField("name")) : "";
    std::string out = "Name:\t" + name + "\n";
    out += "Namespace:\t" + (metaField("namespace") ? scalar(*metaField("namespace")) : "") + "\n";
    out += "Labels:\t" + labelsText(metaField("labels"));
    out += "Annotations:\t" + labelsText(metaField("annotations"));
    content(out, 0, *top, "");
    const auto kind = top->find("kind");
    out += describeEventsText(sim, kind != top->end() ? scalar(kind->second) : "", name);
    return tabwrite(out, 0, 2);
}

} // namespace cnsim
