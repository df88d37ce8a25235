<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
    <context>
        <name>AnalysisRunModel</name>
        <message>
            <source>%1 (needs %2)</source>
            <translation>%1（要求 %2）</translation>
        </message>
        <message>
            <source>%1 (fails if %2)</source>
            <translation>%1（%2 时失败）</translation>
        </message>
        <message>
            <source>Failed measurements / failureLimit: one more than the limit fails the run</source>
            <translation>失败的测量次数 / failureLimit：超过上限即判定运行失败</translation>
        </message>
        <message>
            <source>Inconclusive measurements / inconclusiveLimit: one more than the limit pauses the Rollout</source>
            <translation>不确定的测量次数 / inconclusiveLimit：超过上限即暂停 Rollout</translation>
        </message>
        <message>
            <source>Consecutive errors / consecutiveErrorLimit: one more than the limit ends the run in Error</source>
            <translation>连续错误次数 / consecutiveErrorLimit：超过上限即以 Error 结束运行</translation>
        </message>
        <message>
            <source>Analysis run</source>
            <translation>分析运行</translation>
        </message>
        <message>
            <source>Metric</source>
            <translation>指标</translation>
        </message>
        <message>
            <source>Phase</source>
            <translation>阶段（Phase）</translation>
        </message>
        <message>
            <source>Last value</source>
            <translation>最新值</translation>
        </message>
        <message>
            <source>Successful measurements / the count the metric needs</source>
            <translation>成功的测量次数 / 该指标需要的次数</translation>
        </message>
        <message>
            <source>OK</source>
            <translation>成功</translation>
        </message>
        <message>
            <source>Failed</source>
            <translation>失败</translation>
        </message>
        <message>
            <source>Inconclusive</source>
            <translation>不确定</translation>
        </message>
        <message>
            <source>Errors</source>
            <translation>错误</translation>
        </message>
        <message>
            <source>%1  %2  %3</source>
            <translation>%1  %2  %3</translation>
        </message>
    </context>
    <context>
        <name>AutoscalingChart</name>
        <message>
            <source>Requests/s to %1</source>
            <translation>%1 的请求数/秒</translation>
        </message>
        <message>
            <source>target</source>
            <translation>目标</translation>
        </message>
        <message>
            <source>Nodes in %1</source>
            <translation>%1 中的节点</translation>
        </message>
        <message>
            <source>Desired (HPA)</source>
            <translation>期望副本（HPA）</translation>
        </message>
        <message>
            <source>Running pods</source>
            <translation>运行中 Pod</translation>
        </message>
        <message>
            <source>p95 latency of %1</source>
            <translation>%1 的 p95 延迟</translation>
        </message>
        <message>
            <source>Spent so far ($, right)</source>
            <translation>累计花费（美元，右轴）</translation>
        </message>
        <message>
            <source>Cost per hour</source>
            <translation>每小时成本</translation>
        </message>
        <message>
            <source>req/s</source>
            <translation>请求/秒</translation>
        </message>
        <message>
            <source>value</source>
            <translation>值</translation>
        </message>
        <message>
            <source>pods</source>
            <translation>Pod</translation>
        </message>
        <message>
            <source>ms</source>
            <translation>毫秒</translation>
        </message>
        <message>
            <source>$/h</source>
            <translation>美元/小时</translation>
        </message>
        <message>
            <source>$</source>
            <translation>美元</translation>
        </message>
        <message>
            <source>%1 (% of request)</source>
            <translation>%1（占请求的 %）</translation>
        </message>
        <message>
            <source>%</source>
            <comment>percent axis</comment>
            <translation>%</translation>
        </message>
        <message>
            <source>Target size of %1</source>
            <translation>%1 的目标规模</translation>
        </message>
        <message>
            <source>nodes</source>
            <translation>节点</translation>
        </message>
    </context>
    <context>
        <name>AutoscalingWidget</name>
        <message>
            <source>This cluster has no HorizontalPodAutoscaler. Add one (autoscaling/v2) to a scenario to watch it scale a Deployment.</source>
            <translation>此集群没有 HorizontalPodAutoscaler。在场景中添加一个（autoscaling/v2），即可观察它如何扩缩 Deployment。</translation>
        </message>
        <message>
            <source>HorizontalPodAutoscaler %1</source>
            <translation>HorizontalPodAutoscaler %1</translation>
        </message>
        <message>
            <source>HorizontalPodAutoscaler &lt;b&gt;%1&lt;/b&gt; scales %2 &lt;b&gt;%3&lt;/b&gt; between %4 and %5 replicas.</source>
            <translation>HorizontalPodAutoscaler &lt;b&gt;%1&lt;/b&gt; 在 %4 到 %5 个副本之间扩缩 %2 &lt;b&gt;%3&lt;/b&gt;。</translation>
        </message>
        <message>
            <source>No sync yet: the controller syncs every 15 s.</source>
            <translation>尚未同步：控制器每 15 秒同步一次。</translation>
        </message>
        <message>
            <source>unknown</source>
            <translation>未知</translation>
        </message>
        <message>
            <source>%1%</source>
            <translation>%1%</translation>
        </message>
        <message>
            <source>%1 per pod</source>
            <translation>每个 Pod %1</translation>
        </message>
        <message>
            <source>%1 %2 / target %3</source>
            <comment>metric, current value, target</comment>
            <translation>%1 %2 / 目标 %3</translation>
        </message>
        <message numerus="yes">
            <source>%n replica(s), as desired</source>
            <translation>
                <numerusform>%n 个副本，与期望一致</numerusform>
            </translation>
        </message>
        <message>
            <source>%1 replicas now → %2 desired</source>
            <translation>当前 %1 个副本 → 期望 %2 个</translation>
        </message>
        <message>
            <source>: %1</source>
            <comment>condition reason: hint</comment>
            <translation>：%1</translation>
        </message>
        <message>
            <source>%1 %2 %3%4</source>
            <comment>condition type, status, reason, hint</comment>
            <translation>%1 %2 %3%4</translation>
        </message>
        <message>
            <source>How the HPA decided at %1:</source>
            <translation>HPA 在 %1 的决策过程：</translation>
        </message>
        <message>
            <source>How the latest sync decided (%1):</source>
            <translation>最近一次同步的决策过程（%1）：</translation>
        </message>
        <message>
            <source>Select a line of the log to see every step of that decision.</source>
            <translation>选择日志中的一行，查看该决策的每一步。</translation>
        </message>
        <message>
            <source>&amp;HorizontalPodAutoscaler:</source>
            <translation>HorizontalPodAutoscaler(&amp;H)：</translation>
        </message>
        <message>
            <source>Decision log (syncs that scaled, were limited, held or stuck)</source>
            <translation>决策日志（发生扩缩、受限、被保持或卡住的同步）</translation>
        </message>
        <message>
            <source>Hover a line for every step of that sync; select it to read them below.</source>
            <translation>将鼠标悬停在一行上可查看该次同步的每一步；选中它可在下方阅读。</translation>
        </message>
        <message>
            <source>%1 replicas; the metrics ask for %2</source>
            <translation>%1 个副本；指标要求 %2 个</translation>
        </message>
        <message>
            <source>%1 replicas now → %2 desired; the metrics ask for %3</source>
            <translation>当前 %1 个副本 → 期望 %2 个；指标要求 %3 个</translation>
        </message>
        <message>
            <source>Pods (HPA)</source>
            <translation>Pod（HPA）</translation>
        </message>
        <message>
            <source>Nodes (cluster autoscaler)</source>
            <translation>节点（集群自动扩缩容器）</translation>
        </message>
    </context>
    <context>
        <name>CaDecisionLogModel</name>
        <message numerus="yes">
            <source>Room for %n pending pod(s)</source>
            <translation>
                <numerusform>为 %n 个等待中的 Pod 腾出空间</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n pod(s) left pending</source>
            <translation>
                <numerusform>%n 个 Pod 仍在等待</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%1–%2 (%n scans)</source>
            <comment>first and last time</comment>
            <translation>
                <numerusform>%1–%2（%n 次扫描）</numerusform>
            </translation>
        </message>
        <message>
            <source>%1: %2 → %3</source>
            <comment>node group: size from → to</comment>
            <translation>%1：%2 → %3</translation>
        </message>
        <message>
            <source>Time</source>
            <translation>时间</translation>
        </message>
        <message>
            <source>Nodes</source>
            <translation>节点数</translation>
        </message>
        <message>
            <source>What happened</source>
            <translation>发生了什么</translation>
        </message>
    </context>
    <context>
        <name>ChartWidget</name>
        <message>
            <source>&amp;Service:</source>
            <translation>Service(&amp;S)：</translation>
        </message>
        <message>
            <source>&amp;Deployment:</source>
            <translation>Deployment(&amp;D)：</translation>
        </message>
        <message>
            <source>Requests/s to %1</source>
            <translation>%1 的请求数/秒</translation>
        </message>
        <message>
            <source>Errors/s</source>
            <translation>错误数/秒</translation>
        </message>
        <message>
            <source>p95 latency</source>
            <translation>p95 延迟</translation>
        </message>
        <message>
            <source>Running pods of %1</source>
            <translation>%1 的运行中 Pod</translation>
        </message>
        <message>
            <source>Requests/s</source>
            <translation>请求数/秒</translation>
        </message>
        <message>
            <source>p95 latency (ms)</source>
            <translation>p95 延迟（毫秒）</translation>
        </message>
        <message>
            <source>Running pods</source>
            <translation>运行中 Pod</translation>
        </message>
    </context>
    <context>
        <name>ClusterCanvas</name>
        <message>
            <source>Node %1</source>
            <translation>节点 %1</translation>
        </message>
        <message>
            <source>Fail node</source>
            <translation>让节点故障</translation>
        </message>
        <message>
            <source>Crash this node: its pods are lost and must be rescheduled.</source>
            <translation>让此节点崩溃：其上的 Pod 会丢失，必须重新调度。</translation>
        </message>
        <message>
            <source>Recover node</source>
            <translation>恢复节点</translation>
        </message>
        <message>
            <source>Stop kubelet</source>
            <translation>停止 kubelet</translation>
        </message>
        <message>
            <source>Stop the kubelet: containers keep running, but the node stops reporting.</source>
            <translation>停止 kubelet：容器继续运行，但节点不再上报状态。</translation>
        </message>
        <message>
            <source>Start kubelet</source>
            <translation>启动 kubelet</translation>
        </message>
        <message>
            <source>Start the kubelet again.</source>
            <translation>重新启动 kubelet。</translation>
        </message>
        <message>
            <source>Partition from control plane</source>
            <translation>与控制平面网络隔离</translation>
        </message>
        <message>
            <source>Cut the network between this node and the control plane; its pods keep serving.</source>
            <translation>切断此节点与控制平面之间的网络；其上的 Pod 继续提供服务。</translation>
        </message>
        <message>
            <source>Heal partition</source>
            <translation>恢复网络连通</translation>
        </message>
        <message>
            <source>Reconnect this node to the control plane.</source>
            <translation>将此节点重新连接到控制平面。</translation>
        </message>
        <message>
            <source>Cordon</source>
            <translation>封锁（Cordon）</translation>
        </message>
        <message>
            <source>Mark the node unschedulable: no new pods, running ones stay.</source>
            <translation>将节点标记为不可调度：不再接收新 Pod，已运行的 Pod 保留。</translation>
        </message>
        <message>
            <source>Uncordon</source>
            <translation>解除封锁（Uncordon）</translation>
        </message>
        <message>
            <source>Make the node schedulable again.</source>
            <translation>使节点重新可调度。</translation>
        </message>
        <message>
            <source>Drain</source>
            <translation>排空（Drain）</translation>
        </message>
        <message>
            <source>Cordon, then evict every pod through the eviction API (PodDisruptionBudgets apply).</source>
            <translation>先封锁，再通过驱逐 API 驱逐所有 Pod（遵守 PodDisruptionBudget）。</translation>
        </message>
    </context>
    <context>
        <name>CommandLineOptions</name>
        <message>
            <source>cnsim Studio: watch a simulated Kubernetes cluster schedule pods, serve traffic and recover from failures.</source>
            <translation>cnsim Studio：观察模拟的 Kubernetes 集群如何调度 Pod、处理流量并从故障中恢复。</translation>
        </message>
        <message>
            <source>Interface language: en or zh_CN.</source>
            <translation>界面语言：en 或 zh_CN。</translation>
        </message>
        <message>
            <source>language</source>
            <translation>语言</translation>
        </message>
        <message>
            <source>Save a PNG of the main window to &lt;path&gt; and quit (after --run-for).</source>
            <translation>将主窗口截图保存为 PNG 文件 &lt;path&gt; 后退出（在 --run-for 之后）。</translation>
        </message>
        <message>
            <source>path</source>
            <translation>路径</translation>
        </message>
        <message>
            <source>Simulated time to run before the screenshot, e.g. 60s or 2m.</source>
            <translation>截图前要运行的模拟时间，例如 60s 或 2m。</translation>
        </message>
        <message>
            <source>duration</source>
            <translation>时长</translation>
        </message>
        <message>
            <source>Window size for the screenshot, e.g. 1400x900.</source>
            <translation>截图的窗口大小，例如 1400x900。</translation>
        </message>
        <message>
            <source>size</source>
            <translation>大小</translation>
        </message>
        <message>
            <source>file</source>
            <translation>文件</translation>
        </message>
        <message>
            <source>Scenario file to open.</source>
            <translation>要打开的场景文件。</translation>
        </message>
        <message>
            <source>[file]</source>
            <translation>[文件]</translation>
        </message>
        <message>
            <source>Too many files: cnsim-studio opens one scenario at a time.</source>
            <translation>文件过多：cnsim-studio 一次只能打开一个场景。</translation>
        </message>
        <message>
            <source>Unknown language '%1': use one of %2.</source>
            <translation>未知语言“%1”：请使用 %2 之一。</translation>
        </message>
        <message>
            <source>Invalid duration '%1' for --run-for: use e.g. 90s, 5m or 1h30m.</source>
            <translation>--run-for 的时长“%1”无效：请使用例如 90s、5m 或 1h30m。</translation>
        </message>
        <message>
            <source>Invalid size '%1': use WIDTHxHEIGHT, e.g. 1400x900.</source>
            <translation>大小“%1”无效：请使用 宽x高 的形式，例如 1400x900。</translation>
        </message>
        <message>
            <source>Select the pod named &lt;name&gt; (or the first pod whose name starts with it) before the screenshot, showing why it is on its node.</source>
            <translation>截图前选中名为 &lt;name&gt; 的 Pod（或名称以其开头的第一个 Pod），显示它为何在所在节点上。</translation>
        </message>
        <message>
            <source>name</source>
            <translation>名称</translation>
        </message>
        <message>
            <source>Show and raise the dock &lt;name&gt; (autoscaling, controlplane, chart, decision, events, kubectl, nodegroups, releases, scenario, services, traces) before the screenshot.</source>
            <translation>截图前显示并置顶名为 &lt;name&gt; 的停靠窗口（autoscaling、controlplane、chart、decision、events、kubectl、nodegroups、releases、scenario、services、traces）。</translation>
        </message>
    </context>
    <context>
        <name>ControlPlaneWidget</name>
        <message>
            <source>Every component talks only to the API server. A box lights up when the component acts and fades within %1 simulated seconds; grey means down.</source>
            <translation>所有组件只与 API 服务器通信。组件执行操作时方框会亮起，并在 %1 个模拟秒内褪色；灰色表示已停止。</translation>
        </message>
        <message>
            <source>down</source>
            <translation>已停止</translation>
        </message>
        <message>
            <source>assigns Pods to Nodes</source>
            <translation>将 Pod 分配到节点</translation>
        </message>
        <message>
            <source>deployment</source>
            <translation>deployment</translation>
        </message>
        <message>
            <source>replicaset</source>
            <translation>replicaset</translation>
        </message>
        <message>
            <source>endpoints</source>
            <translation>endpoints</translation>
        </message>
        <message>
            <source>node lifecycle</source>
            <translation>节点生命周期</translation>
        </message>
        <message>
            <source>taint eviction</source>
            <translation>污点驱逐</translation>
        </message>
        <message>
            <source>disruption</source>
            <translation>disruption</translation>
        </message>
        <message>
            <source>kube-apiserver + etcd</source>
            <translation>kube-apiserver + etcd</translation>
        </message>
        <message>
            <source>the cluster's state; everyone reads and writes here</source>
            <translation>集群状态；所有组件都在这里读写</translation>
        </message>
        <message>
            <source>node down</source>
            <translation>节点宕机</translation>
        </message>
    </context>
    <context>
        <name>DiagnosticsDialog</name>
        <message>
            <source>Could not open scenario</source>
            <translation>无法打开场景</translation>
        </message>
        <message numerus="yes">
            <source>%1 could not be opened: %n problem(s) found. Nothing was changed; the current scenario stays open.</source>
            <translation>
                <numerusform>无法打开 %1：发现 %n 个问题。没有做任何更改，当前场景保持打开。</numerusform>
            </translation>
        </message>
        <message>
            <source>The file could not be read.</source>
            <translation>无法读取该文件。</translation>
        </message>
    </context>
    <context>
        <name>EventLogModel</name>
        <message>
            <source>%1 %2</source>
            <comment>object kind, object name</comment>
            <translation>%1 %2</translation>
        </message>
        <message>
            <source>Time</source>
            <translation>时间</translation>
        </message>
        <message>
            <source>Component</source>
            <translation>组件</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>原因</translation>
        </message>
        <message>
            <source>Object</source>
            <translation>对象</translation>
        </message>
        <message>
            <source>Message</source>
            <translation>消息</translation>
        </message>
    </context>
    <context>
        <name>EventLogWidget</name>
        <message>
            <source>Filter events (e.g. node-2, kubelet, Failed)</source>
            <translation>筛选事件（例如 node-2、kubelet、Failed）</translation>
        </message>
        <message numerus="yes">
            <source>%1 of %n event(s)</source>
            <translation>
                <numerusform>%1 / %n 个事件</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>EventText</name>
        <message>
            <source>Created pod %1</source>
            <translation>已创建 Pod %1</translation>
        </message>
        <message>
            <source>Deleted surplus pod %1</source>
            <translation>已删除多余的 Pod %1</translation>
        </message>
        <message>
            <source>Assigned pod %1 to node %2</source>
            <translation>已将 Pod %1 分配到节点 %2</translation>
        </message>
        <message>
            <source>Cannot schedule pod %1: %2</source>
            <translation>无法调度 Pod %1：%2</translation>
        </message>
        <message>
            <source>Started pod %1 on node %2</source>
            <translation>已在节点 %2 上启动 Pod %1</translation>
        </message>
        <message>
            <source>Stopping pod %1 on node %2</source>
            <translation>正在停止节点 %2 上的 Pod %1</translation>
        </message>
        <message>
            <source>Pod %1 was lost with node %2</source>
            <translation>Pod %1 随节点 %2 一起丢失</translation>
        </message>
        <message>
            <source>Deleted pod %1</source>
            <translation>已删除 Pod %1</translation>
        </message>
        <message>
            <source>Scaled Deployment %1 from %2 to %3 replicas</source>
            <translation>已将 Deployment %1 的副本数从 %2 调整为 %3</translation>
        </message>
        <message>
            <source>deployment controller</source>
            <translation>Deployment 控制器</translation>
        </message>
        <message>
            <source>node controller</source>
            <translation>节点控制器</translation>
        </message>
        <message>
            <source>fault timeline</source>
            <translation>故障时间线</translation>
        </message>
        <message>
            <source>user</source>
            <translation>用户</translation>
        </message>
        <message>
            <source>Pod</source>
            <translation>Pod</translation>
        </message>
        <message>
            <source>Node</source>
            <translation>节点</translation>
        </message>
        <message>
            <source>Deployment</source>
            <translation>Deployment</translation>
        </message>
        <message>
            <source>Pending</source>
            <translation>Pending（等待调度）</translation>
        </message>
        <message>
            <source>Starting</source>
            <translation>Starting（启动中）</translation>
        </message>
        <message>
            <source>Running</source>
            <translation>Running（运行中）</translation>
        </message>
        <message>
            <source>Terminating</source>
            <translation>Terminating（终止中）</translation>
        </message>
        <message numerus="yes">
            <source>%n core(s)</source>
            <translation>
                <numerusform>%n 核</numerusform>
            </translation>
        </message>
        <message>
            <source>%1 cores</source>
            <translation>%1 核</translation>
        </message>
        <message>
            <source>%1 GiB</source>
            <translation>%1 GiB</translation>
        </message>
        <message>
            <source>%1 MiB</source>
            <translation>%1 MiB</translation>
        </message>
        <message>
            <source>Scaled up ReplicaSet %1 from %2 to %3</source>
            <translation>已将 ReplicaSet %1 从 %2 扩容到 %3</translation>
        </message>
        <message>
            <source>Scaled down ReplicaSet %1 from %2 to %3</source>
            <translation>已将 ReplicaSet %1 从 %2 缩容到 %3</translation>
        </message>
        <message>
            <source>Pulling image %1 for pod %2</source>
            <translation>正在为 Pod %2 拉取镜像 %1</translation>
        </message>
        <message>
            <source>Pulled image %1 in %2</source>
            <translation>已拉取镜像 %1，用时 %2</translation>
        </message>
        <message>
            <source>Node %1 stopped reporting and is NotReady</source>
            <translation>节点 %1 停止上报状态，变为 NotReady（未就绪）</translation>
        </message>
        <message>
            <source>Evicting pod %1 from unreachable node %2</source>
            <translation>正在从不可达节点 %2 驱逐 Pod %1</translation>
        </message>
        <message>
            <source>replicaset controller</source>
            <translation>ReplicaSet 控制器</translation>
        </message>
        <message>
            <source>endpoints controller</source>
            <translation>Endpoints 控制器</translation>
        </message>
        <message>
            <source>taint eviction controller</source>
            <translation>污点驱逐控制器</translation>
        </message>
        <message>
            <source>ReplicaSet</source>
            <translation>ReplicaSet</translation>
        </message>
        <message>
            <source>Node %1 cordoned: no new pods</source>
            <translation>节点 %1 已封锁（cordon）：不再接收新 Pod</translation>
        </message>
        <message>
            <source>Node %1 uncordoned: accepts pods again</source>
            <translation>节点 %1 已解除封锁：重新接收 Pod</translation>
        </message>
        <message>
            <source>Evicting pod %1 from node %2 (drain)</source>
            <translation>正在从节点 %2 驱逐 Pod %1（drain）</translation>
        </message>
        <message>
            <source>Node %1 drained: no pods left</source>
            <translation>节点 %1 已排空：没有剩余 Pod</translation>
        </message>
        <message>
            <source>Node %1 crashed; the control plane has not noticed yet</source>
            <translation>节点 %1 崩溃；控制平面尚未察觉</translation>
        </message>
        <message>
            <source>Node %1 booted; its kubelet reports again</source>
            <translation>节点 %1 已启动，kubelet 重新上报状态</translation>
        </message>
        <message>
            <source>HorizontalPodAutoscaler %1 set the replicas to %2: %3</source>
            <translation>HorizontalPodAutoscaler %1 将副本数设为 %2：%3</translation>
        </message>
        <message>
            <source>HorizontalPodAutoscaler %1 cannot read its target's scale: %2</source>
            <translation>HorizontalPodAutoscaler %1 无法读取目标的规模：%2</translation>
        </message>
        <message>
            <source>HorizontalPodAutoscaler %1 cannot read a metric: %2</source>
            <translation>HorizontalPodAutoscaler %1 无法读取指标：%2</translation>
        </message>
        <message>
            <source>HorizontalPodAutoscaler %1 cannot compute a replica count: %2</source>
            <translation>HorizontalPodAutoscaler %1 无法计算副本数：%2</translation>
        </message>
        <message>
            <source>horizontal pod autoscaler</source>
            <translation>Pod 水平自动扩缩器</translation>
        </message>
        <message>
            <source>HorizontalPodAutoscaler</source>
            <translation>HorizontalPodAutoscaler</translation>
        </message>
        <message>
            <source>Pod %1 triggered a scale-up: node group %2 from %3 to %4 nodes (max %5)</source>
            <translation>Pod %1 触发了扩容：节点组 %2 从 %3 个节点增至 %4 个（上限 %5）</translation>
        </message>
        <message>
            <source>Pod %1 did not trigger a scale-up: %2</source>
            <translation>Pod %1 未触发扩容：%2</translation>
        </message>
        <message>
            <source>Scale-up: node group %1 grows from %2 to %3 nodes (max %4)</source>
            <translation>扩容：节点组 %1 从 %2 个节点增至 %3 个（上限 %4）</translation>
        </message>
        <message>
            <source>Evicting pod %1 from node %2 for a scale-down</source>
            <translation>为缩容从节点 %2 驱逐 Pod %1</translation>
        </message>
        <message>
            <source>Node %1 marked ToBeDeletedByClusterAutoscaler: no new pods</source>
            <translation>节点 %1 已标记 ToBeDeletedByClusterAutoscaler：不再接收新 Pod</translation>
        </message>
        <message>
            <source>Scale-down: removing empty node %1</source>
            <translation>缩容：移除空节点 %1</translation>
        </message>
        <message>
            <source>Scale-down: removing node %1 (utilization %2), moving pods %3</source>
            <translation>缩容：移除节点 %1（利用率 %2），迁移 Pod %3</translation>
        </message>
        <message>
            <source>Scale-down of node %1 failed: %2</source>
            <translation>节点 %1 缩容失败：%2</translation>
        </message>
        <message>
            <source>Nodes added to node group %1 did not register within %2; the group backs off</source>
            <translation>节点组 %1 新增的节点未在 %2 内注册；该节点组进入退避</translation>
        </message>
        <message>
            <source>Node %1 registered and joined the cluster</source>
            <translation>节点 %1 已注册并加入集群</translation>
        </message>
        <message>
            <source>Node %1 removed from the cluster</source>
            <translation>节点 %1 已从集群移除</translation>
        </message>
        <message>
            <source>The cloud takes spot node %1 back in 2 minutes</source>
            <translation>云平台将在 2 分钟后收回 Spot 节点 %1</translation>
        </message>
        <message>
            <source>cloud provider</source>
            <translation>云服务商</translation>
        </message>
        <message>
            <source>ConfigMap</source>
            <translation>ConfigMap</translation>
        </message>
        <message>
            <source>Rollout %1 started a new revision: %2</source>
            <translation>Rollout %1 开始发布新修订版本：%2</translation>
        </message>
        <message>
            <source>Rollout %1 completed a step: %2</source>
            <translation>Rollout %1 完成了一个步骤：%2</translation>
        </message>
        <message>
            <source>Rollout %1 paused: %2</source>
            <translation>Rollout %1 已暂停：%2</translation>
        </message>
        <message>
            <source>Rollout %1 resumed</source>
            <translation>Rollout %1 已继续</translation>
        </message>
        <message>
            <source>Rollout %1 completed its update: %2</source>
            <translation>Rollout %1 完成了更新：%2</translation>
        </message>
        <message>
            <source>Rollout %1 aborted its update and went back to the stable version: %2</source>
            <translation>Rollout %1 中止了更新并回到稳定版本：%2</translation>
        </message>
        <message>
            <source>Rollout %1 started analysis run %2</source>
            <translation>Rollout %1 启动了分析运行 %2</translation>
        </message>
        <message>
            <source>Analysis run %2 of Rollout %1 succeeded</source>
            <translation>Rollout %1 的分析运行 %2 成功</translation>
        </message>
        <message>
            <source>Analysis run %2 of Rollout %1 failed</source>
            <translation>Rollout %1 的分析运行 %2 失败</translation>
        </message>
        <message>
            <source>Analysis run %2 of Rollout %1 could not measure its metrics</source>
            <translation>Rollout %1 的分析运行 %2 无法测量其指标</translation>
        </message>
        <message>
            <source>Analysis run %2 of Rollout %1 was inconclusive: waiting for a person to promote or abort</source>
            <translation>Rollout %1 的分析运行 %2 结果不确定：等待人工推进（promote）或中止（abort）</translation>
        </message>
        <message>
            <source>Rollout %1 switched a Service to another version: %2</source>
            <translation>Rollout %1 将 Service 切换到另一个版本：%2</translation>
        </message>
        <message>
            <source>Rollout %1 changed the route's traffic weights: %2</source>
            <translation>Rollout %1 调整了路由的流量权重：%2</translation>
        </message>
        <message>
            <source>rollouts controller</source>
            <translation>Rollouts 控制器</translation>
        </message>
        <message>
            <source>Rollout</source>
            <translation>Rollout</translation>
        </message>
        <message>
            <source>AnalysisRun</source>
            <translation>AnalysisRun</translation>
        </message>
        <message>
            <source>Auto-scaling group %1 launches VM instance %2</source>
            <translation>自动扩缩组 %1 启动虚拟机实例 %2</translation>
        </message>
        <message>
            <source>VM instance %1 passed its health checks: in service, it gets requests</source>
            <translation>虚拟机实例 %1 已通过健康检查：进入服务状态，开始接收请求</translation>
        </message>
        <message>
            <source>VM instance %1 leaves the load balancer and drains its requests</source>
            <translation>虚拟机实例 %1 从负载均衡器注销，正在处理完剩余请求</translation>
        </message>
        <message>
            <source>VM instance %1 terminated</source>
            <translation>虚拟机实例 %1 已终止</translation>
        </message>
        <message>
            <source>Auto-scaling group %1: desired capacity from %2 to %3</source>
            <translation>自动扩缩组 %1：期望容量从 %2 变为 %3</translation>
        </message>
        <message>
            <source>Auto-scaling group %1: CPU alarm %2 sets the desired capacity from %3 to %4</source>
            <translation>自动扩缩组 %1：CPU 告警 %2 将期望容量从 %3 调整为 %4</translation>
        </message>
        <message>
            <source>auto-scaling group</source>
            <translation>自动扩缩组</translation>
        </message>
        <message>
            <source>AutoScalingGroup</source>
            <translation>AutoScalingGroup</translation>
        </message>
        <message>
            <source>Pipeline %1: run #%2 for %3 waits for the running run to finish</source>
            <translation>流水线 %1：%3 的第 %2 次运行等待正在进行的运行结束</translation>
        </message>
        <message>
            <source>Pipeline %1: run #%2 for %3 canceled before it started: the newer commit %4 took its place in the queue</source>
            <translation>流水线 %1：%3 的第 %2 次运行在开始前被取消：更新的提交 %4 取代了它在队列中的位置</translation>
        </message>
        <message>
            <source>Pipeline %1: run #%2 started for %3</source>
            <translation>流水线 %1：为 %3 开始第 %2 次运行</translation>
        </message>
        <message>
            <source>Pipeline %1: run #%2, stage %3 passed in %4</source>
            <translation>流水线 %1：第 %2 次运行，阶段 %3 通过，用时 %4</translation>
        </message>
        <message>
            <source>Pipeline %1: run #%2, stage %3 failed after %4</source>
            <translation>流水线 %1：第 %2 次运行，阶段 %3 在 %4 后失败</translation>
        </message>
        <message>
            <source>Pipeline %1: run #%2 for %3 succeeded in %4</source>
            <translation>流水线 %1：%3 的第 %2 次运行成功，用时 %4</translation>
        </message>
        <message>
            <source>Pipeline %1: run #%2 for %3 failed at stage %4; nothing was deployed</source>
            <translation>流水线 %1：%3 的第 %2 次运行在阶段 %4 失败；没有部署任何内容</translation>
        </message>
        <message>
            <source>Pipeline %1: run #%2 sets the image of %3 to %4; the release begins</source>
            <translation>流水线 %1：第 %2 次运行将 %3 的镜像设为 %4；发布开始</translation>
        </message>
        <message>
            <source>CI/CD pipeline</source>
            <translation>CI/CD 流水线</translation>
        </message>
        <message>
            <source>Pipeline</source>
            <translation>流水线</translation>
        </message>
        <message>
            <source>node termination handler</source>
            <translation>节点终止处理程序</translation>
        </message>
        <message>
            <source>ScaledObject %1 activated its Deployment: replicas from %2 to %3</source>
            <translation>ScaledObject %1 激活了其 Deployment：副本数从 %2 变为 %3</translation>
        </message>
        <message>
            <source>ScaledObject %1 deactivated its Deployment after the cooldown: replicas from %2 to %3</source>
            <translation>ScaledObject %1 在冷却期后停用了其 Deployment：副本数从 %2 变为 %3</translation>
        </message>
        <message>
            <source>ScaledObject</source>
            <translation>ScaledObject</translation>
        </message>
    </context>
    <context>
        <name>ExplanationText</name>
        <message>
            <source>%1 min</source>
            <comment>duration</comment>
            <translation>%1 分钟</translation>
        </message>
        <message>
            <source>%1 s</source>
            <comment>duration</comment>
            <translation>%1 秒</translation>
        </message>
        <message>
            <source>%1 utilization</source>
            <translation>%1 利用率</translation>
        </message>
        <message>
            <source>CPU</source>
            <translation>CPU</translation>
        </message>
        <message>
            <source>memory</source>
            <translation>内存</translation>
        </message>
        <message>
            <source>Pods counted: %1 ready, %2 not ready yet, %3 without a metric sample, %4 ignored (being deleted or failed).</source>
            <translation>统计 Pod：%1 个就绪，%2 个尚未就绪，%3 个没有指标样本，%4 个被忽略（正在删除或已失败）。</translation>
        </message>
        <message>
            <source>%1 use is %2m of %3m requested = %4% of the request; the target is %5%, so the ratio is %6.</source>
            <translation>%1 使用量为请求量 %3m 中的 %2m = 请求的 %4%；目标为 %5%，所以比值为 %6。</translation>
        </message>
        <message>
            <source>%1 averages %2 per pod over %3 samples; the target is %4, so the ratio is %5.</source>
            <translation>%1 在 %3 个样本上平均每个 Pod 为 %2；目标为 %4，所以比值为 %5。</translation>
        </message>
        <message>
            <source>%1 is %2; the target is %3, so the ratio is %4.</source>
            <translation>%1 为 %2；目标为 %3，所以比值为 %4。</translation>
        </message>
        <message>
            <source>%1 is %2 over %3 replicas; the target is %4 per pod, so the ratio is %5.</source>
            <translation>%1 在 %3 个副本上为 %2；目标为每个 Pod %4，所以比值为 %5。</translation>
        </message>
        <message>
            <source>%1 is the sum of %2 series: %3.</source>
            <translation>%1 是 %2 个序列之和：%3。</translation>
        </message>
        <message>
            <source>The ratio %1 is within the tolerance band %2 to %3: keep %4 replicas.</source>
            <translation>比值 %1 在容差范围 %2 到 %3 之内：保持 %4 个副本。</translation>
        </message>
        <message>
            <source>Desired = ceil(%1 × %2 ready pods) = %3 replicas.</source>
            <translation>期望值 = ceil(%1 × %2 个就绪 Pod) = %3 个副本。</translation>
        </message>
        <message>
            <source>Desired = ceil(%1 / %2) = %3 replicas.</source>
            <translation>期望值 = ceil(%1 / %2) = %3 个副本。</translation>
        </message>
        <message>
            <source>No replicas are running: desired = ceil(%1) = %2.</source>
            <translation>没有运行中的副本：期望值 = ceil(%1) = %2。</translation>
        </message>
        <message numerus="yes">
            <source>Pods without a metric sample yet (%n) count as idle, so a scale-up is not overdone.</source>
            <translation>
                <numerusform>尚无指标样本的 Pod（%n 个）按空闲计算，以免扩容过度。</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Pods without a metric sample (%n) count as exactly on target, so a scale-down is not overdone.</source>
            <translation>
                <numerusform>没有指标样本的 Pod（%n 个）按恰好达到目标计算，以免缩容过度。</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Pods not ready yet (%n) count as idle when scaling up.</source>
            <translation>
                <numerusform>尚未就绪的 Pod（%n 个）在扩容时按空闲计算。</numerusform>
            </translation>
        </message>
        <message>
            <source>Counting them that way changes the ratio from %1 to %2.</source>
            <translation>这样计算后，比值从 %1 变为 %2。</translation>
        </message>
        <message>
            <source>The adjusted ratio %1 is within tolerance or points the other way: keep %2 replicas.</source>
            <translation>调整后的比值 %1 在容差之内或方向相反：保持 %2 个副本。</translation>
        </message>
        <message>
            <source>Desired = ceil(%1 × %2 pods) = %3 replicas.</source>
            <translation>期望值 = ceil(%1 × %2 个 Pod) = %3 个副本。</translation>
        </message>
        <message>
            <source>%1 replicas would move against the ratio %2: keep %3 replicas.</source>
            <translation>%1 个副本会与比值 %2 的方向相反：保持 %3 个副本。</translation>
        </message>
        <message>
            <source>No %1 request on the pods: cannot compute utilization, which is a percentage of the request. Set resources.requests.%2 in the Deployment.</source>
            <translation>Pod 没有设置 %1 请求量：无法计算利用率（利用率是相对于请求量的百分比）。请在 Deployment 中设置 resources.requests.%2。</translation>
        </message>
        <message>
            <source>No %1 samples yet: metrics-server has not measured these pods.</source>
            <translation>还没有 %1 样本：metrics-server 尚未测量这些 Pod。</translation>
        </message>
        <message>
            <source>The %1 samples match none of the target's pods.</source>
            <translation>%1 样本与目标的任何 Pod 都不匹配。</translation>
        </message>
        <message>
            <source>Could not read %1: %2</source>
            <translation>无法读取 %1：%2</translation>
        </message>
        <message>
            <source>The target has %1 replicas: autoscaling is off until it is scaled up by hand.</source>
            <translation>目标有 %1 个副本：在手动扩容之前，自动扩缩处于关闭状态。</translation>
        </message>
        <message>
            <source>%1 replicas is above maxReplicas %2: scale down to %2.</source>
            <translation>%1 个副本超过 maxReplicas %2：缩容到 %2。</translation>
        </message>
        <message>
            <source>%1 replicas is below minReplicas %2: scale up to %2.</source>
            <translation>%1 个副本低于 minReplicas %2：扩容到 %2。</translation>
        </message>
        <message>
            <source>%1 asks for %2 replicas.</source>
            <translation>%1 要求 %2 个副本。</translation>
        </message>
        <message>
            <source>The largest proposal wins: %1 replicas, from %2.</source>
            <translation>取最大的建议值：%1 个副本，来自 %2。</translation>
        </message>
        <message>
            <source>%1 of %2 metrics could not be read and the others propose only %3 (fewer than %4): do not scale down on partial information.</source>
            <translation>%2 个指标中有 %1 个无法读取，其余指标只建议 %3 个（少于 %4）：不依据不完整的信息缩容。</translation>
        </message>
        <message>
            <source>%1 of %2 metrics could not be read; the others propose %3.</source>
            <translation>%2 个指标中有 %1 个无法读取；其余指标建议 %3 个。</translation>
        </message>
        <message>
            <source>Scale-down held by the %1 stabilization window: wanted %2, but the highest recommendation in the window is %3.</source>
            <translation>缩容被 %1 的稳定窗口挡住：想要 %2 个，但窗口内最高的建议值是 %3。</translation>
        </message>
        <message>
            <source>Stabilization: the lowest recommendation of the last %1 is %2, the highest of the last %3 is %4, so %5 replicas.</source>
            <translation>稳定化：最近 %1 内最低的建议值为 %2，最近 %3 内最高的建议值为 %4，因此为 %5 个副本。</translation>
        </message>
        <message>
            <source>Scale-up rate limit: at most max(2 × %1, 4) = %2 replicas in one step.</source>
            <translation>扩容速率限制：一次最多 max(2 × %1, 4) = %2 个副本。</translation>
        </message>
        <message>
            <source>%1% per %2</source>
            <translation>每 %2 %1%</translation>
        </message>
        <message>
            <source>%1 pods per %2</source>
            <translation>每 %2 %1 个 Pod</translation>
        </message>
        <message>
            <source>Scale-up policy %1: from %2 at the start of the period, at most %3.</source>
            <translation>扩容策略 %1：从周期开始时的 %2 个起，最多 %3 个。</translation>
        </message>
        <message>
            <source>Scale-down policy %1: from %2 at the start of the period, at least %3.</source>
            <translation>缩容策略 %1：从周期开始时的 %2 个起，至少 %3 个。</translation>
        </message>
        <message>
            <source>Scaling up is disabled by the behavior (selectPolicy: Disabled).</source>
            <translation>behavior 禁用了扩容（selectPolicy: Disabled）。</translation>
        </message>
        <message>
            <source>Scaling down is disabled by the behavior (selectPolicy: Disabled).</source>
            <translation>behavior 禁用了缩容（selectPolicy: Disabled）。</translation>
        </message>
        <message>
            <source>selectPolicy %1: the scale-up limit is %2 replicas.</source>
            <translation>selectPolicy %1：扩容上限为 %2 个副本。</translation>
        </message>
        <message>
            <source>selectPolicy %1: the scale-down limit is %2 replicas.</source>
            <translation>selectPolicy %1：缩容下限为 %2 个副本。</translation>
        </message>
        <message>
            <source>Wanted %1 replicas but capped at maxReplicas %2.</source>
            <translation>想要 %1 个副本，但被 maxReplicas 限制为 %2 个。</translation>
        </message>
        <message>
            <source>Wanted %1 replicas but kept at minReplicas %2.</source>
            <translation>想要 %1 个副本，但保持在 minReplicas %2 个。</translation>
        </message>
        <message>
            <source>Wanted %1 replicas but the scale-up rate limit allows %2 now.</source>
            <translation>想要 %1 个副本，但扩容速率限制目前只允许 %2 个。</translation>
        </message>
        <message>
            <source>Wanted %1 replicas but the scale-down rate limit allows %2 now.</source>
            <translation>想要 %1 个副本，但缩容速率限制目前只允许 %2 个。</translation>
        </message>
        <message>
            <source>Wanted %1 replicas, limited to %2 (%3).</source>
            <translation>想要 %1 个副本，被限制为 %2 个（%3）。</translation>
        </message>
        <message>
            <source>Scale up from %1 to %2 replicas.</source>
            <translation>从 %1 个副本扩容到 %2 个。</translation>
        </message>
        <message>
            <source>Scale down from %1 to %2 replicas.</source>
            <translation>从 %1 个副本缩容到 %2 个。</translation>
        </message>
        <message>
            <source>Keep %1 replicas.</source>
            <translation>保持 %1 个副本。</translation>
        </message>
        <message>
            <source>Pod %1 has priority %2, below the cutoff %3: it never triggers a scale-up.</source>
            <translation>Pod %1 的优先级为 %2，低于阈值 %3：它不会触发扩容。</translation>
        </message>
        <message>
            <source>The cluster has %1 nodes; it may have at most %2.</source>
            <translation>集群有 %1 个节点；最多允许 %2 个。</translation>
        </message>
        <message>
            <source>Node group %1 is at its maximum size (%2 of %3).</source>
            <translation>节点组 %1 已达到最大规模（%2/%3）。</translation>
        </message>
        <message>
            <source>Node group %1 is backed off after a scale-up that never completed.</source>
            <translation>节点组 %1 在一次未完成的扩容后进入退避。</translation>
        </message>
        <message>
            <source>No pending pod would fit on a new node of group %1.</source>
            <translation>没有任何等待中的 Pod 能放进节点组 %1 的新节点。</translation>
        </message>
        <message>
            <source>Group %1: %2 pending pods fit on %3 new nodes (limit %4).</source>
            <translation>节点组 %1：%2 个等待中的 Pod 可放进 %3 个新节点（上限 %4）。</translation>
        </message>
        <message>
            <source>least-waste: %1 × %2 leaves %3 of the CPU and %4 of the memory unused (score %5).</source>
            <translation>least-waste：%1 × %2 会闲置 %3 的 CPU 和 %4 的内存（得分 %5）。</translation>
        </message>
        <message>
            <source>price: %1 × %2 costs $%3/h for pods worth $%4/h (unfitness %5, score %6).</source>
            <translation>price：%1 × %2 每小时花费 $%3，而 Pod 价值每小时 $%4（不匹配度 %5，得分 %6）。</translation>
        </message>
        <message>
            <source>priority: group %1 has priority %2.</source>
            <translation>priority：节点组 %1 的优先级为 %2。</translation>
        </message>
        <message>
            <source>priority: group %1 matches no priority entry.</source>
            <translation>priority：节点组 %1 没有匹配的优先级条目。</translation>
        </message>
        <message>
            <source>Random choice among %1 options: %2.</source>
            <translation>在 %1 个选项中随机选择：%2。</translation>
        </message>
        <message>
            <source>The %1 expander chose group %2 (+%3 nodes).</source>
            <translation>%1 扩展器选择了节点组 %2（+%3 个节点）。</translation>
        </message>
        <message>
            <source>Capped by node group %1's maximum: %2 → %3 new nodes.</source>
            <translation>受节点组 %1 的最大值限制：新节点 %2 → %3 个。</translation>
        </message>
        <message>
            <source>Capped by the cluster's maximum node count: %1 → %2 new nodes.</source>
            <translation>受集群最大节点数限制：新节点 %1 → %2 个。</translation>
        </message>
        <message>
            <source>Scale up node group %1 from %2 to %3 nodes for %4 pending pods.</source>
            <translation>为 %4 个等待中的 Pod 将节点组 %1 从 %2 个节点扩容到 %3 个。</translation>
        </message>
        <message>
            <source>Pod %1 did not trigger a scale-up: it fits no node group.</source>
            <translation>Pod %1 没有触发扩容：它不适合任何节点组。</translation>
        </message>
        <message>
            <source>Node %1: %2 requests are %3 of allocatable (threshold %4).</source>
            <translation>节点 %1：%2 请求量占可分配量的 %3（阈值 %4）。</translation>
        </message>
        <message>
            <source>Node %1 cannot be removed: %2.</source>
            <translation>节点 %1 无法移除：%2。</translation>
        </message>
        <message>
            <source>Node %1: pod %2 blocks its removal (%3).</source>
            <translation>节点 %1：Pod %2 阻止了它的移除（%3）。</translation>
        </message>
        <message>
            <source>Node %1: pod %2 would fit on no other node.</source>
            <translation>节点 %1：Pod %2 放不进任何其他节点。</translation>
        </message>
        <message>
            <source>Node %1 has been unneeded since %2 (%3 of the %4 required).</source>
            <translation>节点 %1 自 %2 起不再被需要（已 %3，需要 %4）。</translation>
        </message>
        <message>
            <source>Scale-down paused (%1) until %2.</source>
            <translation>缩容暂停（%1），直到 %2。</translation>
        </message>
        <message>
            <source>Node %1 kept: group %2 has %3 nodes, its minimum is %4.</source>
            <translation>保留节点 %1：节点组 %2 有 %3 个节点，最小值为 %4。</translation>
        </message>
        <message>
            <source>Delete empty node %1.</source>
            <translation>删除空节点 %1。</translation>
        </message>
        <message>
            <source>Drain and delete node %1 (%2 pods).</source>
            <translation>排空并删除节点 %1（%2 个 Pod）。</translation>
        </message>
        <message>
            <source>Node %1 waits: this scan's %2 scale-down budget is used up.</source>
            <translation>节点 %1 需等待：本轮扫描的 %2 缩容预算已用完。</translation>
        </message>
        <message>
            <source>%1 nodes of group %2 requested at %3 never registered.</source>
            <translation>节点组 %2 在 %3 请求的 %1 个节点始终没有注册。</translation>
        </message>
        <message>
            <source>%1 at %2% of request, target %3%</source>
            <translation>%1 为请求的 %2%，目标 %3%</translation>
        </message>
        <message>
            <source>%1 at %2 per pod, target %3</source>
            <translation>%1 为每个 Pod %2，目标 %3</translation>
        </message>
        <message>
            <source>%1 at %2, target %3</source>
            <translation>%1 为 %2，目标 %3</translation>
        </message>
        <message>
            <source>the controller can read the target's scale</source>
            <translation>控制器可以读取目标的规模</translation>
        </message>
        <message>
            <source>the controller cannot read the target's scale: does it exist?</source>
            <translation>控制器无法读取目标的规模：目标是否存在？</translation>
        </message>
        <message>
            <source>it just changed the replica count</source>
            <translation>它刚刚更改了副本数</translation>
        </message>
        <message>
            <source>it could not write the new replica count</source>
            <translation>它无法写入新的副本数</translation>
        </message>
        <message>
            <source>nothing holds back the next change</source>
            <translation>没有什么阻止下一次更改</translation>
        </message>
        <message>
            <source>a scale-down waits: recent recommendations were higher</source>
            <translation>缩容需等待：最近的建议值更高</translation>
        </message>
        <message>
            <source>a scale-up waits: recent recommendations were lower</source>
            <translation>扩容需等待：最近的建议值更低</translation>
        </message>
        <message>
            <source>it can compute replicas from its metrics</source>
            <translation>它能根据指标计算副本数</translation>
        </message>
        <message>
            <source>it cannot read CPU or memory use: scaling is stuck</source>
            <translation>它无法读取 CPU 或内存使用量：扩缩被卡住</translation>
        </message>
        <message>
            <source>it cannot read its metric: scaling is stuck</source>
            <translation>它无法读取指标：扩缩被卡住</translation>
        </message>
        <message>
            <source>the target has 0 replicas: autoscaling is off</source>
            <translation>目标有 0 个副本：自动扩缩已关闭</translation>
        </message>
        <message>
            <source>the wanted count is between min and max</source>
            <translation>期望的数量在最小值和最大值之间</translation>
        </message>
        <message>
            <source>capped at maxReplicas</source>
            <translation>被 maxReplicas 封顶</translation>
        </message>
        <message>
            <source>held at minReplicas</source>
            <translation>保持在 minReplicas</translation>
        </message>
        <message>
            <source>a scale-up is rate-limited</source>
            <translation>扩容受速率限制</translation>
        </message>
        <message>
            <source>a scale-down is rate-limited</source>
            <translation>缩容受速率限制</translation>
        </message>
        <message>
            <source>Capped at maxReplicas %1 (wanted %2)</source>
            <translation>被 maxReplicas 限制为 %1 个（想要 %2 个）</translation>
        </message>
        <message>
            <source>Kept at minReplicas %1 (wanted %2)</source>
            <translation>保持在 minReplicas %1 个（想要 %2 个）</translation>
        </message>
        <message>
            <source>Scale-up rate limit: %1 for now (wanted %2)</source>
            <translation>扩容速率限制：目前 %1 个（想要 %2 个）</translation>
        </message>
        <message>
            <source>Scale-down rate limit: %1 for now (wanted %2)</source>
            <translation>缩容速率限制：目前 %1 个（想要 %2 个）</translation>
        </message>
        <message>
            <source>Scale-down held by the %1 window (wanted %2)</source>
            <translation>缩容被 %1 的稳定窗口挡住（想要 %2 个）</translation>
        </message>
        <message>
            <source>No %1 request on the pods: cannot compute utilization</source>
            <translation>Pod 没有设置 %1 请求量：无法计算利用率</translation>
        </message>
        <message>
            <source>No %1 samples yet from metrics-server</source>
            <translation>metrics-server 还没有 %1 样本</translation>
        </message>
    </context>
    <context>
        <name>HpaDecisionLogModel</name>
        <message numerus="yes">
            <source>%1–%2 (%n syncs)</source>
            <comment>first and last time</comment>
            <translation>
                <numerusform>%1–%2（%n 次同步）</numerusform>
            </translation>
        </message>
        <message>
            <source>%1 → %2</source>
            <comment>replicas from → to</comment>
            <translation>%1 → %2</translation>
        </message>
        <message>
            <source>Time</source>
            <translation>时间</translation>
        </message>
        <message>
            <source>Replicas</source>
            <translation>副本</translation>
        </message>
        <message>
            <source>What happened</source>
            <translation>发生了什么</translation>
        </message>
    </context>
    <context>
        <name>KubectlConsole</name>
        <message>
            <source>Type a kubectl command, e.g. kubectl get pods -o wide</source>
            <translation>输入 kubectl 命令，例如 kubectl get pods -o wide</translation>
        </message>
        <message>
            <source>Runs against the simulated cluster at the current time. Up/Down: history, Tab: complete, "clear": clear the output</source>
            <translation>在当前时刻对模拟集群执行。上/下方向键：历史命令；Tab：补全；"clear"：清空输出</translation>
        </message>
        <message>
            <source>kubectl output</source>
            <translation>kubectl 输出</translation>
        </message>
        <message>
            <source>kubectl command</source>
            <translation>kubectl 命令</translation>
        </message>
        <message>
            <source>[scenario, %1] $ %2</source>
            <translation>[场景脚本，%1] $ %2</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>&amp;File</source>
            <translation>文件(&amp;F)</translation>
        </message>
        <message>
            <source>&amp;Simulation</source>
            <translation>模拟(&amp;S)</translation>
        </message>
        <message>
            <source>&amp;View</source>
            <translation>视图(&amp;V)</translation>
        </message>
        <message>
            <source>&amp;Language</source>
            <translation>语言(&amp;L)</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>帮助(&amp;H)</translation>
        </message>
        <message>
            <source>&amp;Open Scenario…</source>
            <translation>打开场景(&amp;O)…</translation>
        </message>
        <message>
            <source>Open a scenario file (YAML)</source>
            <translation>打开场景文件（YAML）</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>退出(&amp;Q)</translation>
        </message>
        <message>
            <source>S&amp;tep</source>
            <translation>单步(&amp;T)</translation>
        </message>
        <message>
            <source>Pause and advance the simulation by one simulated second</source>
            <translation>暂停，并将模拟前进一个模拟秒</translation>
        </message>
        <message>
            <source>&amp;Reset</source>
            <translation>重置(&amp;R)</translation>
        </message>
        <message>
            <source>Start this scenario again from time zero</source>
            <translation>从零时刻重新开始此场景</translation>
        </message>
        <message>
            <source>&amp;About cnsim Studio</source>
            <translation>关于 cnsim Studio(&amp;A)</translation>
        </message>
        <message>
            <source>Simulation</source>
            <translation>模拟</translation>
        </message>
        <message>
            <source>S&amp;peed:</source>
            <translation>速度(&amp;P)：</translation>
        </message>
        <message>
            <source>Simulated seconds per real second</source>
            <translation>每个真实秒对应的模拟秒数</translation>
        </message>
        <message>
            <source>Max</source>
            <translation>最快</translation>
        </message>
        <message>
            <source>%1×</source>
            <comment>playback speed</comment>
            <translation>%1×</translation>
        </message>
        <message>
            <source>Scenario</source>
            <translation>场景</translation>
        </message>
        <message>
            <source>Metrics</source>
            <translation>指标</translation>
        </message>
        <message>
            <source>Events</source>
            <translation>事件</translation>
        </message>
        <message>
            <source>cnsim Studio</source>
            <translation>cnsim Studio</translation>
        </message>
        <message>
            <source>%1 — cnsim Studio</source>
            <translation>%1 — cnsim Studio</translation>
        </message>
        <message>
            <source>%1 / %2</source>
            <comment>simulated time now / end</comment>
            <translation>%1 / %2</translation>
        </message>
        <message>
            <source>Simulated time now / end of the scenario</source>
            <translation>当前模拟时间 / 场景结束时间</translation>
        </message>
        <message>
            <source>running at %1×</source>
            <translation>以 %1× 运行</translation>
        </message>
        <message>
            <source>%1 (lagging: too much work per second)</source>
            <translation>%1（跟不上：每秒工作量过大）</translation>
        </message>
        <message>
            <source>paused</source>
            <translation>已暂停</translation>
        </message>
        <message>
            <source>Could not open %1</source>
            <translation>无法打开 %1</translation>
        </message>
        <message numerus="yes">
            <source>Opened %1 with %n warning(s)</source>
            <translation>
                <numerusform>已打开 %1，有 %n 个警告</numerusform>
            </translation>
        </message>
        <message>
            <source>Opened %1. Press Play to start.</source>
            <translation>已打开 %1。按“运行”开始。</translation>
        </message>
        <message>
            <source>Open Scenario</source>
            <translation>打开场景</translation>
        </message>
        <message>
            <source>Scenario files (*.yaml *.yml);;All files (*)</source>
            <translation>场景文件 (*.yaml *.yml);;所有文件 (*)</translation>
        </message>
        <message>
            <source>&amp;Pause</source>
            <translation>暂停(&amp;P)</translation>
        </message>
        <message>
            <source>&amp;Play</source>
            <translation>运行(&amp;P)</translation>
        </message>
        <message>
            <source>Pause the simulation (Space)</source>
            <translation>暂停模拟（空格键）</translation>
        </message>
        <message>
            <source>Run the simulation (Space)</source>
            <translation>运行模拟（空格键）</translation>
        </message>
        <message>
            <source>The simulation reached its end at %1. Press Reset to run it again.</source>
            <translation>模拟已在 %1 结束。按“重置”可再次运行。</translation>
        </message>
        <message>
            <source>Node %1 failed: its pods are lost and will be recreated elsewhere.</source>
            <translation>节点 %1 已故障：其上的 Pod 已丢失，将在其他节点上重新创建。</translation>
        </message>
        <message>
            <source>Could not fail node %1: %2</source>
            <translation>无法让节点 %1 故障：%2</translation>
        </message>
        <message>
            <source>Node %1 recovered: new pods may be scheduled on it.</source>
            <translation>节点 %1 已恢复：新的 Pod 可以调度到它上面。</translation>
        </message>
        <message>
            <source>Could not recover node %1: %2</source>
            <translation>无法恢复节点 %1：%2</translation>
        </message>
        <message>
            <source>About cnsim Studio</source>
            <translation>关于 cnsim Studio</translation>
        </message>
        <message>
            <source>&lt;h3&gt;cnsim Studio %1&lt;/h3&gt;&lt;p&gt;A discrete-event simulator for learning cloud-native computing: watch Kubernetes schedule pods, serve traffic and recover from failures.&lt;/p&gt;</source>
            <translation>&lt;h3&gt;cnsim Studio %1&lt;/h3&gt;&lt;p&gt;用于学习云原生计算的离散事件模拟器：观察 Kubernetes 如何调度 Pod、处理流量并从故障中恢复。&lt;/p&gt;</translation>
        </message>
        <message>
            <source>kubectl Console</source>
            <translation>kubectl 控制台</translation>
        </message>
        <message>
            <source>Why this node?</source>
            <translation>为什么是这个节点？</translation>
        </message>
        <message>
            <source>Control plane</source>
            <translation>控制平面</translation>
        </message>
        <message>
            <source>&amp;Inject Fault</source>
            <translation>注入故障(&amp;I)</translation>
        </message>
        <message>
            <source>&amp;Zone outage</source>
            <translation>可用区故障(&amp;Z)</translation>
        </message>
        <message>
            <source>Zone &amp;recovered</source>
            <translation>可用区恢复(&amp;R)</translation>
        </message>
        <message>
            <source>Re&amp;gistry outage</source>
            <translation>镜像仓库故障(&amp;G)</translation>
        </message>
        <message>
            <source>Image pulls fail and back off.</source>
            <translation>镜像拉取失败并进入退避。</translation>
        </message>
        <message>
            <source>Registry recovered</source>
            <translation>镜像仓库恢复</translation>
        </message>
        <message>
            <source>&amp;Control-plane outage</source>
            <translation>控制平面组件故障(&amp;C)</translation>
        </message>
        <message>
            <source>Control-plane r&amp;ecovery</source>
            <translation>控制平面组件恢复(&amp;E)</translation>
        </message>
        <message>
            <source>The kubelet on %1 stopped: its containers keep running, but it no longer reports to the API server.</source>
            <translation>节点 %1 上的 kubelet 已停止：容器继续运行，但它不再向 API 服务器上报。</translation>
        </message>
        <message>
            <source>The kubelet on %1 started again.</source>
            <translation>节点 %1 上的 kubelet 已重新启动。</translation>
        </message>
        <message>
            <source>Node %1 is cut off from the control plane.</source>
            <translation>节点 %1 已与控制平面断开。</translation>
        </message>
        <message>
            <source>Node %1 is connected to the control plane again.</source>
            <translation>节点 %1 已重新连接到控制平面。</translation>
        </message>
        <message>
            <source>Node %1 is cordoned: no new pods will be scheduled on it.</source>
            <translation>节点 %1 已封锁：不会再有新 Pod 调度到它上面。</translation>
        </message>
        <message>
            <source>Node %1 is schedulable again.</source>
            <translation>节点 %1 已重新可调度。</translation>
        </message>
        <message>
            <source>Draining node %1: its pods are being evicted.</source>
            <translation>正在排空节点 %1：其上的 Pod 正在被驱逐。</translation>
        </message>
        <message>
            <source>Could not change node %1: %2</source>
            <translation>无法更改节点 %1：%2</translation>
        </message>
        <message>
            <source>The image registry is down: new image pulls fail and back off.</source>
            <translation>镜像仓库已宕机：新的镜像拉取会失败并进入退避。</translation>
        </message>
        <message>
            <source>The image registry is back: pulls work again.</source>
            <translation>镜像仓库已恢复：可以重新拉取镜像。</translation>
        </message>
        <message>
            <source>%1 is down.</source>
            <translation>%1 已停止。</translation>
        </message>
        <message>
            <source>%1 is running again.</source>
            <translation>%1 已重新运行。</translation>
        </message>
        <message>
            <source>Zone %1 is down: every node in it crashed.</source>
            <translation>可用区 %1 故障：其中所有节点都已崩溃。</translation>
        </message>
        <message>
            <source>Zone %1 is back: its nodes boot again.</source>
            <translation>可用区 %1 已恢复：其节点重新启动。</translation>
        </message>
        <message>
            <source>Could not inject the fault: %1</source>
            <translation>无法注入故障：%1</translation>
        </message>
        <message>
            <source>Services</source>
            <translation>服务</translation>
        </message>
        <message>
            <source>Autoscaling</source>
            <translation>自动扩缩</translation>
        </message>
        <message>
            <source>Traces</source>
            <translation>链路追踪</translation>
        </message>
        <message>
            <source>Releases</source>
            <translation>发布</translation>
        </message>
    </context>
    <context>
        <name>NodeGroupWidget</name>
        <message>
            <source>This cluster has no node groups, so the cluster autoscaler does not run. Add cluster.nodeGroups to a scenario to watch it add and remove machines.</source>
            <translation>此集群没有节点组，因此集群自动扩缩容器不会运行。在场景中添加 cluster.nodeGroups，即可观察它添加和移除机器。</translation>
        </message>
        <message>
            <source>The cluster autoscaler adds a node when pods are Pending because no node has room, and removes nodes that stay underused.</source>
            <translation>当 Pod 因没有节点有空间而处于 Pending 时，集群自动扩缩容器会添加节点；并移除长期利用率低的节点。</translation>
        </message>
        <message>
            <source>Node group</source>
            <translation>节点组</translation>
        </message>
        <message>
            <source>Min size</source>
            <translation>最小规模</translation>
        </message>
        <message>
            <source>Nodes</source>
            <translation>节点数</translation>
        </message>
        <message>
            <source>Booting</source>
            <translation>启动中</translation>
        </message>
        <message>
            <source>Target</source>
            <translation>目标</translation>
        </message>
        <message>
            <source>Max size</source>
            <translation>最大规模</translation>
        </message>
        <message>
            <source>Price per node</source>
            <translation>每节点价格</translation>
        </message>
        <message>
            <source>$%1/h (spot)</source>
            <translation>$%1/小时（竞价实例）</translation>
        </message>
        <message>
            <source>$%1/h</source>
            <translation>$%1/小时</translation>
        </message>
        <message>
            <source>%1: min %2, nodes %3, booting %4, target %5, max %6, %7 per node</source>
            <translation>%1：最小 %2，节点 %3，启动中 %4，目标 %5，最大 %6，每节点 %7</translation>
        </message>
        <message>
            <source>The cluster costs &lt;b&gt;$%1 per hour&lt;/b&gt; now; &lt;b&gt;$%2&lt;/b&gt; spent so far.</source>
            <translation>集群当前成本为&lt;b&gt;每小时 $%1&lt;/b&gt;；累计已花费 &lt;b&gt;$%2&lt;/b&gt;。</translation>
        </message>
        <message>
            <source>How the cluster autoscaler decided at %1:</source>
            <translation>集群自动扩缩容器在 %1 的决策过程：</translation>
        </message>
        <message>
            <source>No scan yet: the cluster autoscaler scans every %1.</source>
            <translation>尚未扫描：集群自动扩缩容器每 %1 扫描一次。</translation>
        </message>
        <message>
            <source>Latest scan (%1):</source>
            <translation>最近一次扫描（%1）：</translation>
        </message>
        <message>
            <source>no Pending pod needs a new node.</source>
            <translation>没有 Pending 的 Pod 需要新节点。</translation>
        </message>
        <message numerus="yes">
            <source>%n Pending pod(s) could not be scheduled.</source>
            <translation>
                <numerusform>%n 个 Pending 的 Pod 无法调度。</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n Pending pod(s) could not be scheduled; %1 will fit on nodes that are still booting.</source>
            <translation>
                <numerusform>%n 个 Pending 的 Pod 无法调度；其中 %1 个可放进仍在启动的节点。</numerusform>
            </translation>
        </message>
        <message>
            <source>Cluster health</source>
            <translation>集群健康状况</translation>
        </message>
        <message>
            <source>Scale-up</source>
            <translation>扩容</translation>
        </message>
        <message>
            <source>No scale-up (NotTriggerScaleUp)</source>
            <translation>未扩容（NotTriggerScaleUp）</translation>
        </message>
        <message>
            <source>Scale-down</source>
            <translation>缩容</translation>
        </message>
        <message>
            <source>Every node is needed.</source>
            <translation>每个节点都需要保留。</translation>
        </message>
        <message>
            <source>Being removed</source>
            <translation>正在移除</translation>
        </message>
        <message>
            <source>%1: tainted ToBeDeletedByClusterAutoscaler, pods are evicted, then the machine is deleted.</source>
            <translation>%1：已加上 ToBeDeletedByClusterAutoscaler 污点，Pod 被驱逐后机器将被删除。</translation>
        </message>
        <message>
            <source>Decision log (scale-ups, pods left pending, nodes removed)</source>
            <translation>决策日志（扩容、仍在等待的 Pod、已移除的节点）</translation>
        </message>
        <message>
            <source>Hover a line for every step of that scan; select it to read them below.</source>
            <translation>将鼠标悬停在某行上可查看该次扫描的每一步；选中它可在下方阅读。</translation>
        </message>
    </context>
    <context>
        <name>NodeItem</name>
        <message>
            <source>Ready</source>
            <translation>Ready（就绪）</translation>
        </message>
        <message>
            <source>&lt;b&gt;Node %1&lt;/b&gt;&lt;br&gt;Zone: %2&lt;br&gt;Status: %3&lt;br&gt;CPU requested: %4 of %5&lt;br&gt;CPU in use: %6 cores&lt;br&gt;Pods: %7 (at most %8)&lt;br&gt;Right-click to fail or recover this node.</source>
            <translation>&lt;b&gt;节点 %1&lt;/b&gt;&lt;br&gt;可用区：%2&lt;br&gt;状态：%3&lt;br&gt;已请求 CPU：%4，共 %5&lt;br&gt;CPU 使用：%6 核&lt;br&gt;Pod：%7 个（最多 %8 个）&lt;br&gt;右键单击可让此节点故障或恢复。</translation>
        </message>
        <message>
            <source>CPU requested %1 / %2</source>
            <translation>已请求 CPU %1 / %2</translation>
        </message>
        <message>
            <source>Down — control plane still sees Ready</source>
            <translation>宕机 — 控制平面仍认为 Ready</translation>
        </message>
        <message>
            <source>Down — NotReady</source>
            <translation>宕机 — NotReady（未就绪）</translation>
        </message>
        <message>
            <source>NotReady</source>
            <translation>NotReady（未就绪）</translation>
        </message>
    </context>
    <context>
        <name>PendingAreaItem</name>
        <message numerus="yes">
            <source>Pending — waiting for a node: %n pod(s)</source>
            <translation>
                <numerusform>Pending — 等待分配节点：%n 个 Pod</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>PipelineRunModel</name>
        <message>
            <source>%1 running…</source>
            <translation>%1 运行中…</translation>
        </message>
        <message>
            <source>%1 ✗ %2</source>
            <translation>%1 ✗ %2</translation>
        </message>
        <message>
            <source>%1 ✓ %2</source>
            <translation>%1 ✓ %2</translation>
        </message>
        <message>
            <source>waiting for the running run</source>
            <translation>等待正在进行的运行</translation>
        </message>
        <message>
            <source>running</source>
            <translation>运行中</translation>
        </message>
        <message>
            <source>canceled: a newer commit took its place</source>
            <translation>已取消：更新的提交取代了它</translation>
        </message>
        <message>
            <source>failed at %1: nothing deployed</source>
            <translation>在 %1 失败：未部署</translation>
        </message>
        <message>
            <source>deployed at %1, releasing…</source>
            <translation>%1 部署，发布中…</translation>
        </message>
        <message>
            <source>deployed at %1, released at %2</source>
            <translation>%1 部署，%2 发布完成</translation>
        </message>
        <message>
            <source>deployed at %1, rolled back at %2</source>
            <translation>%1 部署，%2 回滚</translation>
        </message>
        <message>
            <source>deployed at %1, replaced at %2 before it finished</source>
            <translation>%1 部署，完成前于 %2 被替换</translation>
        </message>
        <message>
            <source>%1 #%2</source>
            <translation>%1 #%2</translation>
        </message>
        <message>
            <source>#%1</source>
            <translation>#%1</translation>
        </message>
        <message>
            <source>Pipeline %1, run %2</source>
            <translation>流水线 %1，第 %2 次运行</translation>
        </message>
        <message>
            <source>Run</source>
            <translation>运行</translation>
        </message>
        <message>
            <source>Image</source>
            <translation>镜像</translation>
        </message>
        <message>
            <source>Pushed</source>
            <translation>推送时间</translation>
        </message>
        <message>
            <source>Stages</source>
            <translation>阶段</translation>
        </message>
        <message>
            <source>Outcome</source>
            <translation>结果</translation>
        </message>
    </context>
    <context>
        <name>PodItem</name>
        <message>
            <source>none yet</source>
            <translation>尚未分配</translation>
        </message>
        <message>
            <source>&lt;b&gt;Pod %1&lt;/b&gt;&lt;br&gt;Deployment: %2&lt;br&gt;Phase: %3&lt;br&gt;Node: %4&lt;br&gt;Requests: %5 CPU, %6 memory</source>
            <translation>&lt;b&gt;Pod %1&lt;/b&gt;&lt;br&gt;Deployment：%2&lt;br&gt;阶段：%3&lt;br&gt;节点：%4&lt;br&gt;资源请求：CPU %5，内存 %6</translation>
        </message>
        <message numerus="yes">
            <source>%n request(s) in flight</source>
            <translation>
                <numerusform>%n 个请求处理中</numerusform>
            </translation>
        </message>
        <message>
            <source>Waiting because: %1</source>
            <translation>等待原因：%1</translation>
        </message>
    </context>
    <context>
        <name>ReleaseChart</name>
        <message>
            <source>% of traffic</source>
            <translation>流量 %</translation>
        </message>
        <message>
            <source>% errors</source>
            <translation>错误 %</translation>
        </message>
        <message>
            <source>Canary weight (stable gets the rest)</source>
            <translation>金丝雀权重（其余流量归稳定版本）</translation>
        </message>
        <message>
            <source>errors of %1</source>
            <translation>%1 的错误率</translation>
        </message>
    </context>
    <context>
        <name>ReleaseWidget</name>
        <message>
            <source>the stable version</source>
            <translation>稳定版本</translation>
        </message>
        <message>
            <source>Analysis %1 could not measure %2 times in a row, more than its consecutiveErrorLimit. The controller aborted the update to revision %3: all traffic is back on %4.</source>
            <translation>分析 %1 连续 %2 次无法测量，超过了 consecutiveErrorLimit。控制器中止了到修订版本 %3 的更新：全部流量回到 %4。</translation>
        </message>
        <message>
            <source>The update to revision %1 was aborted by hand (kubectl argo rollouts abort): all traffic is back on %2.</source>
            <translation>到修订版本 %1 的更新被手动中止（kubectl argo rollouts abort）：全部流量回到 %2。</translation>
        </message>
        <message>
            <source>An analysis was inconclusive: the Rollout waits for a person to promote or abort it.</source>
            <translation>一次分析结果不确定：Rollout 等待人工推进（promote）或中止（abort）。</translation>
        </message>
        <message>
            <source>Stable: every pod runs %1 (revision %2). Nothing to decide until the image changes.</source>
            <translation>稳定：所有 Pod 都运行 %1（修订版本 %2）。镜像改变之前无需做出决定。</translation>
        </message>
        <message>
            <source>Blue-green: %1 runs beside %2 until it is promoted.</source>
            <translation>蓝绿发布：%1 与 %2 并行运行，直到被推进（promote）。</translation>
        </message>
        <message>
            <source>moving every pod to the new version</source>
            <translation>正在把所有 Pod 切换到新版本</translation>
        </message>
        <message>
            <source>Rolling out %1 (revision %2): step %3 of %4, %5. An analysis failure would roll back to %6.</source>
            <translation>正在发布 %1（修订版本 %2）：第 %3 步，共 %4 步，%5。若分析失败将回滚到 %6。</translation>
        </message>
        <message>
            <source>&lt;b&gt;Rollout %1&lt;/b&gt; · revision %2 · %3&lt;br&gt;Canary %4 % (%5 ready, %6) · stable %7 % (%8 ready, %9)</source>
            <translation>&lt;b&gt;Rollout %1&lt;/b&gt; · 修订版本 %2 · %3&lt;br&gt;金丝雀 %4 %（%5 个就绪，%6）· 稳定版本 %7 %（%8 个就绪，%9）</translation>
        </message>
        <message>
            <source>Rollout:</source>
            <translation>Rollout：</translation>
        </message>
        <message>
            <source>Canary steps</source>
            <translation>金丝雀步骤</translation>
        </message>
        <message>
            <source>Analysis runs (measurements against the limits)</source>
            <translation>分析运行（测量结果与上限对比）</translation>
        </message>
        <message>
            <source>CI/CD pipeline runs</source>
            <translation>CI/CD 流水线运行</translation>
        </message>
        <message>
            <source>This scenario has no Argo Rollouts Rollout and no CI/CD pipeline. Open canary-analysis-rollback.yaml or pipeline-three-versions.yaml to see a release here.</source>
            <translation>此场景没有 Argo Rollouts 的 Rollout，也没有 CI/CD 流水线。打开 canary-analysis-rollback.yaml 或 pipeline-three-versions.yaml 即可在此看到发布过程。</translation>
        </message>
        <message>
            <source>it needed %1</source>
            <translation>要求 %1</translation>
        </message>
        <message>
            <source>it fails if %1</source>
            <translation>%1 时判定失败</translation>
        </message>
        <message>
            <source>Analysis %1 failed %2 of %3 measurements, more than its failureLimit of %4: the last read %5, %6. The controller aborted the update to revision %7: the canary was scaled away and all traffic is back on %8.</source>
            <translation>分析 %1 在 %3 次测量中失败 %2 次，超过了 failureLimit %4：最新读数为 %5，%6。控制器中止了到修订版本 %7 的更新：金丝雀已被缩容移除，全部流量回到 %8。</translation>
        </message>
    </context>
    <context>
        <name>RolloutStepModel</name>
        <message>
            <source>set weight %1 %</source>
            <translation>设置权重 %1 %</translation>
        </message>
        <message>
            <source>pause %1</source>
            <translation>暂停 %1</translation>
        </message>
        <message>
            <source>pause until promoted</source>
            <translation>暂停，直到人工推进（promote）</translation>
        </message>
        <message>
            <source>analysis %1</source>
            <translation>分析 %1</translation>
        </message>
        <message>
            <source>done</source>
            <translation>已完成</translation>
        </message>
        <message>
            <source>in progress</source>
            <translation>进行中</translation>
        </message>
        <message>
            <source>paused (%1)</source>
            <translation>已暂停（%1）</translation>
        </message>
        <message>
            <source>to do</source>
            <translation>待执行</translation>
        </message>
        <message>
            <source>aborted here</source>
            <translation>在此中止</translation>
        </message>
        <message>
            <source>#</source>
            <translation>#</translation>
        </message>
        <message>
            <source>Step</source>
            <translation>步骤</translation>
        </message>
        <message>
            <source>State</source>
            <translation>状态</translation>
        </message>
    </context>
    <context>
        <name>ScenarioInfoWidget</name>
        <message>
            <source>No scenario open</source>
            <translation>未打开场景</translation>
        </message>
        <message>
            <source>File: %1</source>
            <translation>文件：%1</translation>
        </message>
        <message>
            <source>Traffic: aggregate — rates per pod and second (for long or busy scenarios)</source>
            <translation>流量：聚合——按 Pod 和秒计算速率（用于长时间或繁忙的场景）</translation>
        </message>
        <message>
            <source>Traffic: per request — every request simulated</source>
            <translation>流量：逐请求——模拟每一个请求</translation>
        </message>
    </context>
    <context>
        <name>ScenarioLoader</name>
        <message>
            <source>error</source>
            <translation>错误</translation>
        </message>
        <message>
            <source>warning</source>
            <translation>警告</translation>
        </message>
        <message>
            <source>%1: %2: %3</source>
            <comment>file: severity: message</comment>
            <translation>%1: %2: %3</translation>
        </message>
        <message>
            <source>%1:%2:%3: %4: %5</source>
            <comment>file:line:column: severity: message</comment>
            <translation>%1:%2:%3: %4: %5</translation>
        </message>
    </context>
    <context>
        <name>SchedulingDecisionWidget</name>
        <message>
            <source>CPU and memory left after placing the pod (or used, when bin-packing)</source>
            <translation>放下该 Pod 后剩余的 CPU 和内存（装箱策略下则看已用量）</translation>
        </message>
        <message>
            <source>fewer pods of the same workload on that node and in that zone</source>
            <translation>该节点和该可用区上同一工作负载的 Pod 更少</translation>
        </message>
        <message>
            <source>CPU and memory used in balance</source>
            <translation>CPU 与内存的使用更均衡</translation>
        </message>
        <message>
            <source>fewer PreferNoSchedule taints the pod does not tolerate</source>
            <translation>Pod 不容忍的 PreferNoSchedule 污点更少</translation>
        </message>
        <message>
            <source>the pod's preferred node affinity</source>
            <translation>Pod 的首选节点亲和性</translation>
        </message>
        <message>
            <source>the pod's preferred pod affinity and anti-affinity</source>
            <translation>Pod 的首选 Pod 亲和性与反亲和性</translation>
        </message>
        <message>
            <source>the container images already on the node</source>
            <translation>节点上已有的容器镜像</translation>
        </message>
        <message>
            <source>No node passed every filter (the table says which plugin rejected each node). The pod waits; kube-scheduler tries again when a node is added or changes, or a pod is removed.</source>
            <translation>没有节点通过全部过滤（表中列出每个节点被哪个插件拒绝）。该 Pod 会等待；当有节点加入或变化、或有 Pod 被移除时，kube-scheduler 会重试。</translation>
        </message>
        <message>
            <source>kube-scheduler could not consider any node for this pod.</source>
            <translation>kube-scheduler 无法为该 Pod 考虑任何节点。</translation>
        </message>
        <message>
            <source>%1 was the only node that passed every filter, so there was nothing to score.</source>
            <translation>%1 是唯一通过全部过滤的节点，因此无需打分。</translation>
        </message>
        <message>
            <source>%1 won with %2 points.</source>
            <translation>%1 以 %2 分胜出。</translation>
        </message>
        <message numerus="yes">
            <source>%n node(s) tied for the top score; kube-scheduler picked one at random.</source>
            <translation>
                <numerusform>%n 个节点并列最高分；kube-scheduler 随机选择了其中一个。</numerusform>
            </translation>
        </message>
        <message>
            <source>%1 (%2 %3 × %4)</source>
            <translation>%1（%2 %3 × %4）</translation>
        </message>
        <message>
            <source>It beat %1 (%2 points) mostly on %3.</source>
            <translation>它胜过 %1（%2 分），主要因为%3。</translation>
        </message>
        <message>
            <source> and </source>
            <translation>以及</translation>
        </message>
        <message>
            <source>Why this node?</source>
            <translation>为什么是这个节点？</translation>
        </message>
        <message>
            <source>Click a pod on the canvas to see how kube-scheduler chose its node: which nodes passed the filters and how each one scored.</source>
            <translation>在画布上点击一个 Pod，查看 kube-scheduler 如何为它选择节点：哪些节点通过了过滤，以及各节点的得分。</translation>
        </message>
        <message>
            <source>Pod %1</source>
            <translation>Pod %1</translation>
        </message>
        <message>
            <source>The decision for this pod is no longer kept.</source>
            <translation>该 Pod 的调度决策已不再保留。</translation>
        </message>
        <message>
            <source>kube-scheduler has not tried this pod yet.</source>
            <translation>kube-scheduler 尚未尝试调度该 Pod。</translation>
        </message>
        <message>
            <source>Pod %1 → %2</source>
            <translation>Pod %1 → %2</translation>
        </message>
        <message>
            <source>Pod %1 is Pending: %2</source>
            <translation>Pod %1 处于 Pending：%2</translation>
        </message>
        <message>
            <source>Node</source>
            <translation>节点</translation>
        </message>
        <message>
            <source>Filter</source>
            <translation>过滤</translation>
        </message>
        <message>
            <source>Total</source>
            <translation>总分</translation>
        </message>
        <message>
            <source>%1
×%2</source>
            <translation>%1
×%2</translation>
        </message>
        <message>
            <source>passed</source>
            <translation>通过</translation>
        </message>
        <message>
            <source>%1: raw %2, normalized %3 × weight %4 = %5</source>
            <translation>%1：原始分 %2，归一化 %3 × 权重 %4 = %5</translation>
        </message>
        <message>
            <source>passed (not scored: the only feasible node)</source>
            <translation>通过（未打分：唯一可行节点）</translation>
        </message>
        <message>
            <source>rejected by %1: %2</source>
            <translation>被 %1 拒绝：%2</translation>
        </message>
        <message>
            <source>; </source>
            <translation>；</translation>
        </message>
        <message>
            <source>not evaluated (enough feasible nodes found)</source>
            <translation>未评估（已找到足够的可行节点）</translation>
        </message>
        <message>
            <source>%1 (chosen)</source>
            <translation>%1（已选中）</translation>
        </message>
    </context>
    <context>
        <name>ServiceMapWidget</name>
        <message>
            <source>Clients</source>
            <translation>客户端</translation>
        </message>
        <message>
            <source>Requests from outside the cluster</source>
            <translation>来自集群外部的请求</translation>
        </message>
        <message>
            <source>Gateway %1</source>
            <translation>网关 %1</translation>
        </message>
        <message>
            <source>Service %1</source>
            <translation>Service %1</translation>
        </message>
        <message>
            <source>%1 requests/s, %2% failed</source>
            <translation>每秒 %1 个请求，%2% 失败</translation>
        </message>
        <message>
            <source>p95 latency %1 ms</source>
            <translation>p95 延迟 %1 毫秒</translation>
        </message>
        <message numerus="yes">
            <source>%n ready endpoint(s)</source>
            <translation>
                <numerusform>%n 个就绪端点</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n not ready</source>
            <translation>
                <numerusform>%n 个未就绪</numerusform>
            </translation>
        </message>
        <message>
            <source>Click to chart this Service.</source>
            <translation>点击以绘制此 Service 的图表。</translation>
        </message>
        <message>
            <source>%1 → %2</source>
            <translation>%1 → %2</translation>
        </message>
        <message>
            <source>%1 requests/s</source>
            <translation>每秒 %1 个请求</translation>
        </message>
        <message>
            <source>%1 calls per request</source>
            <translation>每个请求调用 %1 次</translation>
        </message>
        <message>
            <source>%1% of %2's requests fail</source>
            <translation>%2 的请求有 %1% 失败</translation>
        </message>
        <message>
            <source>This scenario sends no traffic.</source>
            <translation>此场景没有发送任何流量。</translation>
        </message>
        <message>
            <source>Arrows carry requests: thicker and busier means more requests per second. Green: under 1% fail, amber: under 5%, red: more.</source>
            <translation>箭头表示请求流：越粗、越密表示每秒请求越多。绿色：失败率低于 1%，琥珀色：低于 5%，红色：更高。</translation>
        </message>
        <message>
            <source>%1/s · p95 %2 ms</source>
            <translation>%1/秒 · p95 %2 毫秒</translation>
        </message>
        <message numerus="yes">
            <source>gateway · %n ready</source>
            <translation>
                <numerusform>网关 · %n 个就绪</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n ready</source>
            <translation>
                <numerusform>%n 个就绪</numerusform>
            </translation>
        </message>
        <message>
            <source>Purple: the critical path %1, %2 ms with no queueing.</source>
            <translation>紫色：关键路径 %1，不排队时 %2 毫秒。</translation>
        </message>
    </context>
    <context>
        <name>SimTimeAxis</name>
        <message>
            <source>Simulated time (h:min)</source>
            <translation>模拟时间（时:分）</translation>
        </message>
        <message>
            <source>Simulated time (min:s)</source>
            <translation>模拟时间（分:秒）</translation>
        </message>
    </context>
    <context>
        <name>TraceListModel</name>
        <message>
            <source>%1 → %2</source>
            <comment>request, entry service</comment>
            <translation>%1 → %2</translation>
        </message>
        <message>
            <source>in flight</source>
            <translation>处理中</translation>
        </message>
        <message>
            <source>%1 ms</source>
            <translation>%1 毫秒</translation>
        </message>
        <message>
            <source>Time</source>
            <translation>时间</translation>
        </message>
        <message>
            <source>Request</source>
            <translation>请求</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <source>Duration</source>
            <translation>耗时</translation>
        </message>
        <message>
            <source>Spans</source>
            <translation>Span 数</translation>
        </message>
        <message>
            <source>Retries</source>
            <translation>重试</translation>
        </message>
    </context>
    <context>
        <name>TraceWaterfall</name>
        <message>
            <source>no ready pod</source>
            <translation>无就绪 Pod</translation>
        </message>
        <message>
            <source>attempt %1</source>
            <translation>第 %1 次尝试</translation>
        </message>
        <message>
            <source>%1  %2</source>
            <comment>service, where it ran</comment>
            <translation>%1  %2</translation>
        </message>
        <message>
            <source>%1 ms</source>
            <translation>%1 毫秒</translation>
        </message>
        <message>
            <source>no response</source>
            <translation>无响应</translation>
        </message>
        <message>
            <source>%1 ms · %2</source>
            <translation>%1 毫秒 · %2</translation>
        </message>
    </context>
    <context>
        <name>TraceWidget</name>
        <message>
            <source>This scenario records no traces. Add simulation.tracing (sampleRate: 0.01) to follow single requests through the Services, retries included.</source>
            <translation>此场景不记录链路追踪。添加 simulation.tracing（sampleRate: 0.01），即可跟踪单个请求经过各个 Service 的过程（包括重试）。</translation>
        </message>
        <message numerus="yes">
            <source>%n request(s) traced (%1% of arrivals sampled).</source>
            <translation>
                <numerusform>已追踪 %n 个请求（按到达请求的 %1% 采样）。</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n shown.</source>
            <translation>
                <numerusform>显示 %n 个。</numerusform>
            </translation>
        </message>
        <message>
            <source>Select a trace to see its spans.</source>
            <translation>选择一条追踪以查看其 Span。</translation>
        </message>
        <message>
            <source>Trace %1 at %2: %3, status %4, %5</source>
            <translation>追踪 %1（%2）：%3，状态 %4，%5</translation>
        </message>
        <message>
            <source>Slowest trace so far (select another in the list): %1</source>
            <translation>目前最慢的追踪（可在列表中选择其他）：%1</translation>
        </message>
        <message>
            <source>&amp;Show:</source>
            <translation>显示(&amp;S)：</translation>
        </message>
        <message>
            <source>All traces</source>
            <translation>全部追踪</translation>
        </message>
        <message>
            <source>Failed requests (5xx)</source>
            <translation>失败的请求（5xx）</translation>
        </message>
        <message>
            <source>Slowest 5%</source>
            <translation>最慢的 5%</translation>
        </message>
        <message>
            <source>One row per span, indented under the Service that called it; bars share one time scale from the request's arrival. Green: OK, amber: rejected (4xx), red: failed (5xx). Click a span to select its pod.</source>
            <translation>每个 Span 一行，缩进在调用它的 Service 之下；所有条形共用一个从请求到达开始的时间轴。绿色：成功，琥珀色：被拒绝（4xx），红色：失败（5xx）。点击 Span 可选中其 Pod。</translation>
        </message>
    </context>
    <context>
        <name>ZoneItem</name>
        <message>
            <source>No zone</source>
            <translation>无可用区</translation>
        </message>
        <message>
            <source>Zone %1</source>
            <translation>可用区 %1</translation>
        </message>
    </context>
</TS>
