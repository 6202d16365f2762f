// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#include "migrationsview.h"

#include "escapeclears.h"
#include "focusring.h"
#include "migrations/migrationtool.h"
#include "migrationsfiltermodel.h"
#include "migrationsmodel.h"
#include "resultsmodel.h"
#include "statusicons.h"

#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QSettings>
#include <QTableView>
#include <QTextDocumentFragment>
#include <QTimer>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {

constexpr int KeyRole = Qt::UserRole + 1; // the state filter's settings value

// A result's subject, "<tool key> <schema>.<table>", as people read it.
QString subjectText(const QString &subject)
{
    const QString tool = subject.section(u' ', 0, 0);
    return MigrationTools::displayName(MigrationTools::fromName(tool)) + u' '
        + subject.section(u' ', 1);
}

// Turns a line edit's clear button on once the edit has been painted. The button's icon is
// the style's "edit-clear": looked up in the icon themes, then read by an image reader that
// loads every image-format plugin, 9-11 ms of the dashboard's start under X11
// (tests/bench/startup --trace, Session 9) for a button shown only once something is typed.
class ClearButtonAfterPaint : public QObject
{
public:
    explicit ClearButtonAfterPaint(QLineEdit *edit)
        : QObject(edit)
        , m_edit(edit)
    {
        edit->installEventFilter(this);
    }

protected:
    bool eventFilter(QObject *, QEvent *event) override
    {
        if (event->type() == QEvent::Paint) {
            m_edit->removeEventFilter(this);
            // A zero-timer: the frame being painted reaches the screen first.
            QTimer::singleShot(0, m_edit, [edit = m_edit] { edit->setClearButtonEnabled(true); });
            deleteLater();
        }
        return false;
    }

private:
    QLineEdit *m_edit;
};

} // namespace

MigrationsView::MigrationsView(QWidget *parent)
    : QWidget(parent)
    , m_model(new MigrationsModel(this))
    , m_filter(new MigrationsFilterModel(this))
    , m_heading(new QLabel(this))
    , m_counts(new QLabel(this))
    , m_filterEdit(new QLineEdit(this))
    , m_stateFilter(new QComboBox(this))
    , m_pendingOnly(new QCheckBox(tr("&Pending only"), this))
    , m_table(new QTableView(this))
    , m_details(new QLabel(this))
{
    setAccessibleName(tr("Migrations"));
    m_filter->setSourceModel(m_model);
    m_filterEdit->setPlaceholderText(tr("Filter migrations…"));
    new ClearButtonAfterPaint(m_filterEdit);
    m_filterEdit->setAccessibleName(tr("Filter migrations"));
    EscapeClears::install(m_filterEdit);
    m_stateFilter->setAccessibleName(tr("Show migrations of state"));
    m_stateFilter->setToolTip(tr("Show the migrations of one state"));
    fillStateFilter();
    m_counts->setAccessibleName(tr("Migration counts"));
    // A long "not run" message must not widen the pane; the tooltip has all of it.
    m_counts->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_counts->setMinimumWidth(120);
    QFont bold = m_heading->font();
    bold.setBold(true);
    m_heading->setFont(bold);

    m_table->setModel(m_filter);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(MigrationsModel::StateColumn, Qt::AscendingOrder); // failing first
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setAlternatingRowColors(true);
    m_table->setTabKeyNavigation(false); // Tab moves on to the next pane
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(qMax(fontMetrics().height(), 16) + 8);
    QHeaderView *header = m_table->horizontalHeader();
    header->setSectionResizeMode(MigrationsModel::StateColumn, QHeaderView::ResizeToContents);
    // Which history, which migration, what became of it, when; the free text last, taking
    // the room left. The id keeps its width (fitColumns()): with seven columns a stretched id
    // was the one squeezed to "2024…".
    header->moveSection(header->visualIndex(MigrationsModel::ToolColumn), 0);
    header->moveSection(header->visualIndex(MigrationsModel::HistoryColumn), 1);
    header->moveSection(header->visualIndex(MigrationsModel::AppliedAtColumn),
        header->visualIndex(MigrationsModel::StateColumn) + 1);
    header->moveSection(header->visualIndex(MigrationsModel::PositionColumn),
        header->visualIndex(MigrationsModel::AppliedAtColumn) + 1);
    header->setStretchLastSection(true); // ProductVersion / description
    // The columns' widths are measured on the rows around the visible ones: 200 of them,
    // not Qt's 1000. Each row measured lays out its text; with 1000 rows every new set, sort
    // and filter of a long history held the UI thread 15 ms or more per column
    // (tests/bench/history). 200 rows cover every state a screenful shows.
    header->setResizeContentsPrecision(200);
    m_table->setAccessibleName(tr("Migrations table"));
    m_table->setWordWrap(false);
    FocusRing::attach(m_table);

    // The selected migration: its history, time and the failure text its tool stored.
    m_details->setAccessibleName(tr("Selected migration"));
    m_details->setTextFormat(Qt::RichText);
    m_details->setWordWrap(true);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_details->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Maximum);
    m_details->hide();

    connect(m_filterEdit, &QLineEdit::textChanged, m_filter,
        &MigrationsFilterModel::setFilterFixedString);
    connect(m_pendingOnly, &QCheckBox::toggled, m_filter, &MigrationsFilterModel::setPendingOnly);
    connect(
        m_stateFilter, &QComboBox::currentIndexChanged, this, &MigrationsView::stateFilterChosen);
    connect(m_filter, &QAbstractItemModel::rowsInserted, this, &MigrationsView::updateCounts);
    connect(m_filter, &QAbstractItemModel::rowsRemoved, this, &MigrationsView::updateCounts);
    connect(m_filter, &QAbstractItemModel::modelReset, this, &MigrationsView::updateCounts);
    connect(m_filter, &QAbstractItemModel::layoutChanged, this, &MigrationsView::updateCounts);
    connect(m_filter, &MigrationsFilterModel::busyChanged, this, &MigrationsView::updateCounts);
    // A new set of rows (shown at once, or once a large one is in order) shows the columns
    // that tell its rows apart and fits them; the view has taken the reset first (it
    // connected first).
    connect(m_filter, &QAbstractItemModel::modelReset, this, &MigrationsView::fitColumns);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
        &MigrationsView::updateDetails);
    connect(m_filter, &QAbstractItemModel::modelReset, this, &MigrationsView::updateDetails);
    connect(m_filter, &QAbstractItemModel::layoutChanged, this, &MigrationsView::updateDetails);

    // The counts of seven states need a line of their own; the filters go under them.
    auto *title = new QHBoxLayout;
    title->addWidget(m_heading);
    title->addWidget(m_counts, 1);
    auto *bar = new QHBoxLayout;
    bar->addWidget(m_filterEdit, 1);
    bar->addWidget(m_stateFilter);
    bar->addWidget(m_pendingOnly);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(title);
    layout->addLayout(bar);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_details);
    display({}, {}, false);
    fitColumns();
}

QString MigrationsView::stateFilterKey()
{
    return u"migrations/stateFilter"_s;
}

void MigrationsView::fillStateFilter()
{
    using S = MigrationEntry::State;
    const auto bit = MigrationsOrder::stateBit;
    m_stateFilter->addItem(tr("All states"), MigrationsOrder::AllStates);
    m_stateFilter->setItemData(0, u"all"_s, KeyRole);
    m_stateFilter->addItem(StatusIcons::forMigrationState(S::Failed), tr("Failing"),
        bit(S::Failed) | bit(S::Dirty) | bit(S::Modified));
    m_stateFilter->setItemData(1, u"failing"_s, KeyRole);
    m_stateFilter->setItemData(
        1, tr("Failed, dirty or modified: the states that fail the check"), Qt::ToolTipRole);
    const std::pair<S, QString> states[]
        = { { S::Failed, u"failed"_s }, { S::Dirty, u"dirty"_s }, { S::Modified, u"modified"_s },
              { S::Pending, u"pending"_s }, { S::OutOfOrder, u"out-of-order"_s },
              { S::Ahead, u"ahead"_s }, { S::Applied, u"applied"_s } };
    for (const auto &[state, key] : states) {
        m_stateFilter->addItem(
            StatusIcons::forMigrationState(state), MigrationsModel::stateText(state), bit(state));
        m_stateFilter->setItemData(m_stateFilter->count() - 1, key, KeyRole);
    }
    const int saved = m_stateFilter->findData(QSettings().value(stateFilterKey()), KeyRole);
    m_stateFilter->setCurrentIndex(qMax(0, saved));
    m_filter->setStates(m_stateFilter->currentData().toUInt());
}

void MigrationsView::stateFilterChosen()
{
    m_filter->setStates(m_stateFilter->currentData().toUInt());
    QSettings().setValue(stateFilterKey(), m_stateFilter->currentData(KeyRole));
}

void MigrationsView::setSource(const ResultsModel *results, const QString &migrationsCheckId)
{
    if (m_results)
        disconnect(m_results, nullptr, this, nullptr);
    m_results = results;
    m_checkId = migrationsCheckId;
    // Any change may be one of the followed environment's migrations results arriving,
    // going stale or going away; refresh() leaves the table alone when none did.
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
    display(result ? result->environment : QString(),
        result ? QList<const CheckResult *> { result } : QList<const CheckResult *>(), false);
}

void MigrationsView::refresh()
{
    // Every migrations result of the environment: the check gives one per history.
    QList<const CheckResult *> results;
    bool stale = false;
    if (m_results && !m_environment.isEmpty()) {
        for (int row = 0; row < m_results->rowCount(); ++row) {
            const CheckResult *r = m_results->resultAt(row);
            if (r && r->environment == m_environment && r->checkId == m_checkId) {
                results << r;
                stale = stale || m_results->isStale(row);
            }
        }
    }
    display(m_environment, results, stale);
}

void MigrationsView::display(
    const QString &environment, const QList<const CheckResult *> &results, bool stale)
{
    QString heading
        = environment.isEmpty() ? tr("Migrations") : tr("Migrations of %1").arg(environment);
    if (results.size() > 1)
        heading += u" · "_s + tr("%n histories", nullptr, int(results.size()));
    else if (results.size() == 1 && !results.first()->subject.isEmpty()
        && !results.first()->subject.startsWith(u"efcore "))
        heading += u" · "_s + subjectText(results.first()->subject);
    m_heading->setText(heading);

    QList<Shown> shown;
    for (const CheckResult *r : results)
        shown << Shown { r->subject, r->generation, r->checkedAt };
    const bool same = m_shownAny && !results.isEmpty() && shown == m_shown;
    if (!same) {
        QList<MigrationEntry> rows;
        if (results.size() == 1) {
            rows = results.first()->details.value<QList<MigrationEntry>>(); // shared, not copied
        } else {
            for (const CheckResult *r : results) {
                for (MigrationEntry e : r->details.value<QList<MigrationEntry>>()) {
                    // The check sets both on every entry; a result without them is one history.
                    if (e.tool.isEmpty() && e.history.isEmpty()) {
                        e.tool = r->subject.section(u' ', 0, 0);
                        e.history = r->subject.section(u' ', 1);
                    }
                    rows << e;
                }
            }
        }
        m_model->setMigrations(rows);
        m_shownAny = !results.isEmpty();
        m_shown = shown;
    }
    QStringList empty; // histories without rows say why (not readable, no table ...)
    for (const CheckResult *r : results) {
        if (r->details.value<QList<MigrationEntry>>().isEmpty())
            empty << (results.size() > 1 ? subjectText(r->subject) + u": "_s : QString())
                    + r->message;
    }
    if (environment.isEmpty())
        m_note = tr("select an environment or a result to see its migrations");
    else if (results.isEmpty())
        m_note = tr("no migrations result yet");
    else if (m_model->rowCount() == 0)
        m_note = empty.join(u"; "_s); // why there are none: not run, no history table ...
    else {
        if (stale)
            empty.prepend(tr("from the last run; refreshing"));
        m_note = empty.join(u" · "_s);
    }
    updateCounts();
}

void MigrationsView::fitColumns()
{
    for (const int c : { MigrationsModel::ToolColumn, MigrationsModel::HistoryColumn,
             MigrationsModel::AppliedAtColumn }) {
        m_table->setColumnHidden(c, !m_model->columnUseful(c));
        if (m_model->columnUseful(c))
            m_table->resizeColumnToContents(c);
    }
    m_table->resizeColumnToContents(MigrationsModel::IdColumn);
    // Long ids (Liquibase's file::id::author) and history names are cut (the tooltip has
    // them) rather than pushing the state off the pane.
    const int most = qMax(160, m_table->viewport()->width() * 2 / 5);
    if (m_table->columnWidth(MigrationsModel::IdColumn) > most)
        m_table->setColumnWidth(MigrationsModel::IdColumn, most);
    const int history = qMax(120, m_table->viewport()->width() / 4);
    if (m_table->columnWidth(MigrationsModel::HistoryColumn) > history)
        m_table->setColumnWidth(MigrationsModel::HistoryColumn, history);
}

void MigrationsView::updateCounts()
{
    QString text = m_model->rowCount() > 0 ? m_filter->summary() : QString();
    if (!m_note.isEmpty())
        text = text.isEmpty() ? m_note : text + u" · "_s + m_note;
    m_counts->setText(text);
    m_counts->setToolTip(text);
}

std::optional<MigrationEntry> MigrationsView::currentMigration() const
{
    const QModelIndex source = m_filter->mapToSource(m_table->currentIndex());
    if (!source.isValid())
        return std::nullopt;
    return m_model->migrations().value(source.row());
}

void MigrationsView::updateDetails()
{
    const std::optional<MigrationEntry> m = currentMigration();
    if (!m) {
        m_details->clear();
        m_details->hide();
        Q_EMIT currentMigrationChanged({});
        return;
    }
    QString text = u"<b>%1</b> — <span style=\"color:%2\">%3</span> · %4 %5"_s.arg(
        m->id.toHtmlEscaped(), MigrationsModel::stateColour(m->state).name(),
        MigrationsModel::stateText(m->state).toHtmlEscaped(),
        MigrationsModel::toolText(*m).toHtmlEscaped(), m->history.toHtmlEscaped());
    if (m->appliedAt.isValid())
        text += u" · "_s
            + tr("applied %1")
                  .arg(m->appliedAt.toLocalTime().toString(u"yyyy-MM-dd HH:mm:ss"_s))
                  .toHtmlEscaped();
    if (!m->failure.isEmpty()) {
        text += u"<br>"_s
            + tr("What %1 recorded:").arg(MigrationsModel::toolText(*m)).toHtmlEscaped()
            + u"<br><span style=\"white-space:pre-wrap; font-family:monospace\">"_s
            + m->failure.toHtmlEscaped() + u"</span>"_s;
    }
    m_details->setText(text);
    m_details->show();
    Q_EMIT currentMigrationChanged(*m);
}

QString MigrationsView::detailsText() const
{
    return m_details->isHidden() ? QString()
                                 : QTextDocumentFragment::fromHtml(m_details->text()).toPlainText();
}

QString MigrationsView::headingText() const
{
    return m_heading->text();
}

QString MigrationsView::countsText() const
{
    return m_counts->text();
}
