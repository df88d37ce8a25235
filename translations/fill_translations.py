#!/usr/bin/env python3
"""Fills translations/cnsim_zh_CN.ts (and the English plural forms of cnsim_en.ts) from the
glossary-checked table below, after `cmake --build <dir> --target update_translations`.

Run from anywhere: python3 translations/fill_translations.py
A message missing from the table stays "unfinished" and the script says which, so a new
string is never silently left in English. Glossary: docs/studio.md.
"""
import pathlib
import sys
import xml.etree.ElementTree as ET

HERE = pathlib.Path(__file__).resolve().parent

ZH = {
    "Node %1 crashed; the control plane has not noticed yet": "节点 %1 崩溃；控制平面尚未察觉",
    "Node %1 booted; its kubelet reports again": "节点 %1 已启动，kubelet 重新上报状态",
    # KubectlConsole (scripted commands)
    "[scenario, %1] $ %2": "[场景脚本，%1] $ %2",
    # ChartWidget
    "&Service:": "Service(&S)：",
    "&Deployment:": "Deployment(&D)：",
    "Requests/s to %1": "%1 的请求数/秒",
    "Errors/s": "错误数/秒",
    "p95 latency": "p95 延迟",
    "Running pods of %1": "%1 的运行中 Pod",
    "Requests/s": "请求数/秒",
    "p95 latency (ms)": "p95 延迟（毫秒）",
    "Running pods": "运行中 Pod",
    "Simulated time (min:s)": "模拟时间（分:秒）",
    "Simulated time (h:min)": "模拟时间（时:分）",
    # ClusterCanvas
    "Node %1": "节点 %1",
    "Fail node": "让节点故障",
    "Crash this node: its pods are lost and must be rescheduled.":
        "让此节点崩溃：其上的 Pod 会丢失，必须重新调度。",
    "Recover node": "恢复节点",
    # CommandLineOptions
    "cnsim Studio: watch a simulated Kubernetes cluster schedule pods, serve traffic and "
    "recover from failures.":
        "cnsim Studio：观察模拟的 Kubernetes 集群如何调度 Pod、处理流量并从故障中恢复。",
    "Interface language: en or zh_CN.": "界面语言：en 或 zh_CN。",
    "language": "语言",
    "Save a PNG of the main window to <path> and quit (after --run-for).":
        "将主窗口截图保存为 PNG 文件 <path> 后退出（在 --run-for 之后）。",
    "path": "路径",
    "Simulated time to run before the screenshot, e.g. 60s or 2m.":
        "截图前要运行的模拟时间，例如 60s 或 2m。",
    "duration": "时长",
    "Window size for the screenshot, e.g. 1400x900.": "截图的窗口大小，例如 1400x900。",
    "size": "大小",
    "file": "文件",
    "Scenario file to open.": "要打开的场景文件。",
    "[file]": "[文件]",
    "Too many files: cnsim-studio opens one scenario at a time.":
        "文件过多：cnsim-studio 一次只能打开一个场景。",
    "Unknown language '%1': use one of %2.": "未知语言“%1”：请使用 %2 之一。",
    "Invalid duration '%1' for --run-for: use e.g. 90s, 5m or 1h30m.":
        "--run-for 的时长“%1”无效：请使用例如 90s、5m 或 1h30m。",
    "Invalid size '%1': use WIDTHxHEIGHT, e.g. 1400x900.":
        "大小“%1”无效：请使用 宽x高 的形式，例如 1400x900。",
    # DiagnosticsDialog
    "Could not open scenario": "无法打开场景",
    "%1 could not be opened: %n problem(s) found. Nothing was changed; the current scenario "
    "stays open.":
        "无法打开 %1：发现 %n 个问题。没有做任何更改，当前场景保持打开。",
    "The file could not be read.": "无法读取该文件。",
    # EventLogModel
    "%1 %2": "%1 %2",
    "Time": "时间",
    "Component": "组件",
    "Reason": "原因",
    "Object": "对象",
    "Message": "消息",
    # EventLogWidget
    "Filter events (e.g. node-2, kubelet, Failed)": "筛选事件（例如 node-2、kubelet、Failed）",
    "%1 of %n event(s)": "%1 / %n 个事件",
    # EventText
    "Created pod %1": "已创建 Pod %1",
    "Deleted surplus pod %1": "已删除多余的 Pod %1",
    "Assigned pod %1 to node %2": "已将 Pod %1 分配到节点 %2",
    "Cannot schedule pod %1: %2": "无法调度 Pod %1：%2",
    "Started pod %1 on node %2": "已在节点 %2 上启动 Pod %1",
    "Stopping pod %1 on node %2": "正在停止节点 %2 上的 Pod %1",
    "Pod %1 was lost with node %2": "Pod %1 随节点 %2 一起丢失",
    "Deleted pod %1": "已删除 Pod %1",
    "Scaled Deployment %1 from %2 to %3 replicas": "已将 Deployment %1 的副本数从 %2 调整为 %3",
    "deployment controller": "Deployment 控制器",
    "replicaset controller": "ReplicaSet 控制器",
    # EventText: the HPA controller
    "horizontal pod autoscaler": "Pod 水平自动扩缩器",
    "HorizontalPodAutoscaler": "HorizontalPodAutoscaler",
    "HorizontalPodAutoscaler %1 set the replicas to %2: %3": "HorizontalPodAutoscaler %1 将副本数设为 %2：%3",
    "HorizontalPodAutoscaler %1 cannot read its target's scale: %2": "HorizontalPodAutoscaler %1 无法读取目标的规模：%2",
    "HorizontalPodAutoscaler %1 cannot read a metric: %2": "HorizontalPodAutoscaler %1 无法读取指标：%2",
    "HorizontalPodAutoscaler %1 cannot compute a replica count: %2": "HorizontalPodAutoscaler %1 无法计算副本数：%2",
    # EventText: cluster autoscaler, node controller and cloud
    "Pod %1 triggered a scale-up: node group %2 from %3 to %4 nodes (max %5)": "Pod %1 触发了扩容：节点组 %2 从 %3 个节点增至 %4 个（上限 %5）",
    "Pod %1 did not trigger a scale-up: %2": "Pod %1 未触发扩容：%2",
    "Scale-up: node group %1 grows from %2 to %3 nodes (max %4)": "扩容：节点组 %1 从 %2 个节点增至 %3 个（上限 %4）",
    "Evicting pod %1 from node %2 for a scale-down": "为缩容从节点 %2 驱逐 Pod %1",
    "Node %1 marked ToBeDeletedByClusterAutoscaler: no new pods": "节点 %1 已标记 ToBeDeletedByClusterAutoscaler：不再接收新 Pod",
    "Scale-down: removing empty node %1": "缩容：移除空节点 %1",
    "Scale-down: removing node %1 (utilization %2), moving pods %3": "缩容：移除节点 %1（利用率 %2），迁移 Pod %3",
    "Scale-down of node %1 failed: %2": "节点 %1 缩容失败：%2",
    "Nodes added to node group %1 did not register within %2; the group backs off": "节点组 %1 新增的节点未在 %2 内注册；该节点组进入退避",
    "Node %1 registered and joined the cluster": "节点 %1 已注册并加入集群",
    "Node %1 removed from the cluster": "节点 %1 已从集群移除",
    "The cloud takes spot node %1 back in 2 minutes": "云平台将在 2 分钟后收回 Spot 节点 %1",
    "cloud provider": "云服务商",
    # EventText: VM auto-scaling groups (docs/vms.md)
    "Auto-scaling group %1 launches VM instance %2": "自动扩缩组 %1 启动虚拟机实例 %2",
    "VM instance %1 passed its health checks: in service, it gets requests":
        "虚拟机实例 %1 已通过健康检查：进入服务状态，开始接收请求",
    "VM instance %1 leaves the load balancer and drains its requests":
        "虚拟机实例 %1 从负载均衡器注销，正在处理完剩余请求",
    "VM instance %1 terminated": "虚拟机实例 %1 已终止",
    "Auto-scaling group %1: desired capacity from %2 to %3": "自动扩缩组 %1：期望容量从 %2 变为 %3",
    "Auto-scaling group %1: CPU alarm %2 sets the desired capacity from %3 to %4":
        "自动扩缩组 %1：CPU 告警 %2 将期望容量从 %3 调整为 %4",
    "auto-scaling group": "自动扩缩组",
    "node termination handler": "节点终止处理程序",
    "ScaledObject %1 activated its Deployment: replicas from %2 to %3":
        "ScaledObject %1 激活了其 Deployment：副本数从 %2 变为 %3",
    "ScaledObject %1 deactivated its Deployment after the cooldown: replicas from %2 to %3":
        "ScaledObject %1 在冷却期后停用了其 Deployment：副本数从 %2 变为 %3",
    "ScaledObject": "ScaledObject",
    "AutoScalingGroup": "AutoScalingGroup",
    "ConfigMap": "ConfigMap",
    # EventText: Argo Rollouts (Rollout, AnalysisRun keep their API names, as in the glossary)
    "rollouts controller": "Rollouts 控制器",
    "Rollout": "Rollout",
    "AnalysisRun": "AnalysisRun",
    "Rollout %1 started a new revision: %2": "Rollout %1 开始发布新修订版本：%2",
    "Rollout %1 completed a step: %2": "Rollout %1 完成了一个步骤：%2",
    "Rollout %1 paused: %2": "Rollout %1 已暂停：%2",
    "Rollout %1 resumed": "Rollout %1 已继续",
    "Rollout %1 completed its update: %2": "Rollout %1 完成了更新：%2",
    "Rollout %1 aborted its update and went back to the stable version: %2": "Rollout %1 中止了更新并回到稳定版本：%2",
    "Rollout %1 started analysis run %2": "Rollout %1 启动了分析运行 %2",
    "Analysis run %2 of Rollout %1 succeeded": "Rollout %1 的分析运行 %2 成功",
    "Analysis run %2 of Rollout %1 failed": "Rollout %1 的分析运行 %2 失败",
    "Analysis run %2 of Rollout %1 could not measure its metrics": "Rollout %1 的分析运行 %2 无法测量其指标",
    "Analysis run %2 of Rollout %1 was inconclusive: waiting for a person to promote or abort": "Rollout %1 的分析运行 %2 结果不确定：等待人工推进（promote）或中止（abort）",
    "Rollout %1 switched a Service to another version: %2": "Rollout %1 将 Service 切换到另一个版本：%2",
    "Rollout %1 changed the route's traffic weights: %2": "Rollout %1 调整了路由的流量权重：%2",
    "endpoints controller": "Endpoints 控制器",
    "taint eviction controller": "污点驱逐控制器",
    "ReplicaSet": "ReplicaSet",
    "Scaled up ReplicaSet %1 from %2 to %3": "已将 ReplicaSet %1 从 %2 扩容到 %3",
    "Scaled down ReplicaSet %1 from %2 to %3": "已将 ReplicaSet %1 从 %2 缩容到 %3",
    "Pulling image %1 for pod %2": "正在为 Pod %2 拉取镜像 %1",
    "Pulled image %1 in %2": "已拉取镜像 %1，用时 %2",
    "Node %1 stopped reporting and is NotReady": "节点 %1 停止上报状态，变为 NotReady（未就绪）",
    "Evicting pod %1 from unreachable node %2": "正在从不可达节点 %2 驱逐 Pod %1",
    "Node %1 cordoned: no new pods": "节点 %1 已封锁（cordon）：不再接收新 Pod",
    "Node %1 uncordoned: accepts pods again": "节点 %1 已解除封锁：重新接收 Pod",
    "Evicting pod %1 from node %2 (drain)": "正在从节点 %2 驱逐 Pod %1（drain）",
    "Node %1 drained: no pods left": "节点 %1 已排空：没有剩余 Pod",
    "node controller": "节点控制器",
    "fault timeline": "故障时间线",
    "user": "用户",
    "Pod": "Pod",
    "Node": "节点",
    "Deployment": "Deployment",
    "Pending": "Pending（等待调度）",
    "Starting": "Starting（启动中）",
    "Running": "Running（运行中）",
    "Terminating": "Terminating（终止中）",
    "%n core(s)": "%n 核",
    "%1 cores": "%1 核",
    "%1 GiB": "%1 GiB",
    "%1 MiB": "%1 MiB",
    # MainWindow
    "&File": "文件(&F)",
    "&Simulation": "模拟(&S)",
    "&View": "视图(&V)",
    "&Language": "语言(&L)",
    "&Help": "帮助(&H)",
    "&Open Scenario…": "打开场景(&O)…",
    "Open a scenario file (YAML)": "打开场景文件（YAML）",
    "&Quit": "退出(&Q)",
    "S&tep": "单步(&T)",
    "Pause and advance the simulation by one simulated second": "暂停，并将模拟前进一个模拟秒",
    "&Reset": "重置(&R)",
    "Start this scenario again from time zero": "从零时刻重新开始此场景",
    "&About cnsim Studio": "关于 cnsim Studio(&A)",
    "Simulation": "模拟",
    "S&peed:": "速度(&P)：",
    "Simulated seconds per real second": "每个真实秒对应的模拟秒数",
    "Max": "最快",
    "%1×": "%1×",
    "Scenario": "场景",
    "Metrics": "指标",
    "Events": "事件",
    "kubectl Console": "kubectl 控制台",
    "cnsim Studio": "cnsim Studio",
    "%1 — cnsim Studio": "%1 — cnsim Studio",
    "%1 / %2": "%1 / %2",
    "Simulated time now / end of the scenario": "当前模拟时间 / 场景结束时间",
    "running at %1×": "以 %1× 运行",
    "%1 (lagging: too much work per second)": "%1（跟不上：每秒工作量过大）",
    "paused": "已暂停",
    "Could not open %1": "无法打开 %1",
    "Opened %1 with %n warning(s)": "已打开 %1，有 %n 个警告",
    "Opened %1. Press Play to start.": "已打开 %1。按“运行”开始。",
    "Open Scenario": "打开场景",
    "Scenario files (*.yaml *.yml);;All files (*)": "场景文件 (*.yaml *.yml);;所有文件 (*)",
    "&Pause": "暂停(&P)",
    "&Play": "运行(&P)",
    "Pause the simulation (Space)": "暂停模拟（空格键）",
    "Run the simulation (Space)": "运行模拟（空格键）",
    "The simulation reached its end at %1. Press Reset to run it again.":
        "模拟已在 %1 结束。按“重置”可再次运行。",
    "Node %1 failed: its pods are lost and will be recreated elsewhere.":
        "节点 %1 已故障：其上的 Pod 已丢失，将在其他节点上重新创建。",
    "Could not fail node %1: %2": "无法让节点 %1 故障：%2",
    "Node %1 recovered: new pods may be scheduled on it.": "节点 %1 已恢复：新的 Pod 可以调度到它上面。",
    "Could not recover node %1: %2": "无法恢复节点 %1：%2",
    "About cnsim Studio": "关于 cnsim Studio",
    "<h3>cnsim Studio %1</h3><p>A discrete-event simulator for learning cloud-native computing: "
    "watch Kubernetes schedule pods, serve traffic and recover from failures.</p>":
        "<h3>cnsim Studio %1</h3><p>用于学习云原生计算的离散事件模拟器：观察 Kubernetes 如何调度 "
        "Pod、处理流量并从故障中恢复。</p>",
    # KubectlConsole
    "Type a kubectl command, e.g. kubectl get pods -o wide":
        "输入 kubectl 命令，例如 kubectl get pods -o wide",
    "Runs against the simulated cluster at the current time. Up/Down: history, Tab: complete, "
    "\"clear\": clear the output":
        "在当前时刻对模拟集群执行。上/下方向键：历史命令；Tab：补全；\"clear\"：清空输出",
    "kubectl output": "kubectl 输出",
    "kubectl command": "kubectl 命令",
    # NodeItem
    "Ready": "Ready（就绪）",
    "NotReady": "NotReady（未就绪）",
    "Down — control plane still sees Ready": "宕机 — 控制平面仍认为 Ready",
    "Down — NotReady": "宕机 — NotReady（未就绪）",
    "<b>Node %1</b><br>Zone: %2<br>Status: %3<br>CPU requested: %4 of %5<br>CPU in use: %6 "
    "cores<br>Pods: %7 (at most %8)<br>Right-click to fail or recover this node.":
        "<b>节点 %1</b><br>可用区：%2<br>状态：%3<br>已请求 CPU：%4，共 %5<br>CPU 使用：%6 核<br>"
        "Pod：%7 个（最多 %8 个）<br>右键单击可让此节点故障或恢复。",
    "CPU requested %1 / %2": "已请求 CPU %1 / %2",
    # PendingAreaItem
    "Pending — waiting for a node: %n pod(s)": "Pending — 等待分配节点：%n 个 Pod",
    # PodItem
    "none yet": "尚未分配",
    "<b>Pod %1</b><br>Deployment: %2<br>Phase: %3<br>Node: %4<br>Requests: %5 CPU, %6 memory":
        "<b>Pod %1</b><br>Deployment：%2<br>阶段：%3<br>节点：%4<br>资源请求：CPU %5，内存 %6",
    "%n request(s) in flight": "%n 个请求处理中",
    "Waiting because: %1": "等待原因：%1",
    # ScenarioInfoWidget
    "No scenario open": "未打开场景",
    "File: %1": "文件：%1",
    "Traffic: aggregate — rates per pod and second (for long or busy scenarios)":
        "流量：聚合——按 Pod 和秒计算速率（用于长时间或繁忙的场景）",
    "Traffic: per request — every request simulated": "流量：逐请求——模拟每一个请求",
    # ScenarioLoader
    "error": "错误",
    "warning": "警告",
    "%1: %2: %3": "%1: %2: %3",
    "%1:%2:%3: %4: %5": "%1:%2:%3: %4: %5",
    # ZoneItem
    "No zone": "无可用区",
    "Zone %1": "可用区 %1",
    # SchedulingDecisionWidget ("Why this node?")
    "Why this node?": "为什么是这个节点？",
    "CPU and memory left after placing the pod (or used, when bin-packing)":
        "放下该 Pod 后剩余的 CPU 和内存（装箱策略下则看已用量）",
    "fewer pods of the same workload on that node and in that zone":
        "该节点和该可用区上同一工作负载的 Pod 更少",
    "CPU and memory used in balance": "CPU 与内存的使用更均衡",
    "fewer PreferNoSchedule taints the pod does not tolerate":
        "Pod 不容忍的 PreferNoSchedule 污点更少",
    "the pod's preferred node affinity": "Pod 的首选节点亲和性",
    "the pod's preferred pod affinity and anti-affinity": "Pod 的首选 Pod 亲和性与反亲和性",
    "the container images already on the node": "节点上已有的容器镜像",
    "No node passed every filter (the table says which plugin rejected each node). The pod "
    "waits; kube-scheduler tries again when a node is added or changes, or a pod is removed.":
        "没有节点通过全部过滤（表中列出每个节点被哪个插件拒绝）。该 Pod 会等待；当有节点加入或变化、"
        "或有 Pod 被移除时，kube-scheduler 会重试。",
    "kube-scheduler could not consider any node for this pod.":
        "kube-scheduler 无法为该 Pod 考虑任何节点。",
    "%1 was the only node that passed every filter, so there was nothing to score.":
        "%1 是唯一通过全部过滤的节点，因此无需打分。",
    "%1 won with %2 points.": "%1 以 %2 分胜出。",
    "%n node(s) tied for the top score; kube-scheduler picked one at random.":
        "%n 个节点并列最高分；kube-scheduler 随机选择了其中一个。",
    "%1 (%2 %3 × %4)": "%1（%2 %3 × %4）",
    "It beat %1 (%2 points) mostly on %3.": "它胜过 %1（%2 分），主要因为%3。",
    " and ": "以及",
    "Click a pod on the canvas to see how kube-scheduler chose its node: which nodes passed "
    "the filters and how each one scored.":
        "在画布上点击一个 Pod，查看 kube-scheduler 如何为它选择节点：哪些节点通过了过滤，以及各节点的得分。",
    "Pod %1": "Pod %1",
    "The decision for this pod is no longer kept.": "该 Pod 的调度决策已不再保留。",
    "kube-scheduler has not tried this pod yet.": "kube-scheduler 尚未尝试调度该 Pod。",
    "Pod %1 → %2": "Pod %1 → %2",
    "Pod %1 is Pending: %2": "Pod %1 处于 Pending：%2",
    "Filter": "过滤",
    "Total": "总分",
    "%1\n×%2": "%1\n×%2",
    "passed": "通过",
    "%1: raw %2, normalized %3 × weight %4 = %5": "%1：原始分 %2，归一化 %3 × 权重 %4 = %5",
    "passed (not scored: the only feasible node)": "通过（未打分：唯一可行节点）",
    "rejected by %1: %2": "被 %1 拒绝：%2",
    "; ": "；",
    "not evaluated (enough feasible nodes found)": "未评估（已找到足够的可行节点）",
    "%1 (chosen)": "%1（已选中）",
    # CommandLineOptions: --select-pod
    "Select the pod named <name> (or the first pod whose name starts with it) before the "
    "screenshot, showing why it is on its node.":
        "截图前选中名为 <name> 的 Pod（或名称以其开头的第一个 Pod），显示它为何在所在节点上。",
    "name": "名称",
    # ClusterCanvas: node menu (kubelet, partition, cordon, drain)
    "Stop kubelet": "停止 kubelet",
    "Stop the kubelet: containers keep running, but the node stops reporting.":
        "停止 kubelet：容器继续运行，但节点不再上报状态。",
    "Start kubelet": "启动 kubelet",
    "Start the kubelet again.": "重新启动 kubelet。",
    "Partition from control plane": "与控制平面网络隔离",
    "Cut the network between this node and the control plane; its pods keep serving.":
        "切断此节点与控制平面之间的网络；其上的 Pod 继续提供服务。",
    "Heal partition": "恢复网络连通",
    "Reconnect this node to the control plane.": "将此节点重新连接到控制平面。",
    "Cordon": "封锁（Cordon）",
    "Mark the node unschedulable: no new pods, running ones stay.":
        "将节点标记为不可调度：不再接收新 Pod，已运行的 Pod 保留。",
    "Uncordon": "解除封锁（Uncordon）",
    "Make the node schedulable again.": "使节点重新可调度。",
    "Drain": "排空（Drain）",
    "Cordon, then evict every pod through the eviction API (PodDisruptionBudgets apply).":
        "先封锁，再通过驱逐 API 驱逐所有 Pod（遵守 PodDisruptionBudget）。",
    # CommandLineOptions: --show-dock
    "Show and raise the dock <name> (autoscaling, controlplane, chart, decision, events, "
    "kubectl, nodegroups, releases, scenario, services, traces) before the screenshot.":
        "截图前显示并置顶名为 <name> 的停靠窗口（autoscaling、controlplane、chart、decision、"
        "events、kubectl、nodegroups、releases、scenario、services、traces）。",
    "Services": "服务",
    "Clients": "客户端",
    "Requests from outside the cluster": "来自集群外部的请求",
    "Gateway %1": "网关 %1",
    "Service %1": "Service %1",
    "%1 requests/s, %2% failed": "每秒 %1 个请求，%2% 失败",
    "p95 latency %1 ms": "p95 延迟 %1 毫秒",
    "%n ready endpoint(s)": "%n 个就绪端点",
    "%n not ready": "%n 个未就绪",
    "Click to chart this Service.": "点击以绘制此 Service 的图表。",
    "%1 → %2": "%1 → %2",
    "%1 requests/s": "每秒 %1 个请求",
    "%1 calls per request": "每个请求调用 %1 次",
    "%1% of %2's requests fail": "%2 的请求有 %1% 失败",
    "This scenario sends no traffic.": "此场景没有发送任何流量。",
    "Arrows carry requests: thicker and busier means more requests per second. Green: under 1% "
    "fail, amber: under 5%, red: more.":
        "箭头表示请求流：越粗、越密表示每秒请求越多。绿色：失败率低于 1%，琥珀色：低于 5%，"
        "红色：更高。",
    "%1/s · p95 %2 ms": "%1/秒 · p95 %2 毫秒",
    "gateway · %n ready": "网关 · %n 个就绪",
    "%n ready": "%n 个就绪",
    "Purple: the critical path %1, %2 ms with no queueing.": "紫色：关键路径 %1，不排队时 %2 毫秒。",
    # ControlPlaneWidget
    "Every component talks only to the API server. A box lights up when the component acts "
    "and fades within %1 simulated seconds; grey means down.":
        "所有组件只与 API 服务器通信。组件执行操作时方框会亮起，并在 %1 个模拟秒内褪色；"
        "灰色表示已停止。",
    "down": "已停止",
    "assigns Pods to Nodes": "将 Pod 分配到节点",
    "deployment": "deployment",
    "replicaset": "replicaset",
    "endpoints": "endpoints",
    "node lifecycle": "节点生命周期",
    "taint eviction": "污点驱逐",
    "disruption": "disruption",
    "kube-apiserver + etcd": "kube-apiserver + etcd",
    "the cluster's state; everyone reads and writes here": "集群状态；所有组件都在这里读写",
    "node down": "节点宕机",
    # MainWindow: Control plane dock, Inject Fault menu, node actions
    "Control plane": "控制平面",
    "&Inject Fault": "注入故障(&I)",
    "&Zone outage": "可用区故障(&Z)",
    "Zone &recovered": "可用区恢复(&R)",
    "Re&gistry outage": "镜像仓库故障(&G)",
    "Image pulls fail and back off.": "镜像拉取失败并进入退避。",
    "Registry recovered": "镜像仓库恢复",
    "&Control-plane outage": "控制平面组件故障(&C)",
    "Control-plane r&ecovery": "控制平面组件恢复(&E)",
    "The kubelet on %1 stopped: its containers keep running, but it no longer reports to the "
    "API server.":
        "节点 %1 上的 kubelet 已停止：容器继续运行，但它不再向 API 服务器上报。",
    "The kubelet on %1 started again.": "节点 %1 上的 kubelet 已重新启动。",
    "Node %1 is cut off from the control plane.": "节点 %1 已与控制平面断开。",
    "Node %1 is connected to the control plane again.": "节点 %1 已重新连接到控制平面。",
    "Node %1 is cordoned: no new pods will be scheduled on it.":
        "节点 %1 已封锁：不会再有新 Pod 调度到它上面。",
    "Node %1 is schedulable again.": "节点 %1 已重新可调度。",
    "Draining node %1: its pods are being evicted.": "正在排空节点 %1：其上的 Pod 正在被驱逐。",
    "Could not change node %1: %2": "无法更改节点 %1：%2",
    "The image registry is down: new image pulls fail and back off.":
        "镜像仓库已宕机：新的镜像拉取会失败并进入退避。",
    "The image registry is back: pulls work again.": "镜像仓库已恢复：可以重新拉取镜像。",
    "%1 is down.": "%1 已停止。",
    "%1 is running again.": "%1 已重新运行。",
    "Zone %1 is down: every node in it crashed.": "可用区 %1 故障：其中所有节点都已崩溃。",
    "Zone %1 is back: its nodes boot again.": "可用区 %1 已恢复：其节点重新启动。",
    "Could not inject the fault: %1": "无法注入故障：%1",
    # AutoscalingWidget, HpaDecisionLogModel, AutoscalingChart
    "Autoscaling": "自动扩缩",
    "&HorizontalPodAutoscaler:": "HorizontalPodAutoscaler(&H)：",
    "This cluster has no HorizontalPodAutoscaler. Add one (autoscaling/v2) to a scenario to "
    "watch it scale a Deployment.":
        "此集群没有 HorizontalPodAutoscaler。在场景中添加一个（autoscaling/v2），即可观察它如何扩缩 "
        "Deployment。",
    "HorizontalPodAutoscaler %1": "HorizontalPodAutoscaler %1",
    "HorizontalPodAutoscaler <b>%1</b> scales %2 <b>%3</b> between %4 and %5 replicas.":
        "HorizontalPodAutoscaler <b>%1</b> 在 %4 到 %5 个副本之间扩缩 %2 <b>%3</b>。",
    "No sync yet: the controller syncs every 15 s.": "尚未同步：控制器每 15 秒同步一次。",
    "unknown": "未知",
    "%1%": "%1%",
    "%1 per pod": "每个 Pod %1",
    "%1 %2 / target %3": "%1 %2 / 目标 %3",
    "%n replica(s), as desired": "%n 个副本，与期望一致",
    "%1 replicas now → %2 desired": "当前 %1 个副本 → 期望 %2 个",
    ": %1": "：%1",
    "%1 %2 %3%4": "%1 %2 %3%4",
    "How the HPA decided at %1:": "HPA 在 %1 的决策过程：",
    "How the latest sync decided (%1):": "最近一次同步的决策过程（%1）：",
    "Select a line of the log to see every step of that decision.":
        "选择日志中的一行，查看该决策的每一步。",
    "Decision log (syncs that scaled, were limited, held or stuck)":
        "决策日志（发生扩缩、受限、被保持或卡住的同步）",
    "Hover a line for every step of that sync; select it to read them below.":
        "将鼠标悬停在一行上可查看该次同步的每一步；选中它可在下方阅读。",
    "Replicas": "副本",
    "What happened": "发生了什么",
    "%1–%2 (%n syncs)": "%1–%2（%n 次同步）",
    "target": "目标",
    "Nodes in %1": "%1 中的节点",
    "Desired (HPA)": "期望副本（HPA）",
    "p95 latency of %1": "%1 的 p95 延迟",
    "Spent so far ($, right)": "累计花费（美元，右轴）",
    "Cost per hour": "每小时成本",
    "req/s": "请求/秒",
    "value": "值",
    "pods": "Pod",
    "ms": "毫秒",
    "$/h": "美元/小时",
    "%1 (% of request)": "%1（占请求的 %）",
    "%": "%",
    "$": "美元",
    # ExplanationText
    "%1 min": "%1 分钟",
    "%1 s": "%1 秒",
    "%1 utilization": "%1 利用率",
    "CPU": "CPU",
    "memory": "内存",
    "Pods counted: %1 ready, %2 not ready yet, %3 without a metric sample, %4 ignored (being "
    "deleted or failed).":
        "统计 Pod：%1 个就绪，%2 个尚未就绪，%3 个没有指标样本，%4 个被忽略（正在删除或已失败）。",
    "%1 use is %2m of %3m requested = %4% of the request; the target is %5%, so the ratio is "
    "%6.":
        "%1 使用量为请求量 %3m 中的 %2m = 请求的 %4%；目标为 %5%，所以比值为 %6。",
    "%1 averages %2 per pod over %3 samples; the target is %4, so the ratio is %5.":
        "%1 在 %3 个样本上平均每个 Pod 为 %2；目标为 %4，所以比值为 %5。",
    "%1 is %2; the target is %3, so the ratio is %4.": "%1 为 %2；目标为 %3，所以比值为 %4。",
    "%1 is %2 over %3 replicas; the target is %4 per pod, so the ratio is %5.":
        "%1 在 %3 个副本上为 %2；目标为每个 Pod %4，所以比值为 %5。",
    "%1 is the sum of %2 series: %3.": "%1 是 %2 个序列之和：%3。",
    "The ratio %1 is within the tolerance band %2 to %3: keep %4 replicas.":
        "比值 %1 在容差范围 %2 到 %3 之内：保持 %4 个副本。",
    "Desired = ceil(%1 × %2 ready pods) = %3 replicas.":
        "期望值 = ceil(%1 × %2 个就绪 Pod) = %3 个副本。",
    "Desired = ceil(%1 / %2) = %3 replicas.": "期望值 = ceil(%1 / %2) = %3 个副本。",
    "No replicas are running: desired = ceil(%1) = %2.": "没有运行中的副本：期望值 = ceil(%1) = %2。",
    "Pods without a metric sample yet (%n) count as idle, so a scale-up is not overdone.":
        "尚无指标样本的 Pod（%n 个）按空闲计算，以免扩容过度。",
    "Pods without a metric sample (%n) count as exactly on target, so a scale-down is not "
    "overdone.":
        "没有指标样本的 Pod（%n 个）按恰好达到目标计算，以免缩容过度。",
    "Pods not ready yet (%n) count as idle when scaling up.": "尚未就绪的 Pod（%n 个）在扩容时按空闲计算。",
    "Counting them that way changes the ratio from %1 to %2.": "这样计算后，比值从 %1 变为 %2。",
    "The adjusted ratio %1 is within tolerance or points the other way: keep %2 replicas.":
        "调整后的比值 %1 在容差之内或方向相反：保持 %2 个副本。",
    "Desired = ceil(%1 × %2 pods) = %3 replicas.": "期望值 = ceil(%1 × %2 个 Pod) = %3 个副本。",
    "%1 replicas would move against the ratio %2: keep %3 replicas.":
        "%1 个副本会与比值 %2 的方向相反：保持 %3 个副本。",
    "No %1 request on the pods: cannot compute utilization, which is a percentage of the "
    "request. Set resources.requests.%2 in the Deployment.":
        "Pod 没有设置 %1 请求量：无法计算利用率（利用率是相对于请求量的百分比）。请在 Deployment 中设置 "
        "resources.requests.%2。",
    "No %1 samples yet: metrics-server has not measured these pods.":
        "还没有 %1 样本：metrics-server 尚未测量这些 Pod。",
    "The %1 samples match none of the target's pods.": "%1 样本与目标的任何 Pod 都不匹配。",
    "Could not read %1: %2": "无法读取 %1：%2",
    "The target has %1 replicas: autoscaling is off until it is scaled up by hand.":
        "目标有 %1 个副本：在手动扩容之前，自动扩缩处于关闭状态。",
    "%1 replicas is above maxReplicas %2: scale down to %2.":
        "%1 个副本超过 maxReplicas %2：缩容到 %2。",
    "%1 replicas is below minReplicas %2: scale up to %2.":
        "%1 个副本低于 minReplicas %2：扩容到 %2。",
    "%1 asks for %2 replicas.": "%1 要求 %2 个副本。",
    "The largest proposal wins: %1 replicas, from %2.": "取最大的建议值：%1 个副本，来自 %2。",
    "%1 of %2 metrics could not be read and the others propose only %3 (fewer than %4): do "
    "not scale down on partial information.":
        "%2 个指标中有 %1 个无法读取，其余指标只建议 %3 个（少于 %4）：不依据不完整的信息缩容。",
    "%1 of %2 metrics could not be read; the others propose %3.":
        "%2 个指标中有 %1 个无法读取；其余指标建议 %3 个。",
    "Scale-down held by the %1 stabilization window: wanted %2, but the highest recommendation "
    "in the window is %3.":
        "缩容被 %1 的稳定窗口挡住：想要 %2 个，但窗口内最高的建议值是 %3。",
    "Stabilization: the lowest recommendation of the last %1 is %2, the highest of the last %3 "
    "is %4, so %5 replicas.":
        "稳定化：最近 %1 内最低的建议值为 %2，最近 %3 内最高的建议值为 %4，因此为 %5 个副本。",
    "Scale-up rate limit: at most max(2 × %1, 4) = %2 replicas in one step.":
        "扩容速率限制：一次最多 max(2 × %1, 4) = %2 个副本。",
    "%1% per %2": "每 %2 %1%",
    "%1 pods per %2": "每 %2 %1 个 Pod",
    "Scale-up policy %1: from %2 at the start of the period, at most %3.":
        "扩容策略 %1：从周期开始时的 %2 个起，最多 %3 个。",
    "Scale-down policy %1: from %2 at the start of the period, at least %3.":
        "缩容策略 %1：从周期开始时的 %2 个起，至少 %3 个。",
    "Scaling up is disabled by the behavior (selectPolicy: Disabled).":
        "behavior 禁用了扩容（selectPolicy: Disabled）。",
    "Scaling down is disabled by the behavior (selectPolicy: Disabled).":
        "behavior 禁用了缩容（selectPolicy: Disabled）。",
    "selectPolicy %1: the scale-up limit is %2 replicas.": "selectPolicy %1：扩容上限为 %2 个副本。",
    "selectPolicy %1: the scale-down limit is %2 replicas.": "selectPolicy %1：缩容下限为 %2 个副本。",
    "Wanted %1 replicas but capped at maxReplicas %2.": "想要 %1 个副本，但被 maxReplicas 限制为 %2 个。",
    "Wanted %1 replicas but kept at minReplicas %2.": "想要 %1 个副本，但保持在 minReplicas %2 个。",
    "Wanted %1 replicas but the scale-up rate limit allows %2 now.":
        "想要 %1 个副本，但扩容速率限制目前只允许 %2 个。",
    "Wanted %1 replicas but the scale-down rate limit allows %2 now.":
        "想要 %1 个副本，但缩容速率限制目前只允许 %2 个。",
    "Wanted %1 replicas, limited to %2 (%3).": "想要 %1 个副本，被限制为 %2 个（%3）。",
    "Scale up from %1 to %2 replicas.": "从 %1 个副本扩容到 %2 个。",
    "Scale down from %1 to %2 replicas.": "从 %1 个副本缩容到 %2 个。",
    "Keep %1 replicas.": "保持 %1 个副本。",
    "%1 at %2% of request, target %3%": "%1 为请求的 %2%，目标 %3%",
    "%1 at %2 per pod, target %3": "%1 为每个 Pod %2，目标 %3",
    "%1 at %2, target %3": "%1 为 %2，目标 %3",
    "%1 replicas; the metrics ask for %2": "%1 个副本；指标要求 %2 个",
    "%1 replicas now → %2 desired; the metrics ask for %3": "当前 %1 个副本 → 期望 %2 个；指标要求 %3 个",
    "Capped at maxReplicas %1 (wanted %2)": "被 maxReplicas 限制为 %1 个（想要 %2 个）",
    "Kept at minReplicas %1 (wanted %2)": "保持在 minReplicas %1 个（想要 %2 个）",
    "Scale-up rate limit: %1 for now (wanted %2)": "扩容速率限制：目前 %1 个（想要 %2 个）",
    "Scale-down rate limit: %1 for now (wanted %2)": "缩容速率限制：目前 %1 个（想要 %2 个）",
    "Scale-down held by the %1 window (wanted %2)": "缩容被 %1 的稳定窗口挡住（想要 %2 个）",
    "No %1 request on the pods: cannot compute utilization": "Pod 没有设置 %1 请求量：无法计算利用率",
    "No %1 samples yet from metrics-server": "metrics-server 还没有 %1 样本",
    "Pod %1 has priority %2, below the cutoff %3: it never triggers a scale-up.":
        "Pod %1 的优先级为 %2，低于阈值 %3：它不会触发扩容。",
    "The cluster has %1 nodes; it may have at most %2.": "集群有 %1 个节点；最多允许 %2 个。",
    "Node group %1 is at its maximum size (%2 of %3).": "节点组 %1 已达到最大规模（%2/%3）。",
    "Node group %1 is backed off after a scale-up that never completed.":
        "节点组 %1 在一次未完成的扩容后进入退避。",
    "No pending pod would fit on a new node of group %1.": "没有任何等待中的 Pod 能放进节点组 %1 的新节点。",
    "Group %1: %2 pending pods fit on %3 new nodes (limit %4).":
        "节点组 %1：%2 个等待中的 Pod 可放进 %3 个新节点（上限 %4）。",
    "least-waste: %1 × %2 leaves %3 of the CPU and %4 of the memory unused (score %5).":
        "least-waste：%1 × %2 会闲置 %3 的 CPU 和 %4 的内存（得分 %5）。",
    "price: %1 × %2 costs $%3/h for pods worth $%4/h (unfitness %5, score %6).":
        "price：%1 × %2 每小时花费 $%3，而 Pod 价值每小时 $%4（不匹配度 %5，得分 %6）。",
    "priority: group %1 has priority %2.": "priority：节点组 %1 的优先级为 %2。",
    "priority: group %1 matches no priority entry.": "priority：节点组 %1 没有匹配的优先级条目。",
    "Random choice among %1 options: %2.": "在 %1 个选项中随机选择：%2。",
    "The %1 expander chose group %2 (+%3 nodes).": "%1 扩展器选择了节点组 %2（+%3 个节点）。",
    "Capped by node group %1's maximum: %2 → %3 new nodes.":
        "受节点组 %1 的最大值限制：新节点 %2 → %3 个。",
    "Capped by the cluster's maximum node count: %1 → %2 new nodes.":
        "受集群最大节点数限制：新节点 %1 → %2 个。",
    "Scale up node group %1 from %2 to %3 nodes for %4 pending pods.":
        "为 %4 个等待中的 Pod 将节点组 %1 从 %2 个节点扩容到 %3 个。",
    "Pod %1 did not trigger a scale-up: it fits no node group.": "Pod %1 没有触发扩容：它不适合任何节点组。",
    "Node %1: %2 requests are %3 of allocatable (threshold %4).":
        "节点 %1：%2 请求量占可分配量的 %3（阈值 %4）。",
    "Node %1 cannot be removed: %2.": "节点 %1 无法移除：%2。",
    "Node %1: pod %2 blocks its removal (%3).": "节点 %1：Pod %2 阻止了它的移除（%3）。",
    "Node %1: pod %2 would fit on no other node.": "节点 %1：Pod %2 放不进任何其他节点。",
    "Node %1 has been unneeded since %2 (%3 of the %4 required).":
        "节点 %1 自 %2 起不再被需要（已 %3，需要 %4）。",
    "Scale-down paused (%1) until %2.": "缩容暂停（%1），直到 %2。",
    "Node %1 kept: group %2 has %3 nodes, its minimum is %4.":
        "保留节点 %1：节点组 %2 有 %3 个节点，最小值为 %4。",
    "Delete empty node %1.": "删除空节点 %1。",
    "Drain and delete node %1 (%2 pods).": "排空并删除节点 %1（%2 个 Pod）。",
    "Node %1 waits: this scan's %2 scale-down budget is used up.":
        "节点 %1 需等待：本轮扫描的 %2 缩容预算已用完。",
    "%1 nodes of group %2 requested at %3 never registered.": "节点组 %2 在 %3 请求的 %1 个节点始终没有注册。",
    "the controller can read the target's scale": "控制器可以读取目标的规模",
    "the controller cannot read the target's scale: does it exist?": "控制器无法读取目标的规模：目标是否存在？",
    "it just changed the replica count": "它刚刚更改了副本数",
    "it could not write the new replica count": "它无法写入新的副本数",
    "nothing holds back the next change": "没有什么阻止下一次更改",
    "a scale-down waits: recent recommendations were higher": "缩容需等待：最近的建议值更高",
    "a scale-up waits: recent recommendations were lower": "扩容需等待：最近的建议值更低",
    "it can compute replicas from its metrics": "它能根据指标计算副本数",
    "it cannot read CPU or memory use: scaling is stuck": "它无法读取 CPU 或内存使用量：扩缩被卡住",
    "it cannot read its metric: scaling is stuck": "它无法读取指标：扩缩被卡住",
    "the target has 0 replicas: autoscaling is off": "目标有 0 个副本：自动扩缩已关闭",
    "the wanted count is between min and max": "期望的数量在最小值和最大值之间",
    "capped at maxReplicas": "被 maxReplicas 封顶",
    "held at minReplicas": "保持在 minReplicas",
    "a scale-up is rate-limited": "扩容受速率限制",
    "a scale-down is rate-limited": "缩容受速率限制",
    # CaDecisionLogModel
    "%n pod(s) left pending": "%n 个 Pod 仍在等待",
    "Room for %n pending pod(s)": "为 %n 个等待中的 Pod 腾出空间",
    "nodes": "节点",
    "%1–%2 (%n scans)": "%1–%2（%n 次扫描）",
    "%1: %2 → %3": "%1：%2 → %3",
    "Nodes": "节点数",
    # NodeGroupWidget
    "This cluster has no node groups, so the cluster autoscaler does not run. Add "
    "cluster.nodeGroups to a scenario to watch it add and remove machines.":
        "此集群没有节点组，因此集群自动扩缩容器不会运行。在场景中添加 cluster.nodeGroups，"
        "即可观察它添加和移除机器。",
    "The cluster autoscaler adds a node when pods are Pending because no node has room, and "
    "removes nodes that stay underused.":
        "当 Pod 因没有节点有空间而处于 Pending 时，集群自动扩缩容器会添加节点；"
        "并移除长期利用率低的节点。",
    "Node group": "节点组",
    "Min size": "最小规模",
    "Booting": "启动中",
    "Target": "目标",
    "Max size": "最大规模",
    "Price per node": "每节点价格",
    "$%1/h (spot)": "$%1/小时（竞价实例）",
    "$%1/h": "$%1/小时",
    "%1: min %2, nodes %3, booting %4, target %5, max %6, %7 per node":
        "%1：最小 %2，节点 %3，启动中 %4，目标 %5，最大 %6，每节点 %7",
    "The cluster costs <b>$%1 per hour</b> now; <b>$%2</b> spent so far.":
        "集群当前成本为<b>每小时 $%1</b>；累计已花费 <b>$%2</b>。",
    "How the cluster autoscaler decided at %1:": "集群自动扩缩容器在 %1 的决策过程：",
    "No scan yet: the cluster autoscaler scans every %1.": "尚未扫描：集群自动扩缩容器每 %1 扫描一次。",
    "Latest scan (%1):": "最近一次扫描（%1）：",
    "no Pending pod needs a new node.": "没有 Pending 的 Pod 需要新节点。",
    "%n Pending pod(s) could not be scheduled.": "%n 个 Pending 的 Pod 无法调度。",
    "%n Pending pod(s) could not be scheduled; %1 will fit on nodes that are still booting.":
        "%n 个 Pending 的 Pod 无法调度；其中 %1 个可放进仍在启动的节点。",
    "Cluster health": "集群健康状况",
    "Scale-up": "扩容",
    "No scale-up (NotTriggerScaleUp)": "未扩容（NotTriggerScaleUp）",
    "Scale-down": "缩容",
    "Every node is needed.": "每个节点都需要保留。",
    "Being removed": "正在移除",
    "%1: tainted ToBeDeletedByClusterAutoscaler, pods are evicted, then the machine is deleted.":
        "%1：已加上 ToBeDeletedByClusterAutoscaler 污点，Pod 被驱逐后机器将被删除。",
    "Decision log (scale-ups, pods left pending, nodes removed)":
        "决策日志（扩容、仍在等待的 Pod、已移除的节点）",
    "Hover a line for every step of that scan; select it to read them below.":
        "将鼠标悬停在某行上可查看该次扫描的每一步；选中它可在下方阅读。",
    # AutoscalingWidget tabs, AutoscalingChart
    "Pods (HPA)": "Pod（HPA）",
    "Nodes (cluster autoscaler)": "节点（集群自动扩缩容器）",
    "Target size of %1": "%1 的目标规模",
    # MainWindow, TraceListModel, TraceWaterfall, TraceWidget
    "Traces": "链路追踪",
    "in flight": "处理中",
    "%1 ms": "%1 毫秒",
    "Request": "请求",
    "Status": "状态",
    "Duration": "耗时",
    "Spans": "Span 数",
    "Retries": "重试",
    "no ready pod": "无就绪 Pod",
    "no response": "无响应",
    "attempt %1": "第 %1 次尝试",
    "%1  %2": "%1  %2",
    "%1 ms · %2": "%1 毫秒 · %2",
    "This scenario records no traces. Add simulation.tracing (sampleRate: 0.01) to follow "
    "single requests through the Services, retries included.":
        "此场景不记录链路追踪。添加 simulation.tracing（sampleRate: 0.01），即可跟踪单个请求"
        "经过各个 Service 的过程（包括重试）。",
    "%n request(s) traced (%1% of arrivals sampled).": "已追踪 %n 个请求（按到达请求的 %1% 采样）。",
    "%n shown.": "显示 %n 个。",
    "Select a trace to see its spans.": "选择一条追踪以查看其 Span。",
    "Trace %1 at %2: %3, status %4, %5": "追踪 %1（%2）：%3，状态 %4，%5",
    "Slowest trace so far (select another in the list): %1": "目前最慢的追踪（可在列表中选择其他）：%1",
    "&Show:": "显示(&S)：",
    "All traces": "全部追踪",
    "Failed requests (5xx)": "失败的请求（5xx）",
    "Slowest 5%": "最慢的 5%",
    "One row per span, indented under the Service that called it; bars share one time scale "
    "from the request's arrival. Green: OK, amber: rejected (4xx), red: failed (5xx). Click a "
    "span to select its pod.":
        "每个 Span 一行，缩进在调用它的 Service 之下；所有条形共用一个从请求到达开始的时间轴。"
        "绿色：成功，琥珀色：被拒绝（4xx），红色：失败（5xx）。点击 Span 可选中其 Pod。",
    # EventText: CI/CD pipelines (docs/releases.md)
    "CI/CD pipeline": "CI/CD 流水线",
    "Pipeline": "流水线",
    "Pipeline %1: run #%2 for %3 waits for the running run to finish":
        "流水线 %1：%3 的第 %2 次运行等待正在进行的运行结束",
    "Pipeline %1: run #%2 for %3 canceled before it started: the newer commit %4 took its "
    "place in the queue":
        "流水线 %1：%3 的第 %2 次运行在开始前被取消：更新的提交 %4 取代了它在队列中的位置",
    "Pipeline %1: run #%2 started for %3": "流水线 %1：为 %3 开始第 %2 次运行",
    "Pipeline %1: run #%2, stage %3 passed in %4": "流水线 %1：第 %2 次运行，阶段 %3 通过，用时 %4",
    "Pipeline %1: run #%2, stage %3 failed after %4": "流水线 %1：第 %2 次运行，阶段 %3 在 %4 后失败",
    "Pipeline %1: run #%2 for %3 succeeded in %4": "流水线 %1：%3 的第 %2 次运行成功，用时 %4",
    "Pipeline %1: run #%2 for %3 failed at stage %4; nothing was deployed":
        "流水线 %1：%3 的第 %2 次运行在阶段 %4 失败；没有部署任何内容",
    "Pipeline %1: run #%2 sets the image of %3 to %4; the release begins":
        "流水线 %1：第 %2 次运行将 %3 的镜像设为 %4；发布开始",
    # PipelineRunModel
    "%1 running…": "%1 运行中…",
    "%1 ✗ %2": "%1 ✗ %2",
    "%1 ✓ %2": "%1 ✓ %2",
    "waiting for the running run": "等待正在进行的运行",
    "running": "运行中",
    "canceled: a newer commit took its place": "已取消：更新的提交取代了它",
    "failed at %1: nothing deployed": "在 %1 失败：未部署",
    "deployed at %1, releasing…": "%1 部署，发布中…",
    "deployed at %1, released at %2": "%1 部署，%2 发布完成",
    "deployed at %1, rolled back at %2": "%1 部署，%2 回滚",
    "deployed at %1, replaced at %2 before it finished": "%1 部署，完成前于 %2 被替换",
    "%1 #%2": "%1 #%2",
    "#%1": "#%1",
    "Pipeline %1, run %2": "流水线 %1，第 %2 次运行",
    "Run": "运行",
    "Image": "镜像",
    "Pushed": "推送时间",
    "Stages": "阶段",
    "Outcome": "结果",
    # RolloutStepModel
    "set weight %1 %": "设置权重 %1 %",
    "pause %1": "暂停 %1",
    "pause until promoted": "暂停，直到人工推进（promote）",
    "analysis %1": "分析 %1",
    "done": "已完成",
    "in progress": "进行中",
    "paused (%1)": "已暂停（%1）",
    "to do": "待执行",
    "aborted here": "在此中止",
    "#": "#",
    "Step": "步骤",
    "State": "状态",
    # AnalysisRunModel
    "%1 (needs %2)": "%1（要求 %2）",
    "%1  %2  %3": "%1  %2  %3",
    "%1 (fails if %2)": "%1（%2 时失败）",
    "Successful measurements / the count the metric needs": "成功的测量次数 / 该指标需要的次数",
    "Failed measurements / failureLimit: one more than the limit fails the run":
        "失败的测量次数 / failureLimit：超过上限即判定运行失败",
    "Inconclusive measurements / inconclusiveLimit: one more than the limit pauses the Rollout":
        "不确定的测量次数 / inconclusiveLimit：超过上限即暂停 Rollout",
    "Consecutive errors / consecutiveErrorLimit: one more than the limit ends the run in Error":
        "连续错误次数 / consecutiveErrorLimit：超过上限即以 Error 结束运行",
    "Analysis run": "分析运行",
    "Metric": "指标",
    "Phase": "阶段（Phase）",
    "OK": "成功",
    "Failed": "失败",
    "Inconclusive": "不确定",
    "Errors": "错误",
    "Last value": "最新值",
    # ReleaseChart
    "% of traffic": "流量 %",
    "% errors": "错误 %",
    "Canary weight (stable gets the rest)": "金丝雀权重（其余流量归稳定版本）",
    "errors of %1": "%1 的错误率",
    # ReleaseWidget
    "the stable version": "稳定版本",
    "Analysis %1 failed %2 of %3 measurements, more than its failureLimit of %4: the last read "
    "%5, %6. The controller aborted the update to revision %7: the canary was scaled away and "
    "all traffic is back on %8.":
        "分析 %1 在 %3 次测量中失败 %2 次，超过了 failureLimit %4：最新读数为 %5，%6。控制器中止"
        "了到修订版本 %7 的更新：金丝雀已被缩容移除，全部流量回到 %8。",
    "it needed %1": "要求 %1",
    "it fails if %1": "%1 时判定失败",
    "Analysis %1 could not measure %2 times in a row, more than its consecutiveErrorLimit. The "
    "controller aborted the update to revision %3: all traffic is back on %4.":
        "分析 %1 连续 %2 次无法测量，超过了 consecutiveErrorLimit。控制器中止了到修订版本 %3 "
        "的更新：全部流量回到 %4。",
    "The update to revision %1 was aborted by hand (kubectl argo rollouts abort): all traffic "
    "is back on %2.":
        "到修订版本 %1 的更新被手动中止（kubectl argo rollouts abort）：全部流量回到 %2。",
    "An analysis was inconclusive: the Rollout waits for a person to promote or abort it.":
        "一次分析结果不确定：Rollout 等待人工推进（promote）或中止（abort）。",
    "Stable: every pod runs %1 (revision %2). Nothing to decide until the image changes.":
        "稳定：所有 Pod 都运行 %1（修订版本 %2）。镜像改变之前无需做出决定。",
    "Blue-green: %1 runs beside %2 until it is promoted.":
        "蓝绿发布：%1 与 %2 并行运行，直到被推进（promote）。",
    "moving every pod to the new version": "正在把所有 Pod 切换到新版本",
    "Rolling out %1 (revision %2): step %3 of %4, %5. An analysis failure would roll back to "
    "%6.":
        "正在发布 %1（修订版本 %2）：第 %3 步，共 %4 步，%5。若分析失败将回滚到 %6。",
    "<b>Rollout %1</b> · revision %2 · %3<br>Canary %4 % (%5 ready, %6) · stable %7 % (%8 "
    "ready, %9)":
        "<b>Rollout %1</b> · 修订版本 %2 · %3<br>金丝雀 %4 %（%5 个就绪，%6）· 稳定版本 %7 %"
        "（%8 个就绪，%9）",
    "Rollout:": "Rollout：",
    "Canary steps": "金丝雀步骤",
    "Analysis runs (measurements against the limits)": "分析运行（测量结果与上限对比）",
    "CI/CD pipeline runs": "CI/CD 流水线运行",
    "This scenario has no Argo Rollouts Rollout and no CI/CD pipeline. Open "
    "canary-analysis-rollback.yaml or pipeline-three-versions.yaml to see a release here.":
        "此场景没有 Argo Rollouts 的 Rollout，也没有 CI/CD 流水线。打开 "
        "canary-analysis-rollback.yaml 或 pipeline-three-versions.yaml 即可在此看到发布过程。",
    "Releases": "发布",
}


def english_plural(source):
    """'%n pod(s)' -> ('%n pod', '%n pods'); '%n core(s)' -> ('%n core', '%n cores')."""
    return source.replace("(s)", ""), source.replace("(s)", "s")


def fill(path, translate):
    tree = ET.parse(path)
    missing = []
    for context in tree.getroot().iter("context"):
        for message in context.iter("message"):
            source = message.find("source").text
            translation = message.find("translation")
            result = translate(source, message.get("numerus") == "yes")
            if result is None:
                missing.append(source)
                continue
            if result is False:  # keep the source text: nothing to translate
                continue
            for child in list(translation):
                translation.remove(child)
            translation.text = None
            if "type" in translation.attrib:
                del translation.attrib["type"]
            if isinstance(result, tuple):
                for form in result:
                    ET.SubElement(translation, "numerusform").text = form
            else:
                translation.text = result
    ET.indent(tree, space="    ")
    with open(path, "wb") as out:
        out.write(b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
        tree.write(out, encoding="utf-8", xml_declaration=False)
        out.write(b"\n")
    return missing


def zh(source, numerus):
    text = ZH.get(source)
    if text is None:
        return None
    return (text,) if numerus else text  # Chinese has one plural form


def en(source, numerus):
    # English is the source language: only plural forms need writing down; everything
    # else stays as the source text (an empty, unfinished translation).
    return english_plural(source) if numerus else False


def main():
    missing = fill(HERE / "cnsim_zh_CN.ts", zh)
    fill(HERE / "cnsim_en.ts", en)
    for source in missing:
        print(f"untranslated (zh_CN): {source!r}", file=sys.stderr)
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
