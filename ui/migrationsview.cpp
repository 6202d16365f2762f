// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#include "migrationsview.h"

#include "escapeclears.h"
#include "focusring.h"
#include "migrationsfiltermodel.h"
#include "migrationsmodel.h"
#include "resultsmodel.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

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
    EscapeClears::install(m_filterEdit);
    m_counts->setAccessibleName(tr("Migration counts"));
    // A long "not run" message must not widen the pane; the tooltip has all of it.
    m_counts->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_counts->setMinimumWidth(120);
    QFont bold = m_heading->font();
    bold.setBold(true);
    m_heading->setFont(bold);

    m_table->setModel(m_filter);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(MigrationsModel::StateColumn, Qt::AscendingOrder); // pending first
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setAlternatingRowColors(true);
    m_table->setTabKeyNavigation(false); // Tab moves on to the next pane
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(qMax(fontMetrics().height(), 16) + 8);
    m_table->horizontalHeader()->setSectionResizeMode(
        MigrationsModel::IdColumn, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(
        MigrationsModel::StateColumn, QHeaderView::ResizeToContents);
    // The State column's width and the version column's are measured on the rows around
    // the visible ones: 200 of them, not Qt's 1000. Each row measured lays out its text;
    // with 1000 rows every new set, sort and filter of a long history held the UI thread
    // 15 ms or more per column (tests/bench/history). 200 rows cover every state a
    // screenful shows.
    m_table->horizontalHeader()->setResizeContentsPrecision(200);
    m_table->setAccessibleName(tr("Migrations table"));
    m_table->setWordWrap(false);
    FocusRing::attach(m_table);

    connect(m_filterEdit, &QLineEdit::textChanged, m_filter,
        &MigrationsFilterModel::setFilterFixedString);
    connect(m_pendingOnly, &QCheckBox::toggled, m_filter, &MigrationsFilterModel::setPendingOnly);
    connect(m_filter, &QAbstractItemModel::rowsInserted, this, &MigrationsView::updateCounts);
    connect(m_filter, &QAbstractItemModel::rowsRemoved, this, &MigrationsView::updateCounts);
    connect(m_filter, &QAbstractItemModel::modelReset, this, &MigrationsView::updateCounts);
    connect(m_filter, &QAbstractItemModel::layoutChanged, this, &MigrationsView::updateCounts);
    connect(m_filter, &MigrationsFilterModel::busyChanged, this, &MigrationsView::updateCounts);
    // A new set of rows (shown at once, or once a large one is in order) fits the version
    // column; the view has taken the reset first (it connected first).
    connect(m_filter, &QAbstractItemModel::modelReset, this,
        [this] { m_table->resizeColumnToContents(MigrationsModel::ProductVersionColumn); });

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_heading);
    bar->addWidget(m_counts, 1);
    bar->addWidget(m_filterEdit);
    bar->addWidget(m_pendingOnly);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(bar);
    layout->addWidget(m_table);
    display({}, nullptr, false);
}

void MigrationsView::setSource(const ResultsModel *results, const QString &migrationsCheckId)
{
    if (m_results)
        disconnect(m_results, nullptr, this, nullptr);
    m_results = results;
    m_checkId = migrationsCheckId;
    // Any change may be the followed environment's migrations result arriving, going stale
    // or going away; refresh() leaves the table alone when it is not.
    connect(results, &QAbstractItemModel::dataChanged, this, &MigrationsView::refresh);
    connect(results, &QAbstractItemModel::rowsInserted, this, &MigrationsView::refresh);
    connect(results, &QAbstractItemModel::rowsRemoved, this, &MigrationsView::refresh);
    connect(results, &QAbstractItemModel::modelReset, this, &MigrationsView::refresh);
    connect(results, &QAbstractItemModel::layoutChanged, this, &MigrationsView::refresh);
    refresh();
}

void MigrationsView::showEnvironment(const QString &environment)
{
    if (environment == m_environment && m_shownAny)
        return refresh();
    m_environment = environment;
    m_shownAny = false;
    refresh();
}

void MigrationsView::setResult(const CheckResult *result)
{
    m_environment.clear();
    m_shownAny = false;
    display(result ? result->environment : QString(), result, false);
}

void MigrationsView::refresh()
{
    const int row
        = m_results && !m_environment.isEmpty() ? m_results->rowOf(m_environment, m_checkId) : -1;
    const CheckResult *result = m_results ? m_results->resultAt(row) : nullptr;
    display(m_environment, result, m_results && m_results->isStale(row));
}

void MigrationsView::display(const QString &environment, const CheckResult *result, bool stale)
{
    m_heading->setText(
        environment.isEmpty() ? tr("Migrations") : tr("Migrations of %1").arg(environment));
    const bool same = m_shownAny && result && result->generation == m_shownGeneration
        && result->checkedAt == m_shownCheckedAt;
    if (!same) {
        m_model->setMigrations(
            result ? result->details.value<QList<MigrationEntry>>() : QList<MigrationEntry>());
        m_shownAny = result != nullptr;
        m_shownGeneration = result ? result->generation : 0;
        m_shownCheckedAt = result ? result->checkedAt : QDateTime();
    }
    if (environment.isEmpty())
        m_note = tr("select an environment or a result to see its migrations");
    else if (!result)
        m_note = tr("no migrations result yet");
    else if (m_model->rowCount() == 0)
        m_note = result->message; // why there are none: not run, no history table ...
    else
        m_note = stale ? tr("from the last run; refreshing") : QString();
    updateCounts();
}

void MigrationsView::updateCounts()
{
    QString text = m_model->rowCount() > 0 ? m_filter->summary() : QString();
    if (!m_note.isEmpty())
        text = text.isEmpty() ? m_note : text + u" · "_s + m_note;
    m_counts->setText(text);
    m_counts->setToolTip(text);
}

QString MigrationsView::headingText() const
{
    return m_heading->text();
}

QString MigrationsView::countsText() const
{
    return m_counts->text();
}
