#pragma once

// EventText: the studio's words for the simulation's codes — cluster event messages,
// component and reason names, pod phases — in the user's language.
//
// sim/ emits codes with named parameters and never translated text (describeEvent() is
// the CLI's plain English); this is where those codes become tr() strings, so the .ts
// files hold every sentence a student reads. Stateless: call again after a language
// change to get the new language.

#include "model/clusterevent.h"
#include "model/snapshot.h"

#include <QCoreApplication>
#include <QString>

class EventText {
    Q_DECLARE_TR_FUNCTIONS(EventText)

public:
    static QString message(const cnsim::ClusterEvent& event);
    static QString componentName(cnsim::Component component);
    static QString objectKindName(cnsim::ObjectKind kind);
    static QString phaseName(cnsim::PodPhase phase);
    // "00:01:30.250", the same clock the CLI prints.
    static QString clock(cnsim::SimTime time);
    static QString cpu(cnsim::CpuMillis cpu);
    static QString memory(cnsim::Bytes memory);
};
