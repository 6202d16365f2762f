// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#include "matrixview.h"

#include "environmentsmodel.h"
#include "escapeclears.h"
#include "focusring.h"
#include "matrixdifferencefilter.h"
#include "migrationmatrixmodel.h"
#include "resultsmodel.h"
#include "statusicons.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QSettings>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;
using Cell = MigrationMatrix::Cell;

namespace {

// Results change in bursts (a run's results arrive one by one, a run marks rows stale):
// one rebuild per burst.
constexpr int RebuildDelayMs = 150;
// The Migration column is fitted to its ids up to this; longer ones are elided.
constexpr int MaxMigrationWidth = 420;

} // namespace

MatrixView::MatrixView(QWidget *parent)
    : QWidget(parent)
    , m_model(new MigrationMatrixModel(this))
    , m_filter(new MatrixDifferenceFilter(this))
    , m_summary(new QLabel(this))
    , m_filterEdit(new QLineEdit(this))
    , m_onlyDiffering(new QCheckBox(tr("&Only rows that differ"), this))
    , m_table(new QTableView(this))
    , m_legend(new QLabel(this))
    , m_rebuildTimer(new QTimer(this))
{
    setAccessibleName(tr("Migration matrix"));
    m_filter->setSourceModel(m_model);
    m_onlyDiffering->setChecked(QSettings().value(onlyDifferingKey(), true).toBool());
    m_filter->setOnlyDiffering(m_onlyDiffering->isChecked());
    m_onlyDiffering->setToolTip(
        tr("Show only the migrations whose state is not the same in every environment"));
    m_filterEdit->setPlaceholderText(tr("Filter migrations…"));
    m_filterEdit->setClearButtonEnabled(true);
    m_filterEdit->setAccessibleName(tr("Filter the matrix's migrations"));
    EscapeClears::install(m_filterEdit);
    m_summary->setAccessibleName(tr("Matrix summary"));
    m_summary->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_summary->setMinimumWidth(120);
    m_legend->setAccessibleName(tr("Matrix legend"));
    m_legend->setTextFormat(Qt::RichText);
    m_legend->setWordWrap(true);

    m_table->setModel(m_filter);
    m_table->setSelectionBehavior(QAbstractItemView::SelectItems);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setTabKeyNavigation(false); // Tab moves on to the next pane
    m_table->setWordWrap(false);
    m_table->setIconSize(QSize(14, 14));
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(qMax(fontMetrics().height(), 16) + 8);
    m_table->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_table->horizontalHeader()->setHighlightSections(false);
    // The History column is fitted on 200 rows around the visible ones, not Qt's 1000.
    m_table->horizontalHeader()->setResizeContentsPrecision(200);
    m_table->setAccessibleName(tr("Migration matrix table"));
    FocusRing::attach(m_table);

    m_rebuildTimer->setSingleShot(true);
    m_rebuildTimer->setInterval(RebuildDelayMs);
    connect(m_rebuildTimer, &QTimer::timeout, this, &MatrixView::rebuild);
    connect(m_onlyDiffering, &QCheckBox::toggled, this, [this](bool on) {
        m_filter->setOnlyDiffering(on);
        QSettings().setValue(onlyDifferingKey(), on);
        updateSummary();
    });
    connect(m_filterEdit, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_filter->setText(text);
        updateSummary();
    });
    connect(m_model, &MigrationMatrixModel::matrixChanged, this, &MatrixView::matrixChanged);
    connect(m_model, &MigrationMatrixModel::buildingChanged, this, &MatrixView::updateSummary);
    connect(m_table, &QAbstractItemView::clicked, this, &MatrixView::chosen);
    connect(m_table, &QAbstractItemView::activated, this, &MatrixView::chosen);

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_filterEdit, 1);
    bar->addWidget(m_onlyDiffering);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_summary);
    layout->addLayout(bar);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_legend);
    updateSummary();
    updateLegend();
}

QString MatrixView::onlyDifferingKey()
{
    return u"matrix/onlyDiffering"_s;
}

void MatrixView::setSource(const ResultsModel *results, const EnvironmentsModel *environments)
{
    for (const QAbstractItemModel *old : { static_cast<const QAbstractItemModel *>(m_results),
             static_cast<const QAbstractItemModel *>(m_environments) }) {
        if (old)
            disconnect(old, nullptr, this, nullptr);
    }
    m_results = results;
    m_environments = environments;
    for (const QAbstractItemModel *model : { static_cast<const QAbstractItemModel *>(results),
             static_cast<const QAbstractItemModel *>(environments) }) {
        if (!model)
            continue;
        connect(model, &QAbstractItemModel::modelReset, this, &MatrixView::scheduleRebuild);
        connect(model, &QAbstractItemModel::rowsInserted, this, &MatrixView::scheduleRebuild);
        connect(model, &QAbstractItemModel::rowsRemoved, this, &MatrixView::scheduleRebuild);
        connect(model, &QAbstractItemModel::layoutChanged, this, &MatrixView::scheduleRebuild);
    }
    // A result replaced in place; the environments' dataChanged is their busy badges.
    if (results)
        connect(results, &QAbstractItemModel::dataChanged, this, &MatrixView::scheduleRebuild);
    rebuild();
}

void MatrixView::setSightings(const QList<MigrationSighting> &sightings)
{
    m_sightings = sightings;
    rebuild();
}

void MatrixView::scheduleRebuild()
{
    if (isVisible())
        m_rebuildTimer->start();
    else
        m_dirty = true;
}

void MatrixView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_dirty)
        rebuild();
}

void MatrixView::rebuild()
{
    m_rebuildTimer->stop();
    m_dirty = false;
    QList<CheckResult> results;
    QStringList environments;
    if (m_results) {
        results.reserve(m_results->rowCount());
        for (int row = 0; row < m_results->rowCount(); ++row) {
            const CheckResult *r = m_results->resultAt(row);
            results << *r;
            if (!m_environments && !environments.contains(r->environment))
                environments << r->environment;
        }
    }
    if (m_environments) {
        for (const Environment &e : m_environments->environments())
            environments << e.name;
    }
    m_model->build(results, environments,
        m_sightings.isEmpty() ? MigrationMatrices::FirstSeen()
                              : MigrationMatrixModel::firstSeenFrom(m_sightings));
}

void MatrixView::matrixChanged()
{
    fitColumns();
    updateSummary();
    updateLegend();
}

void MatrixView::fitColumns()
{
    // Measured from the texts, not by the header's ResizeToContents: that asks every row of
    // every column (2 000 × 50 cells) for its size hint.
    const QFontMetrics metrics = m_table->fontMetrics();
    const int padding = 2 * m_table->style()->pixelMetric(QStyle::PM_FocusFrameHMargin) + 14;
    const int icon = m_table->iconSize().width() + 6;
    // Differing rows' ids are bold (the model's FontRole), and bold is wider.
    QFont boldFont = m_table->font();
    boldFont.setBold(true);
    const QFontMetrics bold(boldFont);
    int migration = metrics.horizontalAdvance(
        m_model->headerData(MigrationMatrixModel::MigrationColumn, Qt::Horizontal).toString());
    // Each id is measured once (about 4 us: its text is shaped), not on every rebuild: a run
    // brings the same 2 000 ids again, and measuring them was 7 of the 11 ms the UI thread
    // spent applying a new matrix (tests/bench/matrixbench.cpp).
    if (m_measuredFont != m_table->font()) {
        m_measuredFont = m_table->font();
        m_idWidths[0].clear();
        m_idWidths[1].clear();
    }
    for (const MigrationMatrix::Row &r : m_model->matrix().rows) {
        QHash<QString, int> &widths = m_idWidths[r.differs ? 1 : 0];
        auto it = widths.constFind(r.migrationId);
        if (it == widths.cend()) {
            it = widths.insert(
                r.migrationId, (r.differs ? bold : metrics).horizontalAdvance(r.migrationId));
        }
        migration = qMax(migration, *it);
    }
    m_table->setColumnWidth(
        MigrationMatrixModel::MigrationColumn, qMin(migration + padding, MaxMigrationWidth));
    m_table->setColumnHidden(MigrationMatrixModel::HistoryColumn, m_model->historyCount() <= 1);
    if (m_model->historyCount() > 1)
        m_table->resizeColumnToContents(MigrationMatrixModel::HistoryColumn);
    int mark = 0;
    for (int c = 0; c <= int(Cell::Unknown); ++c)
        mark = qMax(mark, metrics.horizontalAdvance(MigrationMatrixModel::cellText(Cell(c))));
    const QFontMetrics headerMetrics = m_table->horizontalHeader()->fontMetrics();
    for (int column = MigrationMatrixModel::FirstEnvironmentColumn; column < m_model->columnCount();
        ++column) {
        const QString name = m_model->headerData(column, Qt::Horizontal).toString();
        // The header's sort indicator room is not needed: the matrix is not sorted.
        const int width = qMax(mark, headerMetrics.horizontalAdvance(name)) + icon + padding;
        m_table->setColumnWidth(column, width);
    }
}

void MatrixView::updateSummary()
{
    m_summary->setText(summaryText());
}

QString MatrixView::summaryText() const
{
    if (m_model->isBuilding())
        return tr("Building the matrix…");
    const MigrationMatrix &m = m_model->matrix();
    if (m.columns.isEmpty())
        return tr("No environments");
    if (m.rows.isEmpty())
        return tr("No migrations results yet: run the checks");
    const QString environments = tr("%n environment(s)", nullptr, int(m.columns.size()));
    const int rows = int(m.rows.size());
    QString text = m_model->differingRows() == 0
        ? tr("All %n migration(s) are in the same state everywhere", nullptr, rows)
        : tr("%1 of %n migration(s) differ", nullptr, rows).arg(m_model->differingRows());
    text += u" · "_s + environments;
    if (m_filter->rowCount() != (m_filter->onlyDiffering() ? m_model->differingRows() : rows))
        text += u" · "_s + tr("%n shown", nullptr, m_filter->rowCount());
    return text;
}

void MatrixView::updateLegend()
{
    // The states the matrix shows, each with its badge's colour and the mark its cells carry.
    bool present[int(Cell::Unknown) + 1] = {};
    for (const MigrationMatrix::Row &r : m_model->matrix().rows) {
        for (const Cell cell : r.cells)
            present[int(cell)] = true;
    }
    QStringList items;
    for (int c = 0; c <= int(Cell::Unknown); ++c) {
        const Cell cell = Cell(c);
        if (!present[c])
            continue;
        if (cell == Cell::Absent || cell == Cell::Unknown) {
            const QString meaning = cell == Cell::Absent
                ? tr("absent (neither in the history nor expected)")
                : tr("unknown (no readable history)");
            items << u"<b>%1</b>&nbsp;%2"_s.arg(MigrationMatrixModel::cellText(cell),
                meaning.toHtmlEscaped().replace(u' ', u"&nbsp;"_s));
            continue;
        }
        // The mark the cells carry, and the state's full name where it says more.
        const QColor colour = StatusIcons::colour(MigrationEntry::State(c));
        QString text = MigrationMatrixModel::cellText(cell);
        const QString name = MigrationMatrixModel::cellName(cell);
        if (name.compare(text, Qt::CaseInsensitive) != 0)
            text = tr("%1 (%2)").arg(text, name.toLower());
        items << u"<span style=\"color:%1\">■</span>&nbsp;%2"_s.arg(
            colour.name(), text.toHtmlEscaped().replace(u' ', u"&nbsp;"_s));
    }
    m_legend->setText(items.join(u" &nbsp; "_s));
    m_legend->setVisible(!items.isEmpty());
}

void MatrixView::chosen(const QModelIndex &index)
{
    const QString environment = index.data(MigrationMatrixModel::EnvironmentRole).toString();
    if (environment.isEmpty())
        return; // the migration's own columns
    Q_EMIT cellChosen(environment, index.data(MigrationMatrixModel::ToolRole).toString(),
        index.data(MigrationMatrixModel::HistoryRole).toString(),
        index.data(MigrationMatrixModel::MigrationIdRole).toString());
}
