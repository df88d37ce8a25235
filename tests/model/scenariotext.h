#pragma once

// Builds small scenarios for model tests from YAML text, so each test reads like the file a
// user would write.

#include "scenario/scenarioreader.h"

#include <QTest>
#include <string>

namespace cnsim::test {

inline Scenario loadScenarioText(const std::string& yaml) {
    ScenarioLoadResult result = readScenario(yaml, "test.yaml");
    for (const Diagnostic& d : result.diagnostics) {
        if (d.severity == Severity::Error) {
            qWarning("%s", d.toString().c_str());
        }
    }
    if (!result.scenario) {
        qFatal("test scenario failed to load");
    }
    return *result.scenario;
}

inline Scenario loadScenarioFile(const std::string& name) {
    ScenarioLoadResult result = readScenarioFile(std::string(CNSIM_SCENARIO_DIR) + "/" + name);
    if (!result.scenario) {
        qFatal("scenario %s failed to load", name.c_str());
    }
    return *result.scenario;
}

// One deployment "web" of `replicas` pods (cpu request/limit given) behind Service "web",
// on `nodes` nodes of `nodeCpu` each; optional Poisson traffic at `rate` per second.
inline std::string webScenario(int nodes, const std::string& nodeCpu, int replicas,
                               const std::string& podCpu, double rate,
                               const std::string& duration = "2m",
                               const std::string& extraSimulation = "") {
    std::string yaml =
        "apiVersion: cnsim/v1\nkind: Scenario\nmetadata:\n  name: test\n  title:\n    en: Test\n   "
        " zh_CN: 测试\n"
        "seed: 11\nduration: " +
        duration +
        "\ncluster:\n  nodePools:\n"
        "    - name: node\n      zone: zone-a\n      count: " +
        std::to_string(nodes) + "\n      cpu: \"" + nodeCpu +
        "\"\n      memory: 8Gi\n      maxPods: 110\n"
        "workloads:\n"
        "  - apiVersion: apps/v1\n    kind: Deployment\n    metadata:\n      name: web\n"
        "    spec:\n      replicas: " +
        std::to_string(replicas) +
        "\n      selector:\n        matchLabels:\n          app: web\n"
        "      template:\n        metadata:\n          labels:\n            app: web\n"
        "        spec:\n          containers:\n            - name: web\n"
        "              image: nginx:1.27\n              resources:\n"
        "                requests:\n                  cpu: \"" +
        podCpu +
        "\"\n                  memory: 128Mi\n                limits:\n"
        "                  cpu: \"" +
        podCpu +
        "\"\n                  memory: 256Mi\n"
        "  - apiVersion: v1\n    kind: Service\n    metadata:\n      name: web\n"
        "    spec:\n      selector:\n        app: web\n      ports:\n"
        "        - port: 80\n          targetPort: 80\n"
        "simulation:\n  podStartupTime: 3s\n  services:\n    - name: web\n"
        "      cpuPerRequest: 20ms\n      baseLatency: 5ms\n";
    if (rate > 0) {
        yaml += "  traffic:\n    - name: users\n      service: web\n      type: poisson\n"
                "      requestsPerSecond: " +
                std::to_string(rate) + "\n";
    }
    return yaml + extraSimulation;
}

} // namespace cnsim::test
