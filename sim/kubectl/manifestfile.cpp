#include "kubectl/manifestfile.h"

#include "scenario/manifestreader.h"

#include <fstream>
#include <sstream>

namespace cnsim {

ManifestLoadResult readManifestText(const std::string& yamlText, const std::string& fileName) {
    ManifestLoadResult result;
    DiagnosticSink sink(fileName);
    YAML::Node root;
    try {
        root = YAML::Load(yamlText);
    } catch (const YAML::ParserException& e) {
        sink.add(Severity::Error, e.mark.line + 1, e.mark.column + 1, "yaml-syntax", {e.msg},
                 e.msg);
        result.diagnostics = sink.takeSorted();
        return result;
    }
    if (!root.IsMap()) {
        sink.add(Severity::Error, 1, 1, "expected-manifest", {},
                 "expected a Kubernetes object (a mapping with apiVersion, kind, metadata)");
        result.diagnostics = sink.takeSorted();
        return result;
    }
    ManifestMarks marks;
    std::optional<Manifest> manifest = readManifest(sink, root, marks);
    if (!sink.hasErrors()) {
        result.manifest = std::move(manifest);
    }
    result.diagnostics = sink.takeSorted();
    return result;
}

ManifestLoadResult readManifestFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        ManifestLoadResult result;
        Diagnostic d;
        d.file = path;
        d.code = "unreadable-file";
        d.args = {path};
        d.message = "the path \"" + path + "\" does not exist";
        result.diagnostics.push_back(std::move(d));
        return result;
    }
    std::ostringstream text;
    text << in.rdbuf();
    return readManifestText(text.str(), path);
}

} // namespace cnsim
