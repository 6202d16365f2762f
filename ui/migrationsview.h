#pragma once

#include "checkresult.h"

#include <QWidget>

class MigrationsFilterModel;
class MigrationsModel;
class QCheckBox;
class QLabel;
class QLineEdit;
class QTableView;

// The pending-migrations table of the selected result: counts, a filter box, a
// "Pending only" toggle and a sortable table.
class MigrationsView : public QWidget
{
    Q_OBJECT
public:
    explicit MigrationsView(QWidget *parent = nullptr);

    void setResult(const CheckResult *result); // nullptr clears
    MigrationsModel *model() const { return m_model; }
    MigrationsFilterModel *filterModel() const { return m_filter; }
    QTableView *table() const { return m_table; }
    QLineEdit *filterEdit() const { return m_filterEdit; }
    QCheckBox *pendingOnlyBox() const { return m_pendingOnly; }
    QString countsText() const;

private:
    MigrationsModel *m_model;
    MigrationsFilterModel *m_filter;
    QLabel *m_heading;
    QLabel *m_counts;
    QLineEdit *m_filterEdit;
    QCheckBox *m_pendingOnly;
    QTableView *m_table;
};
