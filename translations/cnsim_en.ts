<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
    <context>
        <name>AnalysisRunModel</name>
        <message>
            <source>%1 (needs %2)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 (fails if %2)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Failed measurements / failureLimit: one more than the limit fails the run</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Inconclusive measurements / inconclusiveLimit: one more than the limit pauses the Rollout</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Consecutive errors / consecutiveErrorLimit: one more than the limit ends the run in Error</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Analysis run</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Metric</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Phase</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Last value</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Successful measurements / the count the metric needs</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>OK</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Failed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Inconclusive</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Errors</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1  %2  %3</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>AutoscalingChart</name>
        <message>
            <source>Requests/s to %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>target</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Nodes in %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Desired (HPA)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Running pods</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>p95 latency of %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Spent so far ($, right)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cost per hour</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>req/s</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>value</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>pods</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>ms</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>$/h</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>$</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 (% of request)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%</source>
            <comment>percent axis</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Target size of %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>nodes</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>AutoscalingWidget</name>
        <message>
            <source>This cluster has no HorizontalPodAutoscaler. Add one (autoscaling/v2) to a scenario to watch it scale a Deployment.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>HorizontalPodAutoscaler %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>HorizontalPodAutoscaler &lt;b&gt;%1&lt;/b&gt; scales %2 &lt;b&gt;%3&lt;/b&gt; between %4 and %5 replicas.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No sync yet: the controller syncs every 15 s.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>unknown</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1%</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 per pod</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 %2 / target %3</source>
            <comment>metric, current value, target</comment>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>%n replica(s), as desired</source>
            <translation>
                <numerusform>%n replica, as desired</numerusform>
                <numerusform>%n replicas, as desired</numerusform>
            </translation>
        </message>
        <message>
            <source>%1 replicas now → %2 desired</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>: %1</source>
            <comment>condition reason: hint</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 %2 %3%4</source>
            <comment>condition type, status, reason, hint</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>How the HPA decided at %1:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>How the latest sync decided (%1):</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Select a line of the log to see every step of that decision.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;HorizontalPodAutoscaler:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Decision log (syncs that scaled, were limited, held or stuck)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Hover a line for every step of that sync; select it to read them below.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 replicas; the metrics ask for %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 replicas now → %2 desired; the metrics ask for %3</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Pods (HPA)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Nodes (cluster autoscaler)</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>CaDecisionLogModel</name>
        <message numerus="yes">
            <source>Room for %n pending pod(s)</source>
            <translation>
                <numerusform>Room for %n pending pod</numerusform>
                <numerusform>Room for %n pending pods</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n pod(s) left pending</source>
            <translation>
                <numerusform>%n pod left pending</numerusform>
                <numerusform>%n pods left pending</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%1–%2 (%n scans)</source>
            <comment>first and last time</comment>
            <translation>
                <numerusform>%1–%2 (%n scans)</numerusform>
                <numerusform>%1–%2 (%n scans)</numerusform>
            </translation>
        </message>
        <message>
            <source>%1: %2 → %3</source>
            <comment>node group: size from → to</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Time</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Nodes</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>What happened</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ChartWidget</name>
        <message>
            <source>&amp;Service:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Deployment:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Requests/s to %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Errors/s</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>p95 latency</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Running pods of %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Requests/s</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>p95 latency (ms)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Running pods</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ClusterCanvas</name>
        <message>
            <source>Node %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Fail node</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Crash this node: its pods are lost and must be rescheduled.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Recover node</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Stop kubelet</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Stop the kubelet: containers keep running, but the node stops reporting.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Start kubelet</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Start the kubelet again.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Partition from control plane</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cut the network between this node and the control plane; its pods keep serving.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Heal partition</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Reconnect this node to the control plane.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cordon</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Mark the node unschedulable: no new pods, running ones stay.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Uncordon</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Make the node schedulable again.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Drain</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cordon, then evict every pod through the eviction API (PodDisruptionBudgets apply).</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>CommandLineOptions</name>
        <message>
            <source>cnsim Studio: watch a simulated Kubernetes cluster schedule pods, serve traffic and recover from failures.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Interface language: en or zh_CN.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>language</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Save a PNG of the main window to &lt;path&gt; and quit (after --run-for).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>path</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Simulated time to run before the screenshot, e.g. 60s or 2m.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>duration</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Window size for the screenshot, e.g. 1400x900.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>size</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>file</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Scenario file to open.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>[file]</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Too many files: cnsim-studio opens one scenario at a time.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Unknown language '%1': use one of %2.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Invalid duration '%1' for --run-for: use e.g. 90s, 5m or 1h30m.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Invalid size '%1': use WIDTHxHEIGHT, e.g. 1400x900.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Select the pod named &lt;name&gt; (or the first pod whose name starts with it) before the screenshot, showing why it is on its node.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Show and raise the dock &lt;name&gt; (autoscaling, controlplane, chart, decision, events, kubectl, nodegroups, releases, scenario, services, traces) before the screenshot.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ControlPlaneWidget</name>
        <message>
            <source>Every component talks only to the API server. A box lights up when the component acts and fades within %1 simulated seconds; grey means down.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>down</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>assigns Pods to Nodes</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>deployment</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>replicaset</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>endpoints</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>node lifecycle</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>taint eviction</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>disruption</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>kube-apiserver + etcd</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>the cluster's state; everyone reads and writes here</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>node down</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>DiagnosticsDialog</name>
        <message>
            <source>Could not open scenario</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>%1 could not be opened: %n problem(s) found. Nothing was changed; the current scenario stays open.</source>
            <translation>
                <numerusform>%1 could not be opened: %n problem found. Nothing was changed; the current scenario stays open.</numerusform>
                <numerusform>%1 could not be opened: %n problems found. Nothing was changed; the current scenario stays open.</numerusform>
            </translation>
        </message>
        <message>
            <source>The file could not be read.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>EventLogModel</name>
        <message>
            <source>%1 %2</source>
            <comment>object kind, object name</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Time</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Component</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Reason</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Object</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Message</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>EventLogWidget</name>
        <message>
            <source>Filter events (e.g. node-2, kubelet, Failed)</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>%1 of %n event(s)</source>
            <translation>
                <numerusform>%1 of %n event</numerusform>
                <numerusform>%1 of %n events</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>EventText</name>
        <message>
            <source>Created pod %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Deleted surplus pod %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Assigned pod %1 to node %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cannot schedule pod %1: %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Started pod %1 on node %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Stopping pod %1 on node %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Pod %1 was lost with node %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Deleted pod %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Scaled Deployment %1 from %2 to %3 replicas</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>deployment controller</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>node controller</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>fault timeline</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>user</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Pod</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Node</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Deployment</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Pending</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Starting</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Running</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Terminating</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>%n core(s)</source>
            <translation>
                <numerusform>%n core</numerusform>
                <numerusform>%n cores</numerusform>
            </translation>
        </message>
        <message>
            <source>%1 cores</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 GiB</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 MiB</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Scaled up ReplicaSet %1 from %2 to %3</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Scaled down ReplicaSet %1 from %2 to %3</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Pulling image %1 for pod %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Pulled image %1 in %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Node %1 stopped reporting and is NotReady</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Evicting pod %1 from unreachable node %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>replicaset controller</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>endpoints controller</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>taint eviction controller</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>ReplicaSet</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Node %1 cordoned: no new pods</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Node %1 uncordoned: accepts pods again</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Evicting pod %1 from node %2 (drain)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Node %1 drained: no pods left</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Node %1 crashed; the control plane has not noticed yet</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Node %1 booted; its kubelet reports again</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>HorizontalPodAutoscaler %1 set the replicas to %2: %3</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>HorizontalPodAutoscaler %1 cannot read its target's scale: %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>HorizontalPodAutoscaler %1 cannot read a metric: %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>HorizontalPodAutoscaler %1 cannot compute a replica count: %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>horizontal pod autoscaler</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>HorizontalPodAutoscaler</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Pod %1 triggered a scale-up: node group %2 from %3 to %4 nodes (max %5)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Pod %1 did not trigger a scale-up: %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Scale-up: node group %1 grows from %2 to %3 nodes (max %4)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Evicting pod %1 from node %2 for a scale-down</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Node %1 marked ToBeDeletedByClusterAutoscaler: no new pods</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Scale-down: removing empty node %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Scale-down: removing node %1 (utilization %2), moving pods %3</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Scale-down of node %1 failed: %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Nodes added to node group %1 did not register within %2; the group backs off</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Node %1 registered and joined the cluster</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Node %1 removed from the cluster</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The cloud takes spot node %1 back in 2 minutes</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>cloud provider</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>ConfigMap</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Rollout %1 started a new revision: %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Rollout %1 completed a step: %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Rollout %1 paused: %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Rollout %1 resumed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Rollout %1 completed its update: %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Rollout %1 aborted its update and went back to the stable version: %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Rollout %1 started analysis run %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Analysis run %2 of Rollout %1 succeeded</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Analysis run %2 of Rollout %1 failed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Analysis run %2 of Rollout %1 could not measure its metrics</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Analysis run %2 of Rollout %1 was inconclusive: waiting for a person to promote or abort</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Rollout %1 switched a Service to another version: %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Rollout %1 changed the route's traffic weights: %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>rollouts controller</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Rollout</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>AnalysisRun</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Auto-scaling group %1 launches VM instance %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>VM instance %1 passed its health checks: in service, it gets requests</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>VM instance %1 leaves the load balancer and drains its requests</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>VM instance %1 terminated</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Auto-scaling group %1: desired capacity from %2 to %3</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Auto-scaling group %1: CPU alarm %2 sets the desired capacity from %3 to %4</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>auto-scaling group</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>AutoScalingGroup</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Pipeline %1: run #%2 for %3 waits for the running run to finish</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Pipeline %1: run #%2 for %3 canceled before it started: the newer commit %4 took its place in the queue</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Pipeline %1: run #%2 started for %3</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Pipeline %1: run #%2, stage %3 passed in %4</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Pipeline %1: run #%2, stage %3 failed after %4</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Pipeline %1: run #%2 for %3 succeeded in %4</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Pipeline %1: run #%2 for %3 failed at stage %4; nothing was deployed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Pipeline %1: run #%2 sets the image of %3 to %4; the release begins</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>CI/CD pipeline</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Pipeline</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>node termination handler</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>ScaledObject %1 activated its Deployment: replicas from %2 to %3</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>ScaledObject %1 deactivated its Deployment after the cooldown: replicas from %2 to %3</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>ScaledObject</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ExplanationText</name>
        <message>
            <source>%1 min</source>
            <comment>duration</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 s</source>
            <comment>duration</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 utilization</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>CPU</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>memory</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Pods counted: %1 ready, %2 not ready yet, %3 without a metric sample, %4 ignored (being deleted or failed).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 use is %2m of %3m requested = %4% of the request; the target is %5%, so the ratio is %6.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 averages %2 per pod over %3 samples; the target is %4, so the ratio is %5.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 is %2; the target is %3, so the ratio is %4.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 is %2 over %3 replicas; the target is %4 per pod, so the ratio is %5.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 is the sum of %2 series: %3.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The ratio %1 is within the tolerance band %2 to %3: keep %4 replicas.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Desired = ceil(%1 × %2 ready pods) = %3 replicas.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Desired = ceil(%1 / %2) = %3 replicas.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No replicas are running: desired = ceil(%1) = %2.</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>Pods without a metric sample yet (%n) count as idle, so a scale-up is not overdone.</source>
            <translation>
                <numerusform>Pods without a metric sample yet (%n) count as idle, so a scale-up is not overdone.</numerusform>
                <numerusform>Pods without a metric sample yet (%n) count as idle, so a scale-up is not overdone.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Pods without a metric sample (%n) count as exactly on target, so a scale-down is not overdone.</source>
            <translation>
                <numerusform>Pods without a metric sample (%n) count as exactly on target, so a scale-down is not overdone.</numerusform>
                <numerusform>Pods without a metric sample (%n) count as exactly on target, so a scale-down is not overdone.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Pods not ready yet (%n) count as idle when scaling up.</source>
            <translation>
                <numerusform>Pods not ready yet (%n) count as idle when scaling up.</numerusform>
                <numerusform>Pods not ready yet (%n) count as idle when scaling up.</numerusform>
            </translation>
        </message>
        <message>
            <source>Counting them that way changes the ratio from %1 to %2.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The adjusted ratio %1 is within tolerance or points the other way: keep %2 replicas.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Desired = ceil(%1 × %2 pods) = %3 replicas.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 replicas would move against the ratio %2: keep %3 replicas.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No %1 request on the pods: cannot compute utilization, which is a percentage of the request. Set resources.requests.%2 in the Deployment.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No %1 samples yet: metrics-server has not measured these pods.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The %1 samples match none of the target's pods.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Could not read %1: %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The target has %1 replicas: autoscaling is off until it is scaled up by hand.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 replicas is above maxReplicas %2: scale down to %2.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 replicas is below minReplicas %2: scale up to %2.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 asks for %2 replicas.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The largest proposal wins: %1 replicas, from %2.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 of %2 metrics could not be read and the others propose only %3 (fewer than %4): do not scale down on partial information.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 of %2 metrics could not be read; the others propose %3.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Scale-down held by the %1 stabilization window: wanted %2, but the highest recommendation in the window is %3.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Stabilization: the lowest recommendation of the last %1 is %2, the highest of the last %3 is %4, so %5 replicas.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Scale-up rate limit: at most max(2 × %1, 4) = %2 replicas in one step.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1% per %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 pods per %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Scale-up policy %1: from %2 at the start of the period, at most %3.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Scale-down policy %1: from %2 at the start of the period, at least %3.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Scaling up is disabled by the behavior (selectPolicy: Disabled).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Scaling down is disabled by the behavior (selectPolicy: Disabled).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>selectPolicy %1: the scale-up limit is %2 replicas.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>selectPolicy %1: the scale-down limit is %2 replicas.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Wanted %1 replicas but capped at maxReplicas %2.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Wanted %1 replicas but kept at minReplicas %2.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Wanted %1 replicas but the scale-up rate limit allows %2 now.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Wanted %1 replicas but the scale-down rate limit allows %2 now.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Wanted %1 replicas, limited to %2 (%3).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Scale up from %1 to %2 replicas.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Scale down from %1 to %2 replicas.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Keep %1 replicas.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Pod %1 has priority %2, below the cutoff %3: it never triggers a scale-up.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The cluster has %1 nodes; it may have at most %2.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Node group %1 is at its maximum size (%2 of %3).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Node group %1 is backed off after a scale-up that never completed.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No pending pod would fit on a new node of group %1.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Group %1: %2 pending pods fit on %3 new nodes (limit %4).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>least-waste: %1 × %2 leaves %3 of the CPU and %4 of the memory unused (score %5).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>price: %1 × %2 costs $%3/h for pods worth $%4/h (unfitness %5, score %6).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>priority: group %1 has priority %2.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>priority: group %1 matches no priority entry.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Random choice among %1 options: %2.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The %1 expander chose group %2 (+%3 nodes).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Capped by node group %1's maximum: %2 → %3 new nodes.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Capped by the cluster's maximum node count: %1 → %2 new nodes.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Scale up node group %1 from %2 to %3 nodes for %4 pending pods.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Pod %1 did not trigger a scale-up: it fits no node group.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Node %1: %2 requests are %3 of allocatable (threshold %4).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Node %1 cannot be removed: %2.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Node %1: pod %2 blocks its removal (%3).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Node %1: pod %2 would fit on no other node.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Node %1 has been unneeded since %2 (%3 of the %4 required).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Scale-down paused (%1) until %2.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Node %1 kept: group %2 has %3 nodes, its minimum is %4.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Delete empty node %1.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Drain and delete node %1 (%2 pods).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Node %1 waits: this scan's %2 scale-down budget is used up.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 nodes of group %2 requested at %3 never registered.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 at %2% of request, target %3%</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 at %2 per pod, target %3</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 at %2, target %3</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>the controller can read the target's scale</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>the controller cannot read the target's scale: does it exist?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>it just changed the replica count</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>it could not write the new replica count</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>nothing holds back the next change</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>a scale-down waits: recent recommendations were higher</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>a scale-up waits: recent recommendations were lower</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>it can compute replicas from its metrics</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>it cannot read CPU or memory use: scaling is stuck</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>it cannot read its metric: scaling is stuck</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>the target has 0 replicas: autoscaling is off</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>the wanted count is between min and max</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>capped at maxReplicas</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>held at minReplicas</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>a scale-up is rate-limited</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>a scale-down is rate-limited</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Capped at maxReplicas %1 (wanted %2)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Kept at minReplicas %1 (wanted %2)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Scale-up rate limit: %1 for now (wanted %2)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Scale-down rate limit: %1 for now (wanted %2)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Scale-down held by the %1 window (wanted %2)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No %1 request on the pods: cannot compute utilization</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No %1 samples yet from metrics-server</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>HpaDecisionLogModel</name>
        <message numerus="yes">
            <source>%1–%2 (%n syncs)</source>
            <comment>first and last time</comment>
            <translation>
                <numerusform>%1–%2 (%n syncs)</numerusform>
                <numerusform>%1–%2 (%n syncs)</numerusform>
            </translation>
        </message>
        <message>
            <source>%1 → %2</source>
            <comment>replicas from → to</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Time</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Replicas</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>What happened</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>KubectlConsole</name>
        <message>
            <source>Type a kubectl command, e.g. kubectl get pods -o wide</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Runs against the simulated cluster at the current time. Up/Down: history, Tab: complete, "clear": clear the output</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>kubectl output</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>kubectl command</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>[scenario, %1] $ %2</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>&amp;File</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Simulation</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;View</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Language</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Help</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Open Scenario…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Open a scenario file (YAML)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>S&amp;tep</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Pause and advance the simulation by one simulated second</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Reset</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Start this scenario again from time zero</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;About cnsim Studio</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Simulation</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>S&amp;peed:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Simulated seconds per real second</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Max</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1×</source>
            <comment>playback speed</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Scenario</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Metrics</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Events</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>cnsim Studio</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 — cnsim Studio</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 / %2</source>
            <comment>simulated time now / end</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Simulated time now / end of the scenario</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>running at %1×</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 (lagging: too much work per second)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>paused</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Could not open %1</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>Opened %1 with %n warning(s)</source>
            <translation>
                <numerusform>Opened %1 with %n warning</numerusform>
                <numerusform>Opened %1 with %n warnings</numerusform>
            </translation>
        </message>
        <message>
            <source>Opened %1. Press Play to start.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Open Scenario</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Scenario files (*.yaml *.yml);;All files (*)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Pause</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Play</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Pause the simulation (Space)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Run the simulation (Space)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The simulation reached its end at %1. Press Reset to run it again.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Node %1 failed: its pods are lost and will be recreated elsewhere.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Could not fail node %1: %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Node %1 recovered: new pods may be scheduled on it.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Could not recover node %1: %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>About cnsim Studio</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&lt;h3&gt;cnsim Studio %1&lt;/h3&gt;&lt;p&gt;A discrete-event simulator for learning cloud-native computing: watch Kubernetes schedule pods, serve traffic and recover from failures.&lt;/p&gt;</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>kubectl Console</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Why this node?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Control plane</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Inject Fault</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Zone outage</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Zone &amp;recovered</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Re&amp;gistry outage</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Image pulls fail and back off.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Registry recovered</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Control-plane outage</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Control-plane r&amp;ecovery</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The kubelet on %1 stopped: its containers keep running, but it no longer reports to the API server.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The kubelet on %1 started again.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Node %1 is cut off from the control plane.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Node %1 is connected to the control plane again.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Node %1 is cordoned: no new pods will be scheduled on it.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Node %1 is schedulable again.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Draining node %1: its pods are being evicted.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Could not change node %1: %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The image registry is down: new image pulls fail and back off.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The image registry is back: pulls work again.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 is down.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 is running again.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Zone %1 is down: every node in it crashed.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Zone %1 is back: its nodes boot again.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Could not inject the fault: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Services</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Autoscaling</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Traces</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Releases</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>NodeGroupWidget</name>
        <message>
            <source>This cluster has no node groups, so the cluster autoscaler does not run. Add cluster.nodeGroups to a scenario to watch it add and remove machines.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The cluster autoscaler adds a node when pods are Pending because no node has room, and removes nodes that stay underused.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Node group</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Min size</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Nodes</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Booting</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Target</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Max size</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Price per node</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>$%1/h (spot)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>$%1/h</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1: min %2, nodes %3, booting %4, target %5, max %6, %7 per node</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The cluster costs &lt;b&gt;$%1 per hour&lt;/b&gt; now; &lt;b&gt;$%2&lt;/b&gt; spent so far.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>How the cluster autoscaler decided at %1:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No scan yet: the cluster autoscaler scans every %1.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Latest scan (%1):</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>no Pending pod needs a new node.</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>%n Pending pod(s) could not be scheduled.</source>
            <translation>
                <numerusform>%n Pending pod could not be scheduled.</numerusform>
                <numerusform>%n Pending pods could not be scheduled.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n Pending pod(s) could not be scheduled; %1 will fit on nodes that are still booting.</source>
            <translation>
                <numerusform>%n Pending pod could not be scheduled; %1 will fit on nodes that are still booting.</numerusform>
                <numerusform>%n Pending pods could not be scheduled; %1 will fit on nodes that are still booting.</numerusform>
            </translation>
        </message>
        <message>
            <source>Cluster health</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Scale-up</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No scale-up (NotTriggerScaleUp)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Scale-down</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Every node is needed.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Being removed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1: tainted ToBeDeletedByClusterAutoscaler, pods are evicted, then the machine is deleted.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Decision log (scale-ups, pods left pending, nodes removed)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Hover a line for every step of that scan; select it to read them below.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>NodeItem</name>
        <message>
            <source>Ready</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&lt;b&gt;Node %1&lt;/b&gt;&lt;br&gt;Zone: %2&lt;br&gt;Status: %3&lt;br&gt;CPU requested: %4 of %5&lt;br&gt;CPU in use: %6 cores&lt;br&gt;Pods: %7 (at most %8)&lt;br&gt;Right-click to fail or recover this node.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>CPU requested %1 / %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Down — control plane still sees Ready</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Down — NotReady</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>NotReady</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>PendingAreaItem</name>
        <message numerus="yes">
            <source>Pending — waiting for a node: %n pod(s)</source>
            <translation>
                <numerusform>Pending — waiting for a node: %n pod</numerusform>
                <numerusform>Pending — waiting for a node: %n pods</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>PipelineRunModel</name>
        <message>
            <source>%1 running…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 ✗ %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 ✓ %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>waiting for the running run</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>running</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>canceled: a newer commit took its place</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>failed at %1: nothing deployed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>deployed at %1, releasing…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>deployed at %1, released at %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>deployed at %1, rolled back at %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>deployed at %1, replaced at %2 before it finished</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 #%2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>#%1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Pipeline %1, run %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Run</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Image</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Pushed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Stages</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Outcome</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>PodItem</name>
        <message>
            <source>none yet</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&lt;b&gt;Pod %1&lt;/b&gt;&lt;br&gt;Deployment: %2&lt;br&gt;Phase: %3&lt;br&gt;Node: %4&lt;br&gt;Requests: %5 CPU, %6 memory</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>%n request(s) in flight</source>
            <translation>
                <numerusform>%n request in flight</numerusform>
                <numerusform>%n requests in flight</numerusform>
            </translation>
        </message>
        <message>
            <source>Waiting because: %1</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ReleaseChart</name>
        <message>
            <source>% of traffic</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>% errors</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Canary weight (stable gets the rest)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>errors of %1</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ReleaseWidget</name>
        <message>
            <source>the stable version</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Analysis %1 could not measure %2 times in a row, more than its consecutiveErrorLimit. The controller aborted the update to revision %3: all traffic is back on %4.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The update to revision %1 was aborted by hand (kubectl argo rollouts abort): all traffic is back on %2.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>An analysis was inconclusive: the Rollout waits for a person to promote or abort it.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Stable: every pod runs %1 (revision %2). Nothing to decide until the image changes.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Blue-green: %1 runs beside %2 until it is promoted.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>moving every pod to the new version</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Rolling out %1 (revision %2): step %3 of %4, %5. An analysis failure would roll back to %6.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&lt;b&gt;Rollout %1&lt;/b&gt; · revision %2 · %3&lt;br&gt;Canary %4 % (%5 ready, %6) · stable %7 % (%8 ready, %9)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Rollout:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Canary steps</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Analysis runs (measurements against the limits)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>CI/CD pipeline runs</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>This scenario has no Argo Rollouts Rollout and no CI/CD pipeline. Open canary-analysis-rollback.yaml or pipeline-three-versions.yaml to see a release here.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>it needed %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>it fails if %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Analysis %1 failed %2 of %3 measurements, more than its failureLimit of %4: the last read %5, %6. The controller aborted the update to revision %7: the canary was scaled away and all traffic is back on %8.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>RolloutStepModel</name>
        <message>
            <source>set weight %1 %</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>pause %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>pause until promoted</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>analysis %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>done</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>in progress</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>paused (%1)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>to do</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>aborted here</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>#</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Step</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>State</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ScenarioInfoWidget</name>
        <message>
            <source>No scenario open</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>File: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Traffic: aggregate — rates per pod and second (for long or busy scenarios)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Traffic: per request — every request simulated</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ScenarioLoader</name>
        <message>
            <source>error</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>warning</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1: %2: %3</source>
            <comment>file: severity: message</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1:%2:%3: %4: %5</source>
            <comment>file:line:column: severity: message</comment>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>SchedulingDecisionWidget</name>
        <message>
            <source>CPU and memory left after placing the pod (or used, when bin-packing)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>fewer pods of the same workload on that node and in that zone</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>CPU and memory used in balance</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>fewer PreferNoSchedule taints the pod does not tolerate</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>the pod's preferred node affinity</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>the pod's preferred pod affinity and anti-affinity</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>the container images already on the node</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No node passed every filter (the table says which plugin rejected each node). The pod waits; kube-scheduler tries again when a node is added or changes, or a pod is removed.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>kube-scheduler could not consider any node for this pod.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 was the only node that passed every filter, so there was nothing to score.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 won with %2 points.</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>%n node(s) tied for the top score; kube-scheduler picked one at random.</source>
            <translation>
                <numerusform>%n node tied for the top score; kube-scheduler picked one at random.</numerusform>
                <numerusform>%n nodes tied for the top score; kube-scheduler picked one at random.</numerusform>
            </translation>
        </message>
        <message>
            <source>%1 (%2 %3 × %4)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>It beat %1 (%2 points) mostly on %3.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source> and </source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Why this node?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Click a pod on the canvas to see how kube-scheduler chose its node: which nodes passed the filters and how each one scored.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Pod %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The decision for this pod is no longer kept.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>kube-scheduler has not tried this pod yet.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Pod %1 → %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Pod %1 is Pending: %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Node</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Filter</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Total</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1
×%2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>passed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1: raw %2, normalized %3 × weight %4 = %5</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>passed (not scored: the only feasible node)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>rejected by %1: %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>; </source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>not evaluated (enough feasible nodes found)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 (chosen)</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ServiceMapWidget</name>
        <message>
            <source>Clients</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Requests from outside the cluster</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Gateway %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Service %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 requests/s, %2% failed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>p95 latency %1 ms</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>%n ready endpoint(s)</source>
            <translation>
                <numerusform>%n ready endpoint</numerusform>
                <numerusform>%n ready endpoints</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n not ready</source>
            <translation>
                <numerusform>%n not ready</numerusform>
                <numerusform>%n not ready</numerusform>
            </translation>
        </message>
        <message>
            <source>Click to chart this Service.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 → %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 requests/s</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 calls per request</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1% of %2's requests fail</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>This scenario sends no traffic.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Arrows carry requests: thicker and busier means more requests per second. Green: under 1% fail, amber: under 5%, red: more.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1/s · p95 %2 ms</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>gateway · %n ready</source>
            <translation>
                <numerusform>gateway · %n ready</numerusform>
                <numerusform>gateway · %n ready</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n ready</source>
            <translation>
                <numerusform>%n ready</numerusform>
                <numerusform>%n ready</numerusform>
            </translation>
        </message>
        <message>
            <source>Purple: the critical path %1, %2 ms with no queueing.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>SimTimeAxis</name>
        <message>
            <source>Simulated time (h:min)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Simulated time (min:s)</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>TraceListModel</name>
        <message>
            <source>%1 → %2</source>
            <comment>request, entry service</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>in flight</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 ms</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Time</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Request</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Status</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Duration</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Spans</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Retries</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>TraceWaterfall</name>
        <message>
            <source>no ready pod</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>attempt %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1  %2</source>
            <comment>service, where it ran</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 ms</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>no response</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 ms · %2</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>TraceWidget</name>
        <message>
            <source>This scenario records no traces. Add simulation.tracing (sampleRate: 0.01) to follow single requests through the Services, retries included.</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>%n request(s) traced (%1% of arrivals sampled).</source>
            <translation>
                <numerusform>%n request traced (%1% of arrivals sampled).</numerusform>
                <numerusform>%n requests traced (%1% of arrivals sampled).</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n shown.</source>
            <translation>
                <numerusform>%n shown.</numerusform>
                <numerusform>%n shown.</numerusform>
            </translation>
        </message>
        <message>
            <source>Select a trace to see its spans.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Trace %1 at %2: %3, status %4, %5</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Slowest trace so far (select another in the list): %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Show:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>All traces</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Failed requests (5xx)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Slowest 5%</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>One row per span, indented under the Service that called it; bars share one time scale from the request's arrival. Green: OK, amber: rejected (4xx), red: failed (5xx). Click a span to select its pod.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ZoneItem</name>
        <message>
            <source>No zone</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Zone %1</source>
            <translation type="unfinished" />
        </message>
    </context>
</TS>
