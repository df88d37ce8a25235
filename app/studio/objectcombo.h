#pragma once

// ObjectCombo: the "which one?" combo of a panel that shows one API object at a time (an HPA,
// a Rollout), kept in step with the cluster — objects come and go with kubectl, so the list
// follows the API server, not the scenario. Items show the name ("web", or "ns/web" outside
// the default namespace) and carry the "namespace/name" key.

#include <QString>
#include <QStringList>

class QComboBox;
class QLabel;

namespace ObjectCombo {

// "default/web" → "web"; other namespaces keep theirs.
QString displayName(const QString& key);

// Offers `keys` (in API order) if they differ from what the combo offers, keeping `current`
// selected when it is still there, without emitting the combo's signals; the combo and its
// label show only when there is a choice. True when the selection is no longer `current` or
// nothing is left: the panel must read its object again.
bool sync(QComboBox* combo, QLabel* label, const QStringList& keys, const QString& current);

} // namespace ObjectCombo
