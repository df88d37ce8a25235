#include "objectcombo.h"

#include <QComboBox>
#include <QLabel>
#include <algorithm>

namespace ObjectCombo {

QString displayName(const QString& key) {
    return key.startsWith(QLatin1String("default/")) ? key.mid(8) : key;
}

bool sync(QComboBox* combo, QLabel* label, const QStringList& keys, const QString& current) {
    QStringList offered;
    for (int i = 0; i < combo->count(); ++i) {
        offered << combo->itemData(i).toString();
    }
    if (keys == offered) {
        return false;
    }
    {
        const QSignalBlocker blocker(combo);
        combo->clear();
        for (const QString& key : keys) {
            combo->addItem(displayName(key), key);
        }
        combo->setCurrentIndex(std::max(0, static_cast<int>(keys.indexOf(current))));
    }
    label->setVisible(keys.size() > 1);
    combo->setVisible(keys.size() > 1);
    return combo->currentData().toString() != current || keys.isEmpty();
}

} // namespace ObjectCombo
