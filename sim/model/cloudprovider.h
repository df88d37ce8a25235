#pragma once

// CloudProvider: the simulated cloud under the cluster. It rents every machine: the scenario's
// fixed nodes (nodes, nodePools) exist from the start; the autoscaled node groups'
// (cluster.nodeGroups) machines are created on request, boot, and register as Nodes after the
// group's provisioning delay (machine.bootTime + joinTime), and are deleted on request.
// Spot machines are taken back at random (the "spot/<group>" stream) after a two-minute
// notice.
//
// Billing follows the clouds: a machine costs its price per hour from the request until it is
// deleted, registered or not, ready or not. The cost is integrated exactly at every change.
//
// Upstream counterpart: cluster-autoscaler's cloudprovider.NodeGroup (TargetSize,
// IncreaseSize, DeleteNodes, DecreaseTargetSize) and a cloud's instance lifecycle.

#include "engine/engine.h"
#include "engine/random.h"
#include "scenario/scenario.h"

#include <map>
#include <string>
#include <vector>

namespace cnsim {

class SimulationModel;

class CloudProvider {
public:
    struct Group {
        const NodeGroupSpec* spec = nullptr;
        int targetSize = 0;               // machines requested and not deleted
        int nextIndex = 1;                // the next node is "<name>-<nextIndex>"
        std::vector<std::string> booting; // requested, not registered yet (oldest first)
        std::vector<std::string> nodes;   // registered, in registration order
        int peakSize = 0;                 // the most registered nodes at once
        int scaleUps = 0;                 // IncreaseSize calls
        int nodesDeleted = 0;             // nodes deleted by scale-down
        int interruptions = 0;            // spot machines taken back
    };

    explicit CloudProvider(SimulationModel& model);

    // Bills the fixed nodes and creates each group's initial nodes (registered at once).
    void start();

    bool hasGroups() const { return !m_groups.empty(); }
    // Something costs money: a price on any node, pool or group.
    bool billing() const { return m_billing; }
    const std::vector<Group>& groups() const { return m_groups; }
    const Group* group(const std::string& name) const;
    // The group a node belongs to; empty for fixed nodes.
    std::string groupOf(const std::string& node) const;

    // IncreaseSize: `delta` new machines; each registers after the provisioning delay.
    void increaseSize(const std::string& group, int delta);
    // Gives up on up to `count` machines of the group that have not registered (the oldest
    // first) and lowers the target size; returns how many were given up.
    int cancelBooting(const std::string& group, int count);
    // DeleteNodes: the machine stops, its Node object is removed, and pods still bound to it
    // are deleted (the pod garbage collector's orphan cleanup).
    void deleteNode(const std::string& node, bool scaledDown);

    // A VM group's instance (model/vmautoscalinggroup.h): billed from launch to termination
    // like any machine; it never becomes a Node.
    void rentInstance(const std::string& instance, const std::string& vmGroup, double pricePerHour);
    void releaseInstance(const std::string& instance);

    double dollarsPerHour() const { return m_rate; }
    double dollars() const; // billed from the start until now

private:
    struct Machine {
        std::string group;
        double pricePerHour = 0;
        EventId pending; // registration while booting, or the spot interruption
    };

    Group* findGroup(const std::string& name);
    void rent(const std::string& machine, const std::string& group, double price);
    void release(const std::string& machine);
    void accrue();
    void registerNode(const std::string& machine);
    void scheduleInterruption(const std::string& machine);
    NodeSpec nodeSpecOf(const Group& group, const std::string& name) const;

    SimulationModel& m_model;
    std::vector<Group> m_groups;
    std::map<std::string, Machine> m_machines; // by node name
    RandomStream m_spotStream;
    bool m_billing = false;
    double m_rate = 0;    // dollars per hour of the machines rented now
    double m_accrued = 0; // dollars up to m_accruedAt
    SimTime m_accruedAt;
};

} // namespace cnsim
