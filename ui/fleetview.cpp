// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#include "fleetview.h"

#include "fleetfiltermodel.h"
#include "fleetloader.h"
#include "fleetmatrixloader.h"
#include "fleetmodel.h"
#include "history/fleetreader.h"
#include "history/historystore.h"
#include "matrixview.h"
#include "migrationmatrixmodel.h"
#include "resultsmodel.h"
#include "statusicons.h"
#include "timelineview.h"

#include <QComboBox>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QtConcurrent>

using namespace Qt::StringLiterals;

namespace {
// The status filter's choices, worst first (Status::rank); the item data is the int
// CheckStatus.
const QList<CheckStatus> FilterStatuses = { CheckStatus::Fail, CheckStatus::Error,
    CheckStatus::NotRun, CheckStatus::Warn, CheckStatus::Pass, CheckStatus::Skipped };
// The filters chosen, remembered across stores and sessions (Status::key, a tag).
const QString StatusKey = u"fleet/statusFilter"_s;
const QString TagKey = u"fleet/tagFilter"_s;
// The stored results' columns: the status first, so that no long check id or subject pushes
// it out of sight.
enum ResultColumn { StatusCol, CheckCol, SubjectCol, AgeCol, MessageCol };
// Check ids and subjects are fitted to their text up to this; longer ones are elided.
constexpr int MaxNameWidth = 260;
} // namespace

FleetView::FleetView(QWidget *parent)
    : QWidget(parent)
    , m_model(new FleetModel(this))
    , m_filter(new FleetFilterModel(this))
    , m_loader(new FleetLoader(m_model, this))
    , m_name(new QLineEdit(this))
    , m_status(new QComboBox(this))
    , m_tag(new QComboBox(this))
    , m_table(new QTableView(this))
    , m_results(new QTreeWidget(this))
    , m_checkNow(new QPushButton(tr("Check &Now"), this))
    , m_reload(new QPushButton(tr("&Reload"), this))
    , m_line(new QLabel(this))
    , m_heading(new QLabel(this))
    , m_timeline(new TimelineView(this))
    , m_tabs(new QTabWidget(this))
    , m_matrix(new MatrixView(this))
    , m_matrixLoader(new FleetMatrixLoader(m_matrix->model(), this))
    , m_matrixTimer(new QTimer(this))
{
    setWindowTitle(tr("Fleet"));
    m_filter->setSourceModel(m_model);
    m_name->setPlaceholderText(tr("Filter environments by name"));
    m_name->setClearButtonEnabled(true);
    m_status->addItem(tr("All statuses"));
    for (CheckStatus s : FilterStatuses)
        m_status->addItem(StatusIcons::forStatus(s), Status::key(s), int(s));
    m_status->setToolTip(tr("Only environments whose worst latest result has this status"));
    // The items' texts are the keys remembered.
    m_status->setCurrentIndex(
        qMax(0, m_status->findText(QSettings().value(StatusKey).toString(), Qt::MatchExactly)));
    if (const QVariant st = m_status->currentData(); st.isValid())
        m_filter->setStatusFilter(CheckStatus(st.toInt()));
    m_tag->addItem(tr("All tags"));
    m_tag->setToolTip(tr("Only environments with this tag (the environments file's tags)"));
    m_tag->setSizeAdjustPolicy(QComboBox::AdjustToContents);

    auto *filters = new QHBoxLayout;
    filters->addWidget(m_name, 1);
    filters->addWidget(m_status);
    filters->addWidget(m_tag);
    filters->addWidget(m_reload);

    m_table->setModel(m_filter);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(FleetModel::StatusColumn, Qt::DescendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->hide();
    // Uniform rows: thousands of environments scroll without measuring each row.
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    // One line of text and a 16 px icon: the style's default leaves a row twice as tall, and
    // a fleet wants as many rows on screen as fit.
    m_table->verticalHeader()->setDefaultSectionSize(qMax(fontMetrics().height(), 16) + 6);
    m_table->horizontalHeader()->setSectionResizeMode(
        FleetModel::EnvironmentColumn, QHeaderView::Stretch);
    m_table->horizontalHeader()->setStretchLastSection(false);

    m_results->setColumnCount(5);
    m_results->setHeaderLabels(
        { tr("Status"), tr("Check"), tr("Subject"), tr("Age"), tr("Message") });
    m_results->setRootIsDecorated(false);
    m_results->setAlternatingRowColors(true);
    m_results->setUniformRowHeights(true);

    auto *lower = new QWidget(this);
    auto *lowerLayout = new QVBoxLayout(lower);
    lowerLayout->setContentsMargins(0, 0, 0, 0);
    auto *actions = new QHBoxLayout;
    actions->addWidget(m_heading, 1);
    actions->addWidget(m_checkNow);
    lowerLayout->addLayout(actions);
    auto *resultsSplit = new QSplitter(Qt::Horizontal, lower);
    resultsSplit->addWidget(m_results);
    resultsSplit->addWidget(m_timeline);
    resultsSplit->setStretchFactor(0, 3);
    resultsSplit->setStretchFactor(1, 2);
    m_tabs->addTab(resultsSplit, tr("&Stored Results"));
    m_tabs->addTab(m_matrix, tr("Ma&trix"));
    m_tabs->setTabToolTip(1,
        tr("Each migration's current state in the environments the filters show, as the "
           "store's newest runs saw it"));
    lowerLayout->addWidget(m_tabs);
    m_matrixTimer->setSingleShot(true);
    m_matrixTimer->setInterval(150);

    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_table);
    split->addWidget(lower);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(filters);
    layout->addWidget(split, 1);
    layout->addWidget(m_line);
    m_line->setWordWrap(true); // an error naming a long URL must not widen the window

    connect(m_name, &QLineEdit::textChanged, m_filter, &FleetFilterModel::setNameFilter);
    connect(m_status, &QComboBox::currentIndexChanged, this, [this] {
        const QVariant s = m_status->currentData();
        m_filter->setStatusFilter(
            s.isValid() ? std::optional(CheckStatus(s.toInt())) : std::nullopt);
        QSettings().setValue(
            StatusKey, s.isValid() ? Status::key(CheckStatus(s.toInt())) : QString());
    });
    connect(m_tag, &QComboBox::currentIndexChanged, this, [this] {
        m_filter->setTagFilter(m_tag->currentData().toString());
        QSettings().setValue(TagKey, m_tag->currentData().toString());
    });
    // The matrix follows the rows the filters let through.
    connect(
        m_filter, &QAbstractItemModel::rowsInserted, m_matrixTimer, qOverload<>(&QTimer::start));
    connect(m_filter, &QAbstractItemModel::rowsRemoved, m_matrixTimer, qOverload<>(&QTimer::start));
    // The status line counts the rows the filters let through.
    connect(m_filter, &QAbstractItemModel::rowsInserted, this, &FleetView::updateStatusLine);
    connect(m_filter, &QAbstractItemModel::rowsRemoved, this, &FleetView::updateStatusLine);
    connect(m_filter, &QAbstractItemModel::modelReset, this, &FleetView::updateStatusLine);
    connect(m_matrixTimer, &QTimer::timeout, this, [this] {
        m_matrixDirty = true;
        updateMatrix();
    });
    connect(m_tabs, &QTabWidget::currentChanged, this, &FleetView::updateMatrix);
    connect(m_matrixLoader, &FleetMatrixLoader::failed, this, [this](const QString &error) {
        m_matrixStale = true; // read again when next shown
        // Below the count, and kept there as the filters change it.
        m_matrixError = tr("Matrix: %1").arg(error);
        updateStatusLine();
    });
    connect(m_matrixLoader, &FleetMatrixLoader::loaded, this, [this] {
        if (!m_matrixError.isEmpty()) {
            m_matrixError.clear();
            updateStatusLine();
        }
    });
    connect(m_matrix, &MatrixView::cellChosen, this,
        [this](const QString &environment) { selectEnvironment(environment); });
    connect(m_reload, &QPushButton::clicked, this, &FleetView::reload);
    connect(m_loader, &FleetLoader::loaded, this, &FleetView::onLoaded);
    connect(m_loader, &FleetLoader::failed, this, [this](const QString &error) {
        m_line->setText(error);
        m_reload->setEnabled(true);
    });
    // The selection, not the current row: a click moves the current row before it selects.
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
        &FleetView::showSelected);
    connect(m_filter, &QAbstractItemModel::modelReset, this, &FleetView::showSelected);
    connect(m_results, &QTreeWidget::currentItemChanged, this, &FleetView::showTimeline);
    connect(m_checkNow, &QPushButton::clicked, this, [this] {
        if (!selectedEnvironment().isEmpty())
            Q_EMIT checkNowRequested(selectedEnvironment());
    });
    showSelected();
}

void FleetView::openStore(const QString &location)
{
    const QString shown = HistoryStore::displayLocation(location);
    setWindowTitle(tr("Fleet — %1").arg(shown));
    m_timing.clear();
    m_matrixError.clear();
    m_line->setText(tr("Reading %1…").arg(shown));
    m_reload->setEnabled(false);
    m_loader->load(location);
}

void FleetView::reload()
{
    if (!m_loader->location().isEmpty())
        openStore(m_loader->location());
}

void FleetView::onLoaded(int environments, qint64 queryMs, qint64 totalMs)
{
    Q_UNUSED(environments); // the model has them; the status line counts what is shown
    m_reload->setEnabled(true);
    m_timing = tr(" · query %1 ms, loaded in %2 ms").arg(queryMs).arg(totalMs)
        + (m_model->snapshot().hasShards ? QString() : tr(" · this store records no shards"));
    updateStatusLine();
    m_table->resizeColumnsToContents();
    m_table->horizontalHeader()->setSectionResizeMode(
        FleetModel::EnvironmentColumn, QHeaderView::Stretch);
    fillTags();
    m_matrixStale = true;
    updateMatrix();
}

void FleetView::updateStatusLine()
{
    if (m_timing.isEmpty())
        return; // the line says what is being read, or why it failed
    const int all = m_model->rowCount();
    const int shown = m_filter->rowCount();
    // Spelt out: %n's plural forms need a loaded translation, English included.
    const QString count = all == 1 ? tr("1 environment") : tr("%1 environments").arg(all);
    m_line->setText((shown == all ? count : tr("%1 of %2").arg(shown).arg(count)) + m_timing
        + (m_matrixError.isEmpty() ? QString() : u'\n' + m_matrixError));
}

void FleetView::fillTags()
{
    // The tag chosen before (this session's, or the remembered one) stays chosen when this
    // store has it; the choice is remembered only when someone makes it.
    const QString wanted = m_tag->currentIndex() > 0 ? m_tag->currentData().toString()
                                                     : QSettings().value(TagKey).toString();
    const QSignalBlocker block(m_tag);
    m_tag->clear();
    m_tag->addItem(tr("All tags"));
    for (const QString &tag : m_model->tags())
        m_tag->addItem(tag, tag);
    m_tag->setCurrentIndex(qMax(0, m_tag->findData(wanted)));
    m_tag->setEnabled(m_tag->count() > 1);
    m_tag->setToolTip(m_model->snapshot().hasTags
            ? tr("Only environments with this tag (the environments file's tags)")
            : tr("This store records no tags: its schema predates them (doctor store upgrade)"));
    m_filter->setTagFilter(m_tag->currentData().toString());
}

QList<FleetEnvironment> FleetView::filteredEnvironments() const
{
    QList<FleetEnvironment> out;
    const QList<FleetEnvironment> &all = m_model->snapshot().environments;
    for (qsizetype row = 0; row < all.size(); ++row) {
        if (m_filter->acceptsSourceRow(int(row)))
            out << all[row];
    }
    return out;
}

void FleetView::updateMatrix()
{
    if (m_tabs->currentWidget() != m_matrix || m_loader->location().isEmpty())
        return; // built when its tab is shown
    if (m_matrixStale) {
        m_matrixStale = false;
        m_matrixDirty = false;
        m_matrixLoader->load(m_loader->location(), filteredEnvironments());
    } else if (m_matrixDirty) {
        m_matrixDirty = false;
        m_matrixLoader->rebuild(filteredEnvironments());
    }
}

void FleetView::setCheckAvailability(std::function<QString(const QString &)> whyNot)
{
    m_whyNot = std::move(whyNot);
    updateCheckNow();
}

QString FleetView::selectedEnvironment() const
{
    const QModelIndex current = m_table->currentIndex();
    return current.isValid() && m_table->selectionModel()->isRowSelected(current.row())
        ? current.data(FleetModel::EnvironmentNameRole).toString()
        : QString();
}

bool FleetView::selectEnvironment(const QString &name)
{
    const int row = m_model->rowOf(name);
    const QModelIndex index = m_filter->mapFromSource(m_model->index(row, 0));
    if (!index.isValid())
        return false;
    m_table->selectionModel()->setCurrentIndex(
        index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_table->scrollTo(index);
    return true;
}

void FleetView::showSelected()
{
    m_results->clear();
    const QString name = selectedEnvironment();
    const FleetEnvironment *env = m_model->environment(m_model->rowOf(name));
    if (!env) {
        m_heading->setText(tr("Select an environment to see its stored results."));
        updateCheckNow();
        return;
    }
    m_heading->setText(tr("<b>%1</b>: its latest stored results").arg(name.toHtmlEscaped()));
    const QDateTime at = m_model->snapshot().readAt;
    QList<QTreeWidgetItem *> items;
    for (const StoredResult &r : env->results) {
        auto *item = new QTreeWidgetItem({ Status::key(r.status), r.checkId, r.subject,
            ResultsModel::sinceText(qMax<qint64>(0, r.checkedAt.secsTo(at))), r.message });
        item->setIcon(StatusCol, StatusIcons::forStatus(r.status));
        item->setToolTip(CheckCol, r.checkId);
        item->setToolTip(SubjectCol, r.subject);
        item->setToolTip(AgeCol, r.checkedAt.toString(u"yyyy-MM-dd HH:mm:ss 'UTC'"_s));
        item->setToolTip(MessageCol, r.message);
        items << item;
    }
    m_results->addTopLevelItems(items);
    // The worst result current, its timeline beside it.
    qsizetype worst = 0;
    for (qsizetype i = 1; i < env->results.size(); ++i)
        if (Status::rank(env->results[i].status) > Status::rank(env->results[worst].status))
            worst = i;
    m_results->setCurrentItem(m_results->topLevelItem(int(worst)));
    for (int c = StatusCol; c < MessageCol; ++c) {
        m_results->resizeColumnToContents(c);
        m_results->setColumnWidth(c, qMin(m_results->columnWidth(c), MaxNameWidth));
    }
    updateCheckNow();
}

void FleetView::updateCheckNow()
{
    const QString name = selectedEnvironment();
    QString why = name.isEmpty() ? tr("Select an environment first") : QString();
    if (why.isEmpty())
        why = m_whyNot ? m_whyNot(name) : tr("No environments file is loaded in the dashboard");
    m_checkNow->setEnabled(why.isEmpty());
    m_checkNow->setToolTip(
        why.isEmpty() ? tr("Run the live checks on %1 now, from this desktop").arg(name) : why);
}

void FleetView::showTimeline()
{
    const QTreeWidgetItem *item = m_results->currentItem();
    const QString environment = selectedEnvironment();
    const int generation = ++m_timelineGeneration;
    if (!item || environment.isEmpty()) {
        m_timeline->setResult({}, {}, {});
        return;
    }
    const QString checkId = item->text(CheckCol);
    const QString subject = item->text(SubjectCol);
    m_timeline->setResult(environment, checkId, subject);
    // Its own reader and connection on the pool (QSqlDatabase's rule); a watcher, so the
    // points arrive through the event loop even when the read is done at once.
    auto *watcher = new QFutureWatcher<QList<TimelinePoint>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        if (generation == m_timelineGeneration)
            m_timeline->setPoints(watcher->result());
    });
    watcher->setFuture(
        QtConcurrent::run([location = m_loader->location(), environment, checkId, subject] {
            FleetReader reader;
            return reader.open(location) ? reader.timeline(environment, checkId, subject)
                                         : QList<TimelinePoint>();
        }));
}
