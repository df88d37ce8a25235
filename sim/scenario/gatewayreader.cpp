#include "scenario/gatewayreader.h"

#include "scenario/names.h"

#include <algorithm>
#include <cstdint>

namespace cnsim {

namespace {

constexpr double kMaxWeight = 1'000'000.0;
constexpr double kMaxRateLimit = 1'000'000.0;
constexpr std::size_t kMaxPathLength = 1024;        // Gateway API's HTTPPathMatch.value
constexpr std::size_t kMaxHeaderNameLength = 256;   // Gateway API's HTTPHeaderName
constexpr std::size_t kMaxHeaderValueLength = 4096; // Gateway API's HTTPHeaderMatch.value

// An HTTP header name (RFC 9110 token), lower-cased: header names are case-insensitive, and
// the lower-case form is the one HTTP/2 sends.
std::optional<std::string> checkHeaderName(DiagnosticSink& sink, const YAML::Node& node,
                                           const std::string& name) {
    const bool token =
        !name.empty() && name.size() <= kMaxHeaderNameLength &&
        std::all_of(name.begin(), name.end(), [](char c) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                   std::string_view("!#$%&'*+-.^_`|~").find(c) != std::string_view::npos;
        });
    if (!token) {
        sink.error(node.Mark(), "bad-name", {"header", name},
                   "header name '" + name.substr(0, 60) +
                       "' is invalid: at most 256 letters, digits and !#$%&'*+-.^_`|~");
        return std::nullopt;
    }
    std::string lower = name;
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; });
    return lower;
}

bool checkHeaderValue(DiagnosticSink& sink, const YAML::Node& node, const std::string& value) {
    const bool ok = value.size() <= kMaxHeaderValueLength &&
                    std::none_of(value.begin(), value.end(), [](char c) {
                        return (static_cast<unsigned char>(c) < 0x20 && c != '\t') || c == 0x7f;
                    });
    if (!ok) {
        sink.error(node.Mark(), "bad-value", {"header value", value.substr(0, 60)},
                   "header value is invalid: at most 4096 characters, no line breaks or control "
                   "characters");
    }
    return ok;
}

// Gateway API's HTTPHeaderMatch list: [{name, value, type: Exact}].
std::map<std::string, std::string> readHeaderMatches(DiagnosticSink& sink, const YamlEntry& entry) {
    static const FieldTable table = cnsimFields("header match", {"name", "value", "type"});
    static const std::vector<std::string_view> kTypes{"Exact"};
    std::map<std::string, std::string> headers;
    for (const YAML::Node& item : readList(sink, entry)) {
        MapCursor map(sink, item, item.Mark(), table);
        std::optional<std::string> name;
        if (const YamlEntry* nameEntry = map.require("name")) {
            if (const auto text = readString(sink, *nameEntry)) {
                name = checkHeaderName(sink, nameEntry->value, *text);
            }
            if (name && headers.count(*name) != 0) {
                sink.error(nameEntry->value.Mark(), "duplicate-name", {"header", *name},
                           "header '" + *name +
                               "' is matched twice in one match (header names ignore case)");
                name.reset();
            }
        }
        std::optional<std::string> value;
        if (const YamlEntry* valueEntry = map.require("value")) {
            value = readString(sink, *valueEntry);
            if (value && !checkHeaderValue(sink, valueEntry->value, *value)) {
                value.reset();
            }
        }
        if (const YamlEntry* type = map.find("type")) {
            readEnum(sink, *type, kTypes);
        }
        if (name && value) {
            headers.emplace(*name, *value);
        }
    }
    return headers;
}

RouteMatchSpec readMatch(DiagnosticSink& sink, const YAML::Node& node) {
    static const FieldTable table = cnsimFields("route match", {"path", "headers"});
    static const FieldTable pathTable = cnsimFields("path match", {"type", "value"});
    static const std::vector<std::string_view> kPathTypes{"PathPrefix"};
    RouteMatchSpec match;
    MapCursor map(sink, node, node.Mark(), table);
    if (const YamlEntry* path = map.find("path"); path != nullptr && path->value.IsScalar()) {
        // A request class takes `path: /cart`; a route match takes Gateway API's form.
        sink.error(path->value.Mark(), "wrong-type",
                   {"path", "a path match", describeNode(path->value)},
                   "a route's path match is written as in Gateway API, {type: PathPrefix, "
                   "value: " +
                       path->value.Scalar().substr(0, 60) + "}, got " + describeNode(path->value));
    } else if (path != nullptr) {
        MapCursor pathMap(sink, path->value, path->keyMark(), pathTable);
        if (const YamlEntry* type = pathMap.find("type")) {
            readEnum(sink, *type, kPathTypes);
        }
        if (const YamlEntry* value = pathMap.find("value")) {
            match.pathPrefix = readPath(sink, *value).value_or(match.pathPrefix);
        }
    }
    if (const YamlEntry* headers = map.find("headers")) {
        match.headers = readHeaderMatches(sink, *headers);
    }
    return match;
}

GatewayRouteSpec readRoute(DiagnosticSink& sink, const YAML::Node& node,
                           std::vector<YAML::Mark>& backendMarks, YAML::Mark& nameMark) {
    static const FieldTable table =
        cnsimFields("route", {"name", "hostnames", "matches", "backendRefs", "rateLimit"});
    static const FieldTable backendTable = cnsimFields("backendRef", {"name", "weight"});
    static const FieldTable limitTable = cnsimFields("rateLimit", {"requestsPerSecond", "burst"});
    GatewayRouteSpec route;
    MapCursor map(sink, node, node.Mark(), table);
    nameMark = node.Mark();
    if (const YamlEntry* name = map.require("name")) {
        nameMark = name->value.Mark();
        route.name = readName(sink, *name, checkDns1123Label).value_or("");
    }
    if (const YamlEntry* hostnames = map.find("hostnames")) {
        for (const YAML::Node& item : readList(sink, *hostnames)) {
            if (std::optional<std::string> host = readHostname(sink, *hostnames, item)) {
                route.hostnames.push_back(std::move(*host));
            }
        }
    }
    if (const YamlEntry* matches = map.find("matches")) {
        for (const YAML::Node& item : readList(sink, *matches)) {
            route.matches.push_back(readMatch(sink, item));
        }
    }
    if (const YamlEntry* backends = map.require("backendRefs")) {
        const std::vector<YAML::Node> items = readList(sink, *backends);
        if (items.empty() && (backends->value.IsNull() || backends->value.IsSequence())) {
            sink.error(backends->keyMark(), "empty-list", {"backendRefs"},
                       "'backendRefs' must list at least one Service");
        }
        bool anyWeight = false;
        for (const YAML::Node& item : items) {
            MapCursor backendMap(sink, item, item.Mark(), backendTable);
            RouteBackendSpec backend;
            YAML::Mark mark = item.Mark();
            if (const YamlEntry* name = backendMap.require("name")) {
                mark = name->value.Mark();
                backend.service = readString(sink, *name).value_or("");
            }
            if (const YamlEntry* weight = backendMap.find("weight")) {
                backend.weight = static_cast<int>(
                    readInteger(sink, *weight, 0, static_cast<std::int64_t>(kMaxWeight))
                        .value_or(backend.weight));
            }
            anyWeight = anyWeight || backend.weight > 0;
            route.backends.push_back(std::move(backend));
            backendMarks.push_back(mark);
        }
        if (!items.empty() && !anyWeight) {
            sink.error(backends->keyMark(), "zero-weights", {"backendRefs"},
                       "every backendRef has weight 0, so the route can send nowhere; give one a "
                       "weight above 0");
        }
    }
    if (const YamlEntry* limit = map.find("rateLimit")) {
        MapCursor limitMap(sink, limit->value, limit->keyMark(), limitTable);
        RateLimitSpec rateLimit;
        if (const YamlEntry* rate = limitMap.require("requestsPerSecond")) {
            if (const auto value = readNumber(sink, *rate, 0.0, kMaxRateLimit)) {
                if (*value == 0.0) {
                    sink.error(rate->value.Mark(), "below-minimum",
                               {"requestsPerSecond", rate->value.Scalar(), "0 (exclusive)"},
                               "a rate limit of 0 requests per second rejects everything; it "
                               "must be above 0");
                }
                rateLimit.requestsPerSecond = *value;
            }
        }
        if (const YamlEntry* burst = limitMap.find("burst")) {
            rateLimit.burst = static_cast<int>(
                readInteger(sink, *burst, 1, static_cast<std::int64_t>(kMaxRateLimit))
                    .value_or(rateLimit.burst));
        }
        route.rateLimit = rateLimit;
    }
    return route;
}

} // namespace

// A request path or a PathPrefix value: absolute, printable, no empty segment, as Gateway
// API's HTTPPathMatch validation requires.
std::optional<std::string> readPath(DiagnosticSink& sink, const YamlEntry& entry) {
    std::optional<std::string> path = readString(sink, entry);
    if (!path) {
        return std::nullopt;
    }
    std::string reason;
    if (path->empty() || path->front() != '/') {
        reason = "it must start with '/'";
    } else if (path->size() > kMaxPathLength) {
        reason = "it must be at most 1024 characters";
    } else if (std::any_of(path->begin(), path->end(), [](char c) {
                   return static_cast<unsigned char>(c) <= ' ' || c == 0x7f || c == '?' || c == '#';
               })) {
        reason = "it must not contain spaces, control characters, '?' or '#'";
    } else if (path->find("//") != std::string::npos) {
        reason = "it must not contain '//'";
    }
    if (!reason.empty()) {
        sink.error(entry.value.Mark(), "bad-value", {entry.key, *path, reason},
                   "path '" + path->substr(0, 60) + "' is invalid: " + reason);
        return std::nullopt;
    }
    return path;
}

// A request's headers: a mapping of name to value (`x-canary: "true"`).
std::map<std::string, std::string> readRequestHeaders(DiagnosticSink& sink,
                                                      const YamlEntry& entry) {
    std::map<std::string, std::string> headers;
    if (entry.value.IsNull()) {
        return headers;
    }
    if (!entry.value.IsMap()) {
        sink.error(entry.value.Mark(), "wrong-type",
                   {entry.key, "a mapping", describeNode(entry.value)},
                   "'headers' must be a mapping of header names to values, got " +
                       describeNode(entry.value));
        return headers;
    }
    for (auto it = entry.value.begin(); it != entry.value.end(); ++it) {
        const YAML::Node key = it->first;
        const YAML::Node value = it->second;
        if (!key.IsScalar() || !value.IsScalar()) {
            const YAML::Node& bad = key.IsScalar() ? value : key;
            sink.error(bad.Mark(), "wrong-type", {"header", "text", describeNode(bad)},
                       "header names and values must be text, got " + describeNode(bad));
            continue;
        }
        const std::optional<std::string> name = checkHeaderName(sink, key, key.Scalar());
        if (!name || !checkHeaderValue(sink, value, value.Scalar())) {
            continue;
        }
        if (!headers.emplace(*name, value.Scalar()).second) {
            sink.error(key.Mark(), "duplicate-key", {*name},
                       "duplicate header '" + *name + "' (header names ignore case)");
        }
    }
    return headers;
}

std::optional<std::string> readHostname(DiagnosticSink& sink, const YamlEntry& entry,
                                        const YAML::Node& node) {
    if (!node.IsScalar()) {
        sink.error(node.Mark(), "wrong-type", {entry.key, "a hostname", describeNode(node)},
                   "a hostname must be text, got " + describeNode(node));
        return std::nullopt;
    }
    const std::string host = node.Scalar();
    // Gateway API's Hostname: a DNS subdomain, optionally with a leading "*." wildcard label.
    const std::string_view rest =
        host.rfind("*.", 0) == 0 ? std::string_view(host).substr(2) : std::string_view(host);
    if (const std::string reason = checkDns1123Subdomain(rest); !reason.empty()) {
        sink.error(node.Mark(), "bad-name", {entry.key, host, reason},
                   "hostname '" + host.substr(0, 60) + "' is invalid: " + reason);
        return std::nullopt;
    }
    return host;
}

GatewaySpec readGateway(DiagnosticSink& sink, const YamlEntry& entry, GatewayMarks& marks) {
    static const FieldTable table = cnsimFields("gateway", {"service", "routes"});
    GatewaySpec gateway;
    MapCursor map(sink, entry.value, entry.keyMark(), table);
    marks.service = entry.keyMark();
    if (const YamlEntry* service = map.require("service")) {
        marks.service = service->value.Mark();
        gateway.service = readString(sink, *service).value_or("");
    }
    if (const YamlEntry* routes = map.find("routes")) {
        std::map<std::string, int> firstLine;
        for (const YAML::Node& item : readList(sink, *routes)) {
            marks.backends.emplace_back();
            YAML::Mark nameMark;
            GatewayRouteSpec route = readRoute(sink, item, marks.backends.back(), nameMark);
            if (const auto it = firstLine.find(route.name);
                !route.name.empty() && it != firstLine.end()) {
                sink.error(nameMark, "duplicate-name", {"route", route.name},
                           "duplicate route name '" + route.name + "' (first given on line " +
                               std::to_string(it->second) + ")");
            } else {
                firstLine.emplace(route.name, nameMark.line + 1);
            }
            gateway.routes.push_back(std::move(route));
        }
    }
    return gateway;
}

} // namespace cnsim
