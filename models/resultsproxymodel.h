// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#pragma once

#include <QSortFilterProxyModel>

// The results table's view of ResultsModel: the rows of one environment (or all), sorted
// by ResultsModel::SortRole (Status by Status::rank(), Duration in milliseconds, Checked by
// time; unsorted keeps the model's environment-then-check order), and the Status cell in
// its status's colour (StatusIcons::colour(), adjusted until it reads on the palette's
// base). Rows from an earlier run and not-run rows keep the model's grey. The Check
// column leaves out the "check." every id starts with (its tooltip has the whole id), so
// the message keeps room in a 1280 px window.
class ResultsProxyModel : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit ResultsProxyModel(QObject *parent = nullptr);

    // Only this environment's rows; empty shows every environment.
    void setEnvironment(const QString &name);
    QString environment() const { return m_environment; }

    // Counts by status of the rows shown, worst first, then when they were checked, e.g.
    // "2 fail · 1 warn · 9 pass, checked 14:02" ("checked 14:02–14:05" across runs;
    // "… · 3 refreshing" while rows await a new result, "… · 3 not refreshed" after a
    // cancelled run). Empty when no row is shown.
    QString summary() const;

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString m_environment;
};
