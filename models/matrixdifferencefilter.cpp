// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#include "matrixdifferencefilter.h"

#include "migrationmatrixmodel.h"

MatrixDifferenceFilter::MatrixDifferenceFilter(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setDynamicSortFilter(true);
}

void MatrixDifferenceFilter::setSourceModel(QAbstractItemModel *source)
{
    m_matrix = qobject_cast<const MigrationMatrixModel *>(source);
    QSortFilterProxyModel::setSourceModel(source);
}

void MatrixDifferenceFilter::setOnlyDiffering(bool on)
{
    if (m_onlyDiffering == on)
        return;
    m_onlyDiffering = on;
    invalidateRowsFilter();
}

void MatrixDifferenceFilter::setText(const QString &text)
{
    if (m_text == text)
        return;
    m_text = text;
    invalidateRowsFilter();
}

bool MatrixDifferenceFilter::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (sourceParent.isValid() || !m_matrix)
        return !sourceParent.isValid();
    const MigrationMatrix::Row &row = m_matrix->matrix().rows.at(sourceRow);
    if (m_onlyDiffering && !row.differs)
        return false;
    return m_text.isEmpty() || row.migrationId.contains(m_text, Qt::CaseInsensitive)
        || row.tool.contains(m_text, Qt::CaseInsensitive)
        || row.history.contains(m_text, Qt::CaseInsensitive);
}
