// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#include "resultsview.h"

#include "focusring.h"
#include "report/resultclipboard.h"
#include "resultsmodel.h"
#include "resultsproxymodel.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QMenu>
#include <QMimeData>
#include <QStyle>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {

// QAbstractItemView answers Ctrl+C itself with the current cell's text; here it copies
// the whole result, as the context menu's Copy does.
class ResultsTable : public QTableView
{
public:
    explicit ResultsTable(QAction *copy, QWidget *parent)
        : QTableView(parent)
        , m_copy(copy)
    { }

protected:
    void keyPressEvent(QKeyEvent *event) override
    {
        if (event == QKeySequence::Copy) {
            m_copy->trigger();
            event->accept();
            return;
        }
        QTableView::keyPressEvent(event);
    }

private:
    QAction *m_copy;
};

} // namespace

ResultsView::ResultsView(ResultsProxyModel *proxy, QWidget *parent)
    : QWidget(parent)
    , m_proxy(proxy)
    , m_summary(new QLabel(this))
    , m_summaryTimer(new QTimer(this))
    , m_fitTimer(new QTimer(this))
    , m_copy(new QAction(tr("&Copy"), this))
    , m_copyMarkdown(new QAction(tr("Copy as &Markdown"), this))
    , m_copyJson(new QAction(tr("Copy as &JSON"), this))
{
    m_table = new ResultsTable(m_copy, this);
    m_summary->setAccessibleName(tr("Results summary"));
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_table->setModel(m_proxy);
    m_table->setAccessibleName(tr("Check results"));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    // Tab goes on to the next pane: with cell-to-cell Tab the table kept the keyboard.
    m_table->setTabKeyNavigation(false);
    m_table->setSortingEnabled(true);
    QHeaderView *header = m_table->horizontalHeader();
    header->setSortIndicator(-1, Qt::AscendingOrder); // the model's own order
    header->setSortIndicatorClearable(true);
    m_table->verticalHeader()->hide();
    // A column fitted to its contents measures the rows shown and this many more, not all:
    // Qt's default (1000) measured every row of 50 environments, ~6 ms a column.
    m_table->verticalHeader()->setResizeContentsPrecision(100);
    // Rows as high as a line of text and its icon need: more of them fit in a short window.
    m_table->verticalHeader()->setDefaultSectionSize(qMax(fontMetrics().height(), 16) + 8);
    m_table->setWordWrap(false);
    m_table->setTextElideMode(Qt::ElideRight); // the whole message is in the tooltip
    header->setSectionResizeMode(ResultsModel::MessageColumn, QHeaderView::Stretch);
    header->setSectionResizeMode(ResultsModel::CheckColumn, QHeaderView::ResizeToContents);
    header->setMinimumSectionSize(40);
    m_table->hideColumn(ResultsModel::SeverityColumn);
    FocusRing::attach(m_table);

    m_copy->setShortcut(QKeySequence::Copy);
    m_copy->setShortcutContext(Qt::WidgetShortcut); // the table's key press handles it
    m_copy->setToolTip(tr("Copy the result with its evidence and target as text"));
    m_copyMarkdown->setToolTip(tr("Copy the result with its evidence and target as Markdown"));
    m_copyJson->setToolTip(tr("Copy the result as the doctor CLI's JSON report"));
    connect(m_copy, &QAction::triggered, this, [this] { copy(Form::Text); });
    connect(m_copyMarkdown, &QAction::triggered, this, [this] { copy(Form::Markdown); });
    connect(m_copyJson, &QAction::triggered, this, [this] { copy(Form::Json); });
    m_table->addActions({ m_copy, m_copyMarkdown, m_copyJson });
    m_table->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_table, &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        // The row under the pointer is the one copied, as in every table the user knows.
        if (const QModelIndex at = m_table->indexAt(pos); at.isValid())
            m_table->setCurrentIndex(at);
        updateActions();
        QMenu menu(this);
        menu.addActions({ m_copy, m_copyMarkdown, m_copyJson });
        menu.exec(m_table->viewport()->mapToGlobal(pos));
    });

    // fitColumns() fits a column a turn of the event loop (fitNextColumn).
    m_fitTimer->setSingleShot(true);
    m_fitTimer->setInterval(0);
    connect(m_fitTimer, &QTimer::timeout, this, &ResultsView::fitNextColumn);
    // The summary counts what the filter shows; results arrive in bursts, so it is
    // recounted once per turn of the event loop.
    m_summaryTimer->setSingleShot(true);
    m_summaryTimer->setInterval(0);
    connect(m_summaryTimer, &QTimer::timeout, this, &ResultsView::updateSummary);
    auto later = [this] { m_summaryTimer->start(); };
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, later);
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, later);
    connect(m_proxy, &QAbstractItemModel::dataChanged, this, later);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, later);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, later);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentChanged, this,
        &ResultsView::updateActions);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this] {
        m_autoSelected = m_selectingAutomatically;
        Q_EMIT currentResultChanged();
    });

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_summary);
    layout->addWidget(m_table, 1);
    updateSummary();
    updateActions();
}

void ResultsView::setEnvironment(const QString &name)
{
    m_proxy->setEnvironment(name);
    // One environment's rows all say its name; the message gets the room.
    m_table->setColumnHidden(ResultsModel::EnvironmentColumn, !name.isEmpty());
    m_summaryTimer->start();
}

std::optional<CheckResult> ResultsView::currentResult() const
{
    const QModelIndex current = m_table->currentIndex();
    if (!current.isValid())
        return std::nullopt;
    return current.data(ResultsModel::ResultRole).value<CheckResult>();
}

bool ResultsView::selectResult(const QString &environment, const QString &checkId)
{
    const auto *results = static_cast<const ResultsModel *>(m_proxy->sourceModel());
    const int row = results->rowOf(environment, checkId);
    if (row < 0)
        return false;
    const QModelIndex index = m_proxy->mapFromSource(results->index(row, 0));
    if (!index.isValid())
        return false;
    m_table->setCurrentIndex(index);
    m_autoSelected = false;
    m_table->scrollTo(index);
    return true;
}

bool ResultsView::hasUserSelection() const
{
    return m_table->currentIndex().isValid() && !m_autoSelected;
}

void ResultsView::selectMostInteresting(const QString &preferredCheckId)
{
    if (hasUserSelection())
        return; // the user chose meanwhile
    // In the model's order (environments, then checks), whatever the table is sorted by:
    // among equals the first wins.
    const auto *results = static_cast<const ResultsModel *>(m_proxy->sourceModel());
    int best = -1;
    qint64 bestRank = -1;
    for (int row = 0; row < results->rowCount(); ++row) {
        if (!m_proxy->mapFromSource(results->index(row, 0)).isValid())
            continue;
        const CheckResult *r = results->resultAt(row);
        const qint64 rank
            = (Status::rank(r->status) * 2 + (r->checkId == preferredCheckId ? 1 : 0)) * 100000
            + r->evidenceValue(u"PendingCount"_s).toInt();
        if (rank > bestRank) {
            bestRank = rank;
            best = row;
        }
    }
    if (best < 0)
        return;
    const QModelIndex index = m_proxy->mapFromSource(results->index(best, 0));
    m_selectingAutomatically = true;
    m_table->setCurrentIndex(index);
    m_selectingAutomatically = false;
    m_autoSelected = true;
    m_table->scrollTo(index);
}

void ResultsView::fitColumns()
{
    for (int c = 0; c < ResultsModel::ColumnCount; ++c) {
        // The message is stretched, the check sized by ResizeToContents, the severity never
        // shown. A column hidden now is fitted too (the Environment column while one
        // environment is chosen): Qt keeps its width for when it is shown again.
        if (c != ResultsModel::MessageColumn && c != ResultsModel::CheckColumn
            && c != ResultsModel::SeverityColumn)
            fitColumn(c);
    }
}

void ResultsView::fitColumn(int column)
{
    if (!m_unfitted.contains(column))
        m_unfitted << column;
    m_fitTimer->start();
}

void ResultsView::fitNextColumn()
{
    if (m_unfitted.isEmpty())
        return;
    const int c = m_unfitted.takeFirst();
    if (!m_unfitted.isEmpty())
        m_fitTimer->start();
    // As wide as the cells and the title, without the room QHeaderView keeps in every
    // section for a sort arrow (its sectionSizeHint): with ten checks per environment and the
    // scroll bar, those ~20 px a column were the message's at 1280 px. The one sorted
    // column's arrow then covers a letter of its title, elided as Qt does.
    QHeaderView *header = m_table->horizontalHeader();
    const int margins
        = 2 * header->style()->pixelMetric(QStyle::PM_HeaderMargin, nullptr, header) + 4;
    const QString title = m_table->model()->headerData(c, Qt::Horizontal).toString();
    m_table->setColumnWidth(c,
        qMax(static_cast<const QAbstractItemView *>(m_table)->sizeHintForColumn(c),
            QFontMetrics(header->font()).horizontalAdvance(title) + margins));
}

void ResultsView::copy(Form form)
{
    const std::optional<CheckResult> result = currentResult();
    if (!result)
        return;
    auto *mime = new QMimeData;
    QString what;
    switch (form) {
    case Form::Text:
        mime->setText(ResultClipboard::text(*result));
        what = tr("Result copied with its evidence");
        break;
    case Form::Markdown:
        // text/markdown for editors that take it; the same text for those that do not.
        mime->setData(u"text/markdown"_s, ResultClipboard::markdown(*result).toUtf8());
        mime->setText(ResultClipboard::markdown(*result));
        what = tr("Result copied as Markdown");
        break;
    case Form::Json: {
        const QByteArray json = ResultClipboard::json(*result, QApplication::applicationVersion());
        mime->setData(u"application/json"_s, json);
        mime->setText(QString::fromUtf8(json));
        what = tr("Result copied as JSON");
        break;
    }
    }
    QApplication::clipboard()->setMimeData(mime);
    Q_EMIT copied(what);
}

void ResultsView::updateSummary()
{
    const QString text = m_proxy->summary();
    m_summary->setText(text.isEmpty() ? tr("No results yet") : text);
}

void ResultsView::updateActions()
{
    const bool any = m_table->currentIndex().isValid();
    for (QAction *a : { m_copy, m_copyMarkdown, m_copyJson })
        a->setEnabled(any);
}
