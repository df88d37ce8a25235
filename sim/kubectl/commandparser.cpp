#include "kubectl/commandparser.h"

#include <algorithm>
#include <charconv>
#include <map>

namespace cnsim {

namespace {

struct FlagSpec {
    std::string_view name;
    char shorthand = 0;
    bool takesValue = false;
};

struct ParsedFlags {
    std::map<std::string, std::string, std::less<>> values; // by long name
    std::vector<std::string> args;
    bool has(std::string_view name) const { return values.find(name) != values.end(); }
    std::string get(std::string_view name) const {
        const auto it = values.find(name);
        return it == values.end() ? std::string() : it->second;
    }
};

// Flags every command takes (kubectl's global flags cnsim honours).
const std::vector<FlagSpec> kGlobalFlags = {{"namespace", 'n', true}};

struct ParseError {
    std::string message;
};

std::string seeHelp(const std::string& path) {
    return "See 'kubectl " + path + " --help' for usage.\n";
}

// pflag's parsing: --name=value, --name value, -x value, -xvalue, -x; `--` ends flags.
std::variant<ParsedFlags, ParseError> parseFlags(const std::vector<std::string>& words,
                                                 const std::vector<FlagSpec>& specs,
                                                 const std::string& path) {
    std::vector<FlagSpec> all = specs;
    all.insert(all.end(), kGlobalFlags.begin(), kGlobalFlags.end());
    ParsedFlags out;
    bool flagsEnded = false;
    for (std::size_t i = 0; i < words.size(); ++i) {
        const std::string& w = words[i];
        if (flagsEnded || w.size() < 2 || w[0] != '-') {
            out.args.push_back(w);
            continue;
        }
        if (w == "--") {
            flagsEnded = true;
            continue;
        }
        const bool isLong = w[1] == '-';
        std::string name;
        std::optional<std::string> value;
        const FlagSpec* spec = nullptr;
        if (isLong) {
            const std::size_t eq = w.find('=');
            name = w.substr(2, eq == std::string::npos ? std::string::npos : eq - 2);
            if (eq != std::string::npos) {
                value = w.substr(eq + 1);
            }
            for (const FlagSpec& s : all) {
                if (s.name == name) {
                    spec = &s;
                }
            }
            if (spec == nullptr) {
                return ParseError{"error: unknown flag: --" + name + "\n" + seeHelp(path)};
            }
        } else {
            const char c = w[1];
            for (const FlagSpec& s : all) {
                if (s.shorthand == c) {
                    spec = &s;
                }
            }
            if (spec == nullptr) {
                return ParseError{"error: unknown shorthand flag: '" + std::string(1, c) + "' in " +
                                  w + "\n" + seeHelp(path)};
            }
            name = spec->name;
            if (w.size() > 2) {
                value = w.substr(w[2] == '=' ? 3 : 2);
            }
        }
        if (spec->takesValue && !value) {
            if (i + 1 >= words.size()) {
                const std::string which = isLong ? "--" + name
                                                 : "'" + std::string(1, spec->shorthand) +
                                                       "' in -" + std::string(1, spec->shorthand);
                return ParseError{"error: flag needs an argument: " + which + "\n" + seeHelp(path)};
            }
            value = words[++i];
        }
        if (!spec->takesValue) {
            if (value && *value != "true" && *value != "false") {
                return ParseError{"error: invalid argument \"" + *value + "\" for \"--" + name +
                                  "\" flag: strconv.ParseBool: parsing \"" + *value +
                                  "\": invalid syntax\n" + seeHelp(path)};
            }
            if (value && *value == "false") {
                continue;
            }
            value = "true";
        }
        out.values[name] = *value;
    }
    return out;
}

std::optional<std::int64_t> parseInt(std::string_view text) {
    std::int64_t v = 0;
    const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
    if (ec != std::errc() || ptr != text.data() + text.size()) {
        return std::nullopt;
    }
    return v;
}

ParseError unknownType(std::string_view name) {
    return ParseError{"error: the server doesn't have a resource type \"" + std::string(name) +
                      "\"\n"};
}

Scope scopeFrom(const ParsedFlags& flags) {
    Scope scope;
    if (flags.has("namespace")) {
        scope.nameSpace = flags.get("namespace");
    }
    scope.allNamespaces = flags.has("all-namespaces");
    return scope;
}

// TYPE NAME…, TYPE1,TYPE2, or TYPE/NAME… (kubectl's resource builder argument forms).
std::variant<std::vector<ResourceTarget>, ParseError>
resolveTargets(const std::vector<std::string>& args) {
    std::vector<ResourceTarget> targets;
    if (args.empty()) {
        return targets;
    }
    const bool slashForm = args.front().find('/') != std::string::npos;
    if (slashForm) {
        for (const std::string& a : args) {
            const std::size_t slash = a.find('/');
            if (slash == std::string::npos) {
                return ParseError{"error: there is no need to specify a resource type as a "
                                  "separate argument when passing arguments in resource/name "
                                  "form (e.g. 'kubectl get resource/<resource_name>' instead "
                                  "of 'kubectl get resource resource/<resource_name>'\n"};
            }
            const ResourceType* type = findResourceType(a.substr(0, slash));
            if (type == nullptr) {
                return unknownType(a.substr(0, slash));
            }
            auto it = std::find_if(targets.begin(), targets.end(),
                                   [&](const ResourceTarget& t) { return t.type == type; });
            if (it == targets.end()) {
                targets.push_back({type, {}});
                it = targets.end() - 1;
            }
            it->names.push_back(a.substr(slash + 1));
        }
        return targets;
    }
    std::string_view list = args.front();
    while (!list.empty()) {
        const std::size_t comma = list.find(',');
        const std::string_view name = list.substr(0, comma);
        const ResourceType* type = findResourceType(name);
        if (type == nullptr) {
            return unknownType(name);
        }
        targets.push_back({type, {}});
        list = comma == std::string_view::npos ? std::string_view() : list.substr(comma + 1);
    }
    if (args.size() > 1) {
        if (targets.size() > 1) {
            return ParseError{"error: arguments in resource/name form must have a single "
                              "resource and name\n"};
        }
        targets.front().names.assign(args.begin() + 1, args.end());
    }
    return targets;
}

// One deployment named as deployment/NAME, deploy/NAME or `deployment NAME`.
std::variant<std::string, ParseError> deploymentArg(const std::vector<std::string>& args,
                                                    const std::string& path) {
    auto targets = resolveTargets(args);
    if (const ParseError* e = std::get_if<ParseError>(&targets)) {
        return *e;
    }
    const auto& list = std::get<std::vector<ResourceTarget>>(targets);
    if (list.empty() || list.front().names.empty()) {
        return ParseError{"error: required resource not specified\n" + seeHelp(path)};
    }
    if (list.front().type->resource != KubectlResource::Deployments) {
        return ParseError{"error: no " + path.substr(path.rfind(' ') + 1) +
                          " has been implemented for " + list.front().type->qualifiedPlural() +
                          " \"" + list.front().names.front() + "\"\n"};
    }
    return list.front().names.front();
}

using Parsed = std::variant<KubectlCommand, ParseError>;

Parsed parseGet(const ParsedFlags& f) {
    GetCommand c;
    c.scope = scopeFrom(f);
    const std::string out = f.get("output");
    if (out.empty()) {
        c.output = OutputFormat::Table;
    } else if (out == "wide") {
        c.output = OutputFormat::Wide;
    } else if (out == "yaml") {
        c.output = OutputFormat::Yaml;
    } else if (out == "json") {
        c.output = OutputFormat::Json;
    } else if (out == "name") {
        c.output = OutputFormat::Name;
    } else {
        return ParseError{"error: unable to match a printer suitable for the output format \"" +
                          out + "\", allowed formats are: json,name,wide,yaml\n"};
    }
    std::string error;
    const std::optional<LabelQuery> q = parseLabelQuery(f.get("selector"), error);
    if (!q) {
        return ParseError{"error: " + error + "\n"};
    }
    c.selector = *q;
    c.showLabels = f.has("show-labels");
    c.noHeaders = f.has("no-headers");
    if (f.args.empty()) {
        return ParseError{"error: Required resource not specified.\nUse \"kubectl explain "
                          "<resource>\" for a detailed description of that resource (e.g. "
                          "kubectl explain pods).\nSee 'kubectl get -h' for help and examples\n"};
    }
    auto targets = resolveTargets(f.args);
    if (const ParseError* e = std::get_if<ParseError>(&targets)) {
        return *e;
    }
    c.targets = std::get<std::vector<ResourceTarget>>(targets);
    return c;
}

Parsed parseDescribe(const ParsedFlags& f) {
    DescribeCommand c;
    c.scope = scopeFrom(f);
    std::string error;
    const std::optional<LabelQuery> q = parseLabelQuery(f.get("selector"), error);
    if (!q) {
        return ParseError{"error: " + error + "\n"};
    }
    c.selector = *q;
    if (f.args.empty()) {
        return ParseError{"You must specify the type of resource to describe. Use \"kubectl "
                          "api-resources\" for a complete list of supported resources.\n"};
    }
    auto targets = resolveTargets(f.args);
    if (const ParseError* e = std::get_if<ParseError>(&targets)) {
        return *e;
    }
    const auto& list = std::get<std::vector<ResourceTarget>>(targets);
    c.target = list.front();
    if (!c.target.type->describable) {
        return ParseError{"error: cnsim cannot describe " + c.target.type->qualifiedPlural() +
                          " yet; try 'kubectl get " + std::string(c.target.type->plural) +
                          " -o yaml'\n"};
    }
    return c;
}

Parsed parseScale(const ParsedFlags& f) {
    ScaleCommand c;
    c.scope = scopeFrom(f);
    if (!f.has("replicas")) {
        return ParseError{"error: required flag(s) \"replicas\" not set\n"};
    }
    const std::optional<std::int64_t> n = parseInt(f.get("replicas"));
    if (!n || *n < 0 || *n > 1'000'000) {
        return ParseError{"error: invalid argument \"" + f.get("replicas") +
                          "\" for \"--replicas\" flag: strconv.ParseInt: parsing \"" +
                          f.get("replicas") + "\": invalid syntax\n" + seeHelp("scale")};
    }
    c.replicas = static_cast<int>(*n);
    auto d = deploymentArg(f.args, "scale");
    if (const ParseError* e = std::get_if<ParseError>(&d)) {
        return *e;
    }
    c.deployment = std::get<std::string>(d);
    return c;
}

// cordon, uncordon and drain take a node name (or node/NAME).
std::variant<std::string, ParseError> nodeArg(const std::vector<std::string>& args,
                                              const std::string& verb) {
    if (args.size() != 1) {
        return ParseError{"error: USAGE: " + verb + " NODE [flags]\n" + seeHelp(verb)};
    }
    std::string name = args.front();
    if (const std::size_t slash = name.find('/'); slash != std::string::npos) {
        const ResourceType* type = findResourceType(name.substr(0, slash));
        if (type == nullptr || type->resource != KubectlResource::Nodes) {
            return ParseError{"error: the server doesn't have a resource type \"" +
                              name.substr(0, slash) + "\"\n"};
        }
        name = name.substr(slash + 1);
    }
    return name;
}

Parsed parseRollout(const std::vector<std::string>& words) {
    if (words.empty()) {
        return ParseError{"error: you must specify one of: history, restart, status, undo\n" +
                          seeHelp("rollout")};
    }
    RolloutCommand c;
    const std::string& sub = words.front();
    std::vector<FlagSpec> specs;
    if (sub == "status") {
        c.verb = RolloutCommand::Verb::Status;
        specs = {{"watch", 'w', false}, {"revision", 0, true}, {"timeout", 0, true}};
    } else if (sub == "history") {
        c.verb = RolloutCommand::Verb::History;
        specs = {{"revision", 0, true}};
    } else if (sub == "undo") {
        c.verb = RolloutCommand::Verb::Undo;
        specs = {{"to-revision", 0, true}};
    } else if (sub == "restart") {
        c.verb = RolloutCommand::Verb::Restart;
    } else {
        return ParseError{"error: unknown command \"" + sub + "\" for \"kubectl rollout\"\n"};
    }
    const std::string path = "rollout " + sub;
    auto parsed = parseFlags({words.begin() + 1, words.end()}, specs, path);
    if (const ParseError* e = std::get_if<ParseError>(&parsed)) {
        return *e;
    }
    const ParsedFlags& f = std::get<ParsedFlags>(parsed);
    c.scope = scopeFrom(f);
    for (const auto& [flag, field] :
         {std::pair{"to-revision", &c.toRevision}, std::pair{"revision", &c.revision}}) {
        if (f.has(flag)) {
            const std::optional<std::int64_t> n = parseInt(f.get(flag));
            if (!n || *n < 0) {
                return ParseError{"error: invalid argument \"" + f.get(flag) + "\" for \"--" +
                                  flag + "\" flag: strconv.ParseInt: parsing \"" + f.get(flag) +
                                  "\": invalid syntax\n" + seeHelp(path)};
            }
            *field = *n;
        }
    }
    auto d = deploymentArg(f.args, path);
    if (const ParseError* e = std::get_if<ParseError>(&d)) {
        return *e;
    }
    c.deployment = std::get<std::string>(d);
    return c;
}

Parsed parseSet(const std::vector<std::string>& words) {
    if (words.empty() || words.front() != "image") {
        return ParseError{words.empty() ? "error: you must specify a subcommand: image\n"
                                        : "error: unknown command \"" + words.front() +
                                              "\" for \"kubectl set\"\n"};
    }
    auto parsed = parseFlags({words.begin() + 1, words.end()}, {}, "set image");
    if (const ParseError* e = std::get_if<ParseError>(&parsed)) {
        return *e;
    }
    const ParsedFlags& f = std::get<ParsedFlags>(parsed);
    SetImageCommand c;
    c.scope = scopeFrom(f);
    std::vector<std::string> resources;
    for (const std::string& a : f.args) {
        const std::size_t eq = a.find('=');
        if (eq == std::string::npos) {
            resources.push_back(a);
        } else {
            c.images.emplace_back(a.substr(0, eq), a.substr(eq + 1));
        }
    }
    if (c.images.empty()) {
        return ParseError{"error: at least one image update is required\n" + seeHelp("set image")};
    }
    if (auto targets = resolveTargets(resources);
        std::holds_alternative<std::vector<ResourceTarget>>(targets)) {
        const auto& list = std::get<std::vector<ResourceTarget>>(targets);
        if (!list.empty() && list.front().type->resource == KubectlResource::Rollouts &&
            !list.front().names.empty()) {
            c.rollout = true;
            c.deployment = list.front().names.front();
            return c;
        }
    }
    auto d = deploymentArg(resources, "set image");
    if (const ParseError* e = std::get_if<ParseError>(&d)) {
        return *e;
    }
    c.deployment = std::get<std::string>(d);
    return c;
}

// kubectl argo rollouts promote|abort NAME, retry rollout NAME, get rollout NAME,
// set image NAME CONTAINER=IMAGE (pkg/kubectl-argo-rollouts/cmd).
Parsed parseArgo(const std::vector<std::string>& words) {
    const std::string usage =
        "error: cnsim's kubectl argo rollouts has: promote NAME, abort NAME, retry rollout NAME, "
        "get rollout NAME, set image NAME CONTAINER=IMAGE\n";
    if (words.empty() || words.front() != "rollouts") {
        return ParseError{"error: unknown command \"" + (words.empty() ? "" : words.front()) +
                          "\" for \"kubectl argo\"\n" + usage};
    }
    auto parsed = parseFlags({words.begin() + 1, words.end()}, {}, "argo rollouts");
    if (const ParseError* e = std::get_if<ParseError>(&parsed)) {
        return *e;
    }
    const ParsedFlags& f = std::get<ParsedFlags>(parsed);
    ArgoRolloutsCommand c;
    c.scope = scopeFrom(f);
    std::vector<std::string> args = f.args;
    if (args.empty()) {
        return ParseError{usage};
    }
    const std::string verb = args.front();
    args.erase(args.begin());
    // get and retry name the kind first: `get rollout NAME`, `retry rollout NAME`.
    if ((verb == "get" || verb == "retry") && !args.empty() &&
        (args.front() == "rollout" || args.front() == "ro" || args.front() == "rollouts")) {
        args.erase(args.begin());
    }
    if (verb == "set") {
        if (args.empty() || args.front() != "image") {
            return ParseError{usage};
        }
        args.erase(args.begin());
        c.verb = ArgoRolloutsCommand::Verb::SetImage;
        for (const std::string& a : args) {
            const std::size_t eq = a.find('=');
            if (eq == std::string::npos) {
                c.rollout = c.rollout.empty() ? a : c.rollout;
            } else {
                c.images.emplace_back(a.substr(0, eq), a.substr(eq + 1));
            }
        }
        if (c.rollout.empty() || c.images.empty()) {
            return ParseError{"error: set image needs a rollout and CONTAINER=IMAGE\n"};
        }
        return c;
    }
    if (verb == "promote") {
        c.verb = ArgoRolloutsCommand::Verb::Promote;
    } else if (verb == "abort") {
        c.verb = ArgoRolloutsCommand::Verb::Abort;
    } else if (verb == "retry") {
        c.verb = ArgoRolloutsCommand::Verb::Retry;
    } else if (verb == "get") {
        c.verb = ArgoRolloutsCommand::Verb::Get;
    } else {
        return ParseError{"error: unknown command \"" + verb +
                          "\" for \"kubectl argo rollouts\"\n" + usage};
    }
    if (args.size() != 1) {
        return ParseError{"error: " + verb + " needs exactly one rollout name\n"};
    }
    c.rollout = args.front();
    return c;
}

Parsed parseTop(const std::vector<std::string>& words) {
    if (words.empty() ||
        !(words.front() == "nodes" || words.front() == "node" || words.front() == "no" ||
          words.front() == "pods" || words.front() == "pod" || words.front() == "po")) {
        return ParseError{words.empty() ? "error: you must specify a subcommand: node, pod\n"
                                        : "error: unknown command \"" + words.front() +
                                              "\" for \"kubectl top\"\n"};
    }
    TopCommand c;
    c.nodes = words.front().starts_with("no");
    const std::string path = c.nodes ? "top node" : "top pod";
    auto parsed = parseFlags(
        {words.begin() + 1, words.end()},
        {{"selector", 'l', true}, {"all-namespaces", 'A', false}, {"no-headers", 0, false}}, path);
    if (const ParseError* e = std::get_if<ParseError>(&parsed)) {
        return *e;
    }
    const ParsedFlags& f = std::get<ParsedFlags>(parsed);
    c.scope = scopeFrom(f);
    c.names = f.args;
    c.noHeaders = f.has("no-headers");
    std::string error;
    const std::optional<LabelQuery> q = parseLabelQuery(f.get("selector"), error);
    if (!q) {
        return ParseError{"error: " + error + "\n"};
    }
    c.selector = *q;
    return c;
}

} // namespace

std::vector<std::string> splitCommandLine(std::string_view line) {
    std::vector<std::string> words;
    std::string current;
    bool inWord = false;
    char quote = 0;
    for (std::size_t i = 0; i < line.size(); ++i) {
        const char c = line[i];
        if (quote != 0) {
            if (c == quote) {
                quote = 0;
            } else if (c == '\\' && quote == '"' && i + 1 < line.size()) {
                current += line[++i];
            } else {
                current += c;
            }
        } else if (c == '\'' || c == '"') {
            quote = c;
            inWord = true;
        } else if (c == '\\' && i + 1 < line.size()) {
            current += line[++i];
            inWord = true;
        } else if (c == ' ' || c == '\t' || c == '\n') {
            if (inWord) {
                words.push_back(std::move(current));
                current.clear();
                inWord = false;
            }
        } else {
            current += c;
            inWord = true;
        }
    }
    if (inWord) {
        words.push_back(std::move(current));
    }
    return words;
}

const std::vector<std::string_view>& kubectlCommandNames() {
    static const std::vector<std::string_view> names = {
        "get",    "describe", "apply", "delete",        "scale",   "rollout", "set", "top",
        "cordon", "uncordon", "drain", "api-resources", "version", "help",    "argo"};
    return names;
}

ParsedKubectl parseKubectl(std::string_view line) {
    std::vector<std::string> words = splitCommandLine(line);
    if (!words.empty() && words.front() == "kubectl") {
        words.erase(words.begin());
    }
    // Global flags may precede the command: kubectl -n kube-system get pods.
    std::size_t verbAt = 0;
    while (verbAt < words.size() && words[verbAt].starts_with("-")) {
        const std::string& w = words[verbAt];
        verbAt += (w == "-n" || w == "--namespace") ? std::size_t{2} : std::size_t{1};
    }
    if (verbAt >= words.size()) {
        return {HelpCommand{}, {}};
    }
    const std::string verb = words[verbAt];
    std::vector<std::string> rest(words.begin(), words.begin() + static_cast<long>(verbAt));
    rest.insert(rest.end(), words.begin() + static_cast<long>(verbAt) + 1, words.end());

    const auto run = [&](const std::vector<FlagSpec>& specs,
                         Parsed (*build)(const ParsedFlags&)) -> ParsedKubectl {
        auto parsed = parseFlags(rest, specs, verb);
        if (const ParseError* e = std::get_if<ParseError>(&parsed)) {
            return {std::nullopt, e->message};
        }
        Parsed result = build(std::get<ParsedFlags>(parsed));
        if (const ParseError* e = std::get_if<ParseError>(&result)) {
            return {std::nullopt, e->message};
        }
        return {std::get<KubectlCommand>(std::move(result)), {}};
    };
    const auto wrap = [](Parsed result) -> ParsedKubectl {
        if (const ParseError* e = std::get_if<ParseError>(&result)) {
            return {std::nullopt, e->message};
        }
        return {std::get<KubectlCommand>(std::move(result)), {}};
    };

    if (verb == "get") {
        return run({{"output", 'o', true},
                    {"selector", 'l', true},
                    {"all-namespaces", 'A', false},
                    {"show-labels", 0, false},
                    {"no-headers", 0, false}},
                   parseGet);
    }
    if (verb == "describe") {
        return run({{"selector", 'l', true}, {"all-namespaces", 'A', false}}, parseDescribe);
    }
    if (verb == "scale") {
        return run({{"replicas", 0, true}}, parseScale);
    }
    if (verb == "cordon" || verb == "uncordon" || verb == "drain") {
        std::vector<FlagSpec> specs;
        if (verb == "drain") {
            specs = {{"ignore-daemonsets", 0, false},
                     {"delete-emptydir-data", 0, false},
                     {"force", 0, false}};
        }
        auto parsed = parseFlags(rest, specs, verb);
        if (const ParseError* e = std::get_if<ParseError>(&parsed)) {
            return {std::nullopt, e->message};
        }
        const ParsedFlags& f = std::get<ParsedFlags>(parsed);
        auto node = nodeArg(f.args, verb);
        if (const ParseError* e = std::get_if<ParseError>(&node)) {
            return {std::nullopt, e->message};
        }
        if (verb == "drain") {
            return {DrainCommand{std::get<std::string>(node), f.has("ignore-daemonsets"),
                                 f.has("delete-emptydir-data"), f.has("force")},
                    {}};
        }
        return {CordonCommand{std::get<std::string>(node), verb == "cordon"}, {}};
    }
    if (verb == "delete") {
        auto parsed = parseFlags(rest, {{"grace-period", 0, true}, {"now", 0, false}}, verb);
        if (const ParseError* e = std::get_if<ParseError>(&parsed)) {
            return {std::nullopt, e->message};
        }
        const ParsedFlags& f = std::get<ParsedFlags>(parsed);
        auto targets = resolveTargets(f.args);
        if (const ParseError* e = std::get_if<ParseError>(&targets)) {
            return {std::nullopt, e->message};
        }
        const auto& list = std::get<std::vector<ResourceTarget>>(targets);
        if (list.empty()) {
            return {std::nullopt, "error: You must provide one or more resources by argument or "
                                  "filename.\n"};
        }
        if (list.size() != 1 || list.front().type->resource != KubectlResource::Pods) {
            return {std::nullopt, "error: cnsim's kubectl can delete pods only\n"};
        }
        if (list.front().names.empty()) {
            return {std::nullopt, "error: resource(s) were provided, but no name was specified\n"};
        }
        return {DeletePodCommand{list.front().names, scopeFrom(f)}, {}};
    }
    if (verb == "rollout") {
        return wrap(parseRollout(rest));
    }
    if (verb == "set") {
        return wrap(parseSet(rest));
    }
    if (verb == "top") {
        return wrap(parseTop(rest));
    }
    if (verb == "argo") {
        return wrap(parseArgo(rest));
    }
    if (verb == "apply") {
        auto parsed = parseFlags(rest, {{"filename", 'f', true}}, verb);
        if (const ParseError* e = std::get_if<ParseError>(&parsed)) {
            return {std::nullopt, e->message};
        }
        const ParsedFlags& f = std::get<ParsedFlags>(parsed);
        if (!f.has("filename")) {
            return {std::nullopt, "error: must specify one of -f and -k\n"};
        }
        return {ApplyCommand{f.get("filename"), scopeFrom(f)}, {}};
    }
    if (verb == "api-resources") {
        return run({}, [](const ParsedFlags&) -> Parsed { return ApiResourcesCommand{}; });
    }
    if (verb == "version") {
        return run({}, [](const ParsedFlags&) -> Parsed { return VersionCommand{}; });
    }
    if (verb == "help") {
        return {HelpCommand{}, {}};
    }
    return {std::nullopt, "error: unknown command \"" + verb + "\" for \"kubectl\"\n"};
}

} // namespace cnsim
