// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#pragma once

#include <QSortFilterProxyModel>

class MigrationMatrixModel;

// The rows of a MigrationMatrixModel a DBA asks about: only those whose environments differ
// ("Only rows that differ", on by default: staging's three migrations prod lacks, not the
// 2 000 every environment has), and those whose migration id, tool or history contains a
// text (case ignored). Keeps the matrix's order (expected order per history): no sorting.
// Reads the rows themselves rather than data(), so a filter over 2 000 rows costs no
// QVariant per row.
class MatrixDifferenceFilter : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit MatrixDifferenceFilter(QObject *parent = nullptr);

    // A MigrationMatrixModel (any other model: every row is taken as differing).
    void setSourceModel(QAbstractItemModel *source) override;

    void setOnlyDiffering(bool on);
    bool onlyDiffering() const { return m_onlyDiffering; }
    // Rows whose id, tool key or history contains text, case ignored; empty: all.
    void setText(const QString &text);
    QString text() const { return m_text; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    const MigrationMatrixModel *m_matrix = nullptr;
    bool m_onlyDiffering = true;
    QString m_text;
};
