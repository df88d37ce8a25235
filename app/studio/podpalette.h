#pragma once

// PodPalette: the colour of each Deployment's pods on the canvas and in charts.
//
// Colours are assigned by the Deployment's position in the scenario (snapshot order), so
// the same scenario always shows the same colours, whatever happens during the run.
// The palette is Okabe–Ito, chosen to stay distinguishable for colour-blind students.

#include <QColor>

class PodPalette {
public:
    static QColor colorAt(int deploymentIndex);
    static int size();
};
