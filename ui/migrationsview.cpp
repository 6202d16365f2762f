#include "migrationsview.h"

#include "migrationsmodel.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QTableView>
#include <QVBoxLayout>

MigrationsView::MigrationsView(QWidget *parent)
    : QWidget(parent)
    , m_model(new MigrationsModel(this))
    , m_filter(new MigrationsFilterModel(this))
    , m_heading(new QLabel(this))
    , m_counts(new QLabel(this))
    , m_filterEdit(new QLineEdit(this))
    , m_pendingOnly(new QCheckBox(tr("&Pending only"), this))
    , m_table(new QTableView(this))
{
    setAccessibleName(tr("Migrations"));
    m_filter->setSourceModel(m_model);
    m_filterEdit->setPlaceholderText(tr("Filter migrations…"));
    m_filterEdit->setClearButtonEnabled(true);
    m_filterEdit->setAccessibleName(tr("Filter migrations"));
    m_counts->setAccessibleName(tr("Migration counts"));
    QFont bold = m_heading->font();
    bold.setBold(true);
    m_heading->setFont(bold);

    m_table->setModel(m_filter);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(MigrationsModel::IdColumn, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(
        MigrationsModel::IdColumn, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(
        MigrationsModel::StateColumn, QHeaderView::ResizeToContents);
    m_table->setAccessibleName(tr("Migrations table"));
    m_table->setWordWrap(false);

    connect(m_filterEdit, &QLineEdit::textChanged, m_filter,
        &MigrationsFilterModel::setFilterFixedString);
    connect(m_pendingOnly, &QCheckBox::toggled, m_filter, &MigrationsFilterModel::setPendingOnly);

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_heading);
    bar->addWidget(m_counts);
    bar->addStretch();
    bar->addWidget(m_filterEdit);
    bar->addWidget(m_pendingOnly);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(bar);
    layout->addWidget(m_table);
    setResult(nullptr);
}

void MigrationsView::setResult(const CheckResult *result)
{
    m_model->setMigrations(result ? result->migrations : QList<MigrationEntry>());
    m_heading->setText(result ? tr("Migrations of %1").arg(result->environment) : tr("Migrations"));
    m_counts->setText(result && !result->migrations.isEmpty()
            ? m_model->summary()
            : tr("select a migrations result to see its migrations"));
    m_table->resizeColumnToContents(MigrationsModel::ProductVersionColumn);
}

QString MigrationsView::countsText() const
{
    return m_counts->text();
}
