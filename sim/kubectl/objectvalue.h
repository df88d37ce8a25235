#pragma once

// ObjectValue: a JSON-shaped tree (null, bool, integer, string, list, map) that API objects
// are encoded into, so `kubectl get -o json` and `-o yaml` print the same data.
//
// Maps keep their keys sorted: kubectl prints objects through map[string]interface{}
// (k8s.io/apimachinery unstructured), and both encoding/json and sigs.k8s.io/yaml write
// map keys in sorted order, so a sorted map is what a real cluster's output looks like.

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace cnsim {

class ObjectValue {
public:
    using List = std::vector<ObjectValue>;
    using Map = std::map<std::string, ObjectValue, std::less<>>;

    ObjectValue() = default; // null
    ObjectValue(bool b) : m_data(b) {}
    ObjectValue(int i) : m_data(static_cast<std::int64_t>(i)) {}
    ObjectValue(std::int64_t i) : m_data(i) {}
    ObjectValue(const char* s) : m_data(std::string(s)) {}
    ObjectValue(std::string s) : m_data(std::move(s)) {}
    ObjectValue(std::string_view s) : m_data(std::string(s)) {}
    ObjectValue(List l) : m_data(std::move(l)) {}
    ObjectValue(Map m) : m_data(std::move(m)) {}

    static ObjectValue emptyMap() { return ObjectValue(Map{}); }
    static ObjectValue emptyList() { return ObjectValue(List{}); }

    bool isNull() const { return std::holds_alternative<std::monostate>(m_data); }
    const bool* asBool() const { return std::get_if<bool>(&m_data); }
    const std::int64_t* asInt() const { return std::get_if<std::int64_t>(&m_data); }
    const std::string* asString() const { return std::get_if<std::string>(&m_data); }
    const List* asList() const { return std::get_if<List>(&m_data); }
    const Map* asMap() const { return std::get_if<Map>(&m_data); }
    List* asList() { return std::get_if<List>(&m_data); }
    Map* asMap() { return std::get_if<Map>(&m_data); }

    // Map access; turns a null value into an empty map first.
    ObjectValue& operator[](std::string_view key);

private:
    std::variant<std::monostate, bool, std::int64_t, std::string, List, Map> m_data;
};

// encoding/json MarshalIndent(v, "", "    ") as kubectl's JSON printer writes it
// (k8s.io/cli-runtime/pkg/printers/json.go), with a trailing newline.
std::string toJson(const ObjectValue& value);

// sigs.k8s.io/yaml (go-yaml v2) block style as kubectl's YAML printer writes it
// (k8s.io/cli-runtime/pkg/printers/yaml.go): two-space indent, list items at the parent
// key's indentation, strings quoted only when they would read back as another type.
std::string toYaml(const ObjectValue& value);

} // namespace cnsim
