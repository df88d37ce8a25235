#pragma once

// RowSyncModel: the base of the panels' table models that show copies of a list the
// simulation only grows (pipeline runs, analysis runs, steps): sync() replaces the copy with
// the new list, inserting new rows and refreshing changed ones so a view keeps its selection
// and scroll position; a list that no longer starts with the rows shown (a new simulation, a
// new object) resets the model. Rows' text depends on the language: retranslate().

#include <QAbstractTableModel>
#include <vector>

class RowSyncModel : public QAbstractTableModel {
    Q_OBJECT

public:
    using QAbstractTableModel::QAbstractTableModel;

    // Re-emits every cell and the header, whose text is rendered in the current language.
    void retranslate();

protected:
    // `sameObject(a, b)`: the rows stand for the same thing (else reset); `sameContent(a, b)`:
    // nothing shown changed (else dataChanged).
    template <class Row, class SameObject, class SameContent>
    void syncRows(std::vector<Row>& shown, std::vector<Row> rows, SameObject sameObject,
                  SameContent sameContent) {
        bool prefix = rows.size() >= shown.size();
        for (std::size_t i = 0; prefix && i < shown.size(); ++i) {
            prefix = sameObject(shown[i], rows[i]);
        }
        if (!prefix) {
            beginResetModel();
            shown = std::move(rows);
            endResetModel();
            return;
        }
        const std::size_t count = shown.size();
        for (std::size_t i = 0; i < count; ++i) {
            if (!sameContent(shown[i], rows[i])) {
                shown[i] = rows[i];
                const int row = static_cast<int>(i);
                emit dataChanged(index(row, 0), index(row, columnCount() - 1));
            }
        }
        if (rows.size() > count) {
            beginInsertRows(QModelIndex(), static_cast<int>(count),
                            static_cast<int>(rows.size()) - 1);
            shown.insert(shown.end(), rows.begin() + static_cast<long>(count), rows.end());
            endInsertRows();
        }
    }

    template <class Row>
    void clearRows(std::vector<Row>& shown) {
        if (shown.empty()) {
            return;
        }
        beginResetModel();
        shown.clear();
        endResetModel();
    }
};
